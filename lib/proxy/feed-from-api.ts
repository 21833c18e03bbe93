// The web app's /feed/* proxy: a podcast app's requests for the feed and its MP3s, passed to the API with their
// Range and validators and answered as they stream back (docs/architecture.md "Feeds"). No session goes along:
// the secret in the URL is the only credential. The API builds the feed's absolute URLs from the host the
// podcast app used, which this proxy names for it.

export interface FeedProxyOptions {
  apiUrl: string;
  timeoutMs: number;
}

const REQUEST_HEADERS = ["range", "if-range", "if-none-match"];
const RESPONSE_HEADERS = ["content-type", "content-length", "content-range", "accept-ranges", "etag", "cache-control"];
// "/feed/{secret}.xml" or "/feed/{secret}/{key}.mp3": two segments at most, each short.
const FEED_PATH = /^\/feed\/[A-Za-z0-9_.-]{1,80}(?:\/[A-Za-z0-9_.-]{1,80})?$/;
const HOST = /^[A-Za-z0-9.:[\]-]{1,260}$/;

export async function feedFromApi(request: Request, { apiUrl, timeoutMs }: FeedProxyOptions): Promise<Response> {
  const { pathname } = new URL(request.url);
  const method = request.method === "HEAD" ? "HEAD" : "GET";
  if (!FEED_PATH.test(pathname)) return Response.json({ error: "Feed not found", code: "NOT_FOUND" }, { status: 404 });
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const host = request.headers.get("host");
  if (host && HOST.test(host)) {
    headers.set("X-Forwarded-Host", host);
    // scripts/web-server.mjs keeps X-Forwarded-Proto only from a trusted front proxy.
    headers.set("X-Forwarded-Proto", request.headers.get("x-forwarded-proto") === "https" ? "https" : "http");
  }
  try {
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
    const upstream = await fetch(new URL(pathname, apiUrl), { method, headers, signal, cache: "no-store" });
    const out = new Headers();
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    const body = method === "HEAD" || upstream.status === 304 ? null : upstream.body;
    return new Response(body, { status: upstream.status, headers: out });
  } catch {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return Response.json({ error: "The feed is not reachable right now", code: "UPSTREAM_UNAVAILABLE" }, { status: 503 });
  }
}
