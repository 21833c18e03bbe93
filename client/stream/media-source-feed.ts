// Plays MP3 chunks while later ones are still arriving, through Media Source Extensions. Each chunk goes in at
// timestampOffset = its startMs (the decoded duration of the chunks before it), so the timeline has no gap and
// no overlap whatever the decoder does at a chunk's edges, and alignment times (absolute) line up with it.
//
// A SourceBuffer holds only so much (Chromium: about 12 MB of audio, some 25 minutes at 64 kbps; a long article
// is more), so the buffer keeps a window around the playhead: chunks far behind it are removed, chunks ahead
// are appended as it nears them, and a seek outside the window brings that part back from the chunks kept here.

const MP3 = "audio/mpeg";
// Kept behind the playhead (a skip back stays in the buffer) and appended ahead of it (well clear of a stall).
const BEHIND_S = 30;
const AHEAD_S = 300;
// The playhead moves without telling us; looking this often keeps the window ahead of it.
const PUMP_INTERVAL_MS = 250;

/** True where the browser can play MP3 through MSE (Chromium, Firefox, Safari on macOS). */
export function mediaSourcePlaysMp3(): boolean {
  return typeof MediaSource !== "undefined" && MediaSource.isTypeSupported(MP3);
}

export interface MediaSourceFeedOptions {
  /** where playback is, in seconds (the audio element's currentTime) */
  playhead: () => number;
  onError: (error: Error) => void;
}

export interface MediaSourceFeed {
  /** the object URL to give the audio element (the source opens once the element loads it) */
  readonly url: string;
  /** the next chunk's frames, which play from `startSeconds` for `durationSeconds` */
  append(frames: Uint8Array<ArrayBuffer>, startSeconds: number, durationSeconds: number): void;
  /** no more chunks: once the last one is in the buffer, "ended" can fire */
  end(): void;
  /** stops feeding and revokes the URL */
  close(): void;
}

interface Chunk {
  frames: Uint8Array<ArrayBuffer>;
  start: number;
  end: number;
  buffered: boolean;
}

export function createMediaSourceFeed({ playhead, onError }: MediaSourceFeedOptions): MediaSourceFeed {
  const source = new MediaSource();
  const url = URL.createObjectURL(source);
  const chunks: Chunk[] = [];
  let buffer: SourceBuffer | null = null;
  let complete = false;
  let closed = false;
  let failed = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const fail = (cause: unknown) => {
    if (failed) return;
    failed = true;
    onError(cause instanceof Error ? cause : new Error(String(cause)));
  };

  // One operation at a time: a SourceBuffer refuses another while "updating"; "updateend" calls back here.
  const pump = () => {
    if (closed || failed || !buffer || buffer.updating || source.readyState === "closed") return;
    const at = playhead();
    const wanted = (c: Chunk) => c.end > at - BEHIND_S && c.start < at + AHEAD_S;
    try {
      const stale = chunks.find((c) => c.buffered && !wanted(c));
      if (stale) {
        stale.buffered = false;
        buffer.remove(stale.start, stale.end);
        return;
      }
      const next = chunks.find((c) => !c.buffered && wanted(c));
      if (next) {
        next.buffered = true;
        buffer.timestampOffset = next.start;
        buffer.appendBuffer(next.frames);
        return;
      }
      if (source.readyState !== "open") return;
      const last = chunks[chunks.length - 1];
      if (!last) return;
      if (complete && last.buffered) {
        source.endOfStream();
        return;
      }
      // Seeking is clamped to the duration: it must cover every chunk that has arrived, buffered or not.
      if (Number.isNaN(source.duration) || last.end > source.duration) source.duration = last.end;
    } catch (cause) {
      fail(cause);
    }
  };

  source.addEventListener(
    "sourceopen",
    () => {
      if (closed) return;
      try {
        buffer = source.addSourceBuffer(MP3);
      } catch (cause) {
        fail(cause);
        return;
      }
      buffer.addEventListener("updateend", pump);
      buffer.addEventListener("error", () => fail(new Error("the browser could not decode a chunk")));
      timer = setInterval(pump, PUMP_INTERVAL_MS);
      pump();
    },
    { once: true },
  );

  return {
    url,
    append(frames, startSeconds, durationSeconds) {
      chunks.push({ frames, start: startSeconds, end: startSeconds + durationSeconds, buffered: false });
      pump();
    },
    end() {
      complete = true;
      pump();
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      chunks.length = 0;
      URL.revokeObjectURL(url);
    },
  };
}
