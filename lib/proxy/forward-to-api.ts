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
}

// A 100,000-character article is ~100 KB of JSON; a pasted page's HTML a few MB at most. The API's cap is twice this.
export const MAX_FORWARDED_BODY_BYTES = 4 * 1024 * 1024;

const PASSED_THROUGH = ["content-type", "cache-control", "retry-after"];
const NULL_BODY_STATUSES = [204, 205, 304];

const METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => (METHODS as readonly string[]).includes(method);

function errorResponse(status: number, code: string, error: string): Response {
  return Response.json({ error, code }, { status });
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

/** The failures the API cannot report itself: the browser left (499), too slow (504), unreachable (503). */
export function unreachableApi(request: Request, cause: unknown): Response {
  // Nobody is left to read an answer; 499 (nginx's "client closed request") keeps it out of the error counts.
  if (request.signal.aborted) return new Response(null, { status: 499 });
  if (cause instanceof DOMException && cause.name === "TimeoutError") {
    return errorResponse(504, "UPSTREAM_TIMEOUT", "Generating the audio took too long. Please try again.");
  }
  return errorResponse(503, "UPSTREAM_UNAVAILABLE", "The voice service is not reachable right now. Please try again shortly.");
}

export async function forwardToApi(request: Request, options: ForwardOptions): Promise<Response> {
  const prepared = await apiRequestFrom(request);
  if (prepared instanceof Response) return prepared;
  try {
    // A browser that goes away cancels the API call too, so the API frees its slot and its upstream calls.
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(options.timeoutMs)]);
    const upstream = await fetch(new URL(options.path, options.apiUrl), { ...prepared.init, signal, cache: "no-store" });
    return await upstreamAnswer(upstream, prepared.sentToken, prepared.secure);
  } catch (cause) {
    return unreachableApi(request, cause);
  }
}
