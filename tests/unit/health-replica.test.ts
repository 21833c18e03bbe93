// /health names the replica that answered, and ?cluster=1 sums what the replicas publish (docs/deploy.md).
// Across real replicas on Redis: tests/integration/replicas.test.ts.
import { hostname } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { sumCounters } from "@/server/cluster/replica-counters";
import { compose, type Composition } from "@/server/compose";
import { loadEnv } from "@/server/env";

const opened: Composition[] = [];
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
});

function app(env: Record<string, string> = {}) {
  const composition = compose(loadEnv({ LOG_LEVEL: "silent", HEALTH_TOKEN, ...env }));
  opened.push(composition);
  return createApp(composition.options);
}

const HEALTH_TOKEN = "operator-token-for-the-replica-test";
const OPERATOR = { authorization: `Bearer ${HEALTH_TOKEN}` };

const health = async (target: ReturnType<typeof app>, path = "/health", headers: Record<string, string> = OPERATOR) =>
  (await (await target.handle(new Request(`http://localhost${path}`, { headers }))).json()) as {
    replica: string;
    memory?: unknown;
    cluster?: unknown;
  };

describe("/health replica", () => {
  it("is API_REPLICA_ID, or hostname:pid when unset", async () => {
    expect((await health(app({ API_REPLICA_ID: "api-7" }))).replica).toBe("api-7");
    expect((await health(app())).replica).toBe(`${hostname()}:${process.pid}`);
  });

  it("tells the host name, the process id and the memory only to a caller with the HEALTH_TOKEN", async () => {
    const shown = await health(app(), "/health", {});
    expect(shown.replica).toMatch(/^replica-[0-9a-f]{8}$/);
    expect(JSON.stringify(shown)).not.toContain(hostname());
    expect(shown.memory).toBeUndefined();
    expect(((await health(app(), "/health?cluster=1", {})).cluster as { sum: object }).sum).not.toHaveProperty("rssBytes");
    expect((await health(app())).memory).toMatchObject({ rssBytes: expect.any(Number) });
  });

  it("answers ?cluster=1 without Redis with this replica alone, marked incomplete", async () => {
    const target = app({ API_REPLICA_ID: "alone" });
    expect((await health(target)).cluster).toBeUndefined();
    expect((await health(target, "/health?cluster=1")).cluster).toMatchObject({
      replicas: ["alone"],
      complete: false,
      sum: { activeSlots: 0, maxConcurrentTTS: 15, totalAcquired: 0, pendingGenerations: 0, rssBytes: expect.any(Number) },
    });
  });
});

describe("sumCounters", () => {
  it("adds each counter over the replicas, counting a counter one replica lacks as 0", () => {
    expect(
      sumCounters([
        { activeSlots: 2, totalAcquired: 10 },
        { activeSlots: 1, totalAcquired: 5, peakConcurrent: 3 },
      ]),
    ).toEqual({
      activeSlots: 3,
      totalAcquired: 15,
      peakConcurrent: 3,
    });
    expect(sumCounters([])).toEqual({});
  });
});
