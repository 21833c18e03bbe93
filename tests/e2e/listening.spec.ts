// Issue 21, "Listening that never breaks": a reader hears an article for 90 s of audio, from the library by clicking,
// with the local voice generating it as it plays. Each wait of the playhead for audio shows the spinner and
// "Loading the next part…"; the lit word stays where it can be read (not under the player, the toolbar or the
// bottom bar) at every sample; a scroll of the reader's own is kept until they ask for the word back; the speed they
// chose survives a reload. Played at 2× so the 90 s of audio take 45 s; what is asserted is what the page recorded,
// never how long anything took.
import type { Page, TestInfo } from "@playwright/test";
import { listenLocal, type LocalHttpServer } from "../support/local-http-server";
import { article as prose } from "../support/articles";
import { ARTICLES, type ReaderPage } from "./pages/reader-page";
import { expect, test } from "./fixtures";
import { lastSample, listeningRecord, recordListening, type ListeningRecord } from "./listening-record";

const SPEED = 2;
const AUDIO_SECONDS = 90;

let site: LocalHttpServer;
test.beforeAll(async () => {
  // Pages of its own to import, one per path: prose no other test speaks, so the voice makes it while it plays.
  const pages = new Map<string, string>();
  const page = () =>
    prose(4500)
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("\n");
  site = await listenLocal((req, res) => {
    const path = req.url ?? "/";
    if (!pages.has(path)) pages.set(path, page());
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><title>Notes from the valley</title></head><body><article><h1>Notes from the valley</h1>${pages.get(path)}</article></body></html>`,
    );
  });
});
test.afterAll(async () => {
  await site.close();
});

/** A reader's way of scrolling, by what their device has: the wheel, a key, the scrollbar, a finger. */
type ScrollWay = "wheel" | "key" | "scrollbar" | "touch";

async function scrollByReader(page: Page, way: ScrollWay) {
  if (way === "wheel") {
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 900);
  } else if (way === "key") {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("End");
  } else if (way === "scrollbar") {
    // Headless Chromium draws no scrollbar to drag. A drag reaches the page as scroll events and nothing else (no
    // wheel, touch or key event), which is what a scroll by script from outside the app gives too.
    await page.evaluate(() => window.scrollBy({ top: 700, behavior: "instant" }));
  } else {
    // A finger sliding up the page (the reader reads ahead), as the touch screen reports it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: 200, y: 600 }] });
    for (let step = 1; step <= 10; step++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: 200, y: 600 - step * 40 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  }
}

/** The page's scroll position once it has stopped moving (a wheel or a finger may glide on for a moment). */
async function settledScroll(page: Page): Promise<number> {
  let last = NaN;
  await expect
    .poll(async () => {
      const now = await page.evaluate(() => window.scrollY);
      const still = Math.abs(now - last) < 1;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

interface Phase {
  from: number;
  to: number;
}

/**
 * The reader scrolls away while the voice goes on: the follow stops and offers the word back, the page stays where
 * they left it while several words are spoken, and `resume` (the offer, a seek, a click on a word) brings it back.
 */
async function scrollAwayAndBack(reader: ReaderPage, way: ScrollWay, resume: () => Promise<void>): Promise<Phase> {
  const { page } = reader;
  const from = await page.evaluate(() => performance.now());
  const before = await page.evaluate(() => window.scrollY);
  await scrollByReader(page, way);
  await expect(reader.followButton, `the offer to go back, after the ${way}`).toBeVisible();
  const kept = await settledScroll(page);
  expect(Math.abs(kept - before), `the ${way} moved the page`).toBeGreaterThan(50);
  const word = (await reader.state()).current;
  // As long as it takes: the audio ahead may still be on its way (the player then shows it is loading).
  await expect.poll(async () => (await reader.state()).current, { timeout: 120_000 }).toBeGreaterThan(word + 6);
  expect(await page.evaluate(() => window.scrollY), `the page stays where the ${way} left it`).toBeCloseTo(kept, 0);
  await resume();
  await expect(reader.followButton).toBeHidden();
  await expect.poll(async () => insideNow(await lastSample(page), from)).toBe(true);
  return { from, to: await page.evaluate(() => performance.now()) };
}

function insideNow(sample: Awaited<ReturnType<typeof lastSample>>, since: number): boolean {
  return (
    !!sample && sample.at > since && !sample.away && !!sample.word && sample.word.top >= sample.area.top && sample.word.bottom <= sample.area.bottom
  );
}

/** Plays on until the audio clock passes `seconds`. */
async function playUntil(reader: ReaderPage, seconds: number) {
  await reader.waitForAudioTime(seconds, 120_000);
}

/**
 * What the record must show: the lit word inside the reading area at every sample outside the reader's own
 * scrolling; the offer to go back only then; each wait of the playhead for audio after the first word shown as
 * buffering (with the lock screen told nothing plays); and no moment the playhead stood still, playing, without it.
 */
function checkRecord(record: ListeningRecord, phases: Phase[], testInfo: TestInfo) {
  const firstLit = record.firstLit;
  expect(firstLit, "a word was lit").not.toBeNull();
  const during = (at: number) => phases.some((p) => at >= p.from && at <= p.to);
  const samples = record.samples.filter((s) => s.at > firstLit! && !s.paused && !during(s.at));
  // One every 500 ms of the page's clock, fewer when a loaded machine delays its timers: 20 still watch 10 s or more.
  expect(samples.length, "samples taken while playing").toBeGreaterThan(20);
  for (const sample of samples) {
    expect(sample.away, `following at ${sample.time.toFixed(1)} s, no scroll of the reader's`).toBe(false);
    expect(sample.word, `a lit word at ${sample.time.toFixed(1)} s`).not.toBeNull();
    expect(sample.word!.top, `the lit word's top at ${sample.time.toFixed(1)} s, under whatever covers the top`).toBeGreaterThanOrEqual(
      sample.area.top,
    );
    expect(sample.word!.bottom, `the lit word's bottom at ${sample.time.toFixed(1)} s, above the player`).toBeLessThanOrEqual(sample.area.bottom);
  }

  const shownDuring = (from: number, to: number) => record.shown.some((s) => s.from <= to && (s.to ?? Infinity) >= from);
  const waits = record.waits.filter((w) => w.to > firstLit!);
  for (const wait of waits) expect(shownDuring(wait.from, wait.to), `buffering shown during the wait at ${wait.from.toFixed(0)} ms`).toBe(true);
  for (const shown of record.shown) expect(shown.sessionState, "the lock screen while buffering").toBe("paused");
  const all = record.samples.filter((s) => s.at > firstLit!);
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1], all[i]];
    if (a.paused || b.paused || b.time !== a.time) continue;
    expect(shownDuring(a.at, b.at), `the playhead stood still at ${b.time.toFixed(1)} s: buffering shown`).toBe(true);
  }
  const waited = waits.reduce((sum, w) => sum + w.to - w.from, 0);
  const note = `${waits.length} waits after the first word, ${(waited / 1000).toFixed(1)} s in all; ${samples.length} samples inside the reading area`;
  testInfo.annotations.push({ type: "listening", description: note });
  console.log(`${testInfo.project.name}: ${note}`);
}

test("the long sample plays 90 s with the lit word in view, every wait shown, the reader's scroll kept, and the speed kept", async ({
  reader,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const phone = testInfo.project.name === "mobile";
  const tag = `${testInfo.project.name}${Date.now()}`;
  await reader.open(ARTICLES.long);
  await reader.uniqueText(tag);
  await recordListening(page);
  await reader.listenButton.click();
  await reader.waitUntilPlaying(60_000);
  await reader.setSpeed(SPEED);
  if (phone) await reader.collapsePlayer();
  await page.screenshot({ path: testInfo.outputPath("playing.png") });

  const phases: Phase[] = [];
  await playUntil(reader, 20);
  if (phone) {
    phases.push(await scrollAwayAndBack(reader, "touch", () => reader.followButton.click()));
    await playUntil(reader, 45);
    // A tap on a word in sight seeks there, and following carries on from it.
    phases.push(
      await scrollAwayAndBack(reader, "touch", async () => {
        const word = (await reader.state()).current;
        const inSight = await reader.article.locator("[data-tts-idx]").evaluateAll((spans, after) => {
          const playerTop = document.querySelector('[data-slot="tts-player"]')!.getBoundingClientRect().top;
          const ahead = spans.find((s) => {
            const box = s.getBoundingClientRect();
            return Number((s as HTMLElement).dataset.ttsIdx) > after + 3 && box.top > 80 && box.bottom < playerTop - 60;
          });
          return ahead?.getAttribute("data-tts-idx") ?? null;
        }, word);
        expect(inSight, "a word ahead in sight").not.toBeNull();
        await reader.word(Number(inSight)).click();
      }),
    );
  } else {
    phases.push(await scrollAwayAndBack(reader, "wheel", () => reader.followButton.click()));
    await playUntil(reader, 40);
    // A seek takes the reader to the lit word again.
    phases.push(await scrollAwayAndBack(reader, "key", () => reader.skipTenSeconds("forward")));
    await playUntil(reader, 65);
    phases.push(await scrollAwayAndBack(reader, "scrollbar", () => reader.followButton.click()));
  }
  await page.screenshot({ path: testInfo.outputPath("following.png") });
  await playUntil(reader, AUDIO_SECONDS);
  await reader.pause();
  checkRecord(await listeningRecord(page), phases, testInfo);

  // The speed chosen is the reader's: after a reload it is the one the player starts at.
  await page.reload();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.long);
  await reader.uniqueText(tag);
  await reader.listen();
  expect((await reader.state()).rate).toBe(SPEED);
  await reader.openPlayer();
  await expect(page.locator('[data-slot="speed-select"] select')).toHaveValue(String(SPEED));
});

test("an imported article plays 90 s with the lit word in view and every wait shown", async ({ reader, page, library }, testInfo) => {
  test.setTimeout(300_000);
  const phone = testInfo.project.name === "mobile";
  await library.goto();
  await library.expectOpened(await library.paste(`${site.url}/${testInfo.project.name}-${Date.now()}/notes`));
  await expect(reader.article).toBeVisible();
  await recordListening(page);
  await reader.listenButton.click();
  await reader.waitUntilPlaying(60_000);
  await reader.setSpeed(SPEED);
  if (phone) await reader.collapsePlayer();
  const phases: Phase[] = [];
  await playUntil(reader, 30);
  phases.push(await scrollAwayAndBack(reader, phone ? "touch" : "wheel", () => reader.followButton.click()));
  await playUntil(reader, AUDIO_SECONDS);
  await reader.pause();
  checkRecord(await listeningRecord(page), phases, testInfo);
});
