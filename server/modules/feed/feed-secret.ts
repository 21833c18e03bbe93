// The feed's capability secret (docs/architecture.md "Feeds"): 192 random bits in the URL, never the session token.
// Looked up by its SHA-256 only, so a copy of the store cannot be used as a feed URL. The owner's own copy, which
// GET /api/feed shows them again, is sealed with AES-256-GCM under a key derived from AUTH_SECRET.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** 24 random bytes as base64url. */
export const FEED_SECRET_PATTERN = "^[A-Za-z0-9_-]{32}$";
const SECRET_RE = new RegExp(FEED_SECRET_PATTERN);

export const newFeedSecret = () => randomBytes(24).toString("base64url");
export const isFeedSecret = (value: string) => SECRET_RE.test(value);
export const hashFeedSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface SecretSeal {
  seal(secret: string): string;
  /** undefined when the box was sealed under another key (AUTH_SECRET changed) or is damaged */
  open(sealed: string): string | undefined;
}

export function createSecretSeal(authSecret: string): SecretSeal {
  const key = createHash("sha256").update("listen feed secret\0").update(authSecret).digest();
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open(sealed) {
      try {
        const box = Buffer.from(sealed, "base64url");
        const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, 12));
        decipher.setAuthTag(box.subarray(12, 28));
        return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}
