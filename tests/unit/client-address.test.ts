import { describe, expect, it } from "vitest";
// One client-address rule for the API (TRUST_PROXY) and the web app's server (WEB_TRUST_PROXY): lib/net/client-address.mjs.
import { normalizeIp, parseTrustedProxies, resolveClientIp } from "@/lib/net/client-address.mjs";
import { slowdown } from "@/tests/support/timing";

describe("normalizeIp", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
    ["::", "::"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["not an ip", undefined],
    ["256.1.1.1", undefined],
  ])("%s → %s", (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it("takes time proportional to the length of a text full of zone separators", () => {
    const separators = (count: number) => `fe80::1${"%".repeat(count)}\nx`;
    // 16× the input: about 16× the time when linear, 256× when quadratic (see tests/support/timing.ts).
    expect(slowdown(normalizeIp, separators(5_000), separators(80_000))).toBeLessThan(128);
  });
});

describe("parseTrustedProxies", () => {
  it.each([
    // spec, address, trusted
    ["loopback", "127.0.0.1", true],
    ["loopback", "127.255.0.9", true],
    ["loopback", "::1", true],
    ["loopback", "::ffff:127.0.0.1", true],
    ["loopback", "10.0.0.1", false],
    // Empty trusts nobody, on both sides (the API's default, loopback, is its configuration's).
    ["", "127.0.0.1", false],
    ["", "192.168.1.1", false],
    ["private", "10.1.2.3", true],
    ["private", "172.16.0.1", true],
    ["private", "172.32.0.1", false],
    ["private", "192.168.0.10", true],
    ["private", "fd12:3456::1", true],
    ["private", "127.0.0.1", false],
    ["loopback, private", "127.0.0.1", true],
    ["none", "127.0.0.1", false],
    ["false", "127.0.0.1", false],
    ["all", "203.0.113.9", true],
    ["true", "2001:db8::1", true],
    ["203.0.113.9", "203.0.113.9", true],
    ["203.0.113.9", "203.0.113.10", false],
    ["203.0.113.0/24", "203.0.113.200", true],
    ["203.0.113.0/24", "::ffff:203.0.113.200", true],
    ["203.0.113.0/24", "203.0.114.1", false],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["::ffff:127.0.0.0/104", "127.3.2.1", true],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["10.0.0.1", "garbage", false],
  ])("%j trusts %s: %s", (spec, address, expected) => {
    expect(parseTrustedProxies(spec).isTrusted(address)).toBe(expected);
  });

  it.each(["10.0.0.0/33", "2001:db8::/129", "::/129", "10.0.0.0/", "example.com", "10.0.0.0/8/8", "loopback,nonsense", "127.1/8"])(
    "rejects %j with a TypeError naming spec",
    (spec) => {
      expect(() => parseTrustedProxies(spec)).toThrow(TypeError);
      expect(() => parseTrustedProxies(spec)).toThrow(/spec/);
    },
  );
});

describe("resolveClientIp", () => {
  const loopback = parseTrustedProxies("loopback");

  it.each([
    // peer, X-Forwarded-For, trust spec, client
    ["direct client, no header", "203.0.113.7", undefined, "loopback", "203.0.113.7"],
    ["spoofed header from an untrusted peer is ignored", "203.0.113.7", "1.2.3.4", "loopback", "203.0.113.7"],
    ["trusted local proxy forwards the client", "127.0.0.1", "198.51.100.4", "loopback", "198.51.100.4"],
    ["mapped loopback peer is trusted", "::ffff:127.0.0.1", "198.51.100.4", "loopback", "198.51.100.4"],
    ["client-written hops left of the real one are ignored", "127.0.0.1", "6.6.6.6, 198.51.100.4", "loopback", "198.51.100.4"],
    ["walks past several trusted hops", "127.0.0.1", "198.51.100.4, 10.0.0.2, 10.0.0.1", "loopback,private", "198.51.100.4"],
    ["stops at the first untrusted hop", "127.0.0.1", "1.1.1.1, 198.51.100.4, 10.0.0.1", "loopback,private", "198.51.100.4"],
    ["all hops trusted: the leftmost", "127.0.0.1", "10.0.0.9, 10.0.0.1", "loopback,private", "10.0.0.9"],
    ["trust none ignores the header", "127.0.0.1", "198.51.100.4", "none", "127.0.0.1"],
    ["empty header from a trusted peer", "127.0.0.1", "", "loopback", "127.0.0.1"],
    ["hop with a port", "127.0.0.1", "198.51.100.4:5123", "loopback", "198.51.100.4"],
    ["bracketed IPv6 hop with a port", "127.0.0.1", "[2001:db8::7]:443", "loopback", "2001:db8::7"],
    ["IPv6 client is normalised", "::1", "2001:DB8:0::7", "loopback", "2001:db8::7"],
    ["mapped client is normalised", "::1", "::ffff:198.51.100.4", "loopback", "198.51.100.4"],
    ["garbage from a trusted proxy: the last good address", "127.0.0.1", "198.51.100.4, bogus", "loopback", "127.0.0.1"],
    ["mapped peer without a header", "::ffff:203.0.113.7", null, "loopback", "203.0.113.7"],
    // In front of Next.js (WEB_TRUST_PROXY, empty by default): loopback is trusted only when named.
    ["a browser's own header is ignored", "203.0.113.7", "1.2.3.4", "", "203.0.113.7"],
    ["loopback is not trusted unless named", "127.0.0.1", "1.2.3.4", "", "127.0.0.1"],
    ["a trusted front proxy names the client", "10.0.0.2", "198.51.100.4", "10.0.0.0/8", "198.51.100.4"],
    ["hops the client wrote before the proxy are ignored", "10.0.0.2", "6.6.6.6, 198.51.100.4", "10.0.0.0/8", "198.51.100.4"],
    ["walks past trusted hops", "10.0.0.2", "198.51.100.4, 10.0.0.9", "10.0.0.0/8", "198.51.100.4"],
    ["all hops trusted: the left-most", "10.0.0.2", "10.0.0.8, 10.0.0.9", "10.0.0.0/8", "10.0.0.8"],
    ["garbage ends the walk at the last good hop", "10.0.0.2", "198.51.100.4, bogus", "10.0.0.0/8", "10.0.0.2"],
    ["a trusted proxy without a header: the proxy", "10.0.0.2", undefined, "10.0.0.0/8", "10.0.0.2"],
    ["an untrusted peer without a header", "203.0.113.7", undefined, "10.0.0.0/8", "203.0.113.7"],
  ])("%s", (_name, peerIp, forwardedFor, spec, expected) => {
    expect(resolveClientIp({ peerIp, forwardedFor, trusted: parseTrustedProxies(spec) })).toBe(expected);
  });

  it("falls back to the raw peer, or 'unknown', when the peer is not an IP", () => {
    expect(resolveClientIp({ peerIp: undefined, forwardedFor: "1.2.3.4", trusted: loopback })).toBe("unknown");
    expect(resolveClientIp({ peerIp: "unix-socket", forwardedFor: "1.2.3.4", trusted: loopback })).toBe("unix-socket");
  });
});
