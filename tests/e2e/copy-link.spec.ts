// Journey: a reader copies the link of a filtered view with "Kopieer link", to paste it into a chat.
import { expect, test } from "@playwright/test";
import { abbreviation, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Opens the list filtered on the party with the most questions; returns the page's address. */
async function openFiltered(explorer: ExplorerPage): Promise<string> {
  const [[party]] = ranked((q) => q.parties);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(party))}`);
  await explorer.expectCount(count({ parties: [party] }));
  return explorer.page.url();
}

test("'Kopieer link' puts the address of the view on the clipboard and says so", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const link = await openFiltered(explorer);
  await page.getByRole("button", { name: "Kopieer link" }).click();
  await expect(page.locator(".copy-status")).toHaveText("Link gekopieerd.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test("where the browser refuses the clipboard, the link stands in a field, all of it selected when focused", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
  });
  const explorer = new ExplorerPage(page);
  const link = await openFiltered(explorer);
  await page.getByRole("button", { name: "Kopieer link" }).click();
  const field = page.getByLabel("Kopieer deze link:");
  await expect(field).toHaveValue(link);
  await expect(page.locator(".copy-status")).not.toContainText("gekopieerd");
  await field.focus();
  expect(await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, link.length]);
});
