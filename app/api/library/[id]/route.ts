import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

async function forward(request: Request, { params }: Context) {
  const { id } = await params;
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: `/api/library/${encodeURIComponent(id)}`, timeoutMs: 10_000 });
}

export { forward as PUT, forward as DELETE };
