// What the web app's server answers or adds before Next.js sees a request (scripts/web-server.mjs). Plain
// JavaScript, as that server runs under Node with no TypeScript step.

/** On every answer: no content sniffing, and the full address of a page never leaves the site. */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * A server action (a POST with a Next-Action header) sent from another site: Next.js refuses it by throwing,
 * which answers 500; it is the other site's mistake, not ours, so it is answered 403 here. `host` is the host the
 * browser used (the Host header, or a trusted front proxy's X-Forwarded-Host).
 */
export function isCrossOriginAction({ method, headers, host }) {
  if (method !== "POST" || !headers["next-action"]) return false;
  const origin = headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const CROSS_ORIGIN_REFUSAL = JSON.stringify({ error: "This form was sent from another site", code: "FORBIDDEN" });
