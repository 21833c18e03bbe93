// The pages' Content-Security-Policy. Imported articles are sanitized by the API; this is the second wall: a
// script that got through anyway does not run. Inline scripts run only with this response's nonce (Next.js's
// own bootstrap), script files only from this origin (its chunks), and no inline event handler runs at all.
// No 'strict-dynamic': it would let any script the page's code inserts run, an inline one included.

export interface PolicyOptions {
  /** fresh for every response, base64 */
  nonce: string;
  /** `next dev`: React's debugging rebuilds error stacks with eval */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes in the server's HTML (a progress bar's width): styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // An imported article's pictures stay on its own site, any site.
    "img-src 'self' data: blob: https: http:",
    // The voice arrives as a blob: URL made from the API's audio.
    "media-src 'self' blob: data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
