// Per-operation memory instrumentation: startMemoryTrack() around every synthesis, with
// checkpoints; a snapshot before each synthesis; a warning when an audio buffer is large. Logged under
// "memory-tracker", with these events: memory_checkpoint, memory_operation, large_allocation.
import type { Logger } from "pino";

export interface MemoryTrack {
  checkpoint(label: string): void;
  /** logs the operation's totals; later calls do nothing */
  end(extra?: object): void;
}

const MB = 1024 * 1024;
const toMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

function deltas(from: NodeJS.MemoryUsage, startedAt: number) {
  const now = process.memoryUsage();
  return {
    rssMb: toMb(now.rss),
    heapUsedMb: toMb(now.heapUsed),
    rssDeltaMb: toMb(now.rss - from.rss),
    heapDeltaMb: toMb(now.heapUsed - from.heapUsed),
    externalDeltaMb: toMb(now.external - from.external),
    durationMs: Math.round(performance.now() - startedAt),
  };
}

export function startMemoryTrack(name: string, logger: Logger): MemoryTrack {
  if (typeof name !== "string" || name === "") throw new TypeError(`Expected \`name\` to be a non-empty string, got ${String(name)}`);
  const start = process.memoryUsage();
  const startedAt = performance.now();
  let ended = false;
  return {
    checkpoint(label) {
      if (!ended) logger.info({ name, label, ...deltas(start, startedAt) }, "memory_checkpoint");
    },
    end(extra = {}) {
      if (ended) return;
      ended = true;
      logger.info({ ...extra, name, ...deltas(start, startedAt) }, "memory_operation");
    },
  };
}

/** Logs `large_allocation` when `bytes` exceeds `thresholdBytes` (the API warns on audio over 20 MB). */
export function warnLargeAllocation(logger: Logger, bytes: number, thresholdBytes: number): void {
  if (bytes > thresholdBytes) logger.warn({ bytes, sizeMb: toMb(bytes), thresholdMb: toMb(thresholdBytes) }, "large_allocation");
}

/** Logs the process's rss and heapUsed (bytes) with `extra` under `message`, e.g. before a synthesis. */
export function logMemorySnapshot(logger: Logger, message: string, extra: object = {}): void {
  const { rss, heapUsed } = process.memoryUsage();
  logger.info({ rss, heapUsed, ...extra }, message);
}
