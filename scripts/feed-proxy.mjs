// The web app's /feed/* proxy (docs/architecture.md "Feeds"): a podcast app's requests for the feed and its MP3s,
// passed to the API and streamed back byte for byte. It sits in scripts/web-server.mjs in front of Next.js because
// a Next.js route handler drops Content-Length from every answer, and a podcast app needs it (HEAD, ranges,
// the enclosure's size). No session goes along: the secret in the URL is the only credential. The API builds
// the feed's absolute URLs from the host the podcast app used, which this names for it.
import { request as httpRequest } from "node:http";

const REQUEST_HEADERS = ["range", "if-range", "if-none-match"];
const RESPONSE_HEADERS = ["content-type", "content-length", "content-range", "accept-ranges", "etag", "cache-control"];
// "/feed/{secret}.xml" or "/feed/{secret}/{key}.mp3": two short segments at most, no query.
const FEED_PATH = /^\/feed\/[A-Za-z0-9_.-]{1,80}(?:\/[A-Za-z0-9_.-]{1,80})?$/;
const HOST = /^[A-Za-z0-9.:[\]-]{1,260}$/;
// A whole enclosure is a few megabytes; a podcast app on a slow line gets two minutes of silence at most.
const IDLE_TIMEOUT_MS = 120_000;

export const isFeedRequest = (req) => req.url?.startsWith("/feed/") ?? false;

function answer(res, status, code, error) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error, code }));
}

/** `secure`: the browser reached us over https (a trusted front proxy said so). */
export function proxyFeed(req, res, { apiUrl, secure }) {
  if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "METHOD_NOT_ALLOWED", "Feeds are read with GET or HEAD");
  if (!FEED_PATH.test(req.url)) return answer(res, 404, "NOT_FOUND", "Feed not found");
  const headers = {};
  for (const name of REQUEST_HEADERS) if (typeof req.headers[name] === "string") headers[name] = req.headers[name];
  const host = req.headers.host;
  if (host && HOST.test(host)) {
    headers["x-forwarded-host"] = host;
    headers["x-forwarded-proto"] = secure ? "https" : "http";
  }
  const upstream = httpRequest(new URL(req.url, apiUrl), { method: req.method, headers, timeout: IDLE_TIMEOUT_MS }, (answerFromApi) => {
    const out = {};
    for (const name of RESPONSE_HEADERS) if (answerFromApi.headers[name] !== undefined) out[name] = answerFromApi.headers[name];
    res.writeHead(answerFromApi.statusCode ?? 502, out);
    answerFromApi.pipe(res);
  });
  upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
  upstream.on("error", () => {
    if (!res.headersSent) answer(res, 503, "UPSTREAM_UNAVAILABLE", "The feed is not reachable right now");
    else res.destroy();
  });
  // A podcast app that hangs up mid-file stops the API's answer too.
  res.on("close", () => upstream.destroy());
  upstream.end();
}
