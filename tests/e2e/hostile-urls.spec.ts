// Journey: someone opens a tampered link; the app ignores the bad parts politely and injects nothing.
import { expect, test } from "@playwright/test";
import { corpus } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const SCRIPT = "<script>window.__pwned=1</script>";
const IMAGE = '"><img src=x onerror="window.__pwned=2">';

test("unknown values, impossible dates and script fragments are ignored with a notice", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const params = new URLSearchParams();
  params.append("partij", SCRIPT);
  params.append("thema", IMAGE);
  params.append("van", "2025-02-30");
  params.append("tot", "2024-13-45");
  params.append("soort", "javascript:alert(1)");
  params.append("beantwoord", "misschien");
  params.append("pagina", "-7");
  const explorer = new ExplorerPage(page);
  await explorer.open(`?${params}`);

  await explorer.expectCount(corpus().questions.length);
  await expect(explorer.notices).toBeVisible();
  // One notice per ignored value (the list shows the messages).
  expect(await explorer.notices.locator("li").count()).toBeGreaterThanOrEqual(5);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("body img[src=x], main script").count()).toBe(0);
  // The fragments appear as text, never as elements.
  expect(await page.locator(".notices script, .notices img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("markup in the search text is refused with a notice and never rendered", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent(IMAGE + SCRIPT)}`);
  await expect(explorer.notices).toBeVisible();
  await explorer.expectCount(corpus().questions.length);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("main img, main script").count()).toBe(0);
});

test("a hostile path under /document/ shows a message and injects nothing", async ({ page }) => {
  await page.goto(`document/${encodeURIComponent(SCRIPT)}`);
  await expect(page.locator("main#inhoud")).toContainText(/niet gevonden|bestaat niet|onbekend/i, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("main script").count()).toBe(0);
});

test("a path starting with // keeps <base href> on the page's own origin", async ({ page, baseURL }) => {
  const offSite: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).hostname === "evil.example") offSite.push(r.url());
  });
  // `//evil.example/x` read as a base is protocol-relative: http://evil.example/.
  // (A full address: goto("//evil.example/x") would itself resolve off-site.)
  const response = await page.goto(`${new URL(baseURL!).origin}//evil.example/x`);
  expect(new URL(page.url()).pathname).toBe("//evil.example/x");
  expect(response?.status()).toBe(200);
  const { base, origin } = await page.evaluate(() => ({ base: document.baseURI, origin: location.origin }));
  expect(new URL(base).origin).toBe(origin);
  expect(offSite).toEqual([]);
});
