// The web app's /api/tts* routes are thin: they hand the request to the API process and pass its answer back
// untouched (status, JSON body, X-TTS-* headers), adding who is asking (the session token and client IP).
// Only the two failures the API cannot report itself are answered here, in the API's own error shape.

export interface ForwardOptions {
  apiUrl: string;
  path: string;
  timeoutMs: number;
}

/** The session cookie (httpOnly, set by sign-in) becomes the API's bearer token. */
export const SESSION_COOKIE = "listen_session";

const PASSED_THROUGH = ["content-type", "cache-control", "retry-after"];

function errorResponse(status: number, code: string, error: string): Response {
  return Response.json({ error, code }, { status });
}

/**
 * The client as the nearest trusted hop saw it: Next.js fills `x-forwarded-for` with the socket address when
 * the request arrives without one, and a reverse proxy in front appends the address it saw, so the right-most
 * entry is the one no client can forge past that proxy.
 */
export function clientIpFrom(forwardedFor: string | null): string | undefined {
  const hops = forwardedFor?.split(",").map((s) => s.trim()).filter(Boolean);
  return hops?.length ? hops[hops.length - 1] : undefined;
}

export function sessionTokenFrom(cookieHeader: string | null): string | undefined {
  for (const pair of cookieHeader?.split(";") ?? []) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = pair.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}

export async function forwardToApi(request: Request, options: ForwardOptions): Promise<Response> {
  const method = request.method === "POST" ? "POST" : "GET";
  const body = method === "POST" ? await request.text() : undefined;
  const token = sessionTokenFrom(request.headers.get("cookie"));
  const clientIp = clientIpFrom(request.headers.get("x-forwarded-for"));

  const headers = new Headers({ Accept: "application/json" });
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (clientIp) headers.set("X-Forwarded-For", clientIp);

  let upstream: Response;
  let payload: ArrayBuffer;
  try {
    const signal = AbortSignal.timeout(options.timeoutMs);
    upstream = await fetch(new URL(options.path, options.apiUrl), {
      method,
      headers,
      body,
      signal,
      cache: "no-store",
    });
    payload = await upstream.arrayBuffer();
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "TimeoutError") {
      return errorResponse(504, "UPSTREAM_TIMEOUT", "Generating the audio took too long. Please try again.");
    }
    return errorResponse(503, "UPSTREAM_UNAVAILABLE", "The voice service is not reachable right now. Please try again shortly.");
  }

  const out = new Headers();
  upstream.headers.forEach((value, name) => {
    if (name.startsWith("x-tts-") || PASSED_THROUGH.includes(name)) out.set(name, value);
  });
  return new Response(payload, { status: upstream.status, headers: out });
}
