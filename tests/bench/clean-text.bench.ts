// Text cleaning on the worst inputs known for its patterns (tests/support/adversarial-text.ts) next to an
// ordinary article, at 10 k, 100 k and 1 M characters (the API's cap on raw text). Target (docs/architecture.md
// invariant 12, linear time): the time per character of each input stays within 2× across the three sizes.
// Runs in this process: no server is involved, the function is the one the API and the browser both call.
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { WORST_CLEANING_INPUTS } from "../support/adversarial-text";
import { fastestMs } from "../support/timing";
import { articleOfChars, benchHeading, markdownTable, ms } from "./support/bench-kit";

const SIZES = [10_000, 100_000, 1_000_000];
const RUNS = 9;

const INPUTS: Record<string, (chars: number) => string> = { "ordinary article (baseline)": articleOfChars, ...WORST_CLEANING_INPUTS };

const nsPerChar = (milliseconds: number, chars: number) => `${((milliseconds * 1e6) / chars).toFixed(1)} ns`;

// Every code path compiled and optimised before anything is timed, so the smallest size is not charged for it.
for (const make of Object.values(INPUTS)) for (let run = 0; run < 20; run++) cleanTextForTTS(make(SIZES[0]));

const rows: Array<Array<string | number>> = [];
for (const [name, make] of Object.entries(INPUTS)) {
  const perChar: number[] = [];
  const cells: string[] = [];
  for (const size of SIZES) {
    const input = make(size);
    // The fastest run, after one untimed run that lets the engine compile the code: the run least disturbed by
    // other processes and by garbage collection, which is what shows how the work itself scales.
    cleanTextForTTS(input);
    const time = fastestMs(cleanTextForTTS, input, RUNS);
    perChar.push(time / input.length);
    cells.push(`${ms(time)} (${nsPerChar(time, input.length)})`);
  }
  rows.push([name, ...cells, `${(Math.max(...perChar) / Math.min(...perChar)).toFixed(2)}×`]);
}

console.log(benchHeading("Text cleaning on adversarial input", import.meta.url, `fastest of ${RUNS} runs, time (per character)`));
console.log(markdownTable(["input", ...SIZES.map((s) => `${s.toLocaleString("en")} chars`), "per-char spread (target ≤ 2×)"], rows));
