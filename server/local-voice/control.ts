// Fault injection and counters for tests and benchmarks (docs/architecture.md "Local voice server extras").
// Settings persist until changed or reset; failNext is a queue consumed one request at a time before the
// random rates are consulted.
import type { ControlSettings } from "./model";

export type Outcome = { kind: "speak"; delayMs: number } | { kind: "fail"; status: number } | { kind: "hang" };

export interface VoiceStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  characters: number;
  byStatus: Record<string, number>;
}

export interface ControlState {
  configure(settings: ControlSettings): void;
  reset(): void;
  /** Called once per validated synthesis request: what this one should do. */
  decide(characters: number): Outcome;
  requestStarted(): void;
  /** Status of the answer sent, or undefined when the client went away first. */
  requestFinished(status: number | undefined, characters: number): void;
  stats(): VoiceStats;
}

export function createControlState(random: () => number = Math.random): ControlState {
  let settings: Omit<ControlSettings, "failNext"> = {};
  let failNext: (number | "hang")[] = [];
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let characters = 0;
  let byStatus: Record<string, number> = {};

  return {
    configure(next) {
      const { failNext: queue, ...rest } = next;
      settings = { ...settings, ...rest };
      if (queue) failNext = [...queue];
    },
    reset() {
      settings = {};
      failNext = [];
      requests = 0;
      characters = 0;
      byStatus = {};
      // Requests still open (a hang, say) are really in flight; forgetting them would make inFlight negative.
      maxInFlight = inFlight;
    },
    decide(count) {
      const next = failNext.shift();
      if (next === "hang") return { kind: "hang" };
      if (next !== undefined) return { kind: "fail", status: next };
      if (random() < (settings.hangRate ?? 0)) return { kind: "hang" };
      if (random() < (settings.fail429Rate ?? 0)) return { kind: "fail", status: 429 };
      if (random() < (settings.fail500Rate ?? 0)) return { kind: "fail", status: 500 };
      return { kind: "speak", delayMs: (settings.latencyMs ?? 0) + (settings.latencyPerCharMs ?? 0) * count };
    },
    requestStarted() {
      requests++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    },
    requestFinished(status, count) {
      inFlight--;
      if (status === undefined) return;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status === 200) characters += count;
    },
    stats: () => ({ requests, inFlight, maxInFlight, characters, byStatus: { ...byStatus } }),
  };
}
