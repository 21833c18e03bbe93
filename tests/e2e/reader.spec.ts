import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";
import { isTtsRequest, spokenCharacters } from "./tts-response";

test("the library lists the sample articles and opens one", async ({ page }) => {
  await page.goto("/");
  const cards = page.locator('[data-slot="article-card"]');
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  await cards.first().click();
  await expect(page.locator("[data-article-content]")).toBeVisible();
});

test("Listen plays the article and the highlight advances with the audio", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  const first = await reader.state();
  await reader.waitForAudioTime(first.time + 2.5);
  const later = await reader.state();
  expect(later.current).toBeGreaterThan(first.current);
  // Every word before the lit one is marked spoken, none after it.
  expect(later.spoken).toBe(later.current);
  await expect(reader.page.locator('[data-slot="tts-wave"]')).toHaveAttribute("data-status", "playing");
});

test("clicking a word further on seeks the audio and the highlight there", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  const before = await reader.state();
  const target = 150;
  const clickedAt = before.at;
  const after = await reader.clickWord(target);
  expect(after.time).toBeGreaterThan(before.time + 20);
  expect(after.paused).toBe(false);
  // A second later the highlight has moved on from the clicked word, not back to the old position.
  await reader.waitForAudioTime(after.time + 1);
  const moved = await reader.state();
  expect(moved.current).toBeGreaterThan(after.current);
  reader.expectReachedFrom(moved, target, clickedAt);
});

test("2x speed advances faster than 1x", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  const progressOver = async (ms: number) => {
    const a = await reader.state();
    await reader.page.waitForTimeout(ms);
    const b = await reader.state();
    return { audio: b.time - a.time, words: b.current - a.current };
  };
  const normal = await progressOver(2000);
  await reader.setSpeed(2);
  expect((await reader.state()).rate).toBe(2);
  const fast = await progressOver(2000);
  expect(fast.audio).toBeGreaterThan(normal.audio * 1.6);
  expect(fast.words).toBeGreaterThan(normal.words);
});

test("skip buttons move 10 seconds back and forward", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForAudioTime(1);
  // The audio plays on between two looks: each skip is 10 s plus at most the time that passed (a window, not a
  // moment on the audio clock).
  const played = (from: { at: number }, to: { at: number }) => (to.at - from.at) / 1000;
  const start = await reader.state();
  await reader.skipTenSeconds("forward");
  const forward = await reader.state();
  expect(forward.time).toBeGreaterThan(start.time + 9.9);
  expect(forward.time).toBeLessThan(start.time + 10.1 + played(start, forward));
  await reader.skipTenSeconds("back");
  const back = await reader.state();
  expect(back.time).toBeGreaterThan(forward.time - 10.1);
  expect(back.time).toBeLessThan(forward.time - 9.9 + played(forward, back));
  expect(back.paused).toBe(false);
});

test("the L key pauses and resumes, and is ignored while typing", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  await page.keyboard.press("l");
  await reader.waitUntilPlaying();

  await page.keyboard.press("l");
  await expect(reader.playPause).toHaveAttribute("data-status", "paused");
  const paused = await reader.state();
  expect(paused.paused).toBe(true);
  await page.waitForTimeout(600);
  expect((await reader.state()).time).toBe(paused.time);

  await page.keyboard.press("l");
  await expect(reader.playPause).toHaveAttribute("data-status", "playing");
  await reader.waitForAudioTime(paused.time + 0.5);

  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "typing-here";
    document.body.prepend(input);
  });
  await page.locator("#typing-here").fill("");
  await page.locator("#typing-here").press("l");
  await expect(page.locator("#typing-here")).toHaveValue("l");
  expect((await reader.state()).paused).toBe(false);
});

test("closing the player restores the article DOM byte for byte", async ({ reader }) => {
  await reader.open(ARTICLES.rich);
  const original = await reader.article.innerHTML();
  await reader.listen();
  await reader.clickWord(40);
  expect(await reader.article.innerHTML()).not.toBe(original);
  await reader.close();
  expect(await reader.article.innerHTML()).toBe(original);
  await expect(reader.article.locator("[data-tts-idx]")).toHaveCount(0);
});

test("every spoken word has its own span, and page chrome is neither wrapped nor read", async ({ reader, page }) => {
  await reader.open(ARTICLES.rich);
  const response = page.waitForResponse((r) => isTtsRequest(r.request()));
  await reader.listen();
  const spoken = (await spokenCharacters((await response).request())).join("").split(/\s+/).filter(Boolean);
  const wrapped = await reader.wrappedWords();
  expect(wrapped).toEqual(spoken);
  await expect(page.locator(".ad [data-tts-idx]")).toHaveCount(0);
  await expect(page.locator("figcaption .credit [data-tts-idx]")).toHaveCount(0);
  expect(spoken.join(" ")).not.toContain("Advertisement");
});

test("an API error shows the server's message and leaves the page usable", async ({ reader, page, voice }) => {
  await reader.open(ARTICLES.medium);
  // A paragraph no other test has sent, first, so the API cannot answer even the opening chunk from its cache
  // (a failure after the opening arrived is the stream's midway failure: stream.spec.ts).
  await reader.article.evaluate((root) => {
    const p = document.createElement("p");
    p.textContent = `A note written at ${Date.now()} for the error test.`;
    root.prepend(p);
  });
  await voice.control({ fail500Rate: 1 });
  try {
    await reader.listenButton.click();
    await expect(reader.error).toBeVisible({ timeout: 60_000 });
    await expect(reader.player).toHaveAttribute("data-status", "error");
    const message = (await reader.error.locator("p").textContent()) ?? "";
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/^\s*[{[]/);
  } finally {
    await voice.reset();
  }
  await expect(reader.article.locator("[data-tts-idx]")).toHaveCount(0);
  await page.locator('[data-slot="tts-retry"]').click();
  await reader.waitUntilPlaying();
  await reader.close();
  await expect(reader.listenButton).toHaveText(/Listen/);
});
