import { expect, type Locator } from "@playwright/test";
import { SlotPage } from "./slot-page";

type WithVisitMark = Window & { __visitMark?: string };

/** The home page's import box and "Your articles" list. */
export class LibraryPage extends SlotPage {
  readonly input = this.slot("import-input");
  readonly submit = this.slot("import-submit");
  readonly progress = this.slot("import-progress");
  readonly error = this.slot("import-error");
  readonly yourArticles = this.slot("your-articles");

  async goto() {
    await this.page.goto("/");
    // Typed before React hydrated, the box would submit as a plain form: wait for React to own it.
    await expect.poll(() => this.submit.evaluate((b) => Object.keys(b).some((key) => key.startsWith("__reactFiber")))).toBe(true);
  }

  /** Pastes `value` into the box and submits it, leaving a mark on `window` that only a full page load clears. */
  async paste(value: string): Promise<string> {
    await this.input.fill(value);
    const mark = await this.page.evaluate(() => ((window as WithVisitMark).__visitMark = String(Math.random())));
    await this.submit.click();
    return mark;
  }

  /** Waits for the article an import opened, and proves it opened without reloading the page. */
  async expectOpened(mark: string, timeout = 30_000): Promise<string> {
    await this.page.waitForURL((url) => /^\/read\/[\w-]{22}$/.test(url.pathname), { timeout });
    expect(await this.page.evaluate(() => (window as WithVisitMark).__visitMark), "a client-side navigation").toBe(mark);
    return new URL(this.page.url()).pathname.slice("/read/".length);
  }

  /** The "Play next" button under an article's card (samples and "Your articles" alike). */
  playNext(id: string): Locator {
    return this.page.locator(`[data-slot="card-actions"][data-id="${id}"] [data-slot="play-next"]`);
  }

  /** "Finished" or "Heard 40%" under an article's card. */
  heard(id: string): Locator {
    return this.page.locator(`[data-slot="card-actions"][data-id="${id}"] [data-slot="heard"]`);
  }

  entry(id: string): Locator {
    return this.page.locator(`[data-slot="your-article"][data-id="${id}"]`);
  }
}
