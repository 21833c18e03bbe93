// Reads one answer of /api/tts/stream (docs/architecture.md, "/api/tts and /api/tts/stream"): each chunk's
// frames go into a MediaSource at their place on the timeline and the alignment grows; at the end line the
// stream assembler rebuilds the single file /api/tts would have answered, for L0 and L1. A stream that stops,
// breaks or goes quiet ends with a reason, and what arrived plays on.
import type { Alignment } from "@/lib/alignment/types";
import type { SegmentTiming } from "@/lib/conversation/speech";
import type { MediaSourceFeed } from "@/client/stream/media-source-feed";
import { ndjsonLines } from "@/client/stream/ndjson-lines";
import { createStreamAssembler, type StreamAssembler } from "@/client/stream/stream-assembler";
import { asStreamLine } from "@/lib/stream/stream-lines";
import type { SessionPorts } from "./session-ports";
import type { SessionAudio, SessionError } from "./session-state";
import { networkError, streamStopped } from "./speech-request";

// A chunk line carries up to ~1800 characters of speech as base64 MP3 (about 2 MB at most); anything far
// longer is not our API.
const MAX_LINE_CHARS = 16 * 1024 * 1024;
// The API sends a line at least once per chunk, and gives up on a chunk after TTS_CHUNK_TIMEOUT_MS (60 s), its
// 429 retries included; this much longer without a line, the connection is as good as dead (a proxy that
// hangs, a laptop that slept).
export const STREAM_STALL_MS = 90_000;

export type ArrivedAudio = Omit<SessionAudio, "url" | "voice" | "cue">;

export interface WholeStreamAudio {
  audio: Blob;
  alignment: Alignment;
  durationMs: number;
  segments?: SegmentTiming[];
}

export interface ReadSpeechStreamOptions {
  ports: Pick<SessionPorts, "feeds" | "clock" | "playhead">;
  /** aborts the request: a stall aborts it too */
  abort: AbortController;
  /** false once another request has replaced this one: reading stops, nothing more is reported */
  current(): boolean;
  /** a conversation: report where each segment starts */
  conversation: boolean;
  /** each chunk: the feed it went into and what has arrived so far */
  onAudio(feed: MediaSourceFeed, audio: ArrivedAudio): void;
  /** the end line: the whole file, for the caches */
  onComplete(whole: WholeStreamAudio): void;
  /** the stream ended early; `arrived`: some audio had (it plays on) */
  onStopped(error: SessionError, arrived: boolean): void;
}

export async function readSpeechStream(body: ReadableStream<Uint8Array>, options: ReadSpeechStreamOptions): Promise<void> {
  const { ports, abort, current, conversation, onAudio, onComplete } = options;
  if (!ports.feeds) throw new Error("a stream needs a MediaSource to play it");
  const feeds = ports.feeds;
  let assembler: StreamAssembler | null = null;
  let feed: MediaSourceFeed | null = null;
  let voices: string[] = [];
  const segments: SegmentTiming[] = [];
  let stopped = false;
  const stop = (error: SessionError) => {
    if (stopped || !current()) return;
    stopped = true;
    options.onStopped(error, feed !== null);
  };
  const onFeedError = (error: Error) => {
    abort.abort();
    stop(streamStopped(`The browser could not play the audio (${error.message}).`, "MEDIA_ERROR"));
  };

  const lines = ndjsonLines(body, { maxLineChars: MAX_LINE_CHARS });
  let cancelStall = () => {};
  const stalled = () =>
    new Promise<"stalled">((resolve) => {
      cancelStall = ports.clock.after(STREAM_STALL_MS, () => resolve("stalled"));
    });
  try {
    for (;;) {
      const next = await Promise.race([lines.next(), stalled()]);
      cancelStall();
      if (!current()) return;
      if (next === "stalled") {
        abort.abort();
        void lines.return(undefined).catch(() => undefined);
        return stop(streamStopped("The voice service stopped sending audio.", "STREAM_STALLED"));
      }
      if (next.done) return stop(streamStopped("The audio stream stopped before the end.", "STREAM_INCOMPLETE"));
      const line = asStreamLine(next.value);
      if (line.type === "start") {
        assembler = createStreamAssembler(line);
        voices = line.segments?.map((s) => s.voice) ?? [];
      } else if (line.type === "chunk") {
        if (!assembler) throw new Error("a chunk line came before the start line");
        const chunk = assembler.add(line);
        if (line.segment !== undefined && line.segment === segments.length && voices[line.segment] !== undefined) {
          segments.push({ voice: voices[line.segment], startMs: line.startMs });
        }
        feed ??= feeds.create({ playhead: ports.playhead, onError: onFeedError });
        feed.append(chunk.frames, chunk.startMs / 1000, chunk.durationMs / 1000);
        const expectedMs = assembler.arrivedChars > 0 ? (assembler.arrivedMs * assembler.textLength) / assembler.arrivedChars : 0;
        onAudio(feed, {
          alignment: assembler.alignment,
          durationMs: assembler.arrivedMs,
          segments: conversation ? [...segments] : null,
          stream: { complete: false, expectedMs },
        });
      } else if (line.type === "end") {
        if (!assembler || !feed) throw new Error("the stream ended before any audio");
        const whole = assembler.finish();
        feed.end();
        onAudio(feed, {
          alignment: whole.alignment,
          durationMs: whole.durationMs,
          segments: conversation ? segments : null,
          stream: { complete: true, expectedMs: whole.durationMs },
        });
        // The single file goes to L0 and L1 for next time; the MediaSource keeps playing this time.
        const audio = new Blob([whole.mp3 as Uint8Array<ArrayBuffer>], { type: "audio/mpeg" });
        return onComplete({ audio, alignment: whole.alignment, durationMs: whole.durationMs, ...(conversation ? { segments } : {}) });
      } else {
        return stop(streamStopped(line.error, line.code));
      }
    }
  } catch (cause) {
    // Replaced by another request: nothing to say. A reset connection or a garbled line before any audio fails
    // the start; after it, what arrived keeps playing and the reason is shown.
    if (stopped || !current()) return;
    if (!feed) throw cause;
    stop(networkError(cause));
  } finally {
    cancelStall();
  }
}
