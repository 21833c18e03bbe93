import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateAuthSecret } from "@/scripts/auth-secret.mjs";

const freshPath = () => join(mkdtempSync(join(tmpdir(), "listen-secret-")), "nested", "auth-secret");

describe("loadOrCreateAuthSecret", () => {
  it("makes a secret the API accepts, readable by its owner only", () => {
    const path = freshPath();
    const secret = loadOrCreateAuthSecret(path);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path, "utf8")).toBe(secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("gives the same secret on every later start", () => {
    const path = freshPath();
    const first = loadOrCreateAuthSecret(path);
    expect(loadOrCreateAuthSecret(path)).toBe(first);
    expect(loadOrCreateAuthSecret(path)).toBe(first);
  });

  it("refuses a stored secret too short for the API, naming the file", () => {
    const path = freshPath();
    loadOrCreateAuthSecret(path);
    writeFileSync(path, "short\n");
    expect(() => loadOrCreateAuthSecret(path)).toThrow(path);
  });
});
