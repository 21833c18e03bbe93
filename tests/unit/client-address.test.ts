import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/scripts/client-address.mjs";

describe("parseTrustedProxies (WEB_TRUST_PROXY)", () => {
  it.each([
    // spec, address, trusted
    ["", "127.0.0.1", false],
    ["none", "127.0.0.1", false],
    ["loopback", "127.0.0.1", true],
    ["loopback", "127.9.9.9", true],
    ["loopback", "::1", true],
    ["loopback", "::ffff:127.0.0.1", true],
    ["loopback", "10.0.0.1", false],
    ["10.0.0.5", "10.0.0.5", true],
    ["10.0.0.5", "10.0.0.6", false],
    ["10.0.0.0/8, 2001:db8::/32", "10.200.1.1", true],
    ["10.0.0.0/8, 2001:db8::/32", "2001:db8:1::9", true],
    ["10.0.0.0/8, 2001:db8::/32", "2001:db9::9", false],
    ["10.0.0.0/8", "not an ip", false],
  ])("%j trusts %s: %s", (spec, address, expected) => {
    expect(parseTrustedProxies(spec).isTrusted(address)).toBe(expected);
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "example.com", "loopback,private", "all"])(
    "rejects %j with a TypeError naming spec",
    (spec) => {
      expect(() => parseTrustedProxies(spec)).toThrow(TypeError);
      expect(() => parseTrustedProxies(spec)).toThrow(/spec/);
    },
  );
});

describe("clientAddress", () => {
  it.each([
    // what, peer, X-Forwarded-For, WEB_TRUST_PROXY, client
    ["a browser's own header is ignored", "203.0.113.7", "1.2.3.4", "", "203.0.113.7"],
    ["loopback is not trusted unless named", "127.0.0.1", "1.2.3.4", "", "127.0.0.1"],
    ["a trusted front proxy names the client", "10.0.0.2", "198.51.100.4", "10.0.0.0/8", "198.51.100.4"],
    ["hops the client wrote before the proxy are ignored", "10.0.0.2", "6.6.6.6, 198.51.100.4", "10.0.0.0/8", "198.51.100.4"],
    ["walks past trusted hops", "10.0.0.2", "198.51.100.4, 10.0.0.9", "10.0.0.0/8", "198.51.100.4"],
    ["all hops trusted: the left-most", "10.0.0.2", "10.0.0.8, 10.0.0.9", "10.0.0.0/8", "10.0.0.8"],
    ["garbage ends the walk at the last good hop", "10.0.0.2", "198.51.100.4, bogus", "10.0.0.0/8", "10.0.0.2"],
    ["a trusted proxy without a header: the proxy", "10.0.0.2", undefined, "10.0.0.0/8", "10.0.0.2"],
    ["an untrusted peer without a header", "203.0.113.7", undefined, "10.0.0.0/8", "203.0.113.7"],
  ])("%s", (_what, peer, forwardedFor, spec, expected) => {
    expect(clientAddress({ peer, forwardedFor, trusted: parseTrustedProxies(spec) })).toBe(expected);
  });
});
