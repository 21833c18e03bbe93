import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test("a replay after a reload comes from IndexedDB with no request to /api/tts", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  expect(player.ttsRequests).toHaveLength(1);
  await player.waitForAudioTime(1);
  // A streamed article is stored once all of it has arrived (closing earlier abandons it, as it should).
  await expect(player.player).not.toHaveAttribute("data-stream-state", "streaming", { timeout: 60_000 });
  await player.close();
  // Written to IndexedDB off the critical path: wait until the article's entry is in its store.
  await expect.poll(async () => (await player.storedDurations()).length).toBe(1);

  await page.reload();
  await expect(player.article).toBeVisible();
  await player.listen();
  await player.waitForAudioTime(1.5);
  expect(player.ttsRequests).toHaveLength(1);
  const state = await player.state();
  expect(state.paused).toBe(false);
  expect(state.current).toBeGreaterThanOrEqual(0);
});

test("closing revokes the audio's Blob URL", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  const url = await page.locator('[data-slot="transcript-viewer-audio"]').getAttribute("src");
  expect(url).toMatch(/^blob:/);
  await player.close();
  const stillThere = await page.evaluate(async (blobUrl) => {
    try {
      await fetch(blobUrl!);
      return true;
    } catch {
      return false;
    }
  }, url);
  expect(stillThere).toBe(false);
});

test("Space pauses and resumes, the arrow keys skip 10 s, and typing is left alone", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  await player.waitForAudioTime(1);
  // Focus on the page, not on the Listen button (a focused button answers Space itself).
  await player.article
    .locator("h2, p")
    .first()
    .click({ position: { x: 1, y: 1 } });
  await page.keyboard.press(" ");
  await expect(player.playPause).toHaveAttribute("data-status", "paused");
  const paused = await player.state();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await player.state()).time).toBeGreaterThan(paused.time + 9.5);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await player.state()).time).toBeLessThan(paused.time + 1);
  // Space is taken for the player: the page does not scroll a screen down as well.
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.keyboard.press(" ");
  await expect(player.playPause).toHaveAttribute("data-status", "playing");
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(5);

  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "typing-here";
    document.body.prepend(input);
  });
  await page.locator("#typing-here").fill("");
  await page.locator("#typing-here").press(" ");
  await expect(page.locator("#typing-here")).toHaveValue(" ");
  expect((await player.state()).paused).toBe(false);
});

test("every player control is reachable with Tab and has a name", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  // The download is enabled (and so focusable) once all of the audio has arrived.
  await player.waitForWholeAudio();
  const names: string[] = [];
  await player.page.locator('[data-slot="tts-close"]').focus();
  for (let i = 0; i < 12; i++) {
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      return el.getAttribute("aria-label") || (el.closest("label")?.textContent ?? "") || el.textContent || "";
    });
    names.push(name.trim());
    await page.keyboard.press("Tab");
  }
  expect(names).toEqual([
    "Close player",
    expect.stringMatching(/^Voice: Ashley/),
    "Previous sentence",
    "Back 10 seconds",
    "Pause",
    "Forward 10 seconds",
    "Next sentence",
    "Seek",
    expect.stringMatching(/Playback speed/),
    expect.stringMatching(/^Sleep timer/),
    "Download MP3",
    "Autoplay next",
  ]);
});
