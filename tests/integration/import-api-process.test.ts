// The real API process on Bun: an import through node:http with the pinned lookup works under Bun, and
// without IMPORT_ALLOW_PRIVATE the same server refuses loopback and private links with 403 before connecting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type RunningProcess } from "../support/processes";
import { startImportSite, type ImportSite } from "../support/import-site";

let site: ImportSite;
let open: RunningProcess;
let strict: RunningProcess;
let hurried: RunningProcess;

beforeAll(async () => {
  site = await startImportSite();
  [open, strict, hurried] = await Promise.all([
    startApi({ IMPORT_ALLOW_PRIVATE: "1" }),
    startApi({ IMPORT_ALLOW_PRIVATE: "0" }),
    startApi({ IMPORT_ALLOW_PRIVATE: "1", IMPORT_TIMEOUT_MS: "1500" }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), strict?.stop(), hurried?.stop(), site?.close()]);
});

const importUrl = (api: RunningProcess, url: string) =>
  fetch(`${api.url}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url }) });

describe("the API on Bun", () => {
  it("imports a page from the local site and serves it back by id", async () => {
    const res = await importUrl(open, `${site.origin}/latin1-meta`);
    expect(res.status).toBe(201);
    const article = await res.json();
    expect(article.text).toContain("naïve");
    const got = await fetch(`${open.url}/api/articles/${article.id}`);
    expect(await got.json()).toEqual(article);
  });

  it("gives up on a page too big to reduce in time, and the next import gets a fresh extraction thread", async () => {
    // 2 MB of prose takes seconds to reduce (README, Performance); the news page, tens of milliseconds.
    const huge = await importUrl(hurried, `${site.origin}/sized?bytes=${2 * 1024 * 1024}`);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "PAGE_TOO_LARGE" });
    // The deadline counts from arrival: the ended thread's replacement is loaded before the next page comes.
    await expect
      .poll(async () => ((await (await fetch(`${hurried.url}/health`)).json()) as { imports: { idleThreads: number } }).imports.idleThreads, {
        timeout: 30_000,
      })
      .toBe(1);
    const next = await importUrl(hurried, `${site.origin}/news-article.html`);
    expect(next.status).toBe(201);
    const health = await fetch(`${hurried.url}/health`);
    expect(health.status).toBe(200);
  });

  it.each([
    "http://127.0.0.1/",
    "http://localhost:8080/",
    "http://[::1]:8443/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[fd00::1]/",
    "http://224.0.0.1/",
  ])("refuses %s with 403 URL_FORBIDDEN without the flag", async (url) => {
    const res = await importUrl(strict, url);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "URL_FORBIDDEN" });
  });

  it("refuses the local site's own port without the flag (400 INVALID_URL), and the site sees nothing", async () => {
    const before = site.requests();
    const res = await importUrl(strict, `${site.origin}/news-article.html`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_URL" });
    expect(site.requests()).toBe(before);
  });
});
