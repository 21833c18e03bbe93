// Conversation: flattened vs turn by turn (spec 000, decision 3). The same three-speaker conversation of about
// twenty chunks, uncached, at upstream latency L: once as one /api/tts request whose turns' chunks form one
// parallel batch, and once turn after turn, each turn its own request (its chunks in parallel among themselves),
// which is the per-turn design the spec rejected.
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { conversation, TWENTY_CHUNK_TURNS } from "../support/conversations";
import { benchHeading, markdownTable, median, ms } from "./support/bench-kit";
import { ttsWallMs, withBenchServers } from "./support/bench-servers";

const RUNS = 3;
const LATENCY_MS = 1_000;
const CAST = ["Ashley", "Dennis", "Ashley"];

await withBenchServers({}, async ({ api, voice }) => {
  await ttsWallMs(api, { segments: conversation([300, 300, 300], CAST).segments }); // warm-up: JIT, connections, worker threads
  await voice.control({ latencyMs: LATENCY_MS });
  const flattened: number[] = [];
  const turnByTurn: number[] = [];
  let shape = conversation(TWENTY_CHUNK_TURNS, CAST);
  for (let run = 0; run < RUNS; run++) {
    // A new conversation for each measurement: nothing cached answers either way.
    flattened.push(await ttsWallMs(api, { segments: conversation(TWENTY_CHUNK_TURNS, CAST).segments }));
    shape = conversation(TWENTY_CHUNK_TURNS, CAST);
    let wall = 0;
    for (const { text, voice } of shape.segments) wall += await ttsWallMs(api, { text, voice });
    turnByTurn.push(wall);
  }
  const rounds = shape.segments.reduce((sum, s) => sum + Math.ceil(planTTSChunks(cleanTextForTTS(s.text)).length / 3), 0);
  const ideal = Math.ceil(shape.chunks / 3) * LATENCY_MS;
  console.log(
    benchHeading(
      "Conversation: flattened vs turn by turn",
      import.meta.url,
      `silence engine, L = ${LATENCY_MS} ms, TTS_CHUNK_CONCURRENCY 3; ${shape.segments.length} turns of 3 speakers, ${shape.chunks} chunks; median of ${RUNS} runs`,
    ),
  );
  console.log(
    markdownTable(
      ["how", "upstream rounds", "ideal rounds × L", "wall (median)", "wall (worst)", "median / ideal"],
      [
        [
          "flattened: one batch",
          Math.ceil(shape.chunks / 3),
          ms(ideal),
          ms(median(flattened)),
          ms(Math.max(...flattened)),
          (median(flattened) / ideal).toFixed(3),
        ],
        [
          "turn by turn: a batch per turn",
          rounds,
          ms(rounds * LATENCY_MS),
          ms(median(turnByTurn)),
          ms(Math.max(...turnByTurn)),
          (median(turnByTurn) / (rounds * LATENCY_MS)).toFixed(3),
        ],
      ],
    ),
  );
});
