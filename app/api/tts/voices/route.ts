import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // ?lang= picks the voices of the article's language; the API validates it.
  const { search } = new URL(request.url);
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: `/api/tts/voices${search}`, timeoutMs: 120_000 });
}
