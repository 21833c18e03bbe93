import { expect, test } from "vitest";
import { addHighlight, parseHighlights } from "@/client/annotations/highlights";

const text = "The lamplighter walked the long street at dusk.";
const textOf = (s: number, e: number) => text.slice(s, e);

test("keeps valid stored highlights and drops the rest", () => {
  const good = { id: "h1", start: 4, end: 15, text: "lamplighter" };
  expect(parseHighlights([good, { id: "x", start: 5, end: 2, text: "" }, "junk", { id: "<script>", start: 0, end: 1, text: "T" }])).toEqual([good]);
  expect(parseHighlights("not a list")).toEqual([]);
});

test("adding an overlapping highlight merges them into one", () => {
  const first = addHighlight([], { id: "a", start: 4, end: 15, text: textOf(4, 15) }, textOf);
  const merged = addHighlight(first, { id: "b", start: 10, end: 22, text: textOf(10, 22) }, textOf);
  expect(merged).toEqual([{ id: "b", start: 4, end: 22, text: "lamplighter walked" }]);
});

test("separate highlights stay separate, in text order", () => {
  const list = addHighlight([{ id: "late", start: 27, end: 38, text: textOf(27, 38) }], { id: "early", start: 0, end: 3, text: "The" }, textOf);
  expect(list.map((h) => h.id)).toEqual(["early", "late"]);
});
