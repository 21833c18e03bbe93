import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

async function forward(request: Request) {
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: "/api/feed", timeoutMs: 10_000 });
}

export { forward as GET, forward as POST };
