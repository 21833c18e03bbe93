// The timeline the API returns and the browser consumes: one entry per character of the text, in the
// plural "Times" names of ElevenLabs' format (Inworld's own response uses singular "Time"; the Inworld
// client converts).
export interface Alignment {
  characters: string[];
  characterStartTimesSeconds: number[];
  characterEndTimesSeconds: number[];
}
