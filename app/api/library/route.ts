import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: "/api/library", timeoutMs: 10_000 });
}
