import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom, forwardToApi, sessionTokenFrom } from "@/lib/proxy/forward-to-api";

let server: Server;
let apiUrl: string;
let seen: { headers: IncomingMessage["headers"]; body: string } | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen = { headers: req.headers, body };
      if (req.url === "/hang") return;
      res.writeHead(429, { "content-type": "application/json", "x-tts-usage-count": "3", "retry-after": "7", "x-other": "no" });
      res.end(JSON.stringify({ error: "Slow down", code: "RATE_LIMITED" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function browserRequest(headers: Record<string, string> = {}) {
  return new Request("http://web/api/tts", { method: "POST", body: '{"text":"hi"}', headers });
}

describe("forwardToApi", () => {
  it("passes status, body and the X-TTS-* headers through unchanged", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: "Slow down", code: "RATE_LIMITED" });
    expect(res.headers.get("x-tts-usage-count")).toBe("3");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("x-other")).toBeNull();
  });

  it("forwards the body, the session cookie as a bearer token and the client IP", async () => {
    await forwardToApi(browserRequest({ cookie: "a=1; listen_session=tok%2Eabc; b=2", "x-forwarded-for": "10.0.0.1, 203.0.113.9" }), {
      apiUrl,
      path: "/api/tts",
      timeoutMs: 5_000,
    });
    expect(seen?.body).toBe('{"text":"hi"}');
    expect(seen?.headers.authorization).toBe("Bearer tok.abc");
    expect(seen?.headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("answers 504 UPSTREAM_TIMEOUT when the API takes longer than the timeout", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/hang", timeoutMs: 200 });
    expect(res.status).toBe(504);
    expect((await res.json()).code).toBe("UPSTREAM_TIMEOUT");
  });

  it("answers 503 UPSTREAM_UNAVAILABLE when the API cannot be reached", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl: "http://127.0.0.1:1", path: "/api/tts", timeoutMs: 2_000 });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  });
});

describe("request identity helpers", () => {
  it("reads only the session cookie", () => {
    expect(sessionTokenFrom("x=1; listen_session=abc")).toBe("abc");
    expect(sessionTokenFrom("listen_session_other=abc")).toBeUndefined();
    expect(sessionTokenFrom(null)).toBeUndefined();
  });

  it("takes the right-most X-Forwarded-For hop", () => {
    expect(clientIpFrom("1.1.1.1, 2.2.2.2")).toBe("2.2.2.2");
    expect(clientIpFrom(null)).toBeUndefined();
  });
});
