// The web app's /api/tts/stream proxy: the API's NDJSON lines pass through as they arrive, never buffered, so
// the player can start on the first chunk while the rest is generated. A total timeout would cut off a long
// article that is progressing fine, so the limit is on silence instead: no byte for `idleTimeoutMs` ends the
// stream with an error line (the API's own per-chunk timeout normally speaks first).
import { apiRequestFrom, fetchApi, unreachableApi, upstreamAnswer } from "./forward-to-api";

export interface StreamOptions {
  apiUrl: string;
  path: string;
  idleTimeoutMs: number;
  /** see ForwardOptions */
  startWaitMs?: number;
}

const NDJSON = "application/x-ndjson";

const errorLine = (code: string, error: string) => new TextEncoder().encode(`${JSON.stringify({ type: "error", error, code })}\n`);

export async function streamFromApi(request: Request, options: StreamOptions): Promise<Response> {
  const prepared = await apiRequestFrom(request);
  if (prepared instanceof Response) return prepared;

  const idle = new AbortController();
  const onIdle = () => idle.abort(new DOMException("The API sent nothing for too long", "TimeoutError"));
  const timer = setTimeout(onIdle, options.idleTimeoutMs);
  // A browser that goes away cancels the API call too, so the API frees its slot and its upstream calls.
  const signal = AbortSignal.any([request.signal, idle.signal]);
  let upstream: Response;
  try {
    upstream = await fetchApi(new URL(options.path, options.apiUrl), { ...prepared.init, signal, cache: "no-store" }, options.startWaitMs);
  } catch (cause) {
    clearTimeout(timer);
    return unreachableApi(request, signal.reason ?? cause);
  }
  // Refusals before any audio are the API's usual JSON errors: passed on as /api/tts passes them.
  if (!upstream.ok || !upstream.body || !upstream.headers.get("content-type")?.startsWith(NDJSON)) {
    clearTimeout(timer);
    return upstreamAnswer(upstream, prepared.sentToken, prepared.secure);
  }

  const reader = upstream.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          clearTimeout(timer);
          out.close();
          return;
        }
        timer.refresh();
        out.enqueue(value);
      } catch {
        clearTimeout(timer);
        // The API went quiet or away mid-stream: the reader keeps what arrived and learns why it stopped.
        const timedOut = idle.signal.aborted;
        out.enqueue(
          timedOut
            ? errorLine("UPSTREAM_TIMEOUT", "Generating the audio took too long. Please try again.")
            : errorLine("UPSTREAM_UNAVAILABLE", "The voice service stopped answering. Please try again."),
        );
        out.close();
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      void reader.cancel(reason).catch(() => undefined);
    },
  });
  const headers = new Headers({ "Content-Type": `${NDJSON}; charset=utf-8`, "Cache-Control": "no-store, no-transform" });
  upstream.headers.forEach((value, name) => {
    if (name.startsWith("x-tts-")) headers.set(name, value);
  });
  return new Response(body, { status: upstream.status, headers });
}
