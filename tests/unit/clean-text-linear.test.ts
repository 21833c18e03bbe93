// Cleaning is linear in the input (docs/architecture.md invariant 12: the raw text may be 1,000,000 characters) and
// still removes exactly what the rules describe. The rules' plainest reading is a loop that re-runs the
// inline patterns until nothing changes; it is quadratic in the nesting depth, so it serves here only as
// the reference on small inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanTextForTTS, cleanTextWith, INLINE_JUNK_PATTERNS } from "@/lib/text/clean-text";
import { slowdown } from "@/tests/support/timing";
import { WORST_CLEANING_INPUTS } from "@/tests/support/adversarial-text";

const HORIZONTAL_SPACE = /[^\S\n]+/g;

/** The rules' plainest reading of the inline step: re-run the patterns until nothing changes. */
const referenceClean = cleanTextWith((line) => {
  for (let current = line; ;) {
    let next = current;
    for (const pattern of INLINE_JUNK_PATTERNS) next = next.replace(pattern, "");
    if (next === current) return current;
    current = next.replace(HORIZONTAL_SPACE, " ");
  }
});

// Pieces that make credits, near-credits and nesting likely when strung together at random.
const PIECES = [
  "(",
  ")",
  "[",
  "]",
  "(Photo",
  "(photo:",
  "[Image:",
  "(Credit:",
  "(credits :",
  "(Pictures by",
  "(Video courtesy of",
  "(Illustration credit:",
  " by ",
  "by",
  " courtesy",
  " of ",
  ":",
  " ",
  "  ",
  "\t",
  "\u00A0",
  "\n",
  "\n\n",
  "\r\n",
  "\u200B",
  "x",
  "Jane Doe",
  "Reuters",
  ".",
  "Advertisement",
  "Share",
  "Read more: ",
  "/ Getty Images",
  "bye",
];
const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));

describe("cleanTextForTTS on adversarial input", () => {
  it.each(Object.keys(WORST_CLEANING_INPUTS))("takes time proportional to the length of %s", (name) => {
    const make = WORST_CLEANING_INPUTS[name];
    // 16× the input: 16× the time if the work were linear and memory free, 256× when quadratic. Measured on
    // linear code: up to ~60× (copies of long strings and the collector grow faster than the input), so 128
    // leaves a factor of 2 to noise and still fails anything quadratic by a factor of 2.
    expect(slowdown(cleanTextForTTS, make(20_000), make(320_000))).toBeLessThan(128);
  });

  it("removes credits nested as deep as the input allows", () => {
    expect(cleanTextForTTS(`Before ${"(Photo: ".repeat(5_000)}${")".repeat(5_000)} after.`)).toBe("Before after.");
    expect(cleanTextForTTS(`Kept ${"(aside ".repeat(3)}(Photo: x)${")".repeat(3)}.`)).toBe("Kept (aside (aside (aside))).");
  });
});

describe("cleanTextForTTS properties", () => {
  it("removes what re-running the patterns until nothing changes removes", () => {
    fc.assert(
      fc.property(piecesText, (text) => {
        expect(cleanTextForTTS(text)).toBe(referenceClean(text));
      }),
      { numRuns: 3_000 },
    );
  });

  // A paragraph separator (U+2029) is one character that stands for a blank line, "\n\n": the only thing cleaning
  // lengthens, by one character each.
  it("is idempotent and never longer than its input, a paragraph separator counted as the blank line it is", () => {
    expect(cleanTextForTTS("a\u2029b")).toBe("a\n\nb");
    fc.assert(
      fc.property(fc.oneof(piecesText, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        const once = cleanTextForTTS(text);
        expect(cleanTextForTTS(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(text.length + text.split("\u2029").length - 1);
      }),
      { numRuns: 2_000 },
    );
  });
});
