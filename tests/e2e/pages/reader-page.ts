import { expect, type Locator } from "@playwright/test";
import { SlotPage } from "./slot-page";

export const ARTICLES = {
  short: "the-lamplighters-round",
  rich: "how-a-lighthouse-keeps-its-light",
  medium: "on-keeping-a-garden-notebook",
  long: "a-year-on-foot",
  interview: "the-tuner-of-small-halls",
} as const;

type WithVisitMark = Window & { __visitMark?: string };

// The local voice averages about 3.3 words a second at 1x, short words faster: a generous bound on how far the
// light can move while a test looks, still far short of where a seek that failed would leave it.
const MAX_WORDS_PER_SECOND = 6;

export interface PlaybackState {
  /** when this was read, on the page's clock (ms) */
  at: number;
  time: number;
  paused: boolean;
  rate: number;
  current: number;
  spoken: number;
}

/** The reader page: the article, its Listen button and the floating player. */
export class ReaderPage extends SlotPage {
  readonly article = this.page.locator("[data-article-content]");
  /** Desktop shows the floating toolbar, mobile the bottom bar: whichever is visible. */
  readonly listenButton = this.slot("listen-button", ":visible");
  readonly player = this.slot("tts-player");
  readonly playPause = this.slot("transcript-viewer-play-pause");
  readonly error = this.slot("tts-error");
  /** "Back to the current word", offered once the reader has scrolled away from it */
  readonly followButton = this.slot("tts-follow");
  /** the phone's mini player (its title opens the whole player) */
  readonly miniPlayer = this.slot("tts-mini");

  /**
   * Makes every chunk of the article's text new to the API (a word added to each paragraph), so a test's stream
   * is generated there and then, not served from an earlier test's cache. The same tag gives the same text again.
   */
  async uniqueText(tag: string) {
    await this.article.evaluate((article, word) => {
      for (const p of article.querySelectorAll("p")) p.append(` ${word}`);
    }, tag);
  }

  /** On a phone, opens the whole player from the mini player (a tap on its title); elsewhere the player is whole. */
  async openPlayer() {
    await expect(this.player).toHaveAttribute("data-status", "ready");
    if ((await this.player.getAttribute("data-size")) === "mini") await this.slot("tts-expand").click();
    await expect(this.player).toHaveAttribute("data-size", "full");
  }

  /** On a phone, makes the whole player the mini player again. */
  async collapsePlayer() {
    await this.slot("tts-collapse").click();
    await expect(this.player).toHaveAttribute("data-size", "mini");
  }

  /**
   * Opens an article the way a reader does (docs/architecture.md, "Where the tests are"): the library first, then a click on its card.
   * A feature that works only on a fresh load of `/read/…` is broken, so this never loads that page directly.
   */
  async open(id: string) {
    await this.page.goto("/");
    await this.openCard(id);
  }

  /** From the library on screen, clicks the article's card (a client-side navigation). */
  async openCard(id: string) {
    await this.follow(this.page.locator(`[data-slot="article-card"][href="/read/${id}"]`), `/read/${id}`);
    await expect(this.article).toBeVisible();
  }

  /** From an article, follows the "← Library" link (a client-side navigation). */
  async backToLibrary() {
    await this.follow(this.page.locator(".reader__nav").getByRole("link", { name: "Library" }), "/");
    await expect(this.slot("article-card").first()).toBeVisible();
  }

  /**
   * Clicks an in-app link and proves the page stayed loaded: a mark left on `window` survives a client-side
   * navigation and not a full load. The link is clicked only once React has hydrated it; before that a click
   * is an ordinary full page load, which would hide exactly the bugs these walks are for.
   */
  private async follow(link: Locator, pathname: string) {
    await expect.poll(() => link.evaluate((a) => Object.keys(a).some((key) => key.startsWith("__reactFiber")))).toBe(true);
    const mark = await this.page.evaluate(() => ((window as WithVisitMark).__visitMark = String(Math.random())));
    await link.click();
    await this.page.waitForURL((url) => url.pathname === pathname);
    expect(await this.page.evaluate(() => (window as WithVisitMark).__visitMark), "a client-side navigation").toBe(mark);
  }

  /** Presses Listen and waits for the voice; on a phone then opens the whole player, where the controls are. */
  async listen({ timeout = 60_000 } = {}) {
    await this.listenButton.click();
    await this.waitUntilPlaying(timeout);
    await this.openPlayer();
  }

  async waitUntilPlaying(timeout = 60_000) {
    await expect(this.player).toHaveAttribute("data-status", "ready", { timeout });
    // Playing, or playing on as soon as the audio ahead arrives (the player shows it is loading the next part).
    await expect(this.playPause).toHaveAttribute("data-status", /^(playing|buffering)$/);
    await expect(this.article.locator(".tts-current")).toHaveCount(1, { timeout: 10_000 });
  }

  async state(): Promise<PlaybackState> {
    return this.page.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-slot="transcript-viewer-audio"]')!;
      const current = document.querySelector<HTMLElement>("[data-article-content] .tts-current");
      return {
        at: performance.now(),
        time: audio.currentTime,
        paused: audio.paused,
        rate: audio.playbackRate,
        current: current ? Number(current.dataset.ttsIdx) : -1,
        spoken: new Set([...document.querySelectorAll<HTMLElement>("[data-article-content] .tts-spoken")].map((s) => s.dataset.ttsIdx)).size,
      };
    });
  }

  async waitForAudioTime(atLeast: number, timeout = 30_000) {
    await expect.poll(async () => (await this.state()).time, { timeout }).toBeGreaterThanOrEqual(atLeast);
  }

  /** The text of each wrapped word, by its index (a word split by an inline element has several spans). */
  async wrappedWords(): Promise<string[]> {
    return this.article.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>("[data-tts-idx]")].reduce<string[]>((words, span) => {
        const idx = Number(span.dataset.ttsIdx);
        words[idx] = (words[idx] ?? "") + span.textContent;
        return words;
      }, []),
    );
  }

  word(idx: number): Locator {
    return this.article.locator(`[data-tts-idx="${idx}"]`).first();
  }

  /**
   * Clicks word `idx` to seek there, and resolves with the state once the light is on it. Playback goes on from
   * the word, so by the time anyone looks the voice may be a word or two further: that is accepted, as far as
   * the voice can have gone since the click and no further (never "exactly this word at this moment").
   */
  async clickWord(idx: number): Promise<PlaybackState> {
    const clickedAt = await this.page.evaluate(() => performance.now());
    await this.word(idx).click();
    await expect.poll(async () => (await this.state()).current).toBeGreaterThanOrEqual(idx);
    const state = await this.state();
    this.expectReachedFrom(state, idx, clickedAt);
    return state;
  }

  /** The light is on word `idx` or on one the voice can have reached since `since` (the page's clock, ms). */
  expectReachedFrom(state: PlaybackState, idx: number, since: number) {
    const reach = Math.ceil(((state.at - since) / 1000) * state.rate * MAX_WORDS_PER_SECOND);
    expect(state.current, `the lit word, ${Math.round(state.at - since)} ms after word ${idx}`).toBeGreaterThanOrEqual(idx);
    expect(state.current, `the lit word, ${Math.round(state.at - since)} ms after word ${idx}`).toBeLessThanOrEqual(idx + 1 + reach);
  }

  /**
   * Where the article's sentences start (word indexes), read from its own text by the plainest rule — a word
   * ending in . ! or ? before one in capitals — so the app's smarter rule is checked against it, not itself.
   */
  async sentenceStarts(): Promise<number[]> {
    return this.article.evaluate((root) => {
      const texts: string[] = [];
      for (const span of root.querySelectorAll<HTMLElement>("[data-tts-idx]")) {
        const i = Number(span.dataset.ttsIdx);
        texts[i] = (texts[i] ?? "") + span.textContent;
      }
      const starts = [0];
      for (let i = 1; i < texts.length; i++) {
        if (/[.!?]["'”’)]*$/.test(texts[i - 1]) && /^["'“‘(]*[A-Z0-9]/.test(texts[i])) starts.push(i);
      }
      return starts;
    });
  }

  /** "Continue from m:ss" / "Start over", offered when the reader comes back to an article half heard. */
  get resumePrompt(): Locator {
    return this.slot("resume-prompt");
  }

  get resumeContinue(): Locator {
    return this.slot("resume-continue");
  }

  get resumeStartOver(): Locator {
    return this.slot("resume-start-over");
  }

  get sleepTimer(): Locator {
    return this.slot("sleep-timer", " select");
  }

  get sleepTimeLeft(): Locator {
    return this.slot("sleep-timer-left");
  }

  get downloadButton(): Locator {
    return this.slot("tts-download");
  }

  /** the audio element's volume and whether it plays, read together */
  async volume(): Promise<{ volume: number; paused: boolean }> {
    return this.slot("transcript-viewer-audio").evaluate((a: HTMLAudioElement) => ({ volume: a.volume, paused: a.paused }));
  }

  /** Moves focus off any control onto the page, where the player's shortcuts listen. */
  async focusPage() {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  async sentence(direction: "previous" | "next") {
    await this.openPlayer();
    await this.page.locator(`[data-slot="tts-${direction}-sentence"]`).click();
  }

  async pause() {
    if ((await this.playPause.getAttribute("data-status")) !== "paused") await this.playPause.click();
    await expect(this.playPause).toHaveAttribute("data-status", "paused");
  }

  /** Waits until all of a streamed article has arrived (a seek far ahead would otherwise wait for it). */
  async waitForWholeAudio(timeout = 60_000) {
    await expect(this.player).not.toHaveAttribute("data-stream-state", "streaming", { timeout });
  }

  async setSpeed(rate: number) {
    await this.openPlayer();
    await this.slot("speed-select", " select").selectOption(String(rate));
  }

  async skipTenSeconds(direction: "back" | "forward") {
    await this.openPlayer();
    await this.page.locator(`[data-slot="tts-skip-${direction}"]`).click();
  }

  /** Clicks the scrub bar `fraction` of the way along, as a reader seeks with the mouse or a finger. */
  async seekToFraction(fraction: number) {
    await this.openPlayer();
    const bar = this.slot("transcript-viewer-scrub-bar", ' input[type="range"]');
    const box = await bar.boundingBox();
    if (!box) throw new Error("the scrub bar is not visible");
    await bar.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  }

  /**
   * The durations of the articles in the browser's L1 (IndexedDB). Read without opening a database that does not
   * exist yet: opening it here would create it without its store, and the app's own open would then find none.
   */
  storedDurations(): Promise<number[]> {
    return this.page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === "listen-tts-audio")) return [];
      return new Promise<number[]>((resolve) => {
        const open = indexedDB.open("listen-tts-audio");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("articles")) return resolve([]);
          const all = db.transaction("articles").objectStore("articles").getAll();
          all.onsuccess = () => resolve((all.result as Array<{ durationMs: number }>).map((entry) => entry.durationMs));
        };
        open.onerror = () => resolve([]);
      });
    });
  }

  async close() {
    if ((await this.player.getAttribute("data-size")) === "mini") await this.openPlayer();
    await this.slot("tts-close").click();
    await expect(this.player).toHaveCount(0);
  }
}
