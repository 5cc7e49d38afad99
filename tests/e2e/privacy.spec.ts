// Journey: a privacy-minded reader uses the app; nothing is requested from any other host.
import { expect, test } from "@playwright/test";
import { corpus, ranked, abbreviation } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

test("every request stays on the page's own origin", async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requested: string[] = [];
  await context.route("**/*", (route) => {
    requested.push(route.request().url());
    const url = new URL(route.request().url());
    return url.origin === origin || url.protocol === "data:" || url.protocol === "blob:"
      ? route.continue()
      : route.abort("blockedbyclient");
  });
  context.on("request", (r) => requested.push(r.url()));

  const explorer = new ExplorerPage(page);
  await explorer.open();
  const [[party]] = ranked((q) => q.parties);
  await explorer.toggle("partij", abbreviation(party));
  await explorer.searchFor("minister");
  await page.goto(`document/${encodeURIComponent(corpus().questions[0].document_id)}`);
  // The app's own <main>: the page's static copy has one too until the app replaces it.
  await expect(page.locator("main#inhoud")).not.toBeEmpty();
  await page.goto("overzicht");
  await expect(page.locator("main#inhoud svg").first()).toBeVisible({ timeout: 30_000 });

  expect(requested.length).toBeGreaterThan(0);
  const foreign = requested.filter((u) => {
    const url = new URL(u);
    return url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:";
  });
  expect(foreign).toEqual([]);
});

test("the page has a strict Content-Security-Policy and no inline event handlers", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toBeTruthy();
  const directives = new Map(
    csp!.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as [string, string[]];
    }),
  );
  const scripts = directives.get("script-src") || directives.get("default-src") || [];
  expect(scripts).toContain("'self'");
  expect(scripts).toContain("'wasm-unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.some((s) => s === "*" || s.startsWith("http"))).toBe(false);
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}[${a.name}]`),
    ),
  );
  expect(handlers).toEqual([]);
});
