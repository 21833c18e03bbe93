// One word definition for the whole app. The browser wraps exactly these words of the cleaned text in spans and
// the timeline is cut into exactly these words, so span N and word N are the same word: the
// highlight maps an index, never searches.
//
// A word is a run of non-whitespace, as a reader of a language written with spaces sees it ("well-known", "U.S.",
// "3.50", "“Fine,”"), except in scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese):
// there the run is cut where Intl.Segmenter's word granularity puts a word, punctuation staying with the word
// before it ("了。") and an opening bracket with the word after it. Runs in other scripts are not handed to the
// segmenter, whose own word boundaries would split "well-known" and "e.g." into pieces a listener hears as one.
// ICU finds words in those scripts with one dictionary per script, whatever the locale, so the words do not depend
// on which language a caller names (tests/unit/split-words.test.ts holds this on our fixtures).

const RUN = /\S+/g;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const OPENING = /^[\p{Ps}\p{Pi}]+$/u;

export interface TextWord {
  text: string;
  /** index of the first character */
  start: number;
  /** index after the last character */
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function isLocale(lang: string): boolean {
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false; // not a well-formed tag
  }
}

// A few languages a session reads; a caller naming ever new tags only makes the cache start over.
const MAX_SEGMENTERS = 16;

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    if (segmenters.size >= MAX_SEGMENTERS) segmenters.clear();
    // An invalid tag is the caller's data, not a reason to fail: the root locale finds the same words.
    segmenter = new Intl.Segmenter(isLocale(lang) ? lang : "und", { granularity: "word" });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Cuts the run text[start, end) at the segmenter's words, as the header describes. */
function pushSegmentedRun(text: string, start: number, end: number, lang: string, words: TextWord[]): void {
  const run = text.slice(start, end);
  let wordStart = 0;
  let hasWord = false;
  // Where the opening brackets before the next word begin, if any came since the last word.
  let openers = -1;
  for (const { segment, index, isWordLike } of wordSegmenter(lang).segment(run)) {
    if (isWordLike) {
      if (hasWord) {
        const cut = openers >= 0 ? openers : index;
        words.push({ text: run.slice(wordStart, cut), start: start + wordStart, end: start + cut });
        wordStart = cut;
      }
      hasWord = true;
      openers = -1;
    } else if (hasWord && OPENING.test(segment)) {
      if (openers < 0) openers = index;
    } else {
      openers = -1;
    }
  }
  words.push({ text: run.slice(wordStart), start: start + wordStart, end });
}

/** The words of `text`, in order; `lang` is the text's language (BCP 47), for the segmenter. */
export function splitWords(text: string, lang = "und"): TextWord[] {
  const words: TextWord[] = [];
  const unspaced = UNSPACED.test(text);
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (unspaced && UNSPACED.test(m[0])) pushSegmentedRun(text, start, end, lang, words);
    else words.push({ text: m[0], start, end });
  }
  return words;
}
