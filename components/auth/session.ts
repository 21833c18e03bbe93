import { cookies } from "next/headers";
import { webEnv } from "@/components/config/web-env";
import { SESSION_COOKIE } from "@/web/proxy/session-cookie";
import { verifySessionToken, type Session } from "@/lib/auth/session-token";

export type { Session, SessionTier } from "@/lib/auth/session-token";

/** Whether the demo sign-in exists (the API's /api/auth/demo is mounted only with DEMO_AUTH on too). */
export function demoAuthEnabled(): boolean {
  return webEnv().DEMO_AUTH;
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/** Who the page is for: the session cookie's reader, verified as the API verifies it. */
export async function getSession(): Promise<Session | null> {
  const token = await sessionToken();
  return token ? verifySessionToken(token, webEnv().AUTH_SECRET) : null;
}
