import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom, forwardToApi, MAX_FORWARDED_BODY_BYTES as MAX_BODY_BYTES } from "@/web/proxy/forward-to-api";
import { sessionTokenFrom } from "@/web/proxy/session-cookie";
import { listenLocal, type LocalHttpServer } from "../support/local-http-server";
import { freePort } from "../support/processes";

let server: LocalHttpServer;
let apiUrl: string;
let seen: { headers: IncomingMessage["headers"]; body: string } | null = null;
let requests = 0;
let closedWithoutAnswer = 0;

beforeAll(async () => {
  server = await listenLocal((req, res) => {
    requests++;
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen = { headers: req.headers, body };
      if (req.url === "/hang") {
        res.on("close", () => closedWithoutAnswer++);
        return;
      }
      if (req.url === "/api/library/removed") {
        res.writeHead(204);
        res.end();
        return;
      }
      if (req.url === "/api/library/kept") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ method: req.method, body }));
        return;
      }
      if (req.url === "/refuse") {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "Invalid or expired session token", code: "UNAUTHORIZED" }));
        return;
      }
      res.writeHead(429, { "content-type": "application/json", "x-tts-usage-count": "3", "retry-after": "7", "x-other": "no" });
      res.end(JSON.stringify({ error: "Slow down", code: "RATE_LIMITED" }));
    });
  });
  apiUrl = server.url;
});

afterAll(() => server.close());

const JSON_TYPE = { "content-type": "application/json" };

function browserRequest(headers: Record<string, string> = {}) {
  return new Request("http://web/api/tts", { method: "POST", body: '{"text":"hi"}', headers: { ...JSON_TYPE, ...headers } });
}

describe("forwardToApi", () => {
  it("refuses what is not sent as JSON with the API's own 415, so a cross-site form is never relabelled JSON", async () => {
    const before = requests;
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "application/jsonx", ""]) {
      const res = await forwardToApi(browserRequest({ "content-type": type }), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
      expect(res.status).toBe(415);
      expect((await res.json()).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(requests).toBe(before);
    await forwardToApi(browserRequest({ "content-type": "application/json; charset=utf-8" }), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(seen?.headers["content-type"]).toBe("application/json");
  });

  it("forwards a POST without a body, as creating a feed sends it, without one", async () => {
    await forwardToApi(new Request("http://web/api/feed", { method: "POST" }), { apiUrl, path: "/api/feed", timeoutMs: 5_000 });
    expect(seen?.body).toBe("");
    expect(seen?.headers["content-type"]).toBeUndefined();
  });

  it("refuses nesting deeper than any request of ours before calling the API", async () => {
    const before = requests;
    const deep = new Request("http://web/api/tts", {
      method: "POST",
      body: `{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      headers: JSON_TYPE,
    });
    const res = await forwardToApi(deep, { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_REQUEST");
    expect(requests).toBe(before);
  });

  it("passes status, body and the X-TTS-* headers through unchanged", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: "Slow down", code: "RATE_LIMITED" });
    expect(res.headers.get("x-tts-usage-count")).toBe("3");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("x-other")).toBeNull();
  });

  it("forwards the body, the session cookie as a bearer token and the client IP", async () => {
    await forwardToApi(browserRequest({ cookie: "a=1; listen_session=tok%2Eabc; b=2", "x-forwarded-for": "203.0.113.9" }), {
      apiUrl,
      path: "/api/tts",
      timeoutMs: 5_000,
    });
    expect(seen?.body).toBe('{"text":"hi"}');
    expect(seen?.headers.authorization).toBe("Bearer tok.abc");
    expect(seen?.headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("passes on no address it did not write itself: a list is not the web server's one address", async () => {
    await forwardToApi(browserRequest({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(seen?.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("treats a malformed session cookie as no session instead of throwing", async () => {
    const res = await forwardToApi(browserRequest({ cookie: "listen_session=%E0%A4%A" }), { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(429);
    expect(seen?.headers.authorization).toBeUndefined();
  });

  it("clears the session cookie, as sign-in set it, when the API refuses the token", async () => {
    const res = await forwardToApi(browserRequest({ cookie: "listen_session=stale" }), { apiUrl, path: "/refuse", timeoutMs: 5_000 });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("UNAUTHORIZED");
    const cleared = res.headers.get("set-cookie") ?? "";
    expect(cleared).toMatch(/^listen_session=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/HttpOnly/);
  });

  it("sets no cookie on a 401 when it sent no token", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/refuse", timeoutMs: 5_000 });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("forwards PUT with its body and DELETE, and passes a bodiless 204 through", async () => {
    const options = { apiUrl, path: "/api/library/kept", timeoutMs: 5_000 };
    const put = await forwardToApi(
      new Request("http://web/api/library/kept", { method: "PUT", body: '{"progress":0.5}', headers: { "content-type": "application/json" } }),
      options,
    );
    expect(await put.json()).toEqual({ method: "PUT", body: '{"progress":0.5}' });
    expect(seen?.headers["content-type"]).toBe("application/json");
    const del = await forwardToApi(new Request("http://web/api/library/kept", { method: "DELETE" }), options);
    expect(await del.json()).toEqual({ method: "DELETE", body: "" });
    const removed = await forwardToApi(new Request("http://web/api/library/removed", { method: "DELETE" }), {
      ...options,
      path: "/api/library/removed",
    });
    expect(removed.status).toBe(204);
    expect(removed.body).toBeNull();
  });

  it("caps a PUT body like a POST body", async () => {
    const before = requests;
    const big = new Request("http://web/api/library/kept", { method: "PUT", body: "x".repeat(MAX_BODY_BYTES + 1), headers: JSON_TYPE });
    const res = await forwardToApi(big, { apiUrl, path: "/api/library/kept", timeoutMs: 5_000 });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("BODY_TOO_LARGE");
    expect(requests).toBe(before);
  });

  it("answers 413 BODY_TOO_LARGE from the declared length without calling the API", async () => {
    const before = requests;
    const request = new Request("http://web/api/tts", {
      method: "POST",
      body: "{}",
      headers: { ...JSON_TYPE, "content-length": String(MAX_BODY_BYTES + 1) },
    });
    const res = await forwardToApi(request, { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
    expect(requests).toBe(before);
  });

  it("stops reading an unannounced body at the cap and answers 413 BODY_TOO_LARGE", async () => {
    let pulled = 0;
    const piece = new Uint8Array(256 * 1024);
    // Three times the cap, with no Content-Length: only reading stops it.
    const oversized = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 3 * MAX_BODY_BYTES) return controller.close();
        pulled += piece.byteLength;
        controller.enqueue(piece);
      },
    });
    const request = new Request("http://web/api/tts", { method: "POST", body: oversized, headers: JSON_TYPE, duplex: "half" } as RequestInit);
    const before = requests;
    const res = await forwardToApi(request, { apiUrl, path: "/api/tts", timeoutMs: 5_000 });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
    expect(pulled).toBeLessThan(2 * MAX_BODY_BYTES);
    expect(requests).toBe(before);
  });

  it("forwards a body right at the cap", async () => {
    const body = "x".repeat(MAX_BODY_BYTES);
    await forwardToApi(new Request("http://web/api/tts", { method: "POST", body, headers: JSON_TYPE }), {
      apiUrl,
      path: "/api/tts",
      timeoutMs: 5_000,
    });
    expect(seen?.body.length).toBe(MAX_BODY_BYTES);
  });

  it("cancels the API call when the browser goes away", async () => {
    const browser = new AbortController();
    const request = new Request("http://web/api/tts", { method: "POST", body: "{}", headers: JSON_TYPE, signal: browser.signal });
    const before = requests;
    const answer = forwardToApi(request, { apiUrl, path: "/hang", timeoutMs: 60_000 });
    await expect.poll(() => requests).toBe(before + 1);
    const closedBefore = closedWithoutAnswer;
    browser.abort();
    expect((await answer).status).toBe(499);
    await expect.poll(() => closedWithoutAnswer).toBe(closedBefore + 1);
  });

  it("answers 504 UPSTREAM_TIMEOUT when the API takes longer than the timeout", async () => {
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/hang", timeoutMs: 200 });
    expect(res.status).toBe(504);
    expect((await res.json()).code).toBe("UPSTREAM_TIMEOUT");
  });

  it("answers 503 STARTING, never 'not reachable', when nothing listens on the API's port within the wait", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const res = await forwardToApi(browserRequest(), { apiUrl: closed, path: "/api/tts", timeoutMs: 2_000, startWaitMs: 300 });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toEqual({ code: "STARTING", error: "Listen is starting up. Try again in a few seconds." });
  });

  it("waits for an API that starts listening during the wait, and forwards the request to it", async () => {
    const port = await freePort();
    const answer = forwardToApi(browserRequest(), { apiUrl: `http://127.0.0.1:${port}`, path: "/api/tts", timeoutMs: 5_000, startWaitMs: 4_000 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const late = await listenLocal((_req, res) => res.end(JSON.stringify({ ok: true })), { port });
    try {
      const res = await answer;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      await late.close();
    }
  });

  it("answers an import's timeout in its own words", async () => {
    const timeoutMessage = "Opening that page took too long.";
    const res = await forwardToApi(browserRequest(), { apiUrl, path: "/hang", timeoutMs: 200, timeoutMessage });
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: "UPSTREAM_TIMEOUT", error: timeoutMessage });
  });
});

describe("request identity helpers", () => {
  it("reads only the session cookie", () => {
    expect(sessionTokenFrom("x=1; listen_session=abc")).toBe("abc");
    expect(sessionTokenFrom("listen_session_other=abc")).toBeUndefined();
    expect(sessionTokenFrom(null)).toBeUndefined();
  });

  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 2001:db8::7 ", "2001:db8::7"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1"],
    ["1.1.1.1, 2.2.2.2", undefined],
    ["for=1.1.1.1", undefined],
    ["cafe", undefined],
    ["", undefined],
    [null, undefined],
  ])("takes X-Forwarded-For %j only as one address: %j", (header, expected) => {
    expect(clientIpFrom(header)).toBe(expected);
  });
});
