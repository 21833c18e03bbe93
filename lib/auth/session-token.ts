// The one check of a session token, for the API (server/auth/identity.ts, which refuses what fails it) and for the
// web app's pages (components/auth/session.ts, which then shows no reader signed in): signed HS256 with the shared
// AUTH_SECRET, unexpired, with an `exp` (a token without one would be good forever, surviving any leak), a `sub`
// and a known `tier`. The same answer on both sides, so the page never shows a reader as signed in whom the API
// treats as a stranger.
import { jwtVerify } from "jose";

export type SessionTier = "free" | "premium";

export interface Session {
  sub: string;
  tier: SessionTier;
}

/** The reader a token names, or null for anything the API would refuse (no secret: no token is genuine). */
export async function verifySessionToken(token: string, secret: string): Promise<Session | null> {
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
