// Plays MP3 chunks while later ones are still arriving, through Media Source Extensions. Each chunk goes in at
// timestampOffset = its startMs (the decoded duration of the chunks before it), so the timeline has no gap and
// no overlap whatever the decoder does at a chunk's edges, and alignment times (absolute) line up with it.

const MP3 = "audio/mpeg";

/** True where the browser can play MP3 through MSE (Chromium, Firefox, Safari on macOS). */
export function mediaSourcePlaysMp3(): boolean {
  return typeof MediaSource !== "undefined" && MediaSource.isTypeSupported(MP3);
}

export interface MediaSourceFeed {
  /** the object URL to give the audio element (the source opens once the element loads it) */
  readonly url: string;
  append(frames: Uint8Array<ArrayBuffer>, startSeconds: number): void;
  /** no more chunks: the duration becomes what has been appended and "ended" can fire */
  end(): void;
  /** revokes the URL; appends still queued are dropped */
  close(): void;
}

type Job = { frames: Uint8Array<ArrayBuffer>; startSeconds: number } | "end";

export function createMediaSourceFeed(onError: (error: Error) => void): MediaSourceFeed {
  const source = new MediaSource();
  const url = URL.createObjectURL(source);
  const queue: Job[] = [];
  let buffer: SourceBuffer | null = null;
  let closed = false;

  // A SourceBuffer takes one append at a time: the next waits for "updateend".
  const pump = () => {
    if (closed || !buffer || buffer.updating || source.readyState !== "open") return;
    const job = queue.shift();
    if (!job) return;
    try {
      if (job === "end") {
        source.endOfStream();
        return;
      }
      buffer.timestampOffset = job.startSeconds;
      buffer.appendBuffer(job.frames);
    } catch (cause) {
      onError(cause instanceof Error ? cause : new Error(String(cause)));
    }
  };

  source.addEventListener(
    "sourceopen",
    () => {
      if (closed) return;
      try {
        buffer = source.addSourceBuffer(MP3);
      } catch (cause) {
        onError(cause instanceof Error ? cause : new Error(String(cause)));
        return;
      }
      buffer.addEventListener("updateend", pump);
      buffer.addEventListener("error", () => onError(new Error("the browser could not decode a chunk")));
      pump();
    },
    { once: true },
  );

  return {
    url,
    append(frames, startSeconds) {
      queue.push({ frames, startSeconds });
      pump();
    },
    end() {
      queue.push("end");
      pump();
    },
    close() {
      closed = true;
      queue.length = 0;
      URL.revokeObjectURL(url);
    },
  };
}
