import { jwtVerify } from "jose";

export type SessionTier = "free" | "premium";

export interface Session {
  sub: string;
  tier: SessionTier;
}

/**
 * The reader a session token names, if the token is one the API would accept: signed HS256 with the shared
 * AUTH_SECRET, unexpired, with `sub` and a known `tier`. Anything else is no session, so the page never shows a
 * reader as signed in whom the API treats as a stranger.
 */
export async function verifySession(token: string, secret: string): Promise<Session | null> {
  if (!secret) return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"], requiredClaims: ["exp", "sub"] });
    const { sub, tier } = payload;
    if (typeof sub !== "string" || !sub || (tier !== "free" && tier !== "premium")) return null;
    return { sub, tier };
  } catch {
    return null;
  }
}
