// Who is asking: a bearer JWT (HS256, AUTH_SECRET, claims `sub` and `tier`) or nobody. A real identity
// provider replaces this one module (docs/architecture.md "Identity").
import { SignJWT } from "jose";
import { verifySessionToken } from "@/lib/auth/session-token";
import { unauthorized } from "../errors";

export type Identity = { kind: "anonymous"; tier: "anonymous" } | { kind: "user"; sub: string; tier: "free" | "premium" };

export const ANONYMOUS: Identity = { kind: "anonymous", tier: "anonymous" };

export interface IdentityResolver {
  resolve(authorization: string | null | undefined): Promise<Identity>;
  /** Only for the demo sign-in and tests; production tokens come from the identity provider. */
  issue(claims: { sub: string; tier: "free" | "premium" }, expiresIn?: string): Promise<string>;
}

export function createIdentityResolver({ secret }: { secret: string }): IdentityResolver {
  const key = new TextEncoder().encode(secret);

  async function resolve(authorization: string | null | undefined): Promise<Identity> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized("Authorization must be 'Bearer <token>'");
    // Without a secret no token can be genuine: refuse rather than silently treat the caller as anonymous.
    if (!secret) throw unauthorized("Sign-in is not configured on this server");
    const session = await verifySessionToken(match[1], secret);
    if (!session) throw unauthorized();
    return { kind: "user", ...session };
  }

  async function issue(claims: { sub: string; tier: "free" | "premium" }, expiresIn = "30d"): Promise<string> {
    if (!secret) throw new TypeError("AUTH_SECRET is required to issue tokens");
    return new SignJWT({ tier: claims.tier })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  }

  return { resolve, issue };
}
