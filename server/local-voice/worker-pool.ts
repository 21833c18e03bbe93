// A fixed set of worker threads fed from one FIFO queue, so CPU-bound synthesis and encoding use every core
// while the HTTP event loop stays free. A worker that crashes is replaced; its job fails.
import { Worker } from "node:worker_threads";

export interface WorkerPool<Input, Output> {
  run(input: Input, signal?: AbortSignal): Promise<Output>;
  readonly size: number;
  /** Jobs waiting for a free worker. */
  readonly queued: number;
  close(): Promise<void>;
}

/** What a pool worker posts back for each job it was sent as { id, input }. */
export type WorkerReply<Output> = { id: number; ok: true; value: Output } | { id: number; ok: false; message: string };

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
    const slot: Slot<Input, Output> = { worker: new Worker(workerUrl) };
    slot.worker.on("message", (reply: WorkerReply<Output>) => {
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
