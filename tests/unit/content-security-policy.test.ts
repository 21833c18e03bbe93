import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/web/security/content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.split(" ")[0] === name);

describe("contentSecurityPolicy", () => {
  it("lets only the nonce's inline scripts and this origin's script files run: no inline handler, no eval, no strict-dynamic", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", development: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123=='");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("allows eval only under next dev, which needs it for its error overlay", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("lets an imported article's pictures load from its own site, and the voice play from a blob", () => {
    const policy = contentSecurityPolicy({ nonce: "n", development: false });
    expect(directive(policy, "img-src")).toContain("https:");
    expect(directive(policy, "media-src")).toContain("blob:");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self'");
  });
});
