import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

// An import waits for the site (IMPORT_TIMEOUT_MS, 10 s by default) and then for the extraction (as long
// again at most): 30 s leaves the API room to answer its own FETCH_TIMEOUT or PAGE_TOO_LARGE first.
export async function POST(request: Request) {
  return forwardToApi(request, {
    apiUrl: webEnv().API_URL,
    path: "/api/articles",
    timeoutMs: 30_000,
    timeoutMessage: "Opening that page took too long. Try again, or paste the article's text.",
  });
}
