import { SLEEP_MINUTE_KEY } from "@/client/sleep/sleep-timer";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

// A timer minute lasts 8 s here (the shortcut only shortens a timer the reader sets): "5 min" is 40 s — long
// enough for a voice switch on a busy machine before the fade — the last 10 of them fading.
test.beforeEach(async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, "8000"), SLEEP_MINUTE_KEY);
});

test("a sleep timer fades the voice out and pauses, and a voice change keeps it", async ({ player }) => {
  test.setTimeout(240_000);
  await player.open(ARTICLES.short);
  await player.listen();
  await player.sleepTimer.selectOption("5");
  await expect(player.sleepTimeLeft).toHaveText(/^0:(3\d|40)$/);
  expect((await player.volume()).volume).toBe(1);

  // Another voice mid-timer: new audio, same timer.
  await player.chooseVoice("Dennis");
  await expect(player.voiceTrigger).not.toHaveAttribute("data-pending", "", { timeout: 60_000 });
  await player.expectVoice("Dennis");
  await expect(player.sleepTimeLeft).toBeVisible();
  expect((await player.volume()).paused).toBe(false);

  // The fade: quieter while still playing, then paused.
  await expect
    .poll(
      async () => {
        const { volume, paused } = await player.volume();
        return !paused && volume < 0.8 && volume > 0;
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  await expect(player.playPause).toHaveAttribute("data-status", "paused", { timeout: 30_000 });
  await expect(player.sleepTimeLeft).toHaveCount(0);
  await expect(player.sleepTimer).toHaveValue("off");
  // The next play is at full volume again.
  expect((await player.volume()).volume).toBe(1);
  await player.playPause.click();
  await expect(player.playPause).toHaveAttribute("data-status", "playing");
});

test("'End of article' shows the time left once the whole article has arrived", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.sleepTimer.selectOption("end");
  await reader.waitForWholeAudio();
  const duration = await reader.page.locator('[data-slot="transcript-viewer-audio"]').evaluate((a: HTMLAudioElement) => a.duration);
  await expect(reader.sleepTimeLeft).toBeVisible();
  const [m, s] = (await reader.sleepTimeLeft.textContent())!.split(":").map(Number);
  expect(m * 60 + s).toBeLessThanOrEqual(Math.ceil(duration));
  expect(m * 60 + s).toBeGreaterThan(0);
});
