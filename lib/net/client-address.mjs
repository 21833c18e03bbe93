// Who the client is (docs/architecture.md invariant 13), one definition for both servers that decide it: the API
// (TRUST_PROXY, through server/plugins/guards.ts) and the web app's Node server in front of Next.js
// (WEB_TRUST_PROXY, scripts/web-server.mjs, which runs under plain Node: hence JavaScript, typed by the .d.mts
// beside it). Addresses are parsed by ipaddr.js; an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4
// address it carries, so "::ffff:127.0.0.1" and "127.0.0.1" are one client and one trust decision.
import ipaddr from "ipaddr.js";

const KEYWORDS = {
  loopback: ["127.0.0.0/8", "::1/128"],
  // RFC 1918, RFC 4193 unique local, and link-local for both families
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10"],
  all: ["0.0.0.0/0", "::/0"],
  true: ["0.0.0.0/0", "::/0"],
  none: [],
  false: [],
};

/** The address with any zone ("fe80::1%eth0") cut off, parsed; undefined when it is not an IP address. */
function parse(text) {
  if (typeof text !== "string") return undefined;
  const trimmed = text.trim();
  // The zone is cut with indexOf: a regex from every "%" would re-scan the rest, quadratic.
  const zone = trimmed.indexOf("%");
  const address = zone === -1 ? trimmed : trimmed.slice(0, zone);
  if (!ipaddr.isValid(address)) return undefined;
  // isValid accepts IPv4 shorthands ("1", "0x7f.1"); a client address is written out in full.
  if (address.includes(".") && !address.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  return ipaddr.process(address);
}

/** The canonical text of an IP address (an IPv4-mapped IPv6 address as plain IPv4), or undefined. */
export function normalizeIp(text) {
  const address = parse(text);
  if (!address) return undefined;
  return address.kind() === "ipv6" ? address.toRFC5952String() : address.toString();
}

function parseRange(entry) {
  const [text, prefixText, extra] = entry.split("/");
  const address = parse(text);
  if (!address || extra !== undefined || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))) return undefined;
  const width = address.kind() === "ipv4" ? 32 : 128;
  // A range written in IPv4-mapped form (::ffff:127.0.0.0/104) is the IPv4 range it maps.
  const mapped = address.kind() === "ipv4" && text.includes(":");
  const prefix = prefixText === undefined ? width : Number(prefixText) - (mapped ? 96 : 0);
  if (!(prefix >= 0 && prefix <= width)) return undefined;
  return [address, prefix];
}

/**
 * Parses a trust spec (TRUST_PROXY, WEB_TRUST_PROXY): a comma list of IPs, CIDRs (IPv4 and IPv6) and the keywords
 * `loopback`, `private`, `all`/`true` and `none`/`false`. Empty trusts nobody, on both sides; each side's
 * default is in its own configuration.
 */
export function parseTrustedProxies(spec) {
  if (typeof spec !== "string") throw new TypeError(`Expected \`spec\` to be a string, got ${typeof spec}`);
  const ranges = spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) =>
      (KEYWORDS[entry.toLowerCase()] ?? [entry]).map((text) => {
        const range = parseRange(text);
        if (!range) throw new TypeError(`Expected \`spec\` to list IPs, CIDRs or keywords; ${JSON.stringify(entry.slice(0, 60))} is none of them`);
        return range;
      }),
    );
  return {
    isTrusted(ip) {
      const address = parse(ip);
      return address !== undefined && ranges.some(([network, prefix]) => network.kind() === address.kind() && address.match(network, prefix));
    },
  };
}

// Some proxies append a port ("203.0.113.7:4711", "[2001:db8::1]:4711").
function stripPort(hop) {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1] : hop;
}

/**
 * The client: the socket's peer, unless that peer is a trusted proxy; then X-Forwarded-For is walked right to
 * left past every trusted hop, and the first untrusted address is the client. Hops left of it were written by
 * whoever the proxy heard from, so they are the client's to forge and never believed. A hop that is not an
 * address ends the walk at the last good one. A peer that is not an IP (a Unix socket) is returned as it is, or
 * "unknown".
 */
export function resolveClientIp({ peerIp, forwardedFor, trusted }) {
  let current = normalizeIp(peerIp);
  if (current === undefined) return peerIp || "unknown";
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0 && trusted.isTrusted(current); i -= 1) {
    const next = normalizeIp(stripPort(hops[i]));
    if (next === undefined) break;
    current = next;
  }
  return current;
}
