// Per-character times in Inworld's response shapes (singular "Time" in the field names, as Inworld spells
// them). Word alignment groups runs of non-whitespace, punctuation included, as the API's highlighter does.

export interface CharacterAlignment {
  characters: string[];
  characterStartTimeSeconds: number[];
  characterEndTimeSeconds: number[];
}

export interface WordAlignment {
  words: string[];
  wordStartTimeSeconds: number[];
  wordEndTimeSeconds: number[];
}

export type TimestampInfo = { characterAlignment: CharacterAlignment } | { wordAlignment: WordAlignment };

// Millisecond precision keeps the JSON small. Rounding down keeps times ordered and never past the audio.
const round = (seconds: number) => Math.floor(seconds * 1000) / 1000;

/** One entry per UTF-16 code unit, so `characters.join("")` is the text even around surrogate pairs. */
export function characterAlignment(text: string, starts: Float64Array, ends: Float64Array): CharacterAlignment {
  return {
    characters: text.split(""),
    characterStartTimeSeconds: Array.from(starts, round),
    characterEndTimeSeconds: Array.from(ends, round),
  };
}

export function wordAlignment(text: string, starts: Float64Array, ends: Float64Array): WordAlignment {
  const alignment: WordAlignment = { words: [], wordStartTimeSeconds: [], wordEndTimeSeconds: [] };
  for (const word of text.matchAll(/\S+/g)) {
    const last = word.index + word[0].length - 1;
    alignment.words.push(word[0]);
    alignment.wordStartTimeSeconds.push(round(starts[word.index]));
    alignment.wordEndTimeSeconds.push(round(ends[last]));
  }
  return alignment;
}
