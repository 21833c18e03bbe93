// The browser asks for an uncached article's audio at /api/tts/stream (or /api/tts where MSE cannot play MP3):
// one place that recognizes either request and reads the spoken characters out of either answer.
import type { Request } from "@playwright/test";

const TTS_PATHS = new Set(["/api/tts", "/api/tts/stream"]);

export function isTtsRequest(request: Request): boolean {
  return request.method() === "POST" && TTS_PATHS.has(new URL(request.url()).pathname);
}

/**
 * The characters the answer to `request` speaks: /api/tts's alignment, or the stream's chunk alignments joined
 * in order. Asked again from here, because the browser does not keep a streamed body for the test to read; the
 * API answers the same text and voice from its cache, the same way.
 */
export async function spokenCharacters(request: Request): Promise<string[]> {
  const res = await fetch(request.url(), { method: "POST", headers: { "Content-Type": "application/json" }, body: request.postData() ?? "" });
  const text = await res.text();
  if (!(res.headers.get("content-type") ?? "").includes("ndjson")) {
    return (JSON.parse(text) as { alignment: { characters: string[] } }).alignment.characters;
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { type: string; alignment?: { characters: string[] } })
    .flatMap((line) => (line.type === "chunk" && line.alignment ? line.alignment.characters : []));
}

export interface StreamedSegment {
  voice: string;
  durationMs: number;
  /** the segment's chunks' bare MP3 frames, base64, joined in order */
  audio: string;
}

/**
 * The segments of the conversation `request` asked for, as /api/tts/stream answers them (whichever endpoint the
 * browser used: the stream splits the audio by segment, the single file does not).
 */
export async function streamedSegments(request: Request): Promise<StreamedSegment[]> {
  const url = new URL(request.url());
  url.pathname = "/api/tts/stream";
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: request.postData() ?? "" });
  const lines = (await res.text())
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map(
      (line) =>
        JSON.parse(line) as { type: string; segments?: Array<{ voice: string }>; segment?: number; durationMs?: number; audioBase64?: string },
    );
  const segments: StreamedSegment[] = (lines[0]?.segments ?? []).map(({ voice }) => ({ voice, durationMs: 0, audio: "" }));
  for (const line of lines) {
    if (line.type !== "chunk" || line.segment === undefined) continue;
    segments[line.segment].durationMs += line.durationMs ?? 0;
    segments[line.segment].audio += line.audioBase64 ?? "";
  }
  return segments;
}
