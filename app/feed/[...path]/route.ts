import { webEnv } from "@/components/config/web-env";
import { feedFromApi } from "@/lib/proxy/feed-from-api";

export const dynamic = "force-dynamic";

// A whole enclosure is a few megabytes; a podcast app on a slow line gets a minute for it.
async function forward(request: Request) {
  return feedFromApi(request, { apiUrl: webEnv().API_URL, timeoutMs: 60_000 });
}

export { forward as GET, forward as HEAD };
