// Article extraction off the event loop (docs/architecture.md invariant 16): jsdom, Readability and DOMPurify
// take seconds for a multi-megabyte page, which must not stall the API for every other reader. One worker thread
// (the machine has two cores and the event loop keeps the other), started on the first import so an API that
// never imports never loads jsdom, fed by the shared worker pool: a bounded queue (beyond it 503 IMPORT_BUSY),
// one job per client at a time, each job's deadline counted from its arrival (a page still being reduced then has
// its thread ended under it), and a job dropped, its thread ended, when its reader hangs up. Elsewhere (vitest on
// Node cannot load a .ts worker) the same extractor runs in process.
import { extractionTooSlow, importBusy, pageTooComplex } from "../errors";
import { createWorkerPool, JobDeadline, PoolBusy, WorkerJobError } from "../workers/worker-pool";
import { PageTooComplex } from "./bound-html";
import { createArticleExtractor, type ArticleContent } from "./extract-article";
import type { ExtractJob } from "./extract-worker";

/** Who a job is for: one job per client at a time, dropped when the client has gone. */
export interface ExtractionCaller {
  client?: string;
  signal?: AbortSignal;
}

/** Extraction wherever it runs: undefined when nothing readable is there. */
export interface AsyncArticleExtractor {
  fromHtml(html: string, url?: URL, caller?: ExtractionCaller): Promise<ArticleContent | undefined>;
  fromText(text: string, title?: string, caller?: ExtractionCaller): Promise<ArticleContent | undefined>;
  /** pages waiting for the thread and being reduced on it; threads loaded and free */
  load(): { queued: number; running: number; idleThreads: number };
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** from a job's arrival to its answer */
  deadlineMs: number;
  /** jobs waiting for the thread, across clients */
  maxQueued: number;
}

export function createInProcessExtractor(): AsyncArticleExtractor {
  const extractor = createArticleExtractor();
  const refusing = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof PageTooComplex ? pageTooComplex() : error);
    }
  };
  return {
    fromHtml: (html, url) => refusing(() => extractor.fromHtml(html, url)),
    fromText: (text, title) => refusing(() => extractor.fromText(text, title)),
    load: () => ({ queued: 0, running: 0, idleThreads: 0 }),
    close: async () => undefined,
  };
}

export function createOffThreadExtractor({ deadlineMs, maxQueued }: ExtractorOptions): AsyncArticleExtractor {
  const pool = createWorkerPool<ExtractJob, ArticleContent | undefined>({
    size: 1,
    workerUrl: new URL("./extract-worker.ts", import.meta.url),
    maxQueued,
    deadlineMs,
    perClient: { running: 1, pending: 1 },
    lazy: true,
    endAbandoned: true,
  });

  const run = async (input: ExtractJob, { client, signal }: ExtractionCaller = {}) => {
    try {
      return await pool.run(input, { client, signal });
    } catch (error) {
      if (error instanceof PoolBusy) throw importBusy();
      // Still waiting at its deadline: the queue was the problem, not the page.
      if (error instanceof JobDeadline) throw error.running ? extractionTooSlow(deadlineMs) : importBusy();
      if (error instanceof WorkerJobError && error.code === "PAGE_TOO_COMPLEX") throw pageTooComplex();
      throw error;
    }
  };

  return {
    fromHtml: (html, url, caller) => run({ kind: "html", html, url: url?.href }, caller),
    fromText: (text, title, caller) => run({ kind: "text", text, title }, caller),
    load: () => ({ queued: pool.queued, running: pool.running, idleThreads: pool.idle }),
    close: () => pool.close(),
  };
}

/** Off the event loop where the runtime can load the worker (Bun), in process otherwise. */
export const createExtractor = (options: ExtractorOptions): AsyncArticleExtractor =>
  (globalThis as { Bun?: unknown }).Bun ? createOffThreadExtractor(options) : createInProcessExtractor();
