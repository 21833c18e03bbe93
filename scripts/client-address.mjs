// Which address the web app vouches for (docs/architecture.md invariant 13), used by scripts/web-server.mjs. Plain
// JavaScript because that server runs under Node before Next.js, with no TypeScript step in between.
import { BlockList, isIP } from "node:net";

const KEYWORDS = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  none: [],
};

/**
 * Parses WEB_TRUST_PROXY: a comma list of addresses, CIDRs and the keywords `loopback` and `none` naming the
 * front proxies (a load balancer, nginx) whose X-Forwarded-For is believed. Empty trusts nobody.
 */
export function parseTrustedProxies(spec) {
  if (typeof spec !== "string") throw new TypeError(`spec must be a string, got ${typeof spec}`);
  const list = new BlockList();
  for (const entry of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const family = isIP(address);
    const ranges =
      KEYWORDS[entry.toLowerCase()] ??
      (family && extra === undefined && (prefixText === undefined || /^\d{1,3}$/.test(prefixText))
        ? [[address, prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText), `ipv${family}`]]
        : undefined);
    if (!ranges) throw new TypeError(`spec: ${JSON.stringify(entry.slice(0, 60))} is not an address, a CIDR, loopback or none`);
    for (const [network, prefix, type] of ranges) {
      if (prefix > (type === "ipv4" ? 32 : 128)) throw new TypeError(`spec: prefix /${prefix} is too long for ${network}`);
      list.addSubnet(network, prefix, type);
    }
  }
  return {
    isTrusted(ip) {
      const family = isIP(ip);
      return family !== 0 && list.check(ip, `ipv${family}`);
    },
  };
}

/**
 * The client: the socket's peer, unless that peer is a trusted proxy; then the right-most hop of its
 * X-Forwarded-For that is not itself trusted (hops to its left were written by whoever the proxy heard from,
 * so they are the client's to forge). A hop that is not an address ends the walk at the last good one.
 */
export function clientAddress({ peer, forwardedFor, trusted }) {
  let client = peer ?? "";
  if (!trusted.isTrusted(client)) return client;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) break;
    client = hops[i];
    if (!trusted.isTrusted(client)) break;
  }
  return client;
}
