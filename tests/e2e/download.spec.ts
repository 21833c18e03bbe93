import { parseFile } from "music-metadata";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test.afterEach(async ({ voice }) => {
  await voice.reset();
});

test("the article downloads as a tagged MP3 as long as the player says", async ({ reader, page }) => {
  await reader.open(ARTICLES.rich);
  await reader.listen();
  await reader.waitForWholeAudio();
  await expect(reader.downloadButton).toBeEnabled();
  const duration = await page.locator('[data-slot="transcript-viewer-audio"]').evaluate((a: HTMLAudioElement) => a.duration);

  const [download] = await Promise.all([page.waitForEvent("download"), reader.downloadButton.click()]);
  expect(download.suggestedFilename()).toBe("How a Lighthouse Keeps Its Light.mp3");
  const { common, format } = await parseFile((await download.path())!, { duration: true });
  expect({ title: common.title, artist: common.artist, album: common.album }).toEqual({
    title: "How a Lighthouse Keeps Its Light",
    artist: "Listen Editions",
    album: "Listen",
  });
  expect(format.tagTypes).toContain("ID3v2.3");
  expect(format.duration! / duration).toBeGreaterThan(0.99);
  expect(format.duration! / duration).toBeLessThan(1.01);
});

test("the download waits until all of a streamed article has arrived", async ({ reader, library, voice }) => {
  // A fresh article (nothing cached) whose later chunks take a few seconds each: the stream stays open a while.
  await library.goto();
  // Every sentence its own (a chunk seen before, by another project's run, would come from the chunk cache).
  const stamp = Date.now();
  const body = Array.from({ length: 30 }, (_, i) => `The tide came in over the sand at ${stamp + i}, and the gulls rose again.`).join(" ");
  const id = await library.expectOpened(await library.paste(`Tide notes ${stamp}\n\n${body}`));
  expect(id).toMatch(/^[\w-]{22}$/);
  await voice.control({ latencyPerCharMs: 10 });
  await reader.listen();
  await expect(reader.player).toHaveAttribute("data-stream-state", "streaming");
  await expect(reader.downloadButton).toBeDisabled();
  await reader.waitForWholeAudio();
  await expect(reader.downloadButton).toBeEnabled();
});
