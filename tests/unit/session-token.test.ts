import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { verifySessionToken as verifySession } from "@/lib/auth/session-token";

const SECRET = "web-session-secret-0123456789abcdef0123";

function token(claims: Record<string, unknown>, { secret = SECRET, exp = "1h" as string | null, alg = "HS256" } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg });
  if (exp) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe("verifySession", () => {
  it("names the reader of a token the API would accept", async () => {
    expect(await verifySession(await token({ sub: "ada", tier: "premium" }), SECRET)).toEqual({ sub: "ada", tier: "premium" });
  });

  it.each([
    [
      "signed with another secret (a restart's new secret)",
      () => token({ sub: "ada", tier: "free" }, { secret: "another-secret-0123456789abcdef0123456" }),
    ],
    ["expired", () => token({ sub: "ada", tier: "free" }, { exp: "-1m" })],
    ["without an expiry", () => token({ sub: "ada", tier: "free" }, { exp: null })],
    ["signed with another algorithm", () => token({ sub: "ada", tier: "free" }, { alg: "HS512" })],
    ["with an unknown tier", () => token({ sub: "ada", tier: "gold" })],
    ["without a subject", () => token({ tier: "free" })],
    ["not a JWT at all", async () => "%E0%A4%A"],
  ])("is no session when the token is %s", async (_what, make) => {
    expect(await verifySession(await make(), SECRET)).toBeNull();
  });

  it("is no session when the web app holds no secret", async () => {
    expect(await verifySession(await token({ sub: "ada", tier: "free" }), "")).toBeNull();
  });
});
