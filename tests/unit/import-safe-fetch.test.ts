// The SSRF rules of safeFetch against a real local site that counts its requests: a refused import must
// never reach it. Where a test needs an address the policy allows, it allows exactly one loopback address
// (127.0.0.2) through an injected policy, so no test ever sends traffic off this machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { publicAddressesOnly, type AddressPolicy } from "@/server/import/address-policy";
import { safeFetch, type Resolver, type SafeFetchOptions } from "@/server/import/safe-fetch";
import { startImportSite, type ImportSite } from "../support/import-site";

let inner: ImportSite; // 127.0.0.1: what an attacker wants to reach
let outer: ImportSite; // 127.0.0.2: stands in for a public site

beforeAll(async () => {
  inner = await startImportSite({ host: "127.0.0.1" });
  outer = await startImportSite({ host: "127.0.0.2" });
});
afterAll(async () => {
  await inner.close();
  await outer.close();
});

const onlyOuter: AddressPolicy = (address) => address === "127.0.0.2";
const options = (overrides: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  isAllowedAddress: publicAddressesOnly,
  allowAnyPort: true,
  timeoutMs: 5_000,
  maxBytes: 1024 * 1024,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "FETCHED";
}

describe("publicAddressesOnly", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "10.0.0.1",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "fd00::1",
    "fe80::1",
    "ff02::1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "not an address",
    "",
  ])("refuses %s", (address) => {
    expect(publicAddressesOnly(address)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])("allows %s", (address) => {
    expect(publicAddressesOnly(address)).toBe(true);
  });
});

describe("safeFetch refuses forbidden addresses before connecting", () => {
  it.each([
    "127.0.0.1",
    "localhost",
    "[::1]",
    "127.1",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "0",
    "[::]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "10.0.0.1",
    "192.168.1.1",
    "172.16.0.1",
    "169.254.169.254",
    "[fd00::1]",
    "224.0.0.1",
  ])("http://%s → URL_FORBIDDEN, and the site sees no request", async (host) => {
    const before = inner.requests();
    expect(await refusal(safeFetch(`http://${host}:${inner.port}/news-article.html`, options()))).toBe("URL_FORBIDDEN");
    expect(inner.requests()).toBe(before);
  });

  it("refuses a name that resolves to loopback among public answers", async () => {
    const resolve: Resolver = async () => ["93.184.216.34", "127.0.0.1"];
    expect(await refusal(safeFetch(`http://mixed.test:${inner.port}/`, options({ resolve })))).toBe("URL_FORBIDDEN");
  });

  it.each([
    ["ftp://example.com/a", "scheme"],
    ["file:///etc/passwd", "file"],
    ["http://user:pass@example.com/", "credentials"],
    ["http://example.com:22/", "port"],
    ["not a url", "garbage"],
  ])("refuses %s with INVALID_URL (%s)", async (url) => {
    expect(await refusal(safeFetch(url, options({ allowAnyPort: false })))).toBe("INVALID_URL");
  });
});

describe("safeFetch checks every hop and the address it connects to", () => {
  it("fetches from an allowed address (the control for the tests below)", async () => {
    const page = await safeFetch(`${outer.origin}/news-article.html`, options({ isAllowedAddress: onlyOuter }));
    expect(page.body.toString()).toContain("night ferry");
  });

  it("refuses a redirect to a forbidden address, and never connects there", async () => {
    const before = inner.requests();
    const target = encodeURIComponent(`${inner.origin}/news-article.html`);
    const code = await refusal(safeFetch(`${outer.origin}/redirect?to=${target}`, options({ isAllowedAddress: onlyOuter })));
    expect(code).toBe("URL_FORBIDDEN");
    expect(inner.requests()).toBe(before);
    expect(outer.paths.at(-1)).toBe("/redirect");
  });

  it("connects to the address it checked even when DNS answers differently at connect time (rebinding)", async () => {
    const answers = [["127.0.0.2"], ["127.0.0.1"]];
    let lookups = 0;
    const resolve: Resolver = async () => answers[Math.min(lookups++, answers.length - 1)];
    const before = { inner: inner.requests(), outer: outer.requests() };
    const page = await safeFetch(`http://rebind.test:${outer.port}/blog-code.html`, options({ isAllowedAddress: onlyOuter, resolve }));
    expect(page.body.toString()).toContain("Counting words");
    expect(outer.requests()).toBe(before.outer + 1);
    expect(inner.requests()).toBe(before.inner);
  });

  it("answers FETCH_FAILED when the name does not resolve", async () => {
    const resolve: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await refusal(safeFetch("http://nowhere.test/", options({ resolve })))).toBe("FETCH_FAILED");
  });
});
