// Issue 10: the player plays while the rest of the article arrives (POST /api/tts/stream through MSE).
// The upstream is slowed so the stream is observably partial; what is asserted is the order of events the page
// itself records, never how long anything took.
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";
import { controlVoice, resetVoice } from "./voice-control";

type Logged = Window & { __events?: Array<{ event: string; at: number }> };

/** Records, on the page's clock, when the first word lights, when the player waits, and when the stream ends. */
async function recordEvents(page: import("@playwright/test").Page) {
  await page.evaluate(() => {
    const log: Array<{ event: string; at: number }> = [];
    (window as Logged).__events = log;
    const seen = new Set<string>();
    const once = (event: string) => {
      if (seen.has(event)) return;
      seen.add(event);
      log.push({ event, at: performance.now() });
    };
    new MutationObserver(() => {
      if (document.querySelector("[data-article-content] .tts-current")) once("highlight");
      const player = document.querySelector('[data-slot="tts-player"]');
      const state = player?.getAttribute("data-stream-state");
      if (state) once(`stream:${state}`);
      if (player?.hasAttribute("data-waiting")) once("waiting");
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "data-stream-state", "data-waiting"] });
  });
}

const events = (page: import("@playwright/test").Page) =>
  page.evaluate(() => ((window as Logged).__events ?? []).map((e) => e.event));

const ttsRequests = (page: import("@playwright/test").Page) => {
  const seen: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/tts" || pathname === "/api/tts/stream") seen.push(pathname);
  });
  return seen;
};

test.afterEach(async () => {
  await resetVoice();
});

test("the long article plays and lights words before it has all arrived, seeks across chunks, and replays from IndexedDB", async ({
  reader,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const requests = ttsRequests(page);
  await reader.open(ARTICLES.long);
  await recordEvents(page);
  // Every upstream call takes 1.5 s: the ~24 chunks, three at a time, take several times longer than chunk 0.
  await controlVoice({ latencyMs: 1500 });

  await reader.listenButton.click();
  await reader.waitUntilPlaying(60_000);
  await expect(reader.player).toHaveAttribute("data-stream-state", "streaming");
  await testInfo.attach("mid-stream", { body: await reader.player.screenshot(), contentType: "image/png" });
  // The scrub bar shows that only part of the audio has arrived.
  expect(Number(await page.locator('[data-slot="transcript-viewer-scrub-bar"]').getAttribute("data-arrived"))).toBeLessThan(100);

  // A word near the end has not arrived: the player waits there, then plays from it.
  const words = await reader.article.locator("[data-tts-idx]").evaluateAll((spans) => new Set(spans.map((s) => s.getAttribute("data-tts-idx"))).size);
  const last = words - 3;
  await reader.word(last).click();
  await expect(reader.player).toHaveAttribute("data-stream-state", "complete", { timeout: 120_000 });
  await expect.poll(async () => (await reader.state()).current, { timeout: 30_000 }).toBeGreaterThanOrEqual(last);
  expect((await reader.state()).paused).toBe(false);

  // The order: first word lit while streaming, the wait for the far word before the end line.
  const order = await events(page);
  expect(order.indexOf("highlight")).toBeGreaterThanOrEqual(0);
  expect(order.indexOf("highlight")).toBeLessThan(order.indexOf("stream:complete"));
  expect(order.indexOf("waiting")).toBeLessThan(order.indexOf("stream:complete"));

  // Back across several chunk boundaries, to a word in the middle: it lands on the clicked word.
  await reader.playPause.click();
  await expect(reader.playPause).toHaveAttribute("data-status", "paused");
  const middle = Math.floor(words / 2);
  const landed = await reader.clickWord(middle);
  expect(landed.paused).toBe(false);

  // L1 has the article once the stream is complete (its durationMs is the end line's: the chunks' total).
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const open = indexedDB.open("listen-tts-audio");
          open.onsuccess = () => {
            const all = open.result.transaction("articles").objectStore("articles").getAll();
            all.onsuccess = () => resolve((all.result as Array<{ durationMs: number }>).map((entry) => entry.durationMs));
          };
          open.onerror = () => resolve([]);
        }),
    );
  await expect.poll(async () => (await stored()).length).toBe(1);
  const [durationMs] = await stored();

  // No silence inserted between chunks: one buffered range, as long as the chunks' decoded durations together.
  const timeline = await page.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>('[data-slot="transcript-viewer-audio"]')!;
    return { ranges: audio.buffered.length, end: audio.buffered.end(audio.buffered.length - 1), duration: audio.duration };
  });
  const insertedMs = timeline.end * 1000 - durationMs;
  testInfo.annotations.push({ type: "inserted silence", description: `${insertedMs.toFixed(1)} ms over ${durationMs} ms (${JSON.stringify(timeline)})` });
  console.log(`inserted silence: ${insertedMs.toFixed(1)} ms over ${durationMs} ms`, timeline);
  expect(timeline.ranges).toBe(1);
  // Less than one MP3 frame (1152 samples at 22.05 kHz is 52 ms; at 44.1 kHz 26 ms) over the whole article.
  expect(Math.abs(insertedMs)).toBeLessThan(26);

  // A reload replays from IndexedDB with no request at all.
  const before = requests.length;
  expect(requests).toEqual(["/api/tts/stream"]);
  await page.reload();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.long);
  await reader.listen();
  await expect(reader.player).not.toHaveAttribute("data-stream-state", /./);
  expect(requests.length).toBe(before);
});
