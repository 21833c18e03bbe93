// The extraction worker thread (server/workers/worker-pool.ts runs it for extract-off-thread.ts): jsdom,
// Readability and DOMPurify take hundreds of milliseconds for a large page, which must not stall the API's event
// loop for every other reader.
import { parentPort } from "node:worker_threads";
import { WORKER_READY, type WorkerReply } from "../workers/worker-pool";
import { PageTooComplex } from "./bound-html";
import { createArticleExtractor, type ArticleContent } from "./extract-article";

export type ExtractJob = { kind: "html"; html: string; url?: string } | { kind: "text"; text: string; title?: string };

const port = parentPort;
if (!port) throw new Error("extract-worker.ts runs only as a worker thread");
const extractor = createArticleExtractor();
// Loading jsdom takes a while on a fresh thread: /health shows when it is done.
port.postMessage(WORKER_READY);

port.on("message", ({ id, input }: { id: number; input: ExtractJob }) => {
  let reply: WorkerReply<ArticleContent | undefined>;
  try {
    const value =
      input.kind === "html"
        ? extractor.fromHtml(input.html, input.url ? new URL(input.url) : undefined)
        : extractor.fromText(input.text, input.title);
    reply = { id, ok: true, value };
  } catch (error) {
    const code = error instanceof PageTooComplex ? error.code : undefined;
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error), code };
  }
  port.postMessage(reply);
});
