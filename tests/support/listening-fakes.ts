// The listening session's ports as plain objects (client/listening/session-ports.ts): the session is ours, and
// so are these seams, so its unit tests drive it through them — an API that answers what the test says, caches
// that are maps, a MediaSource feed that records what it was given, and a clock the test moves.
import type { Alignment } from "@/lib/alignment/types";
import type { DiskAudio } from "@/client/audio-cache/indexeddb-audio-cache";
import { createTabAudioCache } from "@/client/audio-cache/tab-audio-cache";
import { audioFrames, framesDurationMs } from "@/lib/mp3";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import type { MediaSourceFeed } from "@/client/stream/media-source-feed";
import type { StreamChunkLine, StreamLine } from "@/lib/stream/stream-lines";
import type { SessionPorts, SpeechEndpoint } from "@/client/listening/session-ports";
import { readMp3Fixture } from "./mp3-fixtures";

export interface FakeFeed extends MediaSourceFeed {
  appended: Array<{ start: number; duration: number }>;
  ended: boolean;
  closed: boolean;
  /** what the browser says when it cannot play what it was given */
  fail(error: Error): void;
}

export interface PostCall {
  path: SpeechEndpoint;
  body: unknown;
  signal: AbortSignal;
}

/** A body the test writes line by line; aborting the request errors it, as fetch does. */
export interface LineStream {
  body: ReadableStream<Uint8Array>;
  send(line: StreamLine | Record<string, unknown>): void;
  close(): void;
}

export function lineStream(signal?: AbortSignal): LineStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  signal?.addEventListener("abort", () => {
    try {
      controller.error(new DOMException("The operation was aborted.", "AbortError"));
    } catch {
      // Already closed.
    }
  });
  return { body, send: (line) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n")), close: () => controller.close() };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

function alignmentOf(text: string, startMs: number, durationMs: number): Alignment {
  const characters = [...text];
  return {
    characters,
    characterStartTimesSeconds: characters.map((_, i) => (startMs + (i * durationMs) / characters.length) / 1000),
    characterEndTimesSeconds: characters.map((_, i) => (startMs + ((i + 1) * durationMs) / characters.length) / 1000),
  };
}

/** A stream's lines for `pieces` of text, each chunk real MP3 frames (a fixture's), in the API's shape. */
export function streamLines(pieces: string[], voice = "Ashley") {
  const { bytes, frames } = audioFrames(readMp3Fixture("cbr-44k-64k-mono-notag.mp3"));
  const durationMs = framesDurationMs(frames);
  let textOffset = 0;
  const chunks: StreamChunkLine[] = pieces.map((text, index) => {
    const line: StreamChunkLine = {
      type: "chunk",
      index,
      textOffset,
      startMs: index * durationMs,
      durationMs,
      audioBase64: Buffer.from(bytes).toString("base64"),
      alignment: alignmentOf(text, index * durationMs, durationMs),
    };
    textOffset += text.length;
    return line;
  });
  const textLength = textOffset;
  return {
    start: { type: "start", voice, chunks: pieces.length, textLength, cache: null } as StreamLine,
    chunks,
    end: { type: "end", durationMs: pieces.length * durationMs } as StreamLine,
  };
}

/** The single response of /api/tts for `text`: a real MP3 and a plausible alignment. */
export function singleResponse(text: string, headers: Record<string, string> = {}) {
  const mp3 = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
  const durationMs = framesDurationMs(audioFrames(mp3).frames);
  return json({ audioBase64: Buffer.from(mp3).toString("base64"), alignment: alignmentOf(text, 0, durationMs), durationMs }, 200, headers);
}

export function fakePorts({ mediaSource = true }: { mediaSource?: boolean } = {}) {
  const posts: PostCall[] = [];
  let answer: (call: PostCall) => Promise<Response> | Response = () => json({ error: "no answer set", code: "TEST" }, 500);
  const revoked: string[] = [];
  const disk = new Map<string, DiskAudio>();
  const feeds: FakeFeed[] = [];
  const usage: Array<{ usage: QuotaUsage; key?: string }> = [];
  const timers = new Map<number, { at: number; run: () => void }>();
  let now = 1_000;
  let urls = 0;
  let nextTimer = 0;

  const ports: SessionPorts = {
    post: async (path, body, signal) => {
      const call = { path, body, signal };
      posts.push(call);
      return answer(call);
    },
    memory: createTabAudioCache((url) => revoked.push(url)),
    disk: {
      get: async (key) => disk.get(key),
      put: async (key, value) => void disk.set(key, value),
    },
    objectUrl: () => `blob:${++urls}`,
    feeds: mediaSource
      ? {
          create: ({ onError }) => {
            const feed: FakeFeed = {
              url: `mse:${feeds.length + 1}`,
              appended: [],
              ended: false,
              closed: false,
              append: (_frames, start, duration) => void feed.appended.push({ start, duration }),
              end: () => void (feed.ended = true),
              close: () => void (feed.closed = true),
              fail: onError,
            };
            feeds.push(feed);
            return feed;
          },
        }
      : null,
    clock: {
      now: () => now,
      after(ms, run) {
        const id = ++nextTimer;
        timers.set(id, { at: now + ms, run });
        return () => void timers.delete(id);
      },
    },
    playhead: () => 0,
    onUsage: (u, key) => void usage.push({ usage: u, key }),
  };

  return {
    ports,
    posts,
    revoked,
    disk,
    feeds,
    usage,
    /** how the API answers the next requests */
    answer(fn: (call: PostCall) => Promise<Response> | Response) {
      answer = fn;
    },
    /** moves the clock on, running the timers that come due */
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
  };
}
