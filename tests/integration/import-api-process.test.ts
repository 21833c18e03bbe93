// The real API process on Bun: an import through node:http with the pinned lookup works under Bun, and
// without IMPORT_ALLOW_PRIVATE the same server refuses loopback and private links with 403 before connecting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type RunningProcess } from "../support/processes";
import { startImportSite, type ImportSite } from "../support/import-site";

let site: ImportSite;
let open: RunningProcess;
let strict: RunningProcess;

beforeAll(async () => {
  site = await startImportSite();
  [open, strict] = await Promise.all([startApi({ IMPORT_ALLOW_PRIVATE: "1" }), startApi({ IMPORT_ALLOW_PRIVATE: "0" })]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), strict?.stop(), site?.close()]);
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

  it.each(["http://127.0.0.1/", "http://localhost:8080/", "http://[::1]:8443/", "http://2130706433/", "http://0x7f000001/", "http://0/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[fd00::1]/", "http://224.0.0.1/"])(
    "refuses %s with 403 URL_FORBIDDEN without the flag",
    async (url) => {
      const res = await importUrl(strict, url);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "URL_FORBIDDEN" });
    },
  );

  it("refuses the local site's own port without the flag (400 INVALID_URL), and the site sees nothing", async () => {
    const before = site.requests();
    const res = await importUrl(strict, `${site.origin}/news-article.html`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_URL" });
    expect(site.requests()).toBe(before);
  });
});
