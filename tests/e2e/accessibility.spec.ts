// Journey: a reader with a screen reader, a keyboard or a phone uses every view. The axe audit
// (WCAG 2.2 A and AA rules) runs on each view at desktop and at phone width: zero violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { abbreviation, corpus, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

/** The views: the start page, a filtered list with a search, a question, a document, the overview. */
function views(): Array<{ name: string; path: string; ready: string }> {
  const [[party]] = ranked((q) => q.parties);
  const question = corpus().questions.find((q) => q.answer_id !== null) || corpus().questions[0];
  return [
    { name: "start page", path: "./", ready: "[data-testid=question]" },
    {
      name: "filtered list with a search",
      path: `?partij=${encodeURIComponent(abbreviation(party))}&q=minister`,
      ready: "[data-testid=question] mark",
    },
    { name: "question", path: `vraag/${encodeURIComponent(question.id)}`, ready: "[data-testid=question]" },
    { name: "document", path: `document/${encodeURIComponent(question.document_id)}`, ready: ".doc-question" },
    { name: "overview", path: "overzicht", ready: "main h1" },
  ];
}

async function audit(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`,
  );
}

for (const size of WIDTHS) {
  for (const view of views()) {
    test(`the ${view.name} has no WCAG 2.2 A/AA violations at ${size.name} width (${size.width} px)`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const explorer = new ExplorerPage(page);
      await page.goto(view.path);
      await expect(page.locator(view.ready).first()).toBeVisible({ timeout: 30_000 });
      if (view.path.includes("q=")) await explorer.waitForResults();
      expect(await audit(page)).toEqual([]);
    });
  }
}
