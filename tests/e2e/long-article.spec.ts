// An article longer than one listen may speak (TTS_MAX_TEXT_CHARS cleaned characters) plays in parts: part 1, and part 2
// by itself where part 1 ends, each lit word by word (span N of the page is word N of the article, whichever
// part's audio says it).
import type { Request } from "@playwright/test";
import { SPEECH_LIMIT } from "./app-limits";
import { expect, test } from "./fixtures";
import { isTtsRequest } from "./tts-response";

// About 1,000 characters: two of them are more than a full chunk, so past the opening every chunk of the long
// article is this paragraph. The article is nothing else, so both parts open as the warm-up below does, and the
// API speaks the paragraph's chunks once (its chunk cache holds them) rather than a hundred times.
const PARAGRAPH = [
  "The walk along the old canal begins at the lock keeper's cottage, where the path is still paved with the worn blue bricks of the towing days.",
  "For the first mile the water is slow and green, and the moorhens keep to the far bank under the willows.",
  "Past the second bridge the canal bends towards the river, and on a still morning the mist lies over both of them like a single sheet of paper.",
  "Walkers who know the route stop at the milestone by the boatyard, read the distances cut into its face, and work out how far the horses went in a day.",
  "Beyond the boatyard the path narrows between hawthorn hedges, and in May the blossom falls onto the water and drifts slowly towards the next lock.",
  "The last stretch climbs gently to the aqueduct, where the canal crosses the valley on nine stone arches and the view opens all the way to the hills.",
  "Most people turn back there, but the path goes on.",
].join(" ");

// Over the limit by a few paragraphs: two parts.
const PARAGRAPHS = Math.ceil(SPEECH_LIMIT / (PARAGRAPH.length + 2)) + 4;

const spokenText = (request: Request) => (JSON.parse(request.postData() ?? "{}") as { text: string }).text;
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

test("an over-long imported article plays part 1, then moves to part 2 where part 1 ends, lit word by word in both", async ({
  page,
  reader,
  library,
}) => {
  test.setTimeout(360_000);
  // Warm the API's chunk cache with the paragraphs' chunks, as an earlier listen would have.
  const warm = await page.request.post("/api/tts", { data: { text: Array(8).fill(PARAGRAPH).join("\n\n") }, timeout: 180_000 });
  expect(warm.status()).toBe(200);

  await library.goto();
  // A last paragraph of its own: the two parts are never the same text (a part the player already holds would
  // rightly come from its cache, with no request to count).
  const article = [...Array<string>(PARAGRAPHS).fill(PARAGRAPH), "Here the walk ends, at the gate by the aqueduct."].join("\n\n");
  await library.expectOpened(await library.paste(article), 60_000);
  await expect(page.locator('[data-slot="article-meta"]')).toContainText(/\d+ min listen/);

  const requests: Request[] = [];
  page.on("request", (request) => {
    if (isTtsRequest(request)) requests.push(request);
  });
  const part = page.locator('[data-slot="speech-part"]');
  // Playing, and lit: part 1's stream comes from the API's cache as fast as it can be sent, and the page reads
  // all of it (megabytes) while it starts to play, so the first word may light seconds after the first sound.
  const playing = async () => {
    await expect(reader.player).toHaveAttribute("data-status", "ready", { timeout: 120_000 });
    await expect(reader.playPause).toHaveAttribute("data-status", "playing");
    await expect(reader.article.locator(".tts-current")).toHaveCount(1, { timeout: 60_000 });
  };
  await reader.listenButton.click();
  await playing();
  await expect(part).toHaveAttribute("data-part", "1");
  await expect(part).toHaveAttribute("data-parts", "2");
  await expect(part).toContainText("Up next: part 2");
  expect(requests).toHaveLength(1);
  const first = wordsOf(spokenText(requests[0]));
  expect(spokenText(requests[0]).length).toBeLessThanOrEqual(SPEECH_LIMIT);
  // Cut between paragraphs.
  expect(spokenText(requests[0]).endsWith("the path goes on.")).toBe(true);
  const spans = await reader.article.locator("[data-tts-idx]").evaluateAll((all) => new Set(all.map((s) => s.getAttribute("data-tts-idx"))).size);
  expect(spans).toBeGreaterThan(first.length * 1.5);
  expect((await reader.state()).current).toBeLessThan(first.length);

  // The end of part 1: its last sentence, once it has arrived.
  await expect(reader.player).toHaveAttribute("data-stream-state", "complete", { timeout: 120_000 });
  const lastSentence = first.length - wordsOf("Most people turn back there, but the path goes on.").length;
  const clickedAt = await page.evaluate(() => performance.now());
  await reader.clickWord(lastSentence);

  // Part 2 starts by itself, from its first word, lit at the span after part 1's last.
  await expect(part).toHaveAttribute("data-part", "2", { timeout: 120_000 });
  await playing();
  await expect(part).not.toContainText("Up next");
  expect(requests).toHaveLength(2);
  expect(spokenText(requests[1]).startsWith("The walk along the old canal")).toBe(true);
  const second = wordsOf(spokenText(requests[1]));
  expect(first.length + second.length).toBe(spans);
  reader.expectReachedFrom(await reader.state(), first.length, clickedAt);
  // Span first.length + n is the part's word n.
  const shown = await reader.article.evaluate(
    (root, [from, count]) => {
      const texts: string[] = [];
      for (const span of root.querySelectorAll<HTMLElement>("[data-tts-idx]")) {
        const idx = Number(span.dataset.ttsIdx) - from;
        if (idx >= 0 && idx < count) texts[idx] = (texts[idx] ?? "") + span.textContent;
      }
      return texts;
    },
    [first.length, 40],
  );
  expect(shown).toEqual(second.slice(0, 40));
});
