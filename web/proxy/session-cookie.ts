// The session cookie: set by sign-in (components/auth/actions.ts), read by the proxy, cleared by the proxy
// when the API refuses its token. One definition, so a cleared cookie matches the one that was set.

export const SESSION_COOKIE = "listen_session";

// The API's demo tokens last 30 days; the cookie lives as long.
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/**
 * Whether the browser reached us over https: a trusted front proxy says so (scripts/web-server.mjs drops anyone
 * else's X-Forwarded-Proto), or the browser's own Origin does (it sends one with every POST, a sign-in's too).
 */
export function servedOverHttps(headers: Pick<Headers, "get">): boolean {
  return headers.get("x-forwarded-proto") === "https" || (headers.get("origin")?.startsWith("https://") ?? false);
}

/** Attributes shared by setting and clearing; `secure` when the browser reached us over https. */
export function sessionCookieAttributes(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
}

/** A Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  const { path, sameSite } = sessionCookieAttributes(secure);
  return [`${SESSION_COOKIE}=`, `Path=${path}`, "Max-Age=0", "HttpOnly", `SameSite=${sameSite}`, ...(secure ? ["Secure"] : [])].join("; ");
}

/** The session token from a Cookie header; a value that is not valid percent-encoding is no session. */
export function sessionTokenFrom(cookieHeader: string | null): string | undefined {
  for (const pair of cookieHeader?.split(";") ?? []) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = pair.slice(eq + 1).trim();
      try {
        return value ? decodeURIComponent(value) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
