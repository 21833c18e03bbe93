// Article extraction on one worker thread under Bun: jsdom, Readability and DOMPurify take seconds for a
// multi-megabyte page, which must not stall the API's event loop for every other reader. One thread (the
// machine has two cores and the event loop keeps the other), one job at a time in arrival order, started on
// the first import so an API that never imports never loads jsdom. A job that runs past its deadline (counted
// from when the thread has loaded and holds the job) has the
// thread terminated under it (a running job cannot be interrupted otherwise) and a fresh thread takes the
// next job, so one enormous page cannot hold every later import hostage. Elsewhere (vitest on Node cannot
// load a .ts worker) the same extractor runs in process.
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import type { WorkerReply } from "../local-voice/worker-pool";
import { createArticleExtractor, type ArticleContent, type AsyncArticleExtractor } from "./extract-article";
import type { ExtractJob } from "./extract-worker";

export interface ClosableExtractor extends AsyncArticleExtractor {
  close(): Promise<void>;
}

export const extractionTooSlow = (ms: number) =>
  new AppError(413, "PAGE_TOO_LARGE", `The page is too large to reduce to an article within ${Math.round(ms / 1000)} s`);

export function createInProcessExtractor(): ClosableExtractor {
  const extractor = createArticleExtractor();
  return {
    fromHtml: async (html, url) => extractor.fromHtml(html, url),
    fromText: async (text, title) => extractor.fromText(text, title),
    close: async () => undefined,
  };
}

interface Job {
  id: number;
  input: ExtractJob;
  resolve: (value: ArticleContent | undefined) => void;
  reject: (error: unknown) => void;
}

export function createOffThreadExtractor({ jobTimeoutMs }: { jobTimeoutMs: number }): ClosableExtractor {
  if (!Number.isFinite(jobTimeoutMs) || jobTimeoutMs <= 0)
    throw new TypeError(`Expected \`jobTimeoutMs\` to be a positive number, got ${jobTimeoutMs}`);
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let running: { job: Job; timer?: NodeJS.Timeout } | undefined;
  let ready = false;
  let nextId = 1;

  const finish = () => {
    if (running) clearTimeout(running.timer);
    const job = running?.job;
    running = undefined;
    return job;
  };

  const spawn = (): Worker => {
    ready = false;
    const thread = new Worker(new URL("./extract-worker.ts", import.meta.url));
    thread.on("message", (reply: WorkerReply<ArticleContent | undefined> | { ready: true }) => {
      if ("ready" in reply) {
        if (thread !== worker) return;
        ready = true;
        return startDeadline(thread);
      }
      if (running?.job.id !== reply.id) return;
      const job = finish()!;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.message));
      dispatch();
    });
    thread.on("error", (error) => {
      finish()?.reject(error);
    });
    thread.on("exit", () => {
      if (worker !== thread) return;
      worker = undefined;
      finish()?.reject(new Error("the extraction thread stopped"));
      dispatch();
    });
    return thread;
  };

  const startDeadline = (thread: Worker) => {
    if (!running || running.timer || thread !== worker) return;
    running.timer = setTimeout(() => {
      // The thread is busy with this job and cannot be interrupted: end it; the next job gets a new one.
      worker = undefined;
      finish()?.reject(extractionTooSlow(jobTimeoutMs));
      void thread.terminate();
      dispatch();
    }, jobTimeoutMs);
  };

  const dispatch = () => {
    if (running || queue.length === 0) return;
    const job = queue.shift()!;
    worker ??= spawn();
    running = { job };
    worker.postMessage({ id: job.id, input: job.input });
    if (ready) startDeadline(worker);
  };

  const run = (input: ExtractJob) =>
    new Promise<ArticleContent | undefined>((resolve, reject) => {
      queue.push({ id: nextId++, input, resolve, reject });
      dispatch();
    });

  return {
    fromHtml: (html, url) => run({ kind: "html", html, url: url?.href }),
    fromText: (text, title) => run({ kind: "text", text, title }),
    async close() {
      for (const job of queue.splice(0)) job.reject(new Error("the extractor is closed"));
      finish()?.reject(new Error("the extractor is closed"));
      const thread = worker;
      worker = undefined;
      await thread?.terminate();
    },
  };
}

/** Off the event loop where the runtime can load the worker (Bun), in process otherwise. */
export const createExtractor = (options: { jobTimeoutMs: number }): ClosableExtractor =>
  (globalThis as { Bun?: unknown }).Bun ? createOffThreadExtractor(options) : createInProcessExtractor();
