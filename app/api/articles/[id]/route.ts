import { webEnv } from "@/components/config/web-env";
import { forwardToApi } from "@/web/proxy/forward-to-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return forwardToApi(request, { apiUrl: webEnv().API_URL, path: `/api/articles/${encodeURIComponent(id)}`, timeoutMs: 10_000 });
}
