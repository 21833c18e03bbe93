// The timeline the API returns and the browser consumes: one entry per character of the text, in the
// plural "Times" names of ElevenLabs' format (Inworld's own response uses singular "Time"; the Inworld
// client converts).
export interface Alignment {
  characters: string[];
  characterStartTimesSeconds: number[];
  characterEndTimesSeconds: number[];
}

export interface WordBoundary {
  text: string;
  /** start, in milliseconds */
  offset: number;
  /** milliseconds */
  duration: number;
  /** index of the word's first character in the text */
  textOffset: number;
  textLength: number;
}
