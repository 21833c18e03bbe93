// What the web app's own server refuses or adds (scripts/web-server.mjs), and when the session cookie is Secure.
import { describe, expect, it } from "vitest";
import { servedOverHttps } from "@/web/proxy/session-cookie";
import { isCrossOriginAction, SECURITY_HEADERS } from "@/scripts/web-request-guards.mjs";

describe("isCrossOriginAction", () => {
  const action = (origin: string | undefined, method = "POST") => ({
    method,
    host: "listen.example",
    headers: { "next-action": "7f3a", ...(origin === undefined ? {} : { origin }) },
  });

  it.each([
    ["another site", "https://evil.example", true],
    ["another port", "https://listen.example:8443", true],
    ["a malformed origin", "null", true],
    ["the same site", "https://listen.example", false],
    ["the same site over http", "http://listen.example", false],
    ["no origin (not a browser)", undefined, false],
  ])("for %s: %s", (_what, origin, refused) => {
    expect(isCrossOriginAction(action(origin))).toBe(refused);
  });

  it("leaves what is not a server action to Next.js", () => {
    expect(isCrossOriginAction({ method: "POST", host: "listen.example", headers: { origin: "https://evil.example" } })).toBe(false);
    expect(isCrossOriginAction(action("https://evil.example", "GET"))).toBe(false);
  });

  it("asks for nosniff and a referrer policy that keeps paths on the site", () => {
    expect(SECURITY_HEADERS).toEqual({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});

describe("servedOverHttps", () => {
  it.each([
    [{ "x-forwarded-proto": "https" }, true],
    [{ origin: "https://listen.example" }, true],
    [{ origin: "http://listen.example" }, false],
    [{ "x-forwarded-proto": "http" }, false],
    [{}, false],
  ])("%j: %s", (headers, secure) => {
    expect(servedOverHttps(new Headers(headers))).toBe(secure);
  });
});
