// Prose for tests, written for this project. Sizes are exact enough to control the number of chunks.
const PARAGRAPHS = [
  "The lighthouse keeper climbed the spiral stairs each evening at dusk. He trimmed the wick, polished the great lens, and watched the first beam sweep across the water. Ships he would never meet turned their bows by his light.",
  "In the valley below, the orchard had begun to bloom. Bees worked the white blossoms from first light, and the farmer walked the rows with a notebook, counting the trees that had survived the frost.",
  "Cities keep their history in unexpected places: a worn doorstep, a street name nobody can explain, a bakery that has opened at five every morning for a hundred years. Walk slowly and the past starts talking.",
  "The committee met on Tuesday to discuss the bridge. Some members wanted steel; others argued for stone, which would last for centuries. After three hours they agreed only to meet again next week.",
  "Rain arrived in the afternoon, soft at first and then steady. Children ran home with their coats over their heads, and the gutters sang the whole evening long.",
];

let counter = 0;

export function uniqueSentence(): string {
  counter += 1;
  return `This is sentence number ${counter} of run ${process.pid}-${Date.now() % 100_000}.`;
}

/** About `chars` characters of prose in paragraphs, unique per call so no cache answers it. */
export function article(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const paragraph = `${PARAGRAPHS[i % PARAGRAPHS.length]} ${uniqueSentence()}`;
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join("\n\n");
}
