// Which addresses an import may connect to (docs/architecture.md invariant 14). The classification is ipaddr.js's, not a
// hand-written range list: every IPv4 and IPv6 special-purpose block (loopback, private, link-local with the
// cloud metadata address 169.254.169.254, unique-local, multicast, CGNAT, unspecified, documentation, 6to4,
// NAT64, Teredo, ...) has a range name other than "unicast", and only "unicast" passes. ipaddr.js also calls
// "unicast" what it has no name for, such as the deprecated IPv4-compatible block (::/96, so ::7f00:1 is
// 127.0.0.1 to some stacks): an IPv6 address must besides be global unicast, inside 2000::/3.
import ipaddr from "ipaddr.js";

/** true when the import may open a connection to this IP address (a literal, never a host name) */
export type AddressPolicy = (address: string) => boolean;

const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/** Public unicast only. An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries. */
export const publicAddressesOnly: AddressPolicy = (address) => {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || (parsed as ipaddr.IPv6).match(GLOBAL_UNICAST);
};

/** IMPORT_ALLOW_PRIVATE=1: tests and local development reach loopback and private servers. */
export const anyAddress: AddressPolicy = (address) => ipaddr.isValid(address);
