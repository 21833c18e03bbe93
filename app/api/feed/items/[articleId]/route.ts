import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ articleId: string }>;
}

async function forward(request: Request, { params }: Context) {
  const { articleId } = await params;
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: `/api/feed/items/${encodeURIComponent(articleId)}`, timeoutMs: 10_000 });
}

export { forward as PUT, forward as DELETE };
