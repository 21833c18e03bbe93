// How long an article takes to hear, from the pace its voice speaks its language at. Measured with the local
// voice (eSpeak NG, each language's first free voice) on our fixtures and samples, characters of spoken text per
// second of audio (tests/bench/listening-pace.bench.ts; the README has the table). Scripts without spaces pack a
// word into a character or two, so their pace in characters is low; eSpeak reads Japanese kanji slowly.
import { primaryLanguage } from "../language";

const CHARS_PER_SECOND: Readonly<Record<string, number>> = {
  en: 17.5,
  fr: 21.6,
  de: 17.7,
  es: 17.7,
  ru: 18.1,
  ar: 10.8,
  he: 13.2,
  zh: 4.0,
  ja: 2.0,
};
// A language not measured yet: an alphabetic language's usual pace.
const UNMEASURED_CHARS_PER_SECOND = 17.5;

/** Seconds of audio the voice of `lang` makes of `spokenText` (an estimate). */
export function listeningSeconds(spokenText: string, lang = "en"): number {
  return spokenText.length / (CHARS_PER_SECOND[primaryLanguage(lang) ?? "en"] ?? UNMEASURED_CHARS_PER_SECOND);
}

/** Whole minutes, at least 1, for the text that will be spoken. */
export function listeningMinutes(spokenText: string, lang = "en"): number {
  return Math.max(1, Math.round(listeningSeconds(spokenText, lang) / 60));
}
