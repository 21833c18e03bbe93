import type { Page } from "@playwright/test";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

/** Selects the words `from`..`to` of the article's first paragraph (whatever spans or marks it holds). */
async function selectWords(page: Page, from: number, to: number) {
  await page.evaluate(
    ({ from, to }) => {
      const p = document.querySelector("[data-article-content] p")!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes: Array<{ node: Text; start: number }> = [];
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      const at = (offset: number): [Text, number] => {
        const hit = nodes.findLast((n) => n.start <= offset && offset <= n.start + n.node.data.length)!;
        return [hit.node, offset - hit.start];
      };
      const words = [...text.matchAll(/\S+/g)];
      const range = document.createRange();
      range.setStart(...at(words[from].index!));
      range.setEnd(...at(words[to].index! + words[to][0].length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { from, to },
  );
}

test("a highlight made before listening survives listening and closing, and a word inside it seeks", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  await selectWords(page, 3, 9);
  await page.locator('[data-slot="highlight-create"]').click();
  const mark = player.article.locator("mark[data-highlight-id]");
  await expect(mark).toHaveCount(1);
  const highlighted = await mark.textContent();
  expect(highlighted?.split(/\s+/)).toHaveLength(7);
  const withHighlight = await player.article.innerHTML();

  await player.listen();
  // The words inside the mark are wrapped like any others.
  await expect(mark.locator("[data-tts-idx]")).toHaveCount(7);
  const inside = mark.locator("[data-tts-idx]").nth(4);
  const insideIdx = Number(await inside.getAttribute("data-tts-idx"));
  // Let the voice move on past the mark first, so the click is a real seek back.
  const before = await player.clickWord(insideIdx + 25);
  const after = await player.clickWord(insideIdx);
  expect(after.time).toBeLessThan(before.time);
  expect(after.paused).toBe(false);
  // A TTS span inside a mark draws no box of its own.
  const style = await inside.evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, padding: s.padding, margin: s.margin };
  });
  expect(style).toEqual({ bg: "rgba(0, 0, 0, 0)", padding: "0px", margin: "0px" });

  await player.waitForAudioTime(after.time + 1.5);
  await player.close();
  expect(await player.article.innerHTML()).toBe(withHighlight);
  await expect(mark).toHaveText(highlighted!);
});

test("highlights come back after a reload, and neither observer sets off the other", async ({ player, page }) => {
  await player.open(ARTICLES.rich);
  await selectWords(page, 2, 6);
  await page.locator('[data-slot="highlight-create"]').click();
  await expect(player.article.locator("mark[data-highlight-id]")).toHaveCount(1);

  await page.reload();
  const mark = player.article.locator("mark[data-highlight-id]");
  await expect(mark).toHaveCount(1);
  const afterLoad = await player.rebuildCounts();
  expect(afterLoad.restores).toBe(1);

  await player.listen();
  await player.waitForAudioTime(3);
  await page.waitForTimeout(600);
  const listening = await player.rebuildCounts();
  // One wrap for the article, no restore: the TTS wrap never looked like a lost highlight.
  expect(listening.wraps).toBe(1);
  expect(listening.restores).toBe(afterLoad.restores);

  // A highlight made while listening: the spans come out, the mark goes in, the words are wrapped again, once.
  await selectWords(page, 20, 24);
  const highlightButton = page.locator('[data-slot="highlight-create"]');
  await expect(highlightButton).toBeVisible();
  // The page scrolls under the reader while it follows the voice; the selection's Highlight must survive that.
  await page.evaluate(async () => {
    window.scrollBy(0, 120);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await expect(highlightButton).toBeVisible();
  await page.keyboard.press("h");
  await expect(mark).toHaveCount(2);
  await page.waitForTimeout(600);
  const edited = await player.rebuildCounts();
  expect(edited.wraps).toBe(2);
  expect(edited.restores).toBe(afterLoad.restores);
  await expect(player.article.locator("mark[data-highlight-id] [data-tts-idx]").first()).toBeVisible();

  await player.close();
  await page.waitForTimeout(600);
  expect((await player.rebuildCounts()).restores).toBe(afterLoad.restores);
  await expect(mark).toHaveCount(2);
  await expect(player.article.locator("[data-tts-idx]")).toHaveCount(0);
});

test("a highlight can be removed again", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  const original = await player.article.innerHTML();
  await selectWords(page, 1, 3);
  await page.locator('[data-slot="highlight-create"]').click();
  const mark = player.article.locator("mark[data-highlight-id]");
  await expect(mark).toHaveCount(1);
  await mark.click();
  await page.locator('[data-slot="highlight-remove"]').click();
  await expect(mark).toHaveCount(0);
  expect(await player.article.innerHTML()).toBe(original);
  await page.reload();
  await expect(player.article).toBeVisible();
  await expect(mark).toHaveCount(0);
});
