// Newline-delimited JSON as it arrives (docs/architecture.md, "/api/tts and /api/tts/stream"): each line is parsed the moment its newline is
// read, so a player can act on chunk 0 while the rest of the body is still being generated.

export class NdjsonLineError extends Error {
  override readonly name = "NdjsonLineError";
  constructor(
    readonly code: "LINE_TOO_LONG" | "BAD_JSON" | "TRUNCATED",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The parsed lines of `body`, in order. A line longer than `maxLineChars` throws before it is buffered
 * further (a body that never sends a newline cannot grow the buffer without bound); so does a body that
 * ends inside a line. Blank lines are skipped.
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>, { maxLineChars }: { maxLineChars: number }): AsyncGenerator<unknown> {
  if (!Number.isInteger(maxLineChars) || maxLineChars <= 0) {
    throw new TypeError(`maxLineChars must be a positive integer, got ${maxLineChars}`);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Pieces of the line being read: joining only when its newline arrives keeps a long line linear.
  let pieces: string[] = [];
  let pending = 0;
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new NdjsonLineError("BAD_JSON", `not a JSON line: ${line.slice(0, 80)}`);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let from = 0;
      for (let newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n", from)) {
        const piece = text.slice(from, newline);
        if (pending + piece.length > maxLineChars) throw tooLong(maxLineChars);
        const line = pieces.length ? pieces.join("") + piece : piece;
        pieces = [];
        pending = 0;
        from = newline + 1;
        if (line.trim() !== "") yield parse(line);
      }
      const rest = text.slice(from);
      if (rest) {
        pending += rest.length;
        if (pending > maxLineChars) throw tooLong(maxLineChars);
        pieces.push(rest);
      }
      if (done) break;
    }
    const last = pieces.join("");
    if (last.trim() !== "") throw new NdjsonLineError("TRUNCATED", `the body ended inside a line: ${last.slice(0, 80)}`);
  } finally {
    // An early return or a throw (the consumer stopped reading) must let go of the body, not leave it locked.
    await reader.cancel().catch(() => undefined);
  }
}

function tooLong(max: number) {
  return new NdjsonLineError("LINE_TOO_LONG", `a line is longer than ${max} characters`);
}
