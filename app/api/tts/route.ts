import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

// The proxy waits up to 120 s: a long uncached article takes many upstream rounds; the API's
// own per-chunk timeout (60 s) normally answers first.
export async function POST(request: Request) {
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: "/api/tts", timeoutMs: 120_000 });
}
