import { describe, expect, it } from "vitest";
import { compose } from "@/server/compose";
import { EnvError, loadEnv } from "@/server/env";

function problems(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("expected the environment to be refused");
}

describe("loadEnv", () => {
  it("binds the API to loopback unless API_HOST says otherwise", () => {
    expect(loadEnv({}).API_HOST).toBe("127.0.0.1");
    expect(loadEnv({ API_HOST: "0.0.0.0" }).API_HOST).toBe("0.0.0.0");
  });

  it("refuses DEMO_AUTH without an AUTH_SECRET, which could only sign tokens it then rejects", () => {
    expect(problems({ DEMO_AUTH: "1" })).toMatch(/AUTH_SECRET: is required when DEMO_AUTH is on/);
    expect(problems({ DEMO_AUTH: "true", AUTH_SECRET: "" })).toMatch(/AUTH_SECRET/);
    expect(loadEnv({ DEMO_AUTH: "1", AUTH_SECRET: "s".repeat(32) }).DEMO_AUTH).toBe(true);
  });

  it("refuses a TRUST_PROXY that is not a list of IPs, CIDRs and keywords", () => {
    expect(problems({ TRUST_PROXY: "loopback,nonsense" })).toMatch(/TRUST_PROXY: .*"nonsense"/);
    expect(loadEnv({ TRUST_PROXY: "private, 203.0.113.0/24" }).TRUST_PROXY).toBe("private, 203.0.113.0/24");
  });

  it("takes a replica id of a bounded, log-safe shape, or leaves it to the process (hostname:pid)", () => {
    expect(loadEnv({}).API_REPLICA_ID).toBeUndefined();
    expect(loadEnv({ API_REPLICA_ID: "" }).API_REPLICA_ID).toBeUndefined();
    expect(loadEnv({ API_REPLICA_ID: "api-2.eu:7" }).API_REPLICA_ID).toBe("api-2.eu:7");
    expect(problems({ API_REPLICA_ID: "two words" })).toMatch(/API_REPLICA_ID/);
    expect(problems({ API_REPLICA_ID: "x".repeat(65) })).toMatch(/API_REPLICA_ID/);
  });

  it("reports every problem at once", () => {
    const report = problems({ DEMO_AUTH: "1", TRUST_PROXY: "10.0.0.0/33", API_PORT: "zero", AUTH_SECRET: "" });
    expect(report).toMatch(/API_PORT/);
    expect(report).toMatch(/TRUST_PROXY/);
    expect(report).toMatch(/AUTH_SECRET/);
    expect(problems({ AUTH_SECRET: "short", TRUST_PROXY: "nope" })).toMatch(
      /AUTH_SECRET: must be at least 32 characters[\s\S]*TRUST_PROXY|TRUST_PROXY[\s\S]*AUTH_SECRET: must be at least 32/,
    );
  });
});

describe("TTS_MAX_QUEUED", () => {
  it("is left to the limiter's default unless set, and must be a non-negative integer", () => {
    expect(loadEnv({}).TTS_MAX_QUEUED).toBeUndefined();
    expect(loadEnv({ TTS_MAX_QUEUED: "0" }).TTS_MAX_QUEUED).toBe(0);
    expect(problems({ TTS_MAX_QUEUED: "-1" })).toMatch(/TTS_MAX_QUEUED/);
  });
});

describe("the composed limiter", () => {
  it("queues at most TTS_MAX_QUEUED, or 4 × MAX_CONCURRENT_TTS when unset", () => {
    expect(compose(loadEnv({ MAX_CONCURRENT_TTS: "5" })).options.health.limiter.stats().maxQueued).toBe(20);
    expect(compose(loadEnv({ TTS_MAX_QUEUED: "7" })).options.health.limiter.stats().maxQueued).toBe(7);
  });
});
