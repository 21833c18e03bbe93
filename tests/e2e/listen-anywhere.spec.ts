import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../../playwright.config";
import { startImportSite, type ImportSite } from "../support/import-site";
import { expect, pageObjects, test } from "./fixtures";
import { ARTICLES, type ReaderPage } from "./pages/reader-page";

// Listen from anywhere: installable, offline, from the share sheet and the bookmarklet, and in a podcast app. The
// imports come from our own site on 127.0.0.1 (the app under test runs with IMPORT_ALLOW_PRIVATE=1).

let site: ImportSite;
test.beforeAll(async () => {
  site = await startImportSite();
});
test.afterAll(async () => {
  await site.close();
});

/** The library, once the service worker has taken the page and kept what it loaded. */
async function openLibrary(page: Page) {
  await pageObjects.library(page).goto();
  await expect(page.locator("html")).toHaveAttribute("data-service-worker", "ready", { timeout: 30_000 });
}

const card = (page: Page, id: string) => page.locator(`[data-slot="card-actions"][data-id="${id}"]`);

/** Offline, a click on a card loads the kept page (Next.js falls back to a page load when its fetch fails). */
async function openOffline(page: Page, reader: ReaderPage, id: string) {
  await page.locator(`[data-slot="article-card"][href="/read/${id}"]`).click();
  await page.waitForURL((url) => url.pathname === `/read/${id}`);
  await expect(reader.article).toBeVisible();
}

/** Listen with no connection: the audio comes from this browser, every word lit; a click on a word seeks, speed changes. */
async function listenOffline(context: BrowserContext, reader: ReaderPage) {
  const requests: string[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/api/tts")) requests.push(request.url());
  });
  await reader.listen();
  const state = await reader.clickWord(8);
  expect(state.paused).toBe(false);
  await reader.setSpeed(2);
  expect((await reader.state()).rate).toBe(2);
  expect(requests, "nothing asked of the voice service").toEqual([]);
}

// Chromium reports every page of an off-the-record context (Playwright's default) as not installable, so this
// one test runs in a profile on disk, with the project's device settings.
test("the manifest and the service worker pass Chromium's installability checks", async ({ playwright }, testInfo) => {
  const profile = await mkdtemp(join(tmpdir(), "listen-install-"));
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    baseURL: baseURL ?? testInfo.config.projects[0].use.baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openLibrary(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: Array<{ errorId: string }> };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const { url, errors } = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
    expect(new URL(url).pathname).toBe("/manifest.webmanifest");
    expect(errors).toEqual([]);
    const manifest = (await (await page.request.get("/manifest.webmanifest")).json()) as { display: string; share_target: { action: string } };
    expect(manifest.display).toBe("standalone");
    expect(manifest.share_target.action).toBe("/share");
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test("an article listened to reloads from the library with no connection and plays with the highlight", async ({ page, context, reader }) => {
  await openLibrary(page);
  await reader.openCard(ARTICLES.short);
  await reader.listen();
  await reader.waitForWholeAudio();
  await reader.pause();
  await reader.backToLibrary();
  await expect(card(page, ARTICLES.short).locator('[data-slot="offline-status"]')).toHaveAttribute("data-offline", "available");

  await context.setOffline(true);
  await page.reload();
  await expect(card(page, ARTICLES.short).locator('[data-slot="offline-status"]')).toBeVisible();
  await openOffline(page, reader, ARTICLES.short);
  await listenOffline(context, reader);
  await context.setOffline(false);
});

test("Keep offline stores an article never opened, which then plays offline; Add to podcast puts it in the feed", async ({
  page,
  context,
  reader,
  player,
}) => {
  await player.signInDemo("premium");
  const text = `The night ferry\n\nThe night ferry leaves the harbour at ten. ${Date.now()} passengers wait on the quay with their bags while the gulls settle on the rail.`;
  const imported = await page.request.post("/api/articles", { data: { text } });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  await openLibrary(page);

  const keep = card(page, id).locator('[data-slot="keep-offline"]');
  await keep.click();
  await expect(card(page, id).locator('[data-slot="offline-status"]')).toHaveAttribute("data-offline", "available", { timeout: 60_000 });
  await expect(page.locator('[data-slot="offline-storage"]')).toContainText("available offline");

  // The podcast feed: the article's audio is made on the server and the feed lists it, with an enclosure.
  await card(page, id).locator('[data-slot="add-to-podcast"]').click();
  await expect(card(page, id).locator('[data-slot="add-to-podcast"]')).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  await page.locator('[data-slot="create-feed"]').click();
  const address = await page.locator('[data-slot="feed-url"]').inputValue();
  expect(address).toMatch(/\/feed\/[\w-]{32}\.xml$/);
  await expect(page.locator('[data-slot="qr-code"]')).toBeVisible();
  const feed = await page.request.get(address);
  expect(feed.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain("<title>The night ferry</title>");
  const enclosure = /<enclosure url="([^"]+)" length="(\d+)"/.exec(xml)!;
  const head = await page.request.head(enclosure[1]);
  expect(head.headers()["content-length"]).toBe(enclosure[2]);
  const ranged = await page.request.get(enclosure[1], { headers: { Range: "bytes=1000-1999" } });
  expect(ranged.status()).toBe(206);
  expect((await ranged.body()).byteLength).toBe(1000);

  await context.setOffline(true);
  await page.reload();
  await openOffline(page, reader, id);
  await listenOffline(context, reader);
  await context.setOffline(false);
});

test("a link shared to the app is imported and opened, ready to Listen; a failed one stays in the box", async ({ page, reader }) => {
  await page.goto(`/share?title=${encodeURIComponent("A story")}&text=${encodeURIComponent(`Read this: ${site.origin}/news-article.html`)}`);
  await page.waitForURL((url) => /^\/read\/[\w-]{22}$/.test(url.pathname), { timeout: 30_000 });
  await expect(reader.article).toBeVisible();
  await expect(reader.listenButton).toBeVisible();

  const nothing = `${site.origin}/nothing.html`;
  await page.goto(`/share?url=${encodeURIComponent(nothing)}`);
  await expect(page.locator('[data-slot="import-error"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-slot="import-input"]')).toHaveValue(nothing);
});

test("the bookmarklet on the home page imports the page it is run on", async ({ page, reader, library }) => {
  await library.goto();
  const href = await page.locator('[data-slot="bookmarklet"]').getAttribute("href");
  expect(href).toMatch(/^javascript:/);
  await page.goto(`${site.origin}/blog-code.html`);
  await page.evaluate((code) => new Function(code)(), href!.slice("javascript:".length));
  await page.waitForURL((url) => /^\/read\/[\w-]{22}$/.test(url.pathname), { timeout: 30_000 });
  await expect(reader.article).toBeVisible();
});
