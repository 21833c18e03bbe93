// The rules a link must pass before anything is resolved or fetched (docs/architecture.md → Articles, 400 INVALID_URL).
// Host normalisation is left to WHATWG URL parsing: it already turns `2130706433`, `0x7f000001`, `0177.0.0.1`
// and `127.1` into `127.0.0.1`, and `0` into `0.0.0.0`, so the address policy only ever sees dotted or
// bracketed literals, or names to resolve.
import { invalidUrl } from "../errors";

export const MAX_URL_LENGTH = 2048;
const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };
export const ALLOWED_PORTS: ReadonlySet<number> = new Set([80, 443, 8080, 8443]);

export interface ImportUrlOptions {
  /** IMPORT_ALLOW_PRIVATE=1 lifts the port rule too */
  allowAnyPort: boolean;
}

export function parseImportUrl(raw: string, base: URL | undefined, { allowAnyPort }: ImportUrlOptions): URL {
  if (raw.length > MAX_URL_LENGTH) throw invalidUrl(`it is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw invalidUrl("it is not a valid address");
  }
  if (!(url.protocol in DEFAULT_PORTS)) throw invalidUrl("only http and https links are supported");
  if (url.username || url.password) throw invalidUrl("it carries a user name or password");
  if (!url.hostname) throw invalidUrl("it has no host");
  if (!allowAnyPort && url.port && !ALLOWED_PORTS.has(Number(url.port))) {
    throw invalidUrl(`port ${url.port} is not allowed (80, 443, 8080 and 8443 are)`);
  }
  return url;
}

export const portOf = (url: URL): number => (url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol]);

/** The host as a resolver or the address policy takes it: IPv6 literals without their brackets. */
export const bareHostname = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, "$1");
