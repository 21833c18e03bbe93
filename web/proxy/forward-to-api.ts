// The web app's /api/tts*, /api/articles* and /api/library* routes are thin: they hand the request to the API process and pass its answer back
// untouched (status, JSON body, X-TTS-* headers), adding who is asking (the session token and client IP).
// Only the failures the API cannot report itself are answered here, in the API's own error shape.
import { BodyRefusal, hasBody, readJsonText } from "@/lib/http/json-body";
import { normalizeIp } from "@/lib/net/client-address.mjs";
import { clearedSessionCookie, servedOverHttps, sessionTokenFrom } from "./session-cookie";

export interface ForwardOptions {
  apiUrl: string;
  path: string;
  timeoutMs: number;
  /** What a reader is told when the API takes longer than timeoutMs (the route knows what was taking long). */
  timeoutMessage?: string;
  /** How long a request waits for an API that refuses connections (starting, or restarting after a crash). */
  startWaitMs?: number;
}

// A 100,000-character article is ~100 KB of JSON; a pasted page's HTML a few MB at most. The API's cap is twice this.
export const MAX_FORWARDED_BODY_BYTES = 4 * 1024 * 1024;

/** Under `npm start` the API is back within a few seconds of a crash (scripts/supervise.mjs). */
export const START_WAIT_MS = 5_000;
const START_POLL_MS = 250;
const TIMEOUT_MESSAGE = "Generating the audio took too long. Please try again.";

const PASSED_THROUGH = ["content-type", "cache-control", "retry-after"];
const NULL_BODY_STATUSES = [204, 205, 304];

const METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => (METHODS as readonly string[]).includes(method);

function errorResponse(status: number, code: string, error: string, headers?: Record<string, string>): Response {
  return Response.json({ error, code }, { status, headers });
}

/**
 * The client address scripts/web-server.mjs wrote: exactly one address, from the socket or a trusted front
 * proxy, after dropping whatever the browser sent. Anything else did not come from that server (a list, say,
 * under `next dev`), so it is not passed on and the API counts the request against the web app's own address.
 */
export function clientIpFrom(forwardedFor: string | null): string | undefined {
  const value = forwardedFor?.trim();
  return value && normalizeIp(value) !== undefined ? value : undefined;
}

export async function upstreamAnswer(upstream: Response, sentToken: boolean, secure: boolean): Promise<Response> {
  const payload = await upstream.arrayBuffer();
  const out = new Headers();
  upstream.headers.forEach((value, name) => {
    if (name.startsWith("x-tts-") || PASSED_THROUGH.includes(name)) out.set(name, value);
  });
  // A token the API refuses (signed with another secret, expired) would fail every listen while the page
  // still looked signed in: drop it, so the reader is anonymous until they sign in again.
  if (sentToken && upstream.status === 401) out.append("set-cookie", clearedSessionCookie(secure));
  // A 204 (a removed library entry) may carry no body at all, not even an empty one.
  const body = NULL_BODY_STATUSES.includes(upstream.status) ? null : payload;
  return new Response(body, { status: upstream.status, headers: out });
}

/** What goes to the API for a browser's request: its capped body and who is asking. */
export interface ApiRequest {
  init: { method: Method; headers: Headers; body?: Uint8Array<ArrayBuffer> };
  /** whether a session token was sent, so that a 401 clears it */
  sentToken: boolean;
  secure: boolean;
}

/** The browser's request made into the API's, or the refusal the web tier answers itself. */
export async function apiRequestFrom(request: Request): Promise<ApiRequest | Response> {
  // Each route handler exports only the methods its API route has; anything else reaching here reads as GET.
  const method = isMethod(request.method) ? request.method : "GET";
  let body: Uint8Array<ArrayBuffer> | undefined;
  // A POST without a body (creating a feed) goes on without one; any body meets the API's own rules here first,
  // so that what the API would refuse costs it nothing.
  if ((method === "POST" || method === "PUT") && hasBody(request)) {
    try {
      body = (await readJsonText(request, { maxBytes: MAX_FORWARDED_BODY_BYTES })).bytes;
    } catch (cause) {
      if (cause instanceof BodyRefusal) return errorResponse(cause.status, cause.code, cause.message);
      throw cause;
    }
  }
  const token = sessionTokenFrom(request.headers.get("cookie"));
  const clientIp = clientIpFrom(request.headers.get("x-forwarded-for"));

  const headers = new Headers({ Accept: "application/json" });
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (clientIp) headers.set("X-Forwarded-For", clientIp);
  return { init: { method, headers, body }, sentToken: token !== undefined, secure: servedOverHttps(request.headers) };
}

/** Nothing listens on the API's port: it is starting, or being restarted. */
const isRefused = (error: unknown) => (error as { cause?: { code?: unknown } } | undefined)?.cause?.code === "ECONNREFUSED";

/**
 * fetch to the API, tried again while the API refuses connections, for up to `startWaitMs`: a refused connection
 * never reached it, so sending the request again cannot do anything twice.
 */
export async function fetchApi(url: URL, init: RequestInit & { signal: AbortSignal }, startWaitMs = START_WAIT_MS): Promise<Response> {
  const deadline = Date.now() + startWaitMs;
  for (;;) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (!isRefused(error) || Date.now() + START_POLL_MS > deadline || init.signal.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, START_POLL_MS));
    }
  }
}

/** The failures the API cannot report itself: the browser left (499), too slow (504), starting (503), unreachable (503). */
export function unreachableApi(request: Request, cause: unknown, timeoutMessage = TIMEOUT_MESSAGE): Response {
  // Nobody is left to read an answer; 499 (nginx's "client closed request") keeps it out of the error counts.
  if (request.signal.aborted) return new Response(null, { status: 499 });
  if (cause instanceof DOMException && cause.name === "TimeoutError") return errorResponse(504, "UPSTREAM_TIMEOUT", timeoutMessage);
  if (isRefused(cause)) return errorResponse(503, "STARTING", "Listen is starting up. Try again in a few seconds.", { "Retry-After": "2" });
  return errorResponse(503, "UPSTREAM_UNAVAILABLE", "The voice service is not reachable right now. Please try again shortly.");
}

export async function forwardToApi(request: Request, options: ForwardOptions): Promise<Response> {
  const prepared = await apiRequestFrom(request);
  if (prepared instanceof Response) return prepared;
  try {
    // A browser that goes away cancels the API call too, so the API frees its slot and its upstream calls.
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(options.timeoutMs)]);
    const upstream = await fetchApi(new URL(options.path, options.apiUrl), { ...prepared.init, signal, cache: "no-store" }, options.startWaitMs);
    return await upstreamAnswer(upstream, prepared.sentToken, prepared.secure);
  } catch (cause) {
    return unreachableApi(request, cause, options.timeoutMessage);
  }
}
