// Request bodies against the real API process on Bun (docs/architecture.md invariant 12): Bun's own body handling is what
// answers here, so oversize bodies (declared or chunked), forms and deep nesting are sent over a socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/json-body";
import { startApi, type RunningProcess } from "../support/processes";

let api: RunningProcess;

beforeAll(async () => {
  // No INWORLD_API_KEY: a body that passes every check is answered 503 TTS_DISABLED.
  api = await startApi({ INWORLD_API_KEY: "", REDIS_URL: "", TTS_RATE_LIMIT_PER_MIN: "1000" });
});
afterAll(async () => {
  await api?.stop();
});

async function post(body: BodyInit, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  const res = await fetch(`${api.url}/api/tts`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  expect(res.headers.get("content-type")).toContain("application/json");
  return { status: res.status, ...((await res.json()) as { error: string; code: string }) };
}

/** A body sent in pieces with no Content-Length (chunked transfer encoding). */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const piece = new TextEncoder().encode("a".repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"text":"'));
      if (sent >= bytes) return controller.close();
      controller.enqueue(piece);
      sent += piece.byteLength;
    },
  });
}

describe("the API on Bun", () => {
  it("answers a body over the cap with the JSON 413, whether its length is declared or not", async () => {
    expect(await post(`{"text":"${"a".repeat(MAX_BODY_BYTES)}"}`)).toMatchObject({ status: 413, code: "BODY_TOO_LARGE" });
    expect(await post(streamed(MAX_BODY_BYTES + 1))).toMatchObject({ status: 413, code: "BODY_TOO_LARGE" });
  });

  it("accepts a body of a million characters, the raw text cap", async () => {
    expect(await post(JSON.stringify({ text: "é".repeat(1_000_000) }))).toMatchObject({ status: 503, code: "TTS_DISABLED" });
  });

  it("refuses a form with the JSON 415", async () => {
    expect(await post("text=hi", { "Content-Type": "application/x-www-form-urlencoded" })).toMatchObject({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  });

  it("refuses nesting 200,000 deep with a 400 and stays up", async () => {
    const depth = 200_000;
    expect(await post(`{"text":1,"x":${"[".repeat(depth)}${"]".repeat(depth)}}`)).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
