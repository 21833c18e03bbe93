import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createIdentityResolver } from "@/server/auth/identity";

const secret = "identity-test-secret-0123456789abcdef";
const key = new TextEncoder().encode(secret);
const resolver = createIdentityResolver({ secret });

const signed = (build: (jwt: SignJWT) => SignJWT) =>
  build(new SignJWT({ tier: "free" }).setProtectedHeader({ alg: "HS256" }).setSubject("reader-1")).sign(key);

describe("identity", () => {
  it("accepts a token that expires", async () => {
    const token = await signed((jwt) => jwt.setExpirationTime("1h"));
    expect(await resolver.resolve(`Bearer ${token}`)).toEqual({ kind: "user", sub: "reader-1", tier: "free" });
  });

  it("refuses a token without an expiry, which would be good forever", async () => {
    const token = await signed((jwt) => jwt.setIssuedAt());
    await expect(resolver.resolve(`Bearer ${token}`)).rejects.toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });

  it("refuses an expired token", async () => {
    const token = await signed((jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60));
    await expect(resolver.resolve(`Bearer ${token}`)).rejects.toMatchObject({ status: 401 });
  });

  it("issues tokens that carry an expiry, and that it accepts", async () => {
    const token = await resolver.issue({ sub: "reader-2", tier: "premium" });
    const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { exp?: number };
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
    expect(await resolver.resolve(`Bearer ${token}`)).toEqual({ kind: "user", sub: "reader-2", tier: "premium" });
  });
});
