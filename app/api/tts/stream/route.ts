import { webEnv } from "@/components/config/web-env";
import { streamFromApi } from "@/web/proxy/stream-from-api";

export const dynamic = "force-dynamic";

// Idle, not total: a long article streams for minutes, a chunk at a time. The API's per-chunk timeout (60 s)
// answers first when Inworld hangs; this only catches an API that has gone quiet altogether.
export async function POST(request: Request) {
  return streamFromApi(request, { apiUrl: webEnv().API_URL, path: "/api/tts/stream", idleTimeoutMs: 75_000 });
}
