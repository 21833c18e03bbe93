// The /api/tts/stream proxy against a small HTTP server standing in for the API's wire behaviour: lines that
// arrive one at a time, a stream that goes quiet, a refusal before any audio, a browser that leaves.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamFromApi } from "@/web/proxy/stream-from-api";
import { listenLocal, type LocalHttpServer } from "../support/local-http-server";
import { freePort } from "../support/processes";

let server: LocalHttpServer;
let apiUrl: string;
/** Lets a test write the API's next lines when it chooses. */
let open: ServerResponse | null = null;
let closed = 0;

beforeAll(async () => {
  server = await listenLocal((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url === "/refuse") {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "9", "x-tts-usage-count": "3" });
        res.end(JSON.stringify({ error: "Daily limit reached", code: "DAILY_LIMIT" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/x-ndjson", "x-tts-cache": "chunk-hit" });
      res.write(`${JSON.stringify({ type: "start", chunks: 2 })}\n`);
      res.on("close", () => closed++);
      open = res;
    });
  });
  apiUrl = server.url;
});

afterAll(() => server.close());

const post = (signal?: AbortSignal) =>
  new Request("http://web/api/tts/stream", { method: "POST", body: '{"text":"hi"}', headers: { "content-type": "application/json" }, signal });

async function readLine(reader: ReadableStreamDefaultReader<Uint8Array>, pending: { text: string }) {
  const decoder = new TextDecoder();
  while (!pending.text.includes("\n")) {
    const { done, value } = await reader.read();
    if (done) throw new Error("stream ended before a whole line");
    pending.text += decoder.decode(value, { stream: true });
  }
  const line = pending.text.slice(0, pending.text.indexOf("\n"));
  pending.text = pending.text.slice(line.length + 1);
  return JSON.parse(line) as Record<string, unknown>;
}

describe("streamFromApi", () => {
  it("passes each line on as it arrives, before the API has written the next", async () => {
    open = null;
    const res = await streamFromApi(post(), { apiUrl, path: "/lines", idleTimeoutMs: 5_000 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    expect(res.headers.get("x-tts-cache")).toBe("chunk-hit");
    const reader = res.body!.getReader();
    const pending = { text: "" };
    // The API has sent only its first line: the reader has it while the API still holds the rest.
    expect(await readLine(reader, pending)).toEqual({ type: "start", chunks: 2 });
    open!.write(`${JSON.stringify({ type: "chunk", index: 0 })}\n`);
    expect(await readLine(reader, pending)).toEqual({ type: "chunk", index: 0 });
    open!.end(`${JSON.stringify({ type: "end", durationMs: 10 })}\n`);
    expect(await readLine(reader, pending)).toEqual({ type: "end", durationMs: 10 });
    expect((await reader.read()).done).toBe(true);
  });

  it("ends a stream that goes quiet with an error line, and lets the API go", async () => {
    const before = closed;
    const res = await streamFromApi(post(), { apiUrl, path: "/quiet", idleTimeoutMs: 300 });
    const reader = res.body!.getReader();
    const pending = { text: "" };
    expect(await readLine(reader, pending)).toEqual({ type: "start", chunks: 2 });
    expect(await readLine(reader, pending)).toMatchObject({ type: "error", code: "UPSTREAM_TIMEOUT" });
    expect((await reader.read()).done).toBe(true);
    await expect.poll(() => closed).toBe(before + 1);
  });

  it("passes a refusal before any audio on as the API's JSON error with its status", async () => {
    const res = await streamFromApi(post(), { apiUrl, path: "/refuse", idleTimeoutMs: 5_000 });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: "Daily limit reached", code: "DAILY_LIMIT" });
    expect(res.headers.get("retry-after")).toBe("9");
    expect(res.headers.get("x-tts-usage-count")).toBe("3");
  });

  it("cancels the API call when the browser goes away mid-stream", async () => {
    const before = closed;
    const browser = new AbortController();
    const res = await streamFromApi(post(browser.signal), { apiUrl, path: "/lines", idleTimeoutMs: 60_000 });
    const reader = res.body!.getReader();
    await readLine(reader, { text: "" });
    browser.abort();
    await reader.cancel().catch(() => undefined);
    await expect.poll(() => closed).toBe(before + 1);
  });

  it("answers 503 STARTING when nothing listens on the API's port within the wait", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const res = await streamFromApi(post(), { apiUrl: closed, path: "/lines", idleTimeoutMs: 2_000, startWaitMs: 300 });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "STARTING" });
  });

  it("answers 503 UPSTREAM_UNAVAILABLE when the API cannot be reached", async () => {
    const res = await streamFromApi(post(), { apiUrl: "http://127.0.0.1:1", path: "/lines", idleTimeoutMs: 2_000 });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  });
});
