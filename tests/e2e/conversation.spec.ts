// Issue 11, "Read as a conversation": the interview sample read with one voice per speaker, clicked through from
// the library (docs/architecture.md "Conversations").
import type { Request } from "@playwright/test";
import { ARTICLES } from "./pages/reader-page";
import type { PlayerPage } from "./pages/player-page";
import { spokenCharacters, streamedSegments } from "./tts-response";
import { expect, test } from "./fixtures";

interface ConversationBody {
  segments: Array<{ text: string; voice: string }>;
}

const SPEAKERS = ["Hana Ito", "Ines Marlow", "Tobias Reed"];

function segmentsOf(request: Request): ConversationBody["segments"] {
  return (JSON.parse(request.postData() ?? "{}") as ConversationBody).segments;
}

/** The voice each turn's segment asked for, with whose turn it is (from the article's labelled paragraphs). */
async function turnSpeakers(player: PlayerPage): Promise<string[]> {
  // The introduction, then one speaker per labelled paragraph (an unlabelled one continues the turn).
  const labels = await player.article.locator("p > strong:first-child").allTextContents();
  return ["Narrator", ...labels.map((label) => label.replace(/:$/, ""))];
}

async function listenAsConversation(player: PlayerPage) {
  await player.open(ARTICLES.interview);
  await expect(player.conversationToggle).toHaveAttribute("aria-pressed", "false");
  await player.conversationToggle.click();
  await expect(player.conversationToggle).toHaveAttribute("aria-pressed", "true");
  await player.listen();
}

test("only the interview offers Read as a conversation", async ({ player }) => {
  await player.open(ARTICLES.short);
  await expect(player.listenButton).toBeVisible();
  await expect(player.conversationToggle).toHaveCount(0);
  await player.backToLibrary();
  await player.openCard(ARTICLES.interview);
  await expect(player.conversationToggle).toBeVisible();
  await expect(player.conversationToggle).toHaveText("Read as a conversation");
});

test("each turn is spoken in its speaker's voice, the labels are never lit, and the light follows across turns", async ({ player }) => {
  await listenAsConversation(player);
  expect(player.ttsRequests).toHaveLength(1);
  const request = player.ttsRequests[0];
  const asked = segmentsOf(request);
  const speakers = await turnSpeakers(player);
  expect(asked).toHaveLength(speakers.length);
  // A free reader's cast: two voices, Ashley and Dennis, given so the fewest turns in a row share one. Hana follows
  // the narrator and asks both guests, so she is Dennis and they are Ashley; Ines and Tobias also answer each other
  // now and then, less often than either follows Hana (three who all follow one another cannot differ in two voices).
  const voiceOf: Record<string, string> = { Narrator: "Ashley", "Hana Ito": "Dennis", "Ines Marlow": "Ashley", "Tobias Reed": "Ashley" };
  expect(asked.map((s) => s.voice)).toEqual(speakers.map((name) => voiceOf[name]));
  for (const segment of asked) expect(SPEAKERS.some((name) => segment.text.startsWith(`${name}:`))).toBe(false);

  // The answer speaks the segments in the voices asked, Hana and Ines taking turns.
  const answered = await streamedSegments(request);
  expect(answered.map((s) => s.voice)).toEqual(asked.map((s) => s.voice));
  expect(speakers.slice(1, 3)).toEqual(["Hana Ito", "Ines Marlow"]);
  expect([answered[1].voice, answered[2].voice]).toEqual(["Dennis", "Ashley"]);
  for (const segment of answered) expect(segment.durationMs).toBeGreaterThan(0);

  // One span per spoken word, none on a label: the mapping stays one to one.
  const spokenWords = (await spokenCharacters(request)).join("").split(/\s+/).filter(Boolean).length;
  const spans = await player.article.evaluate(
    (root) => new Set([...root.querySelectorAll("[data-tts-idx]")].map((s) => s.getAttribute("data-tts-idx"))).size,
  );
  expect(spans).toBe(spokenWords);
  await expect(player.article.locator("strong [data-tts-idx]")).toHaveCount(0);
  await expect(player.article.locator("strong").first()).toHaveText("Hana Ito:");

  // From the last words of Hana's first question into Ines's answer.
  await player.recordTurns();
  const firstQuestion = player.article.locator("p", { has: player.page.locator("strong", { hasText: "Hana Ito:" }) }).first();
  const lastWord = Number(await firstQuestion.locator("[data-tts-idx]").last().getAttribute("data-tts-idx"));
  await player.clickWord(lastWord - 2);
  await expect.poll(async () => (await player.recordedTurns()).labels.join(" > "), { timeout: 30_000 }).toContain("Hana Ito: > Ines Marlow:");
  await expect.poll(async () => (await player.recordedTurns()).speakers.join(" > ")).toContain("Hana Ito > Ines Marlow");
  await expect(player.speakingNow).toContainText("Ashley");
  expect((await player.state()).current).toBeGreaterThan(lastWord);
  expect((await player.recordedTurns()).litLabel, "a label word was lit").toBe(false);
  await expect(player.article.locator("strong .tts-current, strong .tts-spoken")).toHaveCount(0);
});

test("a voice change for one speaker continues from the same word, and only that speaker's audio changes", async ({ player }) => {
  await listenAsConversation(player);
  const inesAnswer = player.article.locator("p", { has: player.page.locator("strong", { hasText: "Ines Marlow:" }) }).first();
  const word = Number(await inesAnswer.locator("[data-tts-idx]").nth(8).getAttribute("data-tts-idx"));
  await player.clickWord(word);
  // Paused, so the word the change starts from does not move while the new cast is generated.
  await player.playPause.click();
  await expect(player.playPause).toHaveAttribute("data-status", "paused");
  const before = (await player.state()).current;
  await player.recordTurns();

  await player.chooseSpeakerVoice("Ines Marlow", "Dennis");
  // The whole conversation in the new cast comes as one response, Ines's turns synthesized anew: allow for it.
  await player.expectSpeakerVoice("Ines Marlow", "Dennis", { timeout: 90_000 });
  await player.expectSpeakerVoice("Hana Ito", "Dennis");
  await expect(player.playPause).toHaveAttribute("data-status", "playing");
  // The first word the new cast lights (recorded by the page, so however slow this machine is to look) is the
  // word the old cast had reached, or the next.
  await expect.poll(async () => (await player.recordedTurns()).lit.length).toBeGreaterThan(0);
  const [resumedAt] = (await player.recordedTurns()).lit;
  expect(resumedAt).toBeGreaterThanOrEqual(before);
  expect(resumedAt).toBeLessThanOrEqual(before + 1);
  await expect(player.speakingNow).toHaveAttribute("data-speaker", "Ines Marlow");
  await expect(player.speakingNow).toContainText("Dennis");

  expect(player.ttsRequests).toHaveLength(2);
  const [first, second] = player.ttsRequests.map(segmentsOf);
  const speakers = await turnSpeakers(player);
  expect(second.map((s) => s.text)).toEqual(first.map((s) => s.text));
  expect(second.map((s) => s.voice)).toEqual(first.map((s, i) => (speakers[i] === "Ines Marlow" ? "Dennis" : s.voice)));

  // The audio: Ines's turns are spoken anew in the other voice, everyone else's are byte for byte the same.
  const [was, now] = await Promise.all(player.ttsRequests.map(streamedSegments));
  speakers.forEach((speaker, i) => {
    if (speaker === "Ines Marlow") expect(now[i].audio, `turn ${i}, Ines`).not.toBe(was[i].audio);
    else expect(now[i].audio, `turn ${i}, ${speaker}`).toBe(was[i].audio);
  });
});

test("the Voices panel fits the screen and works from the keyboard", async ({ player, page }, testInfo) => {
  await listenAsConversation(player);
  await player.voicesToggle.focus();
  await page.keyboard.press("Enter");
  await expect(player.voicesToggle).toHaveAttribute("aria-expanded", "true");
  await expect(player.voicesPanel).toBeVisible();
  await expect(page.getByRole("list", { name: "Voices" }).getByRole("listitem")).toHaveCount(4);

  const viewport = page.viewportSize()!;
  for (const name of ["Narrator", ...SPEAKERS]) {
    const trigger = page.getByRole("button", { name: new RegExp(`^Voice for ${name}: `) });
    await expect(trigger).toBeInViewport({ ratio: 1 });
    const box = (await trigger.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  await page.screenshot({ path: testInfo.outputPath(`voices-panel-${testInfo.project.name}.png`) });

  // Tab reaches the first speaker's picker; arrows open its list, Escape closes it back onto the trigger.
  await page.keyboard.press("Tab");
  const narrator = player.speakerVoiceTrigger("Narrator");
  await expect(narrator).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("listbox", { name: "Choose a voice for Narrator" })).toBeVisible();
  await expect(player.voiceOption("Ashley")).toHaveAttribute("aria-selected", "true");
  // The list opens where it can be read: on a phone, over the player rather than past the top of the screen.
  await expect(player.voiceOption("Ashley")).toBeInViewport({ ratio: 1 });
  await expect(player.voiceOption("Olivia")).toHaveAttribute("data-locked", "");
  await page.keyboard.press("Escape");
  await expect(player.voiceMenu).toHaveCount(0);
  await expect(narrator).toBeFocused();
});
