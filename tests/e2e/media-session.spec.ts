import { MediaSessionProbePage } from "./media-session";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await new MediaSessionProbePage(page).install();
});

test("the lock screen shows the article, with its author, our album and the article's picture", async ({ reader, page }) => {
  const session = new MediaSessionProbePage(page);
  await reader.open(ARTICLES.rich);
  await reader.listen();
  expect(await session.metadata()).toEqual({
    title: "How a Lighthouse Keeps Its Light",
    artist: "Listen Editions",
    album: "Listen",
    artwork: [expect.stringMatching(/\/images\/lighthouse\.svg$/)],
  });
  expect(await session.registered()).toEqual(["nexttrack", "pause", "play", "previoustrack", "seekbackward", "seekforward", "seekto", "stop"]);
  await expect.poll(() => session.playbackState()).toBe("playing");
});

test("play, pause and the skips from the lock screen move the audio and the light", async ({ reader, page }) => {
  const session = new MediaSessionProbePage(page);
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForWholeAudio();

  await session.press("pause");
  await expect(reader.playPause).toHaveAttribute("data-status", "paused");
  await expect.poll(() => session.playbackState()).toBe("paused");
  await session.press("seekto", { seekTime: 2 });
  await expect.poll(async () => (await reader.state()).time).toBeCloseTo(2, 0);
  const atTwo = await reader.state();
  await session.press("seekforward");
  await expect.poll(async () => (await reader.state()).time).toBeGreaterThan(11.5);
  const atTwelve = await reader.state();
  expect(atTwelve.current, "the light follows the skip").toBeGreaterThan(atTwo.current + 10);
  await session.press("seekbackward", { seekOffset: 5 });
  await expect.poll(async () => (await reader.state()).time).toBeLessThan(8);
  expect((await reader.state()).current).toBeLessThan(atTwelve.current);
  // The system's scrubber is told where playback is, how long it is and how fast it goes.
  await expect.poll(async () => (await session.position())?.position).toBeCloseTo((await reader.state()).time, 0);
  const position = (await session.position())!;
  expect(position.duration).toBeCloseTo(await page.locator('[data-slot="transcript-viewer-audio"]').evaluate((a: HTMLAudioElement) => a.duration), 0);

  await reader.setSpeed(1.5);
  await expect.poll(async () => (await session.position())?.playbackRate).toBe(1.5);
  await session.press("play");
  await expect(reader.playPause).toHaveAttribute("data-status", "playing");
  await expect.poll(() => session.playbackState()).toBe("playing");
});

test("the track keys go by sentence and stop closes the player", async ({ reader, page }) => {
  const session = new MediaSessionProbePage(page);
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForAudioTime(1);
  await reader.pause();
  const starts = await reader.sentenceStarts();
  const from = (await reader.state()).current;
  const next = starts.find((start) => start > from)!;
  expect(next).toBeGreaterThan(from);

  let pressedAt = await page.evaluate(() => performance.now());
  await session.press("nexttrack");
  await expect.poll(async () => (await reader.state()).current).toBeGreaterThanOrEqual(next);
  reader.expectReachedFrom(await reader.state(), next, pressedAt);

  // Back: a sentence under way (3 words or more) starts over, one just begun goes to the one before.
  await reader.pause();
  const here = (await reader.state()).current;
  const before = starts.filter((start) => start < next).at(-1)!;
  const expected = here - next >= 3 ? next : before;
  pressedAt = await page.evaluate(() => performance.now());
  await session.press("previoustrack");
  await expect.poll(async () => (await reader.state()).current).toBeLessThan(here);
  reader.expectReachedFrom(await reader.state(), expected, pressedAt);

  await session.press("stop");
  await expect(reader.player).toHaveCount(0);
  expect(await session.metadata()).toBeNull();
});
