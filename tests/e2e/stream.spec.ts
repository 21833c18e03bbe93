// Issue 10: the player plays while the rest of the article arrives (POST /api/tts/stream through MSE).
// The upstream is slowed so the stream is observably partial; what is asserted is the order of events the page
// itself records, never how long anything took.
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

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

const events = (page: import("@playwright/test").Page) => page.evaluate(() => ((window as Logged).__events ?? []).map((e) => e.event));

const ttsRequests = (page: import("@playwright/test").Page) => {
  const seen: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/tts" || pathname === "/api/tts/stream") seen.push(pathname);
  });
  return seen;
};

test.afterEach(async ({ voice }) => {
  await voice.reset();
});

test("the long article plays and lights words before it has all arrived, seeks across chunks, and replays from IndexedDB", async ({
  reader,
  page,
  voice,
}, testInfo) => {
  // The long article is ~24 upstream calls of real local speech on a shared machine: minutes, not seconds.
  test.setTimeout(480_000);
  const requests = ttsRequests(page);
  const tag = `${testInfo.project.name}${Date.now()}`;
  await reader.open(ARTICLES.long);
  await reader.uniqueText(tag);
  await recordEvents(page);
  // Every upstream call takes 1.5 s: the ~24 chunks, three at a time, take several times longer than chunk 0.
  await voice.control({ latencyMs: 1500 });

  await reader.listenButton.click();
  await reader.waitUntilPlaying(60_000);
  await expect(reader.player).toHaveAttribute("data-stream-state", "streaming");
  // A phone's player is the mini player while the reader reads: the scrub bar is in the whole player.
  const phone = testInfo.project.name === "mobile";
  if (phone) await reader.openPlayer();
  await reader.player.screenshot({ path: testInfo.outputPath("player-mid-stream.png") });
  // The scrub bar shows that only part of the audio has arrived.
  expect(Number(await page.locator('[data-slot="transcript-viewer-scrub-bar"]').getAttribute("data-arrived"))).toBeLessThan(100);
  if (phone) await reader.collapsePlayer();

  // A word near the end has not arrived: the player waits there, then plays from it.
  const words = await reader.article.locator("[data-tts-idx]").evaluateAll((spans) => new Set(spans.map((s) => s.getAttribute("data-tts-idx"))).size);
  // Far enough from the end that playing on from it does not end the article while the test looks.
  const last = words - 150;
  await reader.word(last).click();
  await expect(reader.player).toHaveAttribute("data-stream-state", "complete", { timeout: 360_000 });
  await expect.poll(async () => (await reader.state()).current, { timeout: 30_000 }).toBeGreaterThanOrEqual(last);
  expect((await reader.state()).paused).toBe(false);
  // The media's own length once the last chunk is in the buffer: endOfStream makes it the end of the decoded
  // audio (until then an MP3 MediaSource reports an unknown, infinite, duration).
  const mediaDuration = () => page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-slot="transcript-viewer-audio"]')!.duration);
  await expect.poll(mediaDuration).toBeLessThan(Infinity);
  const decodedSeconds = await mediaDuration();

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
  await expect.poll(async () => (await reader.storedDurations()).length).toBe(1);
  const [durationMs] = await reader.storedDurations();

  // No silence inserted between chunks: the decoded media is as long as the chunks' durations together, and
  // the several chunks buffered around the middle join without a gap.
  const window = await page.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>('[data-slot="transcript-viewer-audio"]')!;
    return Array.from({ length: audio.buffered.length }, (_, i) => [audio.buffered.start(i), audio.buffered.end(i)]);
  });
  const insertedMs = decodedSeconds * 1000 - durationMs;
  const note = `${insertedMs.toFixed(1)} ms over ${durationMs} ms; buffered around the middle: ${JSON.stringify(window)}`;
  testInfo.annotations.push({ type: "inserted silence", description: note });
  console.log(`inserted silence: ${note}`);
  expect(window).toHaveLength(1);
  expect(window[0][1] - window[0][0]).toBeGreaterThan(200);
  // Less than one MP3 frame (1152 samples at 44.1 kHz is 26 ms) over the whole article.
  expect(Math.abs(insertedMs)).toBeLessThan(26);

  // A reload replays from IndexedDB with no request at all.
  const before = requests.length;
  expect(requests).toEqual(["/api/tts/stream"]);
  await page.reload();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.long);
  await reader.uniqueText(tag);
  await reader.listen();
  await expect(reader.player).not.toHaveAttribute("data-stream-state", /./);
  expect(requests.length).toBe(before);
});

test("a stream that fails midway keeps playing what arrived, and Retry carries on from the same word", async ({ reader, page, voice }, testInfo) => {
  test.setTimeout(240_000);
  await reader.open(ARTICLES.medium);
  await reader.uniqueText(`${testInfo.project.name}${Date.now()}`);
  // 10 ms a character: the short opening chunk comes in seconds, the two long ones beside it take far longer,
  // so the failure set once the opening plays hits the calls after them (a call's fate is set when it starts).
  await voice.control({ latencyPerCharMs: 10 });
  await reader.listenButton.click();
  await reader.waitUntilPlaying(60_000);
  await expect(reader.player).toHaveAttribute("data-stream-state", "streaming");
  // Paused, so the audio that arrived is still ahead when the failure comes (the server cancels the chunks
  // under way when one fails, so what arrived may be the opening alone).
  await reader.playPause.click();
  await expect(reader.playPause).toHaveAttribute("data-status", "paused");
  // Every upstream call from now on fails.
  await voice.control({ latencyPerCharMs: 0, fail500Rate: 1 });
  const stopped = page.locator('[data-slot="tts-stream-error"]');
  await expect(stopped).toBeVisible({ timeout: 120_000 });
  await expect(stopped).toContainText("did not arrive");
  await expect(reader.player).toHaveAttribute("data-status", "ready");
  // What arrived still plays.
  await reader.playPause.click();
  const during = await reader.state();
  expect(during.paused).toBe(false);
  await reader.waitForAudioTime(during.time + 1);

  await voice.reset();
  const before = await reader.state();
  await stopped.getByRole("button", { name: "Retry" }).click();
  await expect(reader.player).toHaveAttribute("data-stream-state", "complete", { timeout: 120_000 });
  await expect(stopped).toHaveCount(0);
  await expect.poll(async () => (await reader.state()).paused).toBe(false);
  // From the word it had reached, not from the top.
  reader.expectReachedFrom(await reader.state(), before.current, before.at);
});
