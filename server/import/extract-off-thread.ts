// Article extraction on one worker thread (server/local-voice/worker-pool.ts), under Bun. One thread: the
// machine has two cores and the event loop keeps the other. Started on the first import, not at startup, so
// an API that never imports never loads jsdom. Elsewhere (vitest on Node cannot load a .ts worker) the same
// extractor runs in process.
import { createWorkerPool, type WorkerPool } from "../local-voice/worker-pool";
import { createArticleExtractor, type ArticleContent, type AsyncArticleExtractor } from "./extract-article";
import type { ExtractJob } from "./extract-worker";

export interface ClosableExtractor extends AsyncArticleExtractor {
  close(): Promise<void>;
}

export function createInProcessExtractor(): ClosableExtractor {
  const extractor = createArticleExtractor();
  return {
    fromHtml: async (html, url) => extractor.fromHtml(html, url),
    fromText: async (text, title) => extractor.fromText(text, title),
    close: async () => undefined,
  };
}

export function createOffThreadExtractor(): ClosableExtractor {
  let pool: WorkerPool<ExtractJob, ArticleContent | undefined> | undefined;
  const run = (job: ExtractJob) => {
    pool ??= createWorkerPool({ size: 1, workerUrl: new URL("./extract-worker.ts", import.meta.url) });
    return pool.run(job);
  };
  return {
    fromHtml: (html, url) => run({ kind: "html", html, url: url?.href }),
    fromText: (text, title) => run({ kind: "text", text, title }),
    close: async () => pool?.close(),
  };
}

/** Off the event loop where the runtime can load the worker (Bun), in process otherwise. */
export const createExtractor = (): ClosableExtractor =>
  (globalThis as { Bun?: unknown }).Bun ? createOffThreadExtractor() : createInProcessExtractor();
