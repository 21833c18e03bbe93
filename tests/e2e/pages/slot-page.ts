import type { Locator, Page } from "@playwright/test";

/** What every page object stands on: the page, and its parts found by `data-slot`, the attribute the app marks them with. */
export class SlotPage {
  constructor(readonly page: Page) {}

  /** `[data-slot="name"]`, narrowed by what follows it in a selector (`:visible`, ` select`). */
  protected slot(name: string, narrowed = ""): Locator {
    return this.page.locator(`[data-slot="${name}"]${narrowed}`);
  }
}
