import { forwardToApi } from "@/lib/proxy/forward-to-api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return forwardToApi(request, { apiUrl: process.env.API_URL ?? "http://127.0.0.1:3001", path: "/api/tts/voices", timeoutMs: 120_000 });
}
