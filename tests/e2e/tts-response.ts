// The browser asks for an uncached article's audio at /api/tts/stream (or /api/tts where MSE cannot play MP3):
// one place that recognizes either request and reads the spoken characters out of either answer.
import type { Request, Response } from "@playwright/test";

const TTS_PATHS = new Set(["/api/tts", "/api/tts/stream"]);

export function isTtsRequest(request: Request): boolean {
  return request.method() === "POST" && TTS_PATHS.has(new URL(request.url()).pathname);
}

/** The characters the answer speaks: /api/tts's alignment, or the stream's chunk alignments joined in order. */
export async function spokenCharacters(response: Response): Promise<string[]> {
  const text = await response.text();
  if (!(response.headers()["content-type"] ?? "").includes("ndjson")) {
    return (JSON.parse(text) as { alignment: { characters: string[] } }).alignment.characters;
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { type: string; alignment?: { characters: string[] } })
    .flatMap((line) => (line.type === "chunk" && line.alignment ? line.alignment.characters : []));
}
