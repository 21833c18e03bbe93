// Request dedup across API replicas (docs/architecture.md invariant 10; docs/deploy.md), the second level under
// the in-process map (pending-generations.ts), which still makes all of one replica's readers of an article
// share one generation here.
//
// The replica that takes the Redis lease for an article+voice leads: it generates, and appends each of its
// stream lines (the NDJSON lines /api/tts/stream writes) to a Redis stream named after its lease. Any other
// replica follows: it reads that stream from the start, blocking for new lines, and hands them to its readers
// as if it generated them; /api/tts's body is assembled from the chunk lines at the end line. When the lease
// lapses without an end line (the leader died, or all its own readers left), one follower takes the lease and
// generates; what the old leader finished is in the chunk caches, so it pays only for the rest, and its readers
// skip the chunks they already have. With Redis absent or failing, every replica generates on its own, as one
// process does (invariant 11).
import type { Logger } from "pino";
import type { Redis } from "../../cache/redis";
import { AppError } from "../../errors";
import type { SegmentSpan } from "@/lib/text/chunk-plan";
import { articleBodyFromLines, type ChunkLine } from "./article-body";
import type { StreamLine } from "@/lib/stream/stream-lines";
import { once, toLine } from "./chunk-lines";
import type { Generated, Generation, GenerationEvent } from "./generation";
import { toAppError } from "./upstream-errors";
import { createGenerationLeases, type Lease } from "./generation-lease";

export const linesKey = (key: string, token: string) => `tts:lines:${key}:${token}`;

export interface ClusterJob {
  key: string;
  /** the one voice the answer names: the article's, or a conversation's opening voice */
  voice: string;
  /** a conversation's segments, which a follower's answer carries as the leader's does */
  segments?: readonly SegmentSpan[];
  chunks: number;
  /** Starts this replica's own generation; with `replan`, from a fresh look at the chunk caches, as other
   * replicas may have filled them since the caller planned (a leader that died, or one that just finished). */
  local(signal: AbortSignal, replan: boolean): Generation | Promise<Generation>;
}

export interface ClusterGenerations {
  /** The generation of `job.key` for this replica's readers: led here, or followed from the replica leading it. */
  start(job: ClusterJob, signal: AbortSignal): Generation;
}

export interface ClusterGenerationsOptions {
  redis: Redis;
  leaseMs: number;
  logger: Logger;
  /** how long a finished generation's lease and lines stay after its end line, for readers who come just after */
  lingerMs?: number;
}

// Lines live while the leader appends (each append renews them), then `lingerMs`.
const ACTIVE_TTL_MS = 60_000;

interface EventLog {
  publish(event: GenerationEvent): void;
  subscribe: Generation["subscribe"];
  /** an end or error event is in */
  settled(): boolean;
}

/** Every event so far to a new listener, then each new one: a late reader misses nothing (as generation.ts). */
function createEventLog(): EventLog {
  const events: GenerationEvent[] = [];
  const listeners = new Set<(event: GenerationEvent) => void>();
  return {
    settled: () => events.at(-1)?.type === "end" || events.at(-1)?.type === "error",
    publish(event) {
      events.push(event);
      for (const listener of listeners) listener(event);
    },
    subscribe(listener, signal) {
      if (signal.aborted) return;
      for (const event of events) listener(event);
      listeners.add(listener);
      signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
    },
  };
}

/** Passes `generation`'s events on to `log`, leaving out its first `skip` chunks (the readers have them). */
function mirror(generation: Generation, log: EventLog, skip: number, signal: AbortSignal): Promise<Generated> {
  let chunk = 0;
  generation.subscribe((event) => {
    if (event.type === "chunk" && chunk++ < skip) return;
    log.publish(event);
  }, signal);
  return generation.done;
}

type Fields = Array<string | Buffer>;
type Entries = Array<[id: string, fields: string[]]>;

const encoder = new TextEncoder();

// A line's bytes as ioredis sends a value: a Buffer over the same memory, not a copy.
const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const field = (fields: string[], name: string) => {
  const at = fields.indexOf(name);
  return at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
};

export function createClusterGenerations({ redis, leaseMs, logger, lingerMs = 5_000 }: ClusterGenerationsOptions): ClusterGenerations {
  const leases = createGenerationLeases({ redis, leaseMs, logger });
  // A follower looks at the lease whenever this long passes without a line.
  const blockMs = Math.max(50, Math.min(1_000, Math.floor(leaseMs / 2)));

  const fieldsOf = (event: GenerationEvent): Fields => {
    if (event.type === "chunk") return ["type", "chunk", "line", bufferOf(event.line())];
    if (event.type === "end") return ["type", "end", "line", toLine({ type: "end", durationMs: event.durationMs })];
    const error = toAppError(event.error);
    return ["type", "error", "line", toLine({ type: "error", error: error.message, code: error.code }), "status", String(error.status)];
  };

  async function append(stream: string, event: GenerationEvent, chunks: number) {
    // MAXLEN bounds a stream that something went wrong with: a generation writes one line a chunk and one more.
    const replies = await redis
      .pipeline()
      .xadd(stream, "MAXLEN", "~", String(chunks + 1), "*", ...fieldsOf(event))
      .pexpire(stream, ACTIVE_TTL_MS)
      .exec();
    const failed = replies?.find(([error]) => error);
    if (!replies || failed) throw failed?.[0] ?? new Error("Redis pipeline was not run");
  }

  async function lead(job: ClusterJob, lease: Lease, log: EventLog, skip: number, signal: AbortSignal): Promise<Generated> {
    const stream = linesKey(job.key, lease.token);
    let ended = false;
    try {
      const generation = await job.local(signal, true);
      let relaying = true;
      generation.subscribe((event) => {
        if (!relaying) return;
        // This replica's readers all left: the followers elsewhere must not read that as a failure. Letting the
        // lease go makes one of them take over instead.
        if (event.type === "error" && signal.aborted) return void lease.release();
        append(stream, event, job.chunks).catch((error: unknown) => {
          relaying = false;
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, "TTS lines relay failed: letting the lease go");
          void lease.release();
        });
      }, signal);
      const generated = await mirror(generation, log, skip, signal);
      ended = true;
      return generated;
    } finally {
      // Sent after the last line on the same connection, so Redis runs them in this order. A finished article
      // stays readable for a moment: a request just after the end follows the lines instead of generating again
      // before the chunk caches' writes (fire-and-forget) have all landed. A failed or abandoned one goes at once.
      void lease.release(ended ? lingerMs : 0);
      redis.pexpire(stream, lingerMs).catch(() => {});
    }
  }

  type Followed = { ended: Generated } | { takeover: Lease } | { redisFailed: unknown };

  /** Reads the leader's lines into `log` until the end line, an error line, or a lease this replica takes. */
  async function followLines(job: ClusterJob, holder: string, log: EventLog, seen: { chunks: number }, signal: AbortSignal): Promise<Followed> {
    // XREAD BLOCK holds its connection: each follower reads on one of its own.
    const reader = redis.duplicate({ enableOfflineQueue: true, commandTimeout: blockMs + 2_000 });
    reader.on("error", () => {});
    const stop = () => reader.disconnect();
    signal.addEventListener("abort", stop, { once: true });
    const lines: string[] = [];
    let token = holder;
    let lastId = "0";
    // Chunks read from the current stream; a successor's stream starts over at chunk 0.
    let streamChunks = 0;

    const read = async (block: boolean): Promise<Entries> => {
      const stream = linesKey(job.key, token);
      const reply = block
        ? await reader.xread("COUNT", 100, "BLOCK", blockMs, "STREAMS", stream, lastId)
        : await reader.xread("COUNT", 100, "STREAMS", stream, lastId);
      return reply?.[0]?.[1] ?? [];
    };

    /** Takes entries in; returns the outcome once an end or error line is among them. */
    const take = (entries: Entries): Generated | undefined => {
      for (const [id, fields] of entries) {
        lastId = id;
        const type = field(fields, "type");
        const line = field(fields, "line") ?? "";
        if (type === "chunk") {
          if (streamChunks++ < seen.chunks) continue;
          seen.chunks++;
          lines.push(line);
          log.publish({ type: "chunk", line: once(() => encoder.encode(line)) });
          continue;
        }
        const parsed = JSON.parse(line) as StreamLine;
        if (parsed.type === "end") {
          log.publish({ type: "end", durationMs: parsed.durationMs });
          const chunkLines = lines.map((chunk) => JSON.parse(chunk) as ChunkLine);
          return { body: articleBodyFromLines(chunkLines, job.voice, job.segments), allChunksCached: false, persisted: false };
        }
        if (parsed.type === "error") {
          const error = new AppError(Number(field(fields, "status") ?? 500), parsed.code, parsed.error);
          log.publish({ type: "error", error });
          throw error;
        }
      }
      return undefined;
    };

    try {
      for (;;) {
        const entries = await read(true);
        const ended = take(entries);
        if (ended) return { ended };
        // Lines keep coming while the leader works; a silence is when to ask whether it is still there.
        if (entries.length > 0) continue;
        const current = await leases.holder(job.key);
        if (current === token) continue;
        // The lease changed hands: lines its holder appended just before letting go are still there.
        const last = take(await read(false));
        if (last) return { ended: last };
        const next = current === undefined ? await leases.acquire(job.key) : { holder: current };
        if (next.lease) return { takeover: next.lease };
        token = next.holder;
        lastId = "0";
        streamChunks = 0;
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof AppError) throw error;
      return { redisFailed: error };
    } finally {
      signal.removeEventListener("abort", stop);
      reader.disconnect();
    }
  }

  async function follow(job: ClusterJob, holder: string, log: EventLog, signal: AbortSignal): Promise<Generated> {
    logger.info({ key: job.key }, "TTS dedup follow");
    const seen = { chunks: 0 };
    const outcome = await followLines(job, holder, log, seen, signal);
    if ("ended" in outcome) return outcome.ended;
    if ("takeover" in outcome) {
      logger.warn({ key: job.key, chunksSeen: seen.chunks }, "TTS lease lapsed: taking over the generation");
      return lead(job, outcome.takeover, log, seen.chunks, signal);
    }
    logger.warn({ err: String(outcome.redisFailed) }, "TTS dedup follow failed: generating here");
    return mirror(await job.local(signal, true), log, seen.chunks, signal);
  }

  return {
    start(job, signal) {
      const log = createEventLog();
      const run = async (): Promise<Generated> => {
        let attempt;
        try {
          attempt = await leases.acquire(job.key);
        } catch {
          // Redis is down: generate here, as one process does.
          return mirror(await job.local(signal, false), log, 0, signal);
        }
        if (attempt.lease) return lead(job, attempt.lease, log, 0, signal);
        return follow(job, attempt.holder, log, signal);
      };
      const done = run().catch((error: unknown) => {
        // A failure before any generation ran (a replan that threw): the readers must still get their error line.
        if (!log.settled()) log.publish({ type: "error", error });
        throw error;
      });
      return { chunks: job.chunks, allChunksCached: false, done, subscribe: log.subscribe };
    },
  };
}
