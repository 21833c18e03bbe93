export interface TrustedProxies {
  isTrusted(ip: string): boolean;
}

export interface ResolveClientIpInput {
  /** the address of the socket's other end */
  peerIp: string | null | undefined;
  /** the X-Forwarded-For header, several headers joined by commas */
  forwardedFor?: string | null;
  trusted: TrustedProxies;
}

export function normalizeIp(text: string | null | undefined): string | undefined;
export function parseTrustedProxies(spec: string): TrustedProxies;
export function resolveClientIp(input: ResolveClientIpInput): string;
