// Page object for "Vragen en antwoorden" (the list view): facets, dates, search, results, notices.
import { expect, type Locator, type Page } from "@playwright/test";

/** Waits until the service worker controls the page (it has then precached the whole build). */
export async function untilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
  });
}

export class ExplorerPage {
  readonly page: Page;
  readonly resultCount: Locator;
  readonly questions: Locator;
  readonly search: Locator;
  readonly notices: Locator;
  readonly clearAll: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly marks: Locator;

  constructor(page: Page) {
    this.page = page;
    this.resultCount = page.getByTestId("result-count");
    this.questions = page.getByTestId("question");
    this.search = page.locator("#zoek");
    this.notices = page.locator(".notices");
    this.clearAll = page.getByTestId("clear-all");
    this.from = page.getByLabel("Van", { exact: true });
    this.to = page.getByLabel("Tot en met", { exact: true });
    this.marks = page.locator("[data-testid=question] mark");
  }

  /** Opens the list at `path` (relative to the base URL, e.g. "?partij=Volt") and waits for the corpus. */
  async open(path = ""): Promise<void> {
    await this.page.goto(path || "./");
    await this.waitForResults();
  }

  async waitForResults(): Promise<void> {
    await expect(this.resultCount).toHaveText(/\d/, { timeout: 30_000 });
    // The start page's HTML copy (scripts/prerender.mjs) steps aside once the app has drawn its own page.
    await expect(this.page.locator("#voorvertoning")).toHaveCount(0);
  }

  /** The number in the result count. */
  async count(): Promise<number> {
    const text = (await this.resultCount.textContent()) || "";
    const found = text.replace(/\./g, "").match(/\d+/);
    if (!found) throw new Error(`no number in result count "${text}"`);
    return Number(found[0]);
  }

  async expectCount(expected: number): Promise<void> {
    await expect
      .poll(() => this.count(), { message: `result count should be ${expected}` })
      .toBe(expected);
  }

  facet(param: string, value: string): Locator {
    return this.page.locator(`input[type=checkbox][name="${param}"][value="${value}"]`);
  }

  async toggle(param: string, value: string): Promise<void> {
    const box = this.facet(param, value);
    const before = await box.isChecked();
    await box.click();
    await expect(box).toBeChecked({ checked: !before });
  }

  async setDates(from: string | null, to: string | null): Promise<void> {
    if (from !== null) await this.from.fill(from);
    if (to !== null) await this.to.fill(to);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press("Enter");
  }

  /** The ids of the listed questions, once the whole page is drawn (the first cards come with the
   * count, the rest a frame later: the list is aria-busy until then). */
  async questionIds(): Promise<string[]> {
    await this.page.locator("ol.question-list:not([aria-busy])").waitFor({ state: "attached", timeout: 30_000 });
    return this.questions.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-question-id") || ""));
  }

  /** The query string of the current URL, without "?". */
  query(): string {
    return new URL(this.page.url()).search.replace(/^\?/, "");
  }
}
