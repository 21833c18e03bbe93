import { describe, expect, it } from "vitest";
import { NdjsonLineError, ndjsonLines } from "@/client/stream/ndjson-lines";

/** A body that delivers exactly these pieces, one read each, then ends (or stays open, as a live stream). */
function body(pieces: Array<string | Uint8Array>, { open = false } = {}) {
  const encoder = new TextEncoder();
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
      if (!open) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function collect(stream: ReadableStream<Uint8Array>, maxLineChars = 1000) {
  const out: unknown[] = [];
  for await (const line of ndjsonLines(stream, { maxLineChars })) out.push(line);
  return out;
}

describe("ndjsonLines", () => {
  it("parses each line, whether a read holds several lines or a line spans several reads", async () => {
    const { stream } = body(['{"a":1}\n{"b"', ":2}\n", '{"c":', "3", '}\n{"d":4}\n']);
    expect(await collect(stream)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }]);
  });

  it("yields a line as soon as its newline arrives, before the body ends", async () => {
    let push!: (text: string) => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const lines = ndjsonLines(stream, { maxLineChars: 100 });
    push('{"type":"start"}\n{"type":"ch');
    expect((await lines.next()).value).toEqual({ type: "start" });
    await lines.return(undefined);
  });

  it("keeps a multi-byte character split between two reads whole", async () => {
    const bytes = new TextEncoder().encode('{"w":"naïve — ok"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ï"
    const { stream } = body([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(await collect(stream)).toEqual([{ w: "naïve — ok" }]);
  });

  it("skips blank lines and accepts a last line without its newline only when it is empty", async () => {
    expect(await collect(body(['{"a":1}\n\n', "  \n"]).stream)).toEqual([{ a: 1 }]);
  });

  it("throws TRUNCATED when the body ends inside a line", async () => {
    await expect(collect(body(['{"a":1}\n{"b":']).stream)).rejects.toMatchObject({ name: "NdjsonLineError", code: "TRUNCATED" });
  });

  it("throws LINE_TOO_LONG as soon as a line outgrows the cap, without waiting for its newline", async () => {
    const { stream, cancelled } = body(["x".repeat(60), "x".repeat(60)], { open: true });
    const error = await collect(stream, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NdjsonLineError);
    expect((error as NdjsonLineError).code).toBe("LINE_TOO_LONG");
    expect(cancelled()).toBe(true);
  });

  it("throws BAD_JSON for a line that is not JSON", async () => {
    await expect(collect(body(["{nope}\n"]).stream)).rejects.toMatchObject({ code: "BAD_JSON" });
  });

  it("lets go of the body when the reader stops early", async () => {
    const { stream, cancelled } = body(['{"a":1}\n{"b":2}\n'], { open: true });
    for await (const line of ndjsonLines(stream, { maxLineChars: 100 })) {
      expect(line).toEqual({ a: 1 });
      break;
    }
    expect(cancelled()).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses maxLineChars %s with a TypeError", async (max) => {
    await expect(collect(body([]).stream, max)).rejects.toThrow(TypeError);
  });
});
