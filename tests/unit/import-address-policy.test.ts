// Which addresses an import may connect to (invariant 14), in the notations an attacker may use for each.
import { describe, expect, it } from "vitest";
import { publicAddressesOnly } from "@/server/import/address-policy";

const REFUSED = [
  // loopback
  "127.0.0.1",
  "127.1.2.3",
  "::1",
  "0:0:0:0:0:0:0:1",
  "::ffff:127.0.0.1",
  "::ffff:7f00:1",
  "0:0:0:0:0:ffff:7f00:1",
  "::127.0.0.1",
  "::7f00:1",
  "0:0:0:0:0:0:7f00:1",
  // unspecified and "this network"
  "0.0.0.0",
  "0.1.2.3",
  "::",
  "::ffff:0.0.0.0",
  // private, shared and link-local IPv4, with the cloud metadata address, mapped and compatible
  "10.0.0.1",
  "10.255.255.255",
  "172.16.0.1",
  "172.31.255.255",
  "192.168.0.1",
  "192.168.255.255",
  "100.64.0.1",
  "100.127.255.255",
  "169.254.169.254",
  "::ffff:169.254.169.254",
  "::ffff:a9fe:a9fe",
  "::a9fe:a9fe",
  "::169.254.169.254",
  "::ffff:10.0.0.1",
  "::a00:1",
  "::ffff:192.168.1.1",
  "::c0a8:101",
  // special-purpose and documentation IPv4
  "192.0.0.1",
  "192.0.2.1",
  "198.18.0.1",
  "198.19.255.255",
  "198.51.100.1",
  "203.0.113.1",
  "240.0.0.1",
  "255.255.255.255",
  // multicast
  "224.0.0.1",
  "239.255.255.255",
  "ff02::1",
  "ff0e::1",
  "::ffff:224.0.0.1",
  // IPv6 link-local, unique-local, site-local
  "fe80::1",
  "fe80::1%eth0",
  "febf::1",
  "fc00::1",
  "fd12:3456:789a::1",
  "fec0::1",
  // translation and tunnelling blocks that reach IPv4 behind them
  "64:ff9b::7f00:1",
  "64:ff9b::a9fe:a9fe",
  "64:ff9b:1::1",
  "2002:7f00:1::1",
  "2002:a9fe:a9fe::1",
  "2001:0:4136:e378:8000:63bf:3fff:fdd2",
  // documentation, benchmarking, discard, ORCHID, reserved
  "2001:db8::1",
  "2001:2::1",
  "100::1",
  "2001:10::1",
  "2001:20::1",
  "4000::1",
  "::ffff:0:7f00:1",
];
const ALLOWED = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "::ffff:8.8.8.8", "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1"];

describe("publicAddressesOnly", () => {
  it("is judged on seventy notations", () => {
    expect(REFUSED.length + ALLOWED.length).toBeGreaterThanOrEqual(70);
  });

  it.each(REFUSED)("refuses %s", (address) => {
    expect(publicAddressesOnly(address)).toBe(false);
  });

  it.each(ALLOWED)("allows %s", (address) => {
    expect(publicAddressesOnly(address)).toBe(true);
  });

  it.each(["", "example.com", "1.2.3.4.5", "::g", "[::1]"])("refuses %j, which is no address", (text) => {
    expect(publicAddressesOnly(text)).toBe(false);
  });
});
