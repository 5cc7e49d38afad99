// Page object for the document view (/document/<id>) and the single question view (/vraag/<id>).
import { expect, type Locator, type Page } from "@playwright/test";

export class DocumentPage {
  readonly page: Page;
  readonly questions: Locator;

  constructor(page: Page) {
    this.page = page;
    this.questions = page.locator(".doc-question[data-question-id]");
  }

  async openDocument(id: string, anchor = ""): Promise<void> {
    await this.page.goto(`document/${encodeURIComponent(id)}${anchor ? `#${anchor}` : ""}`);
    await expect(this.page.locator("main h1").first()).toBeVisible({ timeout: 30_000 });
    // The page's HTML copy (scripts/deep-links.mjs) steps aside once the app has drawn the page, its
    // texts included.
    await expect(this.page.locator("#voorvertoning")).toHaveCount(0, { timeout: 30_000 });
  }

  question(id: string): Locator {
    return this.page.locator(`.doc-question[data-question-id="${id}"]`);
  }

  anchor(name: string): Locator {
    return this.page.locator(`[id="${name}"]`);
  }
}

export class QuestionPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`vraag/${encodeURIComponent(id)}`);
  }

  shown(id: string): Locator {
    return this.page.locator(`[data-testid=question][data-question-id="${id}"]`);
  }
}
