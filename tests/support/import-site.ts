// A small web site of ours for import tests: the pages under tests/fixtures/import/, plus the behaviours real
// sites have (redirect chains, huge and slow pages, errors, a PDF). It counts every request it receives, so a
// test can prove a refused import never reached it.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { listenLocal } from "./local-http-server";
import { repoRoot } from "./processes";

export const importFixturesDir = join(repoRoot, "tests/fixtures/import");

export const fixture = (name: string) => readFileSync(join(importFixturesDir, name));

export interface ImportSite {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  port: number;
  requests: () => number;
  /** paths requested, in order */
  paths: string[];
  /** bytes of /huge actually written before the client went away */
  hugeBytesSent: () => number;
  /** responses of /huge still being written (the site notices a client gone at its next block) */
  hugeSending: () => number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  // No charset: each page says its own in a <meta>, as latin1.html must be able to.
  ".html": "text/html",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
};

export interface ImportSiteOptions {
  host?: string;
  port?: number;
  /** size of /huge in bytes */
  hugeBytes?: number;
}

/** A page of `bytes` bytes: the same readable paragraph repeated, so extraction has real prose to find. */
export function sizedPage(bytes: number): string {
  const paragraph =
    "<p>The night ferry leaves the quay at a quarter past ten, carrying nurses, fishermen and students home across the dark water while the harbour lights fade behind it.</p>\n";
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><article><h1>A long page</h1>\n';
  const tail = "</article></body></html>";
  const count = Math.max(1, Math.floor((bytes - head.length - tail.length) / paragraph.length));
  return head + paragraph.repeat(count) + tail;
}

/**
 * A page of `bytes` bytes shaped like a news page: a ~1,600-word article (about 10 KB of prose) inside the
 * rest of a site — inline state JSON and styles, menus, link lists and a footer in nested, classed divs.
 */
export function typicalPage(bytes: number): string {
  const article = sizedPage(10 * 1024)
    .replace(/^.*?<article>/s, "<article>")
    .replace(/<\/article>.*$/s, "</article>");
  const link = (i: number) =>
    `<li class="menu__item menu__item--${i % 7}"><a class="menu__link" href="/section/${i}/story-${i * 37}">Story number ${i}</a></li>`;
  const chrome = (n: number) =>
    `<div class="rail"><div class="rail__inner"><ul class="menu">${Array.from({ length: n }, (_, i) => link(i)).join("")}</ul></div></div>`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A typical page</title><style>${".c{margin:0 auto;padding:4px 8px;color:#222}\n".repeat(100)}</style></head><body><header>${chrome(40)}</header><main><div class="layout"><div class="layout__main">`;
  const tail = `</div><aside>${chrome(30)}</aside></div></main><footer>${chrome(30)}</footer>`;
  const used = head.length + article.length + tail.length + 80;
  const state = JSON.stringify({
    items: Array.from({ length: Math.max(0, Math.floor((bytes - used) / 20)) }, (_, i) => ({ id: i, slug: `story-${i}-x` })),
  });
  return `${head}${article}${tail}<script type="application/json" id="state">${state.slice(0, Math.max(2, bytes - used))}</script></body></html>`;
}

export async function startImportSite({ host = "127.0.0.1", port = 0, hugeBytes = 2 * 1024 * 1024 }: ImportSiteOptions = {}): Promise<ImportSite> {
  let requests = 0;
  let hugeSent = 0;
  let hugeSending = 0;
  const paths: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    const url = new URL(req.url ?? "/", "http://site.test");
    paths.push(url.pathname);
    const hop = /^\/hop\/(\d+)\/of\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const [at, of] = [Number(hop[1]), Number(hop[2])];
      res.writeHead(at < of ? 302 : 200, at < of ? { Location: `/hop/${at + 1}/of/${of}` } : { "Content-Type": "text/html; charset=utf-8" });
      return res.end(at < of ? "" : fixture("news-article.html"));
    }
    if (url.pathname === "/redirect") {
      res.writeHead(302, { Location: url.searchParams.get("to") ?? "/" });
      return res.end();
    }
    if (url.pathname === "/sized") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(sizedPage(Number(url.searchParams.get("bytes") ?? "10000")));
    }
    if (url.pathname === "/typical") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(typicalPage(Number(url.searchParams.get("bytes") ?? "100000")));
    }
    if (url.pathname === "/huge") {
      // No Content-Length: the cap must be enforced while streaming. 64 KB every 20 ms, so a whole send would
      // take a long while and a cut-off is visible in the bytes written.
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      const block = Buffer.from(sizedPage(64 * 1024));
      hugeSending++;
      const tick = () => {
        if (res.destroyed || hugeSent >= hugeBytes) {
          hugeSending--;
          return void res.end();
        }
        res.write(block);
        hugeSent += block.length;
        const timer = setTimeout(() => {
          timers.delete(timer);
          tick();
        }, 20);
        timers.add(timer);
      };
      return tick();
    }
    if (url.pathname === "/slow") {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
          res.end(fixture("news-article.html"));
        },
        Number(url.searchParams.get("ms") ?? "5000"),
      );
      timers.add(timer);
      return;
    }
    const status = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (status) {
      res.writeHead(Number(status[1]), { "Content-Type": "text/html" });
      return res.end("<p>no</p>");
    }
    if (url.pathname === "/latin1-header") {
      res.writeHead(200, { "Content-Type": "text/html; charset=ISO-8859-1" });
      return res.end(fixture("latin1.html"));
    }
    if (url.pathname === "/latin1-meta") {
      // No charset in the header: only the page's <meta charset> says it is Latin-1.
      res.writeHead(200, { "Content-Type": "text/html" });
      return res.end(fixture("latin1.html"));
    }
    const name = url.pathname.slice(1);
    const ext = /\.[a-z]+$/.exec(name)?.[0] ?? "";
    if (/^[\w.-]+$/.test(name) && CONTENT_TYPES[ext]) {
      try {
        const body = fixture(name);
        res.writeHead(200, { "Content-Type": CONTENT_TYPES[ext] });
        return res.end(body);
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404, { "Content-Type": "text/html" });
    res.end("<p>not here</p>");
  };

  const local = await listenLocal(handle, { host, port });
  return {
    origin: local.url,
    port: local.port,
    requests: () => requests,
    paths,
    hugeBytesSent: () => hugeSent,
    hugeSending: () => hugeSending,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      return local.close();
    },
  };
}
