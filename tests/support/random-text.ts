// Seeded generators for property-style tests: the same seed gives the same texts in every run and runtime.

/** mulberry32: a tiny 32-bit PRNG returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const WORDS = [
  "the",
  "harbour",
  "wall",
  "Mr.",
  "Dr.",
  "e.g.",
  "U.S.",
  "3.14",
  "storm",
  "tide",
  "said",
  "quay",
  "stone",
  "mortar",
  "£1.3",
  "million",
  "—",
  "–",
  "naïve",
  "café",
  "😀",
  "日本語",
  "don't",
  "“quoted”",
  "(aside)",
  "well,",
  "yes;",
  "note:",
  "why?",
  "wow!",
  "so…",
  "end.",
  "A.",
  "Share",
  "advertisement",
  "Subscribe",
  "related",
];

/** Prose-like text: sentences of mixed words and punctuation, paragraphs, odd whitespace. */
export function randomProse(random: () => number, approxChars: number): string {
  let text = "";
  while (text.length < approxChars) {
    const words = randomInt(random, 1, 40);
    const sentence: string[] = [];
    for (let i = 0; i < words; i++) sentence.push(pick(random, WORDS));
    text += sentence.join(random() < 0.05 ? "  " : " ") + pick(random, [".", "!", "?", "…", ".”", ".)", ""]);
    text += pick(random, [" ", " ", " ", " ", "\n", "\n\n", "\n\n", " \n \n ", "\t", "\n\n\n"]);
  }
  return text;
}

/** Any characters at all, weighted towards whitespace and punctuation that the text code treats specially. */
export function randomChars(random: () => number, length: number): string {
  const special = [
    " ",
    "\n",
    "\r",
    "\t",
    "\u00A0",
    "\u200B",
    "\u00AD",
    "\uFEFF",
    "\u2028",
    "\u2029",
    ".",
    "(",
    ")",
    "[",
    "]",
    ":",
    "/",
    "—",
    "😀",
    "\uD83D",
  ];
  let text = "";
  for (let i = 0; i < length; i++) {
    text += random() < 0.4 ? pick(random, special) : String.fromCharCode(randomInt(random, 32, 0x2fff));
  }
  return text;
}
