import { expect, test } from "./fixtures";

// Two short articles of our own (pasted), so the first ends within seconds.
const article = (title: string) => `${title}\n\nThe kettle sang on the stove. Then the house was quiet again.`;

test("a queue of two: the second starts by itself after the first, which the library marks finished", async ({ reader, page, library }) => {
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

test("Play next sits inside its card as Remove does, clear of the card's text, and Pricing is linked on every screen", async ({
  reader,
  page,
  library,
}, testInfo) => {
  await library.goto();
  const imported = await library.expectOpened(await library.paste(article(`Card ${Date.now()}`)));
  await reader.backToLibrary();

  type Box = { x: number; y: number; width: number; height: number };
  const box = async (locator: import("@playwright/test").Locator): Promise<Box> => (await locator.boundingBox())!;
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

  // The card is the list item's frame: its link (title, listening time) and, under it, its actions.
  const yours = library.entry(imported);
  const card = await box(yours);
  const link = await box(yours.locator('[data-slot="article-card"]'));
  const playNext = await box(library.playNext(imported));
  const remove = await box(yours.locator('[data-slot="remove-article"]'));
  expect(inside(playNext, card), "Play next inside its card").toBe(true);
  expect(inside(remove, card), "Remove inside its card").toBe(true);
  expect(apart(playNext, remove), "Play next clear of Remove").toBe(true);
  expect(apart(playNext, link), "Play next clear of the card's link").toBe(true);
  expect(apart(remove, link), "Remove clear of the card's link").toBe(true);

  const sample = page.locator('[data-slot="article-list"] li').first();
  const sampleId = (await sample.locator('[data-slot="article-card"]').getAttribute("href"))!.slice("/read/".length);
  const samplePlayNext = await box(library.playNext(sampleId));
  expect(inside(samplePlayNext, await box(sample)), "a sample's Play next inside its card").toBe(true);
  expect(apart(samplePlayNext, await box(sample.locator('[data-slot="article-card"]'))), "clear of its link").toBe(true);
  await page.screenshot({ path: testInfo.outputPath("library.png"), fullPage: true });

  await expect(page.locator(".library__bar").getByRole("link", { name: "Pricing" })).toBeVisible();
});
