import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test("the picker lists Female and Male voices, with premium ones locked for an anonymous reader", async ({ player, page, isMobile }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  await player.openVoices();
  await expect(player.voiceTrigger).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox");
  await expect(listbox.getByRole("group", { name: "Female", exact: true }).getByRole("option")).toHaveCount(5);
  await expect(listbox.getByRole("group", { name: "Male", exact: true }).getByRole("option")).toHaveCount(5);
  await expect(player.voiceOption("Ashley")).toHaveAttribute("aria-selected", "true");
  await expect(player.voiceOption("Dennis")).not.toHaveAttribute("data-locked", "");
  await expect(player.voiceOption("Olivia")).toHaveAttribute("data-locked", "");
  await expect(player.voiceOption("Olivia")).toContainText("PRO");
  // Touch screens have no hover: there a tap on a locked voice goes straight to /pricing.
  if (!isMobile) {
    await player.voiceOption("Olivia").hover();
    await expect(player.voiceOption("Olivia").locator(".voice-option__tooltip")).toBeVisible();
  }
  await expect(page.locator('[data-slot="voice-menu-upgrade"]')).toHaveText(/Unlock all voices with Premium/);
  await page.keyboard.press("Escape");
  await expect(player.voiceMenu).toHaveCount(0);
  await expect(player.voiceTrigger).toBeFocused();
});

test("switching voices continues from the same word, and switching back is instant with no request", async ({ player }) => {
  await player.open(ARTICLES.short);
  await player.listen();
  await player.clickWord(60);
  expect(player.ttsRequests).toHaveLength(1);
  // Paused, so the word the switch starts from does not move while the new voice is generated.
  await player.playPause.click();
  const inAshley = (await player.state()).current;
  // The words lit from here on are recorded by the page as they happen: the first one after the switch is where
  // Dennis started, however long this machine takes to look.
  await player.recordTurns();

  await player.chooseVoice("Dennis");
  await player.expectVoice("Dennis");
  expect(player.ttsRequests).toHaveLength(2);
  expect(JSON.parse(player.ttsRequests[1].postData() ?? "{}").voice).toBe("Dennis");
  await expect(player.playPause).toHaveAttribute("data-status", "playing");
  await expect.poll(async () => (await player.recordedTurns()).lit.length).toBeGreaterThan(0);
  const [inDennis] = (await player.recordedTurns()).lit;
  expect(inDennis).toBeGreaterThanOrEqual(inAshley);
  expect(inDennis).toBeLessThan(inAshley + 6);
  expect((await player.state()).time).toBeGreaterThan(10);

  await player.playPause.click();
  const before = await player.state();
  await player.recordTurns();
  await player.chooseVoice("Ashley");
  await player.expectVoice("Ashley");
  await expect(player.playPause).toHaveAttribute("data-status", "playing");
  // Instant: the tab's own memory (L0) answered, not IndexedDB and not the API.
  await expect(player.player).toHaveAttribute("data-audio-source", "memory");
  expect(player.ttsRequests).toHaveLength(2);
  await expect.poll(async () => (await player.recordedTurns()).lit.length).toBeGreaterThan(0);
  const [back] = (await player.recordedTurns()).lit;
  expect(back).toBeGreaterThanOrEqual(before.current);
  expect(back).toBeLessThan(before.current + 6);
});

test("a free reader clicking a locked voice lands on /pricing, and the client refuses it too", async ({ player, page }) => {
  await player.signInDemo("free");
  await expect(page.locator('[data-slot="account-chip"]')).toHaveAttribute("data-tier", "free");
  await player.open(ARTICLES.short);
  await player.listen();
  await player.chooseVoice("Olivia");
  await page.waitForURL(/\/pricing/);
  await expect(page.locator('[data-slot="plan-premium"]')).toBeVisible();
  await expect(page.locator('[data-slot="upgrade"]')).toBeVisible();
  expect(player.ttsRequests.every((r) => JSON.parse(r.postData() ?? "{}").voice !== "Olivia")).toBe(true);
});

test("a premium demo reader picks Olivia and hears her, the highlight advancing", async ({ player, page }) => {
  await player.signInDemo("premium");
  await expect(page.locator('[data-slot="account-chip"]')).toHaveAttribute("data-tier", "premium");
  await player.open(ARTICLES.short);
  await player.listen();
  await expect(player.quotaBanner).toHaveCount(0);
  await player.openVoices();
  await expect(page.locator('[data-slot="voice-option"][data-locked]')).toHaveCount(0);
  await player.voiceOption("Olivia").click();
  await player.expectVoice("Olivia");
  const request = player.ttsRequests.at(-1)!;
  expect(JSON.parse(request.postData() ?? "{}").voice).toBe("Olivia");
  expect((await request.response())?.status()).toBe(200);
  const first = await player.state();
  await player.waitForAudioTime(first.time + 2);
  const later = await player.state();
  expect(later.paused).toBe(false);
  expect(later.current).toBeGreaterThan(first.current);
});

test("the free upgrade path: pricing's demo upgrade makes the same reader premium", async ({ player, page }) => {
  await player.signInDemo("free");
  await page.goto(`/pricing?from=/read/${ARTICLES.short}`);
  await page.locator('[data-slot="upgrade"]').click();
  await page.waitForURL(new RegExp(`/read/${ARTICLES.short}$`));
  await expect(page.locator('[data-slot="account-chip"]')).toHaveAttribute("data-tier", "premium");
  const session = (await page.context().cookies()).find((c) => c.name === "listen_session");
  expect(session?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("listen_session");
  await page.goto("/signin");
  await page.locator('[data-slot="sign-out"]').click();
  await expect(page.locator('[data-slot="signed-in"]')).toHaveCount(0);
  await page.goto("/");
  await expect(page.locator('[data-slot="account-chip"]')).toHaveAttribute("data-tier", "anonymous");
});
