// The client IP the rate limit and the anonymous quota key on (docs/architecture.md "Identity": X-Forwarded-For only when
// the direct peer is a trusted proxy, TRUST_PROXY, default loopback). Addresses are held as 128-bit integers,
// IPv4 as its IPv4-mapped IPv6 form (::ffff:a.b.c.d, RFC 4291 §2.5.5.2), so one CIDR test covers both
// families and "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
import { isIPv4, isIPv6 } from "node:net";

export interface TrustedProxies {
  isTrusted(ip: string): boolean;
}

interface Cidr {
  network: bigint;
  prefix: number;
}

const MAPPED_PREFIX = 0xffffn << 32n;

const KEYWORDS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  // RFC 1918, RFC 4193 unique local, and link-local for both families
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10"],
  all: ["::/0"],
  true: ["::/0"],
  none: [],
  false: [],
};

function parseIPv4(text: string): bigint {
  return text.split(".").reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text: string): bigint {
  const toGroups = (part: string) => {
    if (part === "") return [];
    const groups = part.split(":");
    const last = groups.at(-1)!;
    if (!last.includes(".")) return groups.map((g) => parseInt(g, 16));
    const v4 = Number(parseIPv4(last));
    return [...groups.slice(0, -1).map((g) => parseInt(g, 16)), v4 >>> 16, v4 & 0xffff];
  };
  const [head, tail] = text.split("::");
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const groups = [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.reduce((bits, group) => (bits << 16n) | BigInt(group), 0n);
}

function toBits(ip: string): bigint | undefined {
  // The zone ("fe80::1%eth0") is cut with indexOf: /%.*$/ re-scanned the rest from every "%", quadratic.
  const trimmed = ip.trim();
  const zone = trimmed.indexOf("%");
  const address = zone === -1 ? trimmed : trimmed.slice(0, zone);
  if (isIPv4(address)) return MAPPED_PREFIX | parseIPv4(address);
  if (isIPv6(address)) return parseIPv6(address);
  return undefined;
}

function isMappedIPv4(bits: bigint): boolean {
  return bits >> 32n === 0xffffn;
}

// RFC 5952 text: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::".
function formatIPv6(bits: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

function format(bits: bigint): string {
  if (!isMappedIPv4(bits)) return formatIPv6(bits);
  return [24n, 16n, 8n, 0n].map((shift) => Number((bits >> shift) & 0xffn)).join(".");
}

/** The canonical text of an IP address (IPv4-mapped IPv6 as plain IPv4), or undefined when it is not one. */
export function normalizeIp(ip: string): string | undefined {
  const bits = toBits(ip);
  return bits === undefined ? undefined : format(bits);
}

function parseCidr(entry: string): Cidr | undefined {
  const [address, prefixText, extra] = entry.split("/");
  const bits = toBits(address);
  if (bits === undefined || extra !== undefined) return undefined;
  const width = isIPv4(address.trim()) ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width || prefixText?.trim() === "") return undefined;
  const full = prefix + 128 - width;
  return { network: bits >> BigInt(128 - full), prefix: full };
}

/**
 * Parses TRUST_PROXY: a comma list of IPs, CIDRs (IPv4 and IPv6) and the keywords `loopback`, `private`,
 * `all`/`true` and `none`/`false`. An empty spec means the default, `loopback`.
 */
export function parseTrustedProxies(spec: string): TrustedProxies {
  if (typeof spec !== "string") throw new TypeError(`Expected \`spec\` to be a string, got ${typeof spec}`);
  const entries =
    spec.trim() === ""
      ? ["loopback"]
      : spec
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean);
  const ranges = entries.flatMap((entry) => {
    const expanded = KEYWORDS[entry.toLowerCase()] ?? [entry];
    return expanded.map((text) => {
      const cidr = parseCidr(text);
      if (!cidr) throw new TypeError(`Expected \`spec\` to list IPs, CIDRs or keywords; "${entry}" is none of them`);
      return cidr;
    });
  });
  return {
    isTrusted(ip) {
      const bits = toBits(ip);
      if (bits === undefined) return false;
      return ranges.some(({ network, prefix }) => bits >> BigInt(128 - prefix) === network);
    },
  };
}

// Some proxies append a port ("203.0.113.7:4711", "[2001:db8::1]:4711").
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1] : hop;
}

export interface ResolveClientIpInput {
  /** the address of the socket's other end */
  peerIp: string | null | undefined;
  /** the X-Forwarded-For header, several headers joined by commas */
  forwardedFor?: string | null;
  trusted: TrustedProxies;
}

/**
 * Walks X-Forwarded-For right to left from the direct peer, past every trusted hop: the first untrusted
 * address is the client. Hops left of it were written by the client itself and are never believed. When a
 * trusted proxy reports something that is not an IP, the last address known good is returned.
 */
export function resolveClientIp({ peerIp, forwardedFor, trusted }: ResolveClientIpInput): string {
  let current = peerIp ? normalizeIp(peerIp) : undefined;
  if (current === undefined) return peerIp || "unknown";
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0 && trusted.isTrusted(current); i -= 1) {
    const next = normalizeIp(stripPort(hops[i]));
    if (next === undefined) break;
    current = next;
  }
  return current;
}
