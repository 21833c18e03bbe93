// Reading /api/tts/stream as a player does: the NDJSON body line by line, as it arrives.
import type { StreamLine } from "@/lib/stream/stream-lines";
import { postTts, type ApiTarget, type TtsCall } from "./tts-api";

export type { StreamLine };
export type StreamChunkLine = Extract<StreamLine, { type: "chunk" }>;

export const postTtsStream = (api: ApiTarget, call: TtsCall): Promise<Response> => postTts(api, call, "/api/tts/stream");

/** Each line of the body, parsed, as soon as its newline arrives. */
export async function* streamLines(res: Response): AsyncGenerator<StreamLine> {
  if (!res.body) throw new Error("the stream answered without a body");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
      yield JSON.parse(buffered.slice(0, newline)) as StreamLine;
      buffered = buffered.slice(newline + 1);
    }
  }
  if (buffered !== "") throw new Error(`the stream ended inside a line: ${buffered.slice(0, 80)}`);
}

/** Every line of a stream, once it has ended. */
export async function readStream(res: Response): Promise<StreamLine[]> {
  const lines: StreamLine[] = [];
  for await (const line of streamLines(res)) lines.push(line);
  return lines;
}

export const chunkLines = (lines: StreamLine[]) => lines.filter((l): l is StreamChunkLine => l.type === "chunk");
