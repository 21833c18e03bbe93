// A fixed set of worker threads fed from one FIFO queue, so CPU-bound synthesis and encoding use every core
// while the HTTP event loop stays free. A worker that crashes is replaced; its job fails. A worker posts
// WORKER_READY once it has loaded what it needs (synth-worker.ts speaks a phrase first), and the pool is `warm`
// while every worker has.
import { Worker } from "node:worker_threads";

export interface WorkerPool<Input, Output> {
  run(input: Input, signal?: AbortSignal): Promise<Output>;
  readonly size: number;
  /** every worker has said it is ready */
  readonly warm: boolean;
  /** Jobs waiting for a free worker. */
  readonly queued: number;
  close(): Promise<void>;
}

/** What a pool worker posts back for each job it was sent as { id, input }. */
export type WorkerReply<Output> = { id: number; ok: true; value: Output } | { id: number; ok: false; message: string };

/** What a pool worker posts once, when it is ready for its first job. */
export const WORKER_READY = "ready";

interface Task<Input, Output> {
  id: number;
  input: Input;
  resolve: (value: Output) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot<Input, Output> {
  worker: Worker;
  task?: Task<Input, Output>;
  ready: boolean;
}

export function createWorkerPool<Input, Output>(options: { size: number; workerUrl: URL }): WorkerPool<Input, Output> {
  const { size, workerUrl } = options;
  if (!Number.isInteger(size) || size < 1) throw new TypeError(`size must be a positive integer, got ${size}`);
  const queue: Task<Input, Output>[] = [];
  const slots: Slot<Input, Output>[] = [];
  let nextId = 1;
  let closed = false;

  const settle = (task: Task<Input, Output>) => {
    if (task.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift() as Task<Input, Output>;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, input: task.input });
    }
  };

  const spawn = (): Slot<Input, Output> => {
    const slot: Slot<Input, Output> = { worker: new Worker(workerUrl), ready: false };
    slot.worker.on("message", (reply: WorkerReply<Output> | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        slot.ready = true;
        return;
      }
      const task = slot.task;
      slot.task = undefined;
      if (task && task.id === reply.id) {
        settle(task);
        if (reply.ok) task.resolve(reply.value);
        else task.reject(new Error(reply.message));
      }
      dispatch();
    });
    slot.worker.on("error", (error) => {
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        settle(task);
        task.reject(error);
      }
    });
    slot.worker.on("exit", () => {
      if (closed) return;
      const index = slots.indexOf(slot);
      if (index >= 0) slots[index] = spawn();
      dispatch();
    });
    return slot;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    get warm() {
      return slots.every((slot) => slot.ready);
    },
    get queued() {
      return queue.length;
    },
    run(input, signal) {
      if (closed) return Promise.reject(new Error("worker pool is closed"));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<Output>((resolve, reject) => {
        const task: Task<Input, Output> = { id: nextId++, input, resolve, reject, signal };
        if (signal) {
          // A queued job is dropped; a running one cannot be interrupted, so its result is just ignored.
          task.onAbort = () => {
            const index = queue.indexOf(task);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener("abort", task.onAbort, { once: true });
        }
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) {
        settle(task);
        task.reject(new Error("worker pool is closed"));
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
