import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ key: string }>;
}

async function forward(request: Request, { params }: Context) {
  const { key } = await params;
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: `/api/positions/${encodeURIComponent(key)}`, timeoutMs: 10_000 });
}

export { forward as GET, forward as PUT };
