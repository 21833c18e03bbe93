// Worker threads for CPU-bound work (article extraction in the API, speech in the local voice server), so the
// HTTP event loop stays free (docs/architecture.md invariant 16). Every queue is bounded and every job has a
// deadline counted from its arrival, not from when a worker picks it up: a job still waiting at its deadline
// fails there, and a worker still running it is ended (a running job cannot be interrupted otherwise) and
// replaced. A job whose caller has gone (its signal aborted) is dropped from the queue, and, with
// `endAbandoned`, its worker is ended too. With `perClient`, jobs are taken from the clients in turn and no
// client may hold more than its share, so one client's pages cannot fill the queue or every worker.
import { Worker } from "node:worker_threads";

/** What a pool worker posts back for each job it was sent as { id, input }. */
export type WorkerReply<Output> = { id: number; ok: true; value: Output } | { id: number; ok: false; message: string; code?: string };
/** What a worker posts once, when it has loaded what it needs, so the pool can tell a warm worker from a starting one. */
export const WORKER_READY = "ready";

/** The queue is full, or the client has its share in it: try again shortly. */
export class PoolBusy extends Error {
  override name = "PoolBusy";
  readonly code = "POOL_BUSY";
  constructor(readonly reason: "queue" | "client") {
    super(reason === "queue" ? "Every worker is busy and the queue is full" : "This client already has its share of jobs");
  }
}

/** The job's deadline passed; `running`: on a worker (which was ended), not still waiting for one. */
export class JobDeadline extends Error {
  override name = "JobDeadline";
  readonly code = "JOB_DEADLINE";
  constructor(
    readonly deadlineMs: number,
    readonly running: boolean,
  ) {
    super(`The job did not finish within ${deadlineMs} ms of its arrival`);
  }
}

/** A job the worker itself refused or failed; `code` is the worker's own. */
export class WorkerJobError extends Error {
  override name = "WorkerJobError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface WorkerPoolOptions {
  size: number;
  workerUrl: URL;
  /** jobs waiting for a worker, across clients; more are refused with PoolBusy (default: unbounded) */
  maxQueued?: number;
  /** each job's deadline from arrival (default: none; `run` may set its own) */
  deadlineMs?: number;
  /** fairness between clients: at most `running` jobs on workers and `pending` jobs in all per client */
  perClient?: { running: number; pending: number };
  /** start workers on the first job rather than at once (an API that never imports never loads jsdom) */
  lazy?: boolean;
  /** end the worker of a running job whose caller has gone, rather than let it finish for nobody */
  endAbandoned?: boolean;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** who the job is for (per-client fairness); jobs without one share the client "" */
  client?: string;
  deadlineMs?: number;
}

export interface WorkerPool<Input, Output> {
  run(input: Input, options?: RunOptions): Promise<Output>;
  readonly size: number;
  /** jobs waiting for a worker */
  readonly queued: number;
  /** jobs on a worker now */
  readonly running: number;
  /** workers that have said they are ready (WORKER_READY) and have no job */
  readonly idle: number;
  /** every worker has started and said it is ready */
  readonly warm: boolean;
  close(): Promise<void>;
}

interface Task<Input, Output> {
  id: number;
  client: string;
  input: Input;
  resolve: (value: Output) => void;
  reject: (error: unknown) => void;
  /** undoes the deadline timer and the abort listener */
  release: () => void;
  slot?: Slot<Input, Output>;
}

interface Slot<Input, Output> {
  worker?: Worker;
  ready?: boolean;
  task?: Task<Input, Output>;
}

const positive = (name: string, value: number | undefined) => {
  if (value !== undefined && !(value > 0)) throw new TypeError(`Expected \`${name}\` to be a positive number, got ${value}`);
};

export function createWorkerPool<Input, Output>(options: WorkerPoolOptions): WorkerPool<Input, Output> {
  const { size, workerUrl, maxQueued = Infinity, deadlineMs: defaultDeadlineMs, perClient, lazy = false, endAbandoned = false } = options;
  if (!Number.isInteger(size) || size < 1) throw new TypeError(`Expected \`size\` to be a positive integer, got ${size}`);
  positive("maxQueued", maxQueued);
  positive("deadlineMs", defaultDeadlineMs);
  if (perClient) {
    if (!Number.isInteger(perClient.running) || perClient.running < 1) throw new TypeError("Expected `perClient.running` to be a positive integer");
    if (!Number.isInteger(perClient.pending) || perClient.pending < perClient.running)
      throw new TypeError("Expected `perClient.pending` to be an integer of at least `perClient.running`");
  }

  // Waiting jobs per client, and the clients with waiting jobs in the order they are served: the one served
  // longest ago first (while a client has jobs pending, when it was last served is kept).
  const waiting = new Map<string, Task<Input, Output>[]>();
  const turn: string[] = [];
  const lastServed = new Map<string, number>();
  let served = 0;
  const enterTurn = (client: string) => {
    const when = lastServed.get(client) ?? -1;
    const before = turn.findIndex((other) => (lastServed.get(other) ?? -1) > when);
    turn.splice(before === -1 ? turn.length : before, 0, client);
  };
  const runningOf = new Map<string, number>();
  const pendingOf = new Map<string, number>();
  const slots: Slot<Input, Output>[] = Array.from({ length: size }, () => ({}));
  let queued = 0;
  let nextId = 1;
  let closed = false;

  const add = (map: Map<string, number>, client: string, by: number) => {
    const value = (map.get(client) ?? 0) + by;
    if (value === 0) map.delete(client);
    else map.set(client, value);
    if (map === pendingOf && value === 0) lastServed.delete(client);
  };

  const spawn = (slot: Slot<Input, Output>): Worker => {
    const worker = new Worker(workerUrl);
    slot.worker = worker;
    slot.ready = false;
    worker.on("message", (reply: WorkerReply<Output> | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        if (slot.worker === worker) slot.ready = true;
        return;
      }
      const task = slot.task;
      if (slot.worker !== worker || !task || task.id !== reply.id) return;
      if (reply.ok) finish(task, () => task.resolve(reply.value));
      else finish(task, () => task.reject(new WorkerJobError(reply.message, reply.code)));
    });
    worker.on("error", (error) => {
      if (slot.worker !== worker) return;
      const task = slot.task;
      if (task) finish(task, () => task.reject(error));
    });
    worker.on("exit", () => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const task = slot.task;
      if (task) finish(task, () => task.reject(new WorkerJobError("the worker stopped")));
      if (!lazy && !closed) spawn(slot);
      dispatch();
    });
    return worker;
  };

  /** Ends a slot's worker under its job (a job cannot be interrupted any other way) and starts its replacement
   * at once, so the next job does not wait for a worker to load. */
  const endWorker = (slot: Slot<Input, Output>) => {
    const worker = slot.worker;
    slot.worker = undefined;
    void worker?.terminate();
    if (!closed) spawn(slot);
  };

  /** Settles a task once, wherever it is, and frees its place. */
  const finish = (task: Task<Input, Output>, settle: () => void) => {
    task.release();
    add(pendingOf, task.client, -1);
    if (task.slot) {
      task.slot.task = undefined;
      task.slot = undefined;
      add(runningOf, task.client, -1);
    } else {
      const list = waiting.get(task.client);
      const index = list?.indexOf(task) ?? -1;
      if (index >= 0) {
        list!.splice(index, 1);
        queued--;
        if (list!.length === 0) {
          waiting.delete(task.client);
          turn.splice(turn.indexOf(task.client), 1);
        }
      }
    }
    settle();
    queueMicrotask(dispatch);
  };

  /** The next waiting job by turn among clients under their running share. */
  const takeNext = (): Task<Input, Output> | undefined => {
    for (let i = 0; i < turn.length; i++) {
      const client = turn[i];
      if (perClient && (runningOf.get(client) ?? 0) >= perClient.running) continue;
      const list = waiting.get(client)!;
      const task = list.shift()!;
      queued--;
      turn.splice(i, 1);
      lastServed.set(client, served++);
      if (list.length === 0) waiting.delete(client);
      else enterTurn(client);
      return task;
    }
    return undefined;
  };

  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.task) continue;
      const task = takeNext();
      if (!task) return;
      slot.task = task;
      task.slot = slot;
      add(runningOf, task.client, 1);
      (slot.worker ?? spawn(slot)).postMessage({ id: task.id, input: task.input });
    }
  };

  if (!lazy) for (const slot of slots) spawn(slot);

  return {
    size,
    get queued() {
      return queued;
    },
    get running() {
      return slots.filter((slot) => slot.task).length;
    },
    get idle() {
      return slots.filter((slot) => slot.worker && slot.ready && !slot.task).length;
    },
    get warm() {
      return slots.every((slot) => slot.worker && slot.ready);
    },
    run(input, { signal, client = "", deadlineMs = defaultDeadlineMs } = {}) {
      if (closed) return Promise.reject(new Error("worker pool is closed"));
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (perClient && (pendingOf.get(client) ?? 0) >= perClient.pending) return Promise.reject(new PoolBusy("client"));
      if (queued >= maxQueued) return Promise.reject(new PoolBusy("queue"));
      return new Promise<Output>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const task: Task<Input, Output> = { id: nextId++, client, input, resolve, reject, release: () => undefined };
        const onAbort = () => {
          const slot = task.slot;
          finish(task, () => reject(signal!.reason));
          if (slot && endAbandoned) endWorker(slot);
        };
        if (deadlineMs !== undefined) {
          timer = setTimeout(() => {
            const slot = task.slot;
            finish(task, () => reject(new JobDeadline(deadlineMs, slot !== undefined)));
            if (slot) endWorker(slot);
          }, deadlineMs);
        }
        signal?.addEventListener("abort", onAbort, { once: true });
        task.release = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          task.release = () => undefined;
        };
        add(pendingOf, client, 1);
        const list = waiting.get(client);
        if (list) list.push(task);
        else {
          waiting.set(client, [task]);
          enterTurn(client);
        }
        queued++;
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const list of [...waiting.values()]) for (const task of [...list]) finish(task, () => task.reject(new Error("worker pool is closed")));
      for (const task of slots.flatMap((slot) => slot.task ?? [])) finish(task, () => task.reject(new Error("worker pool is closed")));
      await Promise.all(
        slots.map((slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          return worker?.terminate();
        }),
      );
    },
  };
}
