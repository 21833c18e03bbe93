// POST /api/articles against a local site of ours (IMPORT_ALLOW_PRIVATE=1), through the composed app.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "@/server/app";
import { createIdentityResolver } from "@/server/auth/identity";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { extractTTSText } from "@/lib/dom/extract-text";
import { listeningMinutes } from "@/lib/text/listening-minutes";
import { splitWords } from "@/lib/text/split-words";
import { composeApi, type InProcessApi } from "../support/in-process-api";
import { importFixturesDir, startImportSite, type ImportSite } from "../support/import-site";

const SECRET = "import-test-secret-0123456789abcdef0123";
let site: ImportSite;

const makeApp = (env: Record<string, string> = {}) =>
  createApp(compose(loadEnv({ IMPORT_ALLOW_PRIVATE: "1", LOG_LEVEL: "silent", AUTH_SECRET: SECRET, ...env })).options);

/** Two APIs on the run's Redis, as two processes would be, each connected before the test goes on. */
const twoRedisApps = () => {
  const env = { IMPORT_ALLOW_PRIVATE: "1", AUTH_SECRET: SECRET, REDIS_URL: inject("redisUrl") };
  return Promise.all([composeApi(env), composeApi(env)]);
};

const post = (app: Pick<InProcessApi, "handle">, body: unknown, headers: Record<string, string> = {}) =>
  app.handle(
    new Request("http://localhost/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );

const expected = (name: string) => readFileSync(join(importFixturesDir, `${name}.expected.txt`), "utf8").trim();

beforeAll(async () => {
  site = await startImportSite({ hugeBytes: 8 * 1024 * 1024 });
});
afterAll(() => site.close());

describe("importing a link", () => {
  it("reduces a news page to its article, with its metadata, and leaves the chrome behind", async () => {
    const res = await post(makeApp(), { url: `${site.origin}/news-article.html` });
    expect(res.status).toBe(201);
    const article = await res.json();
    expect(article).toMatchObject({
      title: "Harbour town votes to keep its night ferry",
      byline: "Mara Ellison",
      siteName: "The Coastal Ledger",
      url: `${site.origin}/news-article.html`,
      lang: "en",
      dir: "ltr",
      publishedTime: "2026-03-14T08:30:00.000Z",
    });
    expect(article.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const paragraph of expected("news-article").split("\n\n")) expect(article.text).toContain(paragraph);
    for (const chrome of ["Buy cheap boats", "Lighthouse repainted", "All rights reserved", "Weather", "Tweet"]) {
      expect(article.text).not.toContain(chrome);
      expect(article.html).not.toContain(chrome);
    }
    expect(article.words).toBe(article.text.split(/\s+/).filter(Boolean).length);
    expect(article.listeningMinutes).toBe(listeningMinutes(article.text, "en"));
  });

  it("gives text that the browser's extraction of the rendered html reproduces word for word", async () => {
    for (const page of ["news-article.html", "blog-code.html", "table-figures.html", "rtl-hebrew.html", "hostile.html"]) {
      const article = await (await post(makeApp(), { url: `${site.origin}/${page}` })).json();
      const { document } = new JSDOM(`<!doctype html><body><article id="root">${article.html}</article></body>`).window;
      expect(extractTTSText(document.getElementById("root")!), page).toBe(article.text);
    }
  });

  it("keeps code blocks, tables and figure captions, and resolves relative image links against the page", async () => {
    const code = await (await post(makeApp(), { url: `${site.origin}/blog-code.html` })).json();
    expect(code.html).toContain("<pre><code>function countWords(text)");
    const table = await (await post(makeApp(), { url: `${site.origin}/table-figures.html` })).json();
    expect(table.html).toContain("<table>");
    expect(table.html).toContain("<figcaption>The upper gauge, beside the old mill, after the April storms.</figcaption>");
    expect(table.html).toContain(`src="${site.origin}/img/gauge.png"`);
    expect(table.html).not.toContain("data:image");
    expect(table.text).toContain("Monthly rainfall in millimetres");
  });

  it("reports a right-to-left page's language and direction", async () => {
    const article = await (await post(makeApp(), { url: `${site.origin}/rtl-hebrew.html` })).json();
    expect(article).toMatchObject({ lang: "he", dir: "rtl", title: "הגינה הקהילתית פותחת עונה חדשה" });
    for (const paragraph of expected("rtl-hebrew").split("\n\n")) expect(article.text).toContain(paragraph);
  });

  it("stores each article's language, word count and listening time in that language", async () => {
    const app = makeApp();
    const arabic = await (await post(app, { url: `${site.origin}/arabic.html` })).json();
    expect(arabic).toMatchObject({ lang: "ar", dir: "rtl" });
    const chinese = await (await post(app, { url: `${site.origin}/chinese.html` })).json();
    expect(chinese.lang).toBe("zh");
    expect(chinese.words).toBe(splitWords(chinese.text, "zh").length);
    expect(chinese.words).toBeGreaterThan(80);
    expect(chinese.listeningMinutes).toBe(listeningMinutes(chinese.text, "zh"));
    const russian = await (await post(app, { text: readFileSync(join(importFixturesDir, "pasted-russian.txt"), "utf8") })).json();
    expect(russian).toMatchObject({ lang: "ru", title: "Ночной паром остаётся" });
  });

  it("decodes a Latin-1 page from its <meta charset> and from its Content-Type header", async () => {
    for (const path of ["/latin1-meta", "/latin1-header"]) {
      const article = await (await post(makeApp(), { url: `${site.origin}${path}` })).json();
      expect(article.title).toBe("Le café du port rouvre ses portes");
      expect(article.text).toBe(expected("latin1"));
      expect(article.text).toContain("naïve");
    }
  });

  it("strips everything that runs or loads on its own", async () => {
    const article = await (await post(makeApp(), { url: `${site.origin}/hostile.html` })).json();
    expect(article.text).toBe(expected("hostile"));
    const lower = article.html.toLowerCase();
    for (const banned of [
      "<script",
      "<style",
      "<iframe",
      "<object",
      "<embed",
      "<form",
      "<input",
      "<svg",
      "onerror",
      "onclick",
      "javascript:",
      "srcset",
      "style=",
      "evil.example",
      "target=",
    ]) {
      expect(lower, banned).not.toContain(banned);
    }
    expect(article.html).toContain('<a href="https://bakers.example/guide" rel="noopener noreferrer nofollow">');
    expect(article.html).toContain('<img src="https://images.example/loaf.jpg" alt="A loaf" loading="lazy">');
  });

  it("follows 3 redirects but refuses a chain of 6", async () => {
    const app = makeApp();
    const ok = await post(app, { url: `${site.origin}/hop/1/of/4` });
    expect(ok.status).toBe(201);
    expect((await ok.json()).url).toBe(`${site.origin}/hop/4/of/4`);
    const tooMany = await post(app, { url: `${site.origin}/hop/1/of/7` });
    expect(tooMany.status).toBe(502);
    expect(await tooMany.json()).toMatchObject({ code: "FETCH_FAILED" });
  });

  it("cuts a huge page off while it streams, long before the whole of it is sent", async () => {
    const before = site.hugeBytesSent();
    const res = await post(makeApp({ IMPORT_MAX_BYTES: String(256 * 1024) }), { url: `${site.origin}/huge` });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAGE_TOO_LARGE" });
    await expect.poll(() => site.hugeSending()).toBe(0);
    // 8 MB would have been sent in full; the socket closed within a few blocks of the 256 KB cap.
    expect(site.hugeBytesSent() - before).toBeLessThan(1024 * 1024);
  });

  it("gives up on a slow site with 504 FETCH_TIMEOUT", async () => {
    const res = await post(makeApp({ IMPORT_TIMEOUT_MS: "300" }), { url: `${site.origin}/slow?ms=3000` });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: "FETCH_TIMEOUT" });
  });

  it.each([
    ["a PDF", "/document.pdf", 415, "UNSUPPORTED_CONTENT"],
    ["a page with nothing to read", "/nothing.html", 422, "NO_ARTICLE"],
    ["a missing page", "/status/404", 502, "FETCH_FAILED"],
    ["a failing site", "/status/500", 502, "FETCH_FAILED"],
  ])("answers %s with its error", async (_what, path, status, code) => {
    const res = await post(makeApp(), { url: `${site.origin}${path}` });
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.code).toBe(code);
    if (path.startsWith("/status/")) expect(body.error).toContain(path.slice(8));
  });

  it("answers 502 when nothing listens on the port", async () => {
    const closed = await startImportSite();
    const origin = closed.origin;
    await closed.close();
    const res = await post(makeApp(), { url: `${origin}/news-article.html` });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: "FETCH_FAILED" });
  });
});

describe("pasted articles, ids and storage", () => {
  it("turns pasted text into paragraphs and speaks exactly them", async () => {
    const res = await post(makeApp(), {
      text: "First paragraph here.\nSame paragraph, new line.\n\nSecond paragraph <b>not html</b>.",
      title: "Mine",
    });
    expect(res.status).toBe(201);
    const article = await res.json();
    expect(article.html).toBe("<p>First paragraph here.\nSame paragraph, new line.</p><p>Second paragraph &lt;b&gt;not html&lt;/b&gt;.</p>");
    expect(article.text).toBe("First paragraph here.\nSame paragraph, new line.\n\nSecond paragraph <b>not html</b>.");
    expect(article).toMatchObject({ title: "Mine", url: null, words: 11 });
  });

  it("reduces and sanitizes pasted HTML like a page, without fetching its url", async () => {
    const html = readFileSync(join(importFixturesDir, "hostile.html"), "utf8");
    const before = site.requests();
    const res = await post(makeApp(), { html, url: "https://bakery.example/bread" });
    expect(res.status).toBe(201);
    const article = await res.json();
    expect(article.text).toBe(expected("hostile"));
    expect(article.html).not.toContain("<script");
    expect(article.url).toBe("https://bakery.example/bread");
    expect(site.requests()).toBe(before);
  });

  it("gives the same article the same id: 201 the first time, 200 after, and GET serves it", async () => {
    const app = makeApp();
    const first = await post(app, { url: `${site.origin}/blog-code.html` });
    const again = await post(app, { url: `${site.origin}/blog-code.html` });
    expect([first.status, again.status]).toEqual([201, 200]);
    const a = await first.json();
    expect((await again.json()).id).toBe(a.id);
    const got = await app.handle(new Request(`http://localhost/api/articles/${a.id}`));
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(a);
  });

  it("keeps articles in Redis for other API processes, and a repeat import there is a 200", async () => {
    const [a, b] = await twoRedisApps();
    try {
      const text = `A Redis-stored article ${Date.now()} with a few words in it.`;
      const created = await post(a, { text });
      expect(created.status).toBe(201);
      const { id } = await created.json();
      const got = await b.handle(new Request(`http://localhost/api/articles/${id}`));
      expect(got.status).toBe(200);
      expect((await got.json()).text).toBe(text);
      expect((await post(b, { text })).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps working from memory when Redis is down (invariant 11)", async () => {
    const closed = await startImportSite();
    const deadPort = closed.port;
    await closed.close();
    const app = makeApp({ REDIS_URL: `redis://127.0.0.1:${deadPort}` });
    const created = await post(app, { text: "Stored while Redis is away, in memory only." });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await app.handle(new Request(`http://localhost/api/articles/${id}`))).status).toBe(200);
    expect((await post(app, { text: "Stored while Redis is away, in memory only." })).status).toBe(200);
  });

  it.each([
    ["an unknown id", "AAAAAAAAAAAAAAAAAAAAAA", 404, "NOT_FOUND"],
    ["a malformed id", "not-an-id", 400, "INVALID_REQUEST"],
    ["an id with markup", encodeURIComponent("<script>alert(1)</script>"), 400, "INVALID_REQUEST"],
  ])("answers GET for %s with %i", async (_what, id, status, code) => {
    const res = await makeApp().handle(new Request(`http://localhost/api/articles/${id}`));
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(code);
  });

  it.each([
    ["no JSON", { body: "url=https://example.com", type: "application/x-www-form-urlencoded" }],
    ["broken JSON", { body: "{", type: "application/json" }],
    ["no article field", { body: "{}", type: "application/json" }],
    ["two kinds at once", { body: JSON.stringify({ text: "a", url: "https://example.com" }), type: "application/json" }],
  ])("refuses %s with 400", async (_what, { body, type }) => {
    const res = await makeApp().handle(new Request("http://localhost/api/articles", { method: "POST", headers: { "content-type": type }, body }));
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_REQUEST");
  });

  it("refuses a body over the cap before parsing it", async () => {
    const res = await post(makeApp({ IMPORT_MAX_BYTES: "10000" }), { html: "<p>x</p>".repeat(5000) });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("PAGE_TOO_LARGE");
  });

  it("limits imports per client and says when to retry", async () => {
    const app = makeApp({ IMPORT_RATE_LIMIT_PER_MIN: "2" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(app, { text: `Rate ${i} words here.` })).status);
    expect(statuses).toEqual([201, 201, 429]);
    const refused = await post(app, { text: "again" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the reader's library", () => {
  const token = (sub: string) => createIdentityResolver({ secret: SECRET }).issue({ sub, tier: "free" });

  it("adds what a signed-in reader imports, keeps progress, and removes on request", async () => {
    const app = makeApp();
    const auth = { authorization: `Bearer ${await token("reader-1")}` };
    const article = await (await post(app, { url: `${site.origin}/news-article.html` }, auth)).json();
    const list = async (headers: Record<string, string>) => app.handle(new Request("http://localhost/api/library", { headers }));
    const listed = await (await list(auth)).json();
    expect(listed.articles).toEqual([
      expect.objectContaining({
        id: article.id,
        title: article.title,
        siteName: "The Coastal Ledger",
        url: article.url,
        listeningMinutes: 1,
        progress: 0,
      }),
    ]);
    expect(Date.parse(listed.articles[0].addedAt)).not.toBeNaN();

    const put = await app.handle(
      new Request(`http://localhost/api/library/${article.id}`, {
        method: "PUT",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ progress: 0.4 }),
      }),
    );
    expect(put.status).toBe(200);
    expect((await (await list(auth)).json()).articles[0].progress).toBe(0.4);

    const other = { authorization: `Bearer ${await token("reader-2")}` };
    expect((await (await list(other)).json()).articles).toEqual([]);

    const del = await app.handle(new Request(`http://localhost/api/library/${article.id}`, { method: "DELETE", headers: auth }));
    expect(del.status).toBe(204);
    expect((await (await list(auth)).json()).articles).toEqual([]);
  });

  it("keeps a reader's library in Redis, so another API process lists it", async () => {
    const [a, b] = await twoRedisApps();
    try {
      const sub = `reader-redis-${Date.now()}`;
      const auth = { authorization: `Bearer ${await token(sub)}` };
      const { id } = await (await post(a, { text: `Library entry ${sub} with words.` }, auth)).json();
      const listed = await (await b.handle(new Request("http://localhost/api/library", { headers: auth }))).json();
      expect(listed.articles.map((e: { id: string }) => e.id)).toEqual([id]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("refuses anonymous readers, progress out of range, and unknown articles", async () => {
    const app = makeApp();
    expect((await app.handle(new Request("http://localhost/api/library"))).status).toBe(401);
    const auth = { authorization: `Bearer ${await token("reader-3")}`, "content-type": "application/json" };
    const bad = await app.handle(
      new Request("http://localhost/api/library/AAAAAAAAAAAAAAAAAAAAAA", { method: "PUT", headers: auth, body: JSON.stringify({ progress: 1.5 }) }),
    );
    expect(bad.status).toBe(400);
    const unknown = await app.handle(
      new Request("http://localhost/api/library/AAAAAAAAAAAAAAAAAAAAAA", { method: "PUT", headers: auth, body: JSON.stringify({ progress: 0.5 }) }),
    );
    expect(unknown.status).toBe(404);
  });
});
