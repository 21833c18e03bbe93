import { ARTICLES } from "./pages/reader-page";
import { expect, test as base } from "./fixtures";
import { QUOTA_WEB_URL, startQuotaApp } from "./quota-app";

const test = base.extend<object, { quotaApp: string }>({
  quotaApp: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
    async ({}, provide) => {
      const stop = await startQuotaApp();
      await provide(QUOTA_WEB_URL);
      await stop();
    },
    { scope: "worker" },
  ],
});

test.use({ baseURL: QUOTA_WEB_URL });

test("the credits banner counts down and the fourth article shows the limit, not a failed player", async ({ quotaApp, page, player }) => {
  test.setTimeout(300_000);
  expect(quotaApp).toBe(QUOTA_WEB_URL);
  await player.signInDemo("free");

  const heard = [ARTICLES.short, ARTICLES.rich, ARTICLES.medium];
  for (const [i, id] of heard.entries()) {
    await player.open(id);
    await player.listen({ timeout: 120_000 });
    await expect(player.quotaBanner).toHaveAttribute("data-remaining", String(2 - i));
    await expect(player.quotaBanner).toContainText(i === 2 ? "No credits left today" : `${2 - i} credit`);
    await expect(player.quotaBanner.getByRole("link", { name: "Subscribe now" })).toHaveAttribute("href", /\/pricing/);
    // Stored in IndexedDB once the whole stream is in (closing earlier abandons it), for the free replay below.
    await expect(player.player).not.toHaveAttribute("data-stream-state", "streaming", { timeout: 120_000 });
    await player.close();
  }

  // A replay of an article heard today costs nothing (IndexedDB): no request, the count unchanged.
  const requests = player.ttsRequests.length;
  await player.open(ARTICLES.short);
  await expect(player.quotaBanner).toHaveCount(0);
  await player.listen();
  expect(player.ttsRequests).toHaveLength(requests);
  await expect(player.quotaBanner).toHaveAttribute("data-remaining", "0");
  await player.close();

  await player.open(ARTICLES.long);
  await player.listenButton.click();
  await expect(player.limitNotice).toBeVisible();
  await expect(player.limitNotice).toContainText("3 free articles today");
  await expect(player.error).toHaveCount(0);
  await player.limitNotice.getByRole("link", { name: "Upgrade to Premium" }).click();
  await page.waitForURL(/\/pricing\?from=/);
  await page.locator('[data-slot="upgrade"]').click();
  await page.waitForURL(new RegExp(`/read/${ARTICLES.long}$`));
  await expect(page.locator('[data-slot="account-chip"]')).toHaveAttribute("data-tier", "premium");
});

test("the banner can be dismissed", async ({ quotaApp, player }) => {
  expect(quotaApp).toBe(QUOTA_WEB_URL);
  await player.open(ARTICLES.short);
  await player.listen();
  await expect(player.quotaBanner).toBeVisible();
  await player.quotaBanner.getByRole("button", { name: "Dismiss credits notice" }).click();
  await expect(player.quotaBanner).toHaveCount(0);
  await player.close();
  await player.listen();
  await expect(player.quotaBanner).toHaveCount(0);
});
