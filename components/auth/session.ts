import { decodeJwt } from "jose";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/proxy/forward-to-api";

export type SessionTier = "free" | "premium";

export interface Session {
  sub: string;
  tier: SessionTier;
}

/** Whether the demo sign-in exists (the API's /api/auth/demo is mounted only with DEMO_AUTH=1 too). */
export function demoAuthEnabled(): boolean {
  return process.env.DEMO_AUTH === "1";
}

export function apiUrl(): string {
  return process.env.API_URL ?? "http://127.0.0.1:3001";
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/**
 * Who the page is for, read from the session cookie. Only for what the page shows: the token is not
 * verified here (the web app does not hold AUTH_SECRET); the API verifies it on every request it matters for.
 */
export async function getSession(): Promise<Session | null> {
  const token = await sessionToken();
  if (!token) return null;
  try {
    const { sub, tier, exp } = decodeJwt(token);
    if (typeof sub !== "string" || (tier !== "free" && tier !== "premium")) return null;
    if (typeof exp === "number" && exp * 1000 < Date.now()) return null;
    return { sub, tier };
  } catch {
    return null;
  }
}
