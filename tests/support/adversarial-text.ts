// The inputs known to be worst for text cleaning's patterns, each built to about `chars` characters. The unit
// test checks that their time grows linearly; the benchmark prints their time per character.
export const WORST_CLEANING_INPUTS: Readonly<Record<string, (chars: number) => string>> = {
  "nested credits closed late": (chars) => "(photo: ".repeat(chars / 16) + ")".repeat(chars / 2),
  "nested credits closed at once": (chars) => "(photo: ".repeat(chars / 16) + ")".repeat(chars / 16) + "x".repeat(chars / 2),
  "open brackets": (chars) => "[".repeat(chars),
  "unclosed credits": (chars) => "(photo by".repeat(chars / 9),
  "decoration after a junk prefix": (chars) => "advertisement - scroll to" + "»".repeat(chars - 26) + "x",
  "spaces before text": (chars) => " ".repeat(chars - 1) + "x",
};
