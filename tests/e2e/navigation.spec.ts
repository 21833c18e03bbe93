import type { Page } from "@playwright/test";
import { ARTICLES } from "./pages/reader-page";
import type { PlayerPage } from "./pages/player-page";
import { expect, test } from "./fixtures";
import { isTtsRequest, spokenCharacters } from "./tts-response";

// Issue 8: the listener looked the article up in the document once, while the page was still being rendered.
// After a client-side navigation that ran before the new article was in the DOM, so Listen did nothing (or,
// coming from another article, would have read that one). A reader always arrives by a link.

/** The words of the article's first paragraph, as the page shows them. */
function firstParagraph(page: Page): Promise<string> {
  return page
    .locator("[data-article-content] > p")
    .first()
    .evaluate((p) => (p.textContent ?? "").replace(/\s+/g, " ").trim());
}

/** The text the latest Listen sent to /api/tts, with its whitespace folded like firstParagraph's. */
function lastRequestText(player: PlayerPage): string {
  const body = JSON.parse(player.ttsRequests.at(-1)?.postData() ?? "{}") as { text?: string };
  return (body.text ?? "").replace(/\s+/g, " ");
}

test("an article opened from the library plays and lights its words", async ({ player }) => {
  await player.open(ARTICLES.short);
  const opening = await firstParagraph(player.page);
  await player.listen();
  expect(player.ttsRequests).toHaveLength(1);
  expect(lastRequestText(player).startsWith(opening.slice(0, 60))).toBe(true);
  const first = await player.state();
  await player.waitForAudioTime(first.time + 1.5);
  const later = await player.state();
  expect(later.paused).toBe(false);
  expect(later.current).toBeGreaterThan(first.current);
  expect(later.spoken).toBe(later.current);
});

test("back to the library and into another article, Listen reads the new article", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  const oldOpening = await firstParagraph(page);
  await player.listen();
  await player.backToLibrary();
  await expect(player.player).toHaveCount(0);

  await player.openCard(ARTICLES.rich);
  const newOpening = await firstParagraph(page);
  expect(newOpening).not.toBe(oldOpening);
  const response = page.waitForResponse((r) => isTtsRequest(r.request()));
  await player.listen();
  expect(player.ttsRequests).toHaveLength(2);
  const sent = lastRequestText(player);
  expect(sent.startsWith(newOpening.slice(0, 60))).toBe(true);
  expect(sent).not.toContain(oldOpening.slice(0, 60));

  // The words lit are the new article's: its spans spell exactly what the audio says.
  const spoken = (await spokenCharacters((await response).request())).join("").split(/\s+/).filter(Boolean);
  const wrapped = await player.article.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>("[data-tts-idx]")].reduce<string[]>((words, span) => {
      const idx = Number(span.dataset.ttsIdx);
      words[idx] = (words[idx] ?? "") + span.textContent;
      return words;
    }, []),
  );
  expect(wrapped).toEqual(spoken);
});
