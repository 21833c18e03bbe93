// The local voice process dies while an article streams (a crash under `npm start`): the app stays up (`/`
// serves), the player says the rest did not arrive, `npm start` brings the voice back (scripts/supervise.mjs),
// and after Retry the article plays on from where it was. What is awaited is state the page and the servers
// record, never a fixed time.
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";
import { pidListeningOn } from "./listening-process";
import { VOICE_PORT, VOICE_URL } from "./ports";

const voiceWarm = async () => {
  try {
    const res = await fetch(`${VOICE_URL}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok && ((await res.json()) as { warm?: boolean }).warm === true;
  } catch {
    return false;
  }
};

test("a crashed voice process leaves the app serving, the player says so, and Retry plays on once it is back", async ({
  reader,
  page,
  request,
  voice,
}) => {
  test.setTimeout(240_000);
  // The short sample: what is left to make after Retry is little, even on a busy machine.
  await reader.open(ARTICLES.short);
  // New text for every chunk (a word added to each paragraph), so the stream is generated now, not replayed.
  await reader.article.evaluate((article, word) => {
    for (const p of article.querySelectorAll("p")) p.append(` ${word}`);
  }, `crash${Date.now()}`);
  // Slow enough that the later chunks are still being made when the process dies (the restarted process has
  // none of this latency).
  await voice.control({ latencyMs: 1500, latencyPerCharMs: 5 });
  await reader.listen();
  await expect(reader.player).toHaveAttribute("data-stream-state", "streaming");

  const pid = pidListeningOn(VOICE_PORT);
  expect(pid, "the local voice process").toBeDefined();
  process.kill(pid!, "SIGKILL");

  await expect(page.locator('[data-slot="tts-stream-error"]')).toBeVisible({ timeout: 30_000 });
  expect((await request.get("/")).status()).toBe(200);
  // What had arrived keeps playing meanwhile.
  expect((await reader.state()).paused).toBe(false);

  await expect.poll(voiceWarm, { timeout: 90_000 }).toBe(true);
  expect(pidListeningOn(VOICE_PORT)).not.toBe(pid);
  const before = await reader.state();
  await page.locator('[data-slot="tts-stream-retry"]').click();
  await expect(page.locator('[data-slot="tts-stream-error"]')).toBeHidden({ timeout: 60_000 });
  await expect(reader.player).not.toHaveAttribute("data-stream-state", "error");
  // It plays on: the light moves past where it was when Retry was pressed.
  await expect.poll(async () => (await reader.state()).current, { timeout: 60_000 }).toBeGreaterThan(before.current);
  expect((await reader.state()).paused).toBe(false);
});
