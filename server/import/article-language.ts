// An article's language: what the page declares when the text agrees, else what the text is written in.
// Pages declare wrongly often enough (a template's lang="en" around an Arabic article), and the voice, the
// words and the sentences all follow this one answer, so the declaration is checked against the text.
// Detection is franc's (trigrams of the first 2,048 characters, offline, no model to load).
import { francAll } from "franc";
import { primaryLanguage } from "@/lib/language";

// franc answers in ISO 639-3, individual languages included (arb is Standard Arabic, cmn Mandarin); a BCP 47
// tag uses the two-letter code.
const TWO_LETTER: Record<string, string> = {
  afr: "af",
  als: "sq",
  amh: "am",
  arb: "ar",
  azj: "az",
  bam: "bm",
  bel: "be",
  ben: "bn",
  bod: "bo",
  bos: "bs",
  bul: "bg",
  cat: "ca",
  ces: "cs",
  cmn: "zh",
  dan: "da",
  deu: "de",
  ekk: "et",
  ell: "el",
  eng: "en",
  epo: "eo",
  ewe: "ee",
  fin: "fi",
  fra: "fr",
  glg: "gl",
  guj: "gu",
  hat: "ht",
  hau: "ha",
  heb: "he",
  hin: "hi",
  hrv: "hr",
  hun: "hu",
  hye: "hy",
  ibo: "ig",
  ind: "id",
  ita: "it",
  jav: "jv",
  jpn: "ja",
  kan: "kn",
  kat: "ka",
  kaz: "kk",
  khk: "mn",
  khm: "km",
  kin: "rw",
  kir: "ky",
  kor: "ko",
  lao: "lo",
  lin: "ln",
  lit: "lt",
  lug: "lg",
  lvs: "lv",
  mal: "ml",
  mar: "mr",
  mkd: "mk",
  mya: "my",
  nld: "nl",
  nno: "nn",
  nob: "nb",
  npi: "ne",
  nya: "ny",
  pan: "pa",
  pbu: "ps",
  pes: "fa",
  pol: "pl",
  por: "pt",
  prs: "fa",
  quy: "qu",
  quz: "qu",
  ron: "ro",
  run: "rn",
  rus: "ru",
  sag: "sg",
  sin: "si",
  slk: "sk",
  slv: "sl",
  sna: "sn",
  som: "so",
  sot: "st",
  spa: "es",
  srp: "sr",
  ssw: "ss",
  sun: "su",
  swe: "sv",
  swh: "sw",
  tam: "ta",
  tat: "tt",
  tel: "te",
  tgk: "tg",
  tgl: "tl",
  tha: "th",
  tir: "ti",
  tsn: "tn",
  tso: "ts",
  tuk: "tk",
  tur: "tr",
  uig: "ug",
  ukr: "uk",
  urd: "ur",
  uzn: "uz",
  ven: "ve",
  vie: "vi",
  wol: "wo",
  xho: "xh",
  ydd: "yi",
  yor: "yo",
  zlm: "ms",
  zul: "zu",
};
// The declared language agrees with the text when franc ranks it among its first guesses and rates it close to
// the best: trigrams cannot tell Russian from Bulgarian on a few lines, or Spanish from Galician, so a close
// neighbour of the best guess stands; a language further down, however well rated (franc rates every Latin-script
// language near the top for any Latin-script text), does not.
const CLOSE_RANKS = 3;
const CLOSE_RATING = 0.85;
const SAME_RATING = 0.98;
// Below this many letters franc's guess is noise ("und"), and the declaration stands.
const MIN_DETECTABLE = 20;

const toTag = (iso6393: string) => TWO_LETTER[iso6393] ?? iso6393;

/**
 * The language of `text` (a BCP 47 primary subtag such as "en", "ar", "zh"): `declared` when the text agrees
 * with it or is too short to tell, else the detected one; "en" when neither says anything.
 */
export function articleLanguage(text: string, declared: string | null | undefined): string {
  const claimed = primaryLanguage(declared);
  const ranked = francAll(text, { minLength: MIN_DETECTABLE });
  const [first, score] = ranked[0] ?? ["und", 0];
  if (first === "und" || score === 0) return claimed ?? "en";
  const agrees = ranked.some(
    ([code, rating], rank) => toTag(code) === claimed && (rating >= SAME_RATING || (rank < CLOSE_RANKS && rating >= CLOSE_RATING)),
  );
  if (claimed && agrees) return claimed;
  // franc weighs ~400 languages alike, and on a few lines of plain English its first guess is often Scots, a
  // neighbour no voice speaks ("Listen can't read Scots yet"). The answer is the best guess among the widely
  // written languages above; the whole ranking still decides whether a declaration agrees (the rule was tuned on it).
  const best = ranked.find(([code]) => code in TWO_LETTER);
  return best ? toTag(best[0]) : (claimed ?? "en");
}
