import { expect, type Locator, type Page, type Request } from "@playwright/test";
import { isTtsRequest } from "../tts-response";
import { ReaderPage } from "./reader-page";

interface TurnRecord {
  /** the lit word's index, each time it changes */
  lit: number[];
  labels: string[];
  speakers: string[];
  litLabel: boolean;
}
type WithTurns = Window & { __turns?: TurnRecord };

/** The reader page with the parts of the player this suite adds: voices, credits, annotations, requests. */
export class PlayerPage extends ReaderPage {
  readonly voiceTrigger = this.slot("voice-picker-trigger");
  readonly voiceMenu = this.slot("voice-menu");
  readonly quotaBanner = this.slot("quota-banner");
  readonly limitNotice = this.slot("tts-limit");
  readonly ttsRequests: Request[] = [];
  readonly conversationToggle = this.slot("conversation-toggle", ":visible");
  readonly voicesToggle = this.slot("voices-toggle");
  readonly voicesPanel = this.slot("voices-panel");
  readonly speakingNow = this.slot("speaking-now");

  constructor(page: Page) {
    super(page);
    page.on("request", (request) => {
      if (isTtsRequest(request)) this.ttsRequests.push(request);
    });
  }

  voiceOption(voice: string): Locator {
    return this.page.locator(`[data-slot="voice-option"][data-voice="${voice}"]`);
  }

  async openVoices() {
    await this.voiceTrigger.click();
    await expect(this.voiceMenu).toBeVisible();
  }

  async chooseVoice(voice: string) {
    await this.openVoices();
    await this.voiceOption(voice).click();
  }

  /** the voice whose audio is playing (the picker's label once any switch has finished) */
  async expectVoice(voice: string) {
    await expect(this.voiceTrigger).not.toHaveAttribute("data-pending", "");
    await expect(this.voiceTrigger).toHaveAttribute("aria-label", new RegExp(`^Voice: ${voice}\\.`));
  }

  /** The voice picker of one speaker in the Voices panel. */
  speakerVoiceTrigger(speaker: string): Locator {
    return this.voicesPanel.locator(`[data-slot="voices-panel-speaker"][data-speaker="${speaker}"] [data-slot="voice-picker-trigger"]`);
  }

  async openSpeakerVoices() {
    if ((await this.voicesToggle.getAttribute("aria-expanded")) !== "true") await this.voicesToggle.click();
    await expect(this.voicesPanel).toBeVisible();
  }

  async chooseSpeakerVoice(speaker: string, voice: string) {
    await this.openSpeakerVoices();
    await this.speakerVoiceTrigger(speaker).click();
    await expect(this.voiceMenu).toBeVisible();
    await this.voiceOption(voice).click();
  }

  /** the voice of `speaker` whose audio is playing, once any change has finished */
  async expectSpeakerVoice(speaker: string, voice: string, { timeout = 15_000 } = {}) {
    const trigger = this.speakerVoiceTrigger(speaker);
    await expect(trigger).not.toHaveAttribute("data-pending", "", { timeout });
    await expect(trigger).toHaveAttribute("aria-label", new RegExp(`^Voice for ${speaker}: ${voice}\\.`));
  }

  /**
   * Records in the page, as they happen, each change of the lit word, of its turn (its paragraph's label, "" for one
   * without) and of who the player says is speaking, and whether a lit word was ever inside a label. Recorded
   * by the page itself, so a test reads the order of events without racing the audio clock.
   */
  async recordTurns() {
    await this.page.evaluate(() => {
      const record: TurnRecord = { lit: [], labels: [], speakers: [], litLabel: false };
      (window as WithTurns).__turns = record;
      const root = document.querySelector("[data-article-content]")!;
      const push = <T>(list: T[], value: T) => {
        if (list.at(-1) !== value) list.push(value);
      };
      new MutationObserver(() => {
        const lit = root.querySelector(".tts-current");
        if (lit) {
          push(record.lit, Number(lit.getAttribute("data-tts-idx")));
          push(record.labels, lit.closest("p")?.querySelector("strong")?.textContent ?? "");
          record.litLabel ||= lit.closest("strong") !== null;
        }
        const speaker = document.querySelector('[data-slot="speaking-now"]')?.getAttribute("data-speaker");
        if (speaker) push(record.speakers, speaker);
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class", "data-speaker"] });
    });
  }

  recordedTurns(): Promise<TurnRecord> {
    return this.page.evaluate(() => (window as WithTurns).__turns!);
  }

  async signInDemo(tier: "free" | "premium") {
    await this.page.goto("/signin");
    await this.page.locator(`[data-slot="demo-${tier}"]`).click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }

  /** User Timing entries the app leaves: TTS span wraps and annotation restores. */
  async rebuildCounts(): Promise<{ wraps: number; restores: number }> {
    return this.page.evaluate(() => ({
      wraps: performance.getEntriesByName("tts:wrap-words").length,
      restores: performance.getEntriesByName("listen:highlights-restore").length,
    }));
  }
}
