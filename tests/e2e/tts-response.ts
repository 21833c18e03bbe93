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
