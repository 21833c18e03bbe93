import { LibraryPage } from "./pages/library-page";
import { expect, test } from "./fixtures";

// Two short articles of our own (pasted), so the first ends within seconds.
const article = (title: string) => `${title}\n\nThe kettle sang on the stove. Then the house was quiet again.`;

test("a queue of two: the second starts by itself after the first, which the library marks finished", async ({ reader, page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const stamp = Date.now();
  const first = await library.expectOpened(await library.paste(article(`Kettle one ${stamp}`)));
  await reader.backToLibrary();
  const second = await library.expectOpened(await library.paste(article(`Kettle two ${stamp}`)));
  await reader.backToLibrary();

  await library.playNext(second).click();
  await expect(library.playNext(second)).toHaveAttribute("aria-pressed", "true");
  await reader.openCard(first);
  await reader.listen();

  // The first ends; the countdown names the second and then opens it, client-side, playing.
  const upNext = page.locator('[data-slot="up-next"]');
  await expect(upNext).toContainText(`Kettle two ${stamp}`, { timeout: 60_000 });
  await page.waitForURL((url) => url.pathname === `/read/${second}`, { timeout: 30_000 });
  await reader.waitUntilPlaying();

  await reader.backToLibrary();
  await expect(library.heard(first)).toHaveText("Finished");
  await expect(library.playNext(second)).toHaveAttribute("aria-pressed", "false");
});
