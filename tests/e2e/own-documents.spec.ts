// Journey: a journalist adds this morning's answer letter and a PDF from last year, finds them with
// the published questions, reads them on the train, removes them again; nothing leaves the machine.
// Runs against a copy of the build whose published corpus leaves those two documents out
// (tests/e2e/own-dist.ts): every real document is published, and one that is already published is
// not added twice (tested below against the real build).
import { expect, test, type Page } from "@playwright/test";
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fold } from "./corpus";
import { LEFT_OUT, OWN_PORT } from "./own-dist";
import { ExplorerPage, untilOfflineReady } from "./pages/explorer-page";

const OWN = `http://127.0.0.1:${OWN_PORT}/`;
/** Read in the documents: the PDF (kamervragen with answers, 4 pages) has Vraag 1–6, the Word
 * letter repeats the 6 questions of Mutluer and Ellemeet before answering them. */
const PDF_QUESTIONS = 6;
const WORD_QUESTIONS = 6;

const file = (path: string, mimeType: string) => ({ name: basename(path), mimeType, buffer: readFileSync(path) });
const pdf = () => file(LEFT_OUT.pdf, "application/pdf");
const word = () => file(LEFT_OUT.word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

/** Adds `files` and waits until that add is over (not a round before it) and all were read. */
async function add(page: Page, files: ReturnType<typeof file>[]): Promise<void> {
  const own = page.locator("#eigen");
  const before = Number((await own.getAttribute("data-toevoegingen")) ?? 0);
  await page.getByTestId("add-document").setInputFiles(files);
  await expect(own).toHaveAttribute("data-toevoegingen", String(before + 1), { timeout: 60_000 });
  await expect(page.locator("#eigen-status")).toHaveText(/^(\d+) van \1 gelezen$/);
}

test.describe("with the two documents left out of the published corpus", () => {
  test.use({ baseURL: OWN });

  test("adding a real PDF and a real Word letter grows the count by exactly their questions, marked as own", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await add(page, [pdf(), word()]);
    await explorer.expectCount(before + PDF_QUESTIONS + WORD_QUESTIONS);
    const messages = page.getByTestId("add-message");
    await expect(messages).toHaveCount(2);
    await expect(messages.nth(0)).toContainText(`${PDF_QUESTIONS} vragen`);
    await expect(page.getByTestId("own-document")).toHaveCount(2);

    await explorer.toggle("bron", "eigen");
    await explorer.expectCount(PDF_QUESTIONS + WORD_QUESTIONS);
    await expect(explorer.questions.first().getByTestId("own-badge")).toHaveText("eigen document");
    await expect.poll(() => explorer.query()).toBe("bron=eigen");

    // The Word letter's own document page: its questions in reading order, marked as own.
    await page.getByTestId("own-document").nth(1).getByRole("link").click();
    await expect(page.getByTestId("document").getByTestId("own-badge")).toBeVisible();
    await expect(page.locator(".doc-question")).toHaveCount(WORD_QUESTIONS);
  });

  test("a facet's filter text stays in its field, and keeps filtering, when a document is added", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    const field = page.getByLabel("Partij zoeken");
    const names = () =>
      page.locator('input[data-facet="partij"]').evaluateAll((boxes) => boxes.map((b) => b.closest("label")!.querySelector(".facet-label")!.textContent ?? ""));
    const holding = (list: string[], piece: string) => list.filter((name) => fold(name).includes(fold(piece)));
    // A piece of text that some parties' names hold and others not.
    const everyListed = await names();
    const piece = everyListed
      .map((name) => name.slice(-3))
      .find((p) => holding(everyListed, p).length > 0 && holding(everyListed, p).length < everyListed.length)!;
    await field.fill(piece);
    await expect.poll(names).toEqual(holding(everyListed, piece));

    await add(page, [word()]);
    await explorer.expectCount(before + WORD_QUESTIONS);
    await expect(field).toHaveValue(piece);
    const shown = await names();
    await field.fill("");
    await expect.poll(async () => (await names()).length).toBeGreaterThan(shown.length);
    expect(shown).toEqual(holding(await names(), piece));
  });

  test("a file added while another is still being read waits for it, and both are added", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    const field = page.getByTestId("add-document");
    await field.setInputFiles([pdf()]);
    await field.setInputFiles([word()]);
    await explorer.expectCount(before + PDF_QUESTIONS + WORD_QUESTIONS);
    await expect(page.getByTestId("own-document")).toHaveCount(2);
    await expect(page.locator("#eigen-status")).toHaveText("2 van 2 gelezen", { timeout: 60_000 });
  });

  test("search finds the text of an added Word letter", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open("?q=Sammy%20Baker");
    await explorer.expectCount(0);
    await add(page, [word()]);
    await expect.poll(() => explorer.count()).toBeGreaterThan(0);
    const ids = await explorer.questionIds();
    expect(ids.every((id) => id.startsWith("eigen-"))).toBe(true);
    await expect(explorer.marks.first()).toBeVisible();
  });

  test("someone typing a search while a letter is added keeps the box, its text and its focus, and the results follow", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await explorer.search.click();
    await page.keyboard.type("Sammy");
    await explorer.expectCount(0);
    await add(page, [word()]);
    await expect.poll(() => explorer.count()).toBeGreaterThan(0);
    await expect(explorer.search).toBeFocused();
    await expect(explorer.search).toHaveValue("Sammy");
    await page.keyboard.type(" Baker");
    await expect(explorer.search).toHaveValue("Sammy Baker");
    await expect.poll(() => explorer.query()).toBe("q=Sammy+Baker");
    const ids = await explorer.questionIds();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith("eigen-"))).toBe(true);
  });

  test("added documents are still there after reloading offline, and can be removed one by one or all", async ({ page, context }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await untilOfflineReady(page);
    const before = await explorer.count();
    await add(page, [pdf(), word()]);
    await explorer.expectCount(before + PDF_QUESTIONS + WORD_QUESTIONS);

    await context.setOffline(true);
    await page.reload();
    await explorer.expectCount(before + PDF_QUESTIONS + WORD_QUESTIONS);
    await expect(page.getByTestId("own-document")).toHaveCount(2);
    await expect(page.getByTestId("own-storage")).toContainText("2 eigen documenten");

    await page.getByRole("button", { name: `Verwijder ${pdf().name}` }).click();
    await explorer.expectCount(before + WORD_QUESTIONS);
    await expect(page.getByTestId("own-document")).toHaveCount(1);
    await page.reload();
    await explorer.expectCount(before + WORD_QUESTIONS);

    await page.getByTestId("remove-all-own").click();
    await explorer.expectCount(before);
    await expect(page.getByTestId("own-document")).toHaveCount(0);
    await page.reload();
    await explorer.expectCount(before);
    await context.setOffline(false);
  });

  test("a bad file gets the build's message naming it, and the good file beside it is added", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await add(page, [
      { name: "antwoord.doc", mimeType: "application/msword", buffer: Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 oud Word", "latin1") },
      { name: "kapot.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj <<") },
      word(),
    ]);
    const refused = page.locator('[data-testid=add-message][data-status=geweigerd]');
    await expect(refused).toHaveCount(2);
    await expect(refused.filter({ hasText: /^antwoord\.doc: / })).toContainText("sla het op als .docx");
    await expect(refused.filter({ hasText: /^kapot\.pdf: / })).toHaveCount(1);
    await explorer.expectCount(before + WORD_QUESTIONS);
  });

  test("a PDF saved under a Word name is refused saying what it is, an empty file as empty, and the file beside them is added", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await add(page, [
      { ...pdf(), name: "brief.docx" },
      { name: "leeg.txt", mimeType: "text/plain", buffer: Buffer.from(" \r\n\n") },
      word(),
    ]);
    await expect(page.locator("[data-testid=add-message][data-status=geweigerd]")).toHaveText([
      "brief.docx: error: de inhoud is een PDF-bestand, maar de naam eindigt op .docx; geef het bestand de extensie .pdf; niet verwerkt",
      "leeg.txt: error: het bestand is leeg; niet verwerkt",
    ]);
    await explorer.expectCount(before + WORD_QUESTIONS);
  });

  test("a file over the build's 64 MB limit is refused with the build's message and its size, and the file beside it is added", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    // 65 MB on disk (sparse): the build refuses any file over 64 MB (parse::sources::MAX_FILE_BYTES).
    const big = test.info().outputPath("te-groot.pdf");
    writeFileSync(big, "");
    truncateSync(big, 65 * 1024 * 1024);
    await page.getByTestId("add-document").setInputFiles([big, LEFT_OUT.word]);
    await expect(page.locator("#eigen-status")).toHaveText("1 van 1 gelezen", { timeout: 60_000 });
    await expect(page.locator("[data-testid=add-message][data-status=geweigerd]")).toHaveText(
      "te-groot.pdf: error: het bestand is 65 MB, meer dan de grens van 64 MB; niet verwerkt",
    );
    await explorer.expectCount(before + WORD_QUESTIONS);
    rmSync(big);
  });

  test("a file the device cannot read is refused with its name and the reason, and the file beside it is added", async ({ page }) => {
    // The disk refuses one file (it was moved, or access was taken away): its stream fails.
    await page.addInitScript(() => {
      const stream = File.prototype.stream;
      File.prototype.stream = function () {
        if (this.name !== "verdwenen.pdf") return stream.call(this);
        return new ReadableStream({ pull: (c) => c.error(new DOMException("het bestand is weg", "NotReadableError")) });
      };
    });
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await add(page, [{ ...pdf(), name: "verdwenen.pdf" }, word()]);
    await expect(page.locator("[data-testid=add-message][data-status=geweigerd]")).toHaveText(
      "verdwenen.pdf: error: het bestand kan niet worden gelezen (het bestand is weg); niet verwerkt",
    );
    await explorer.expectCount(before + WORD_QUESTIONS);
  });

  test("when the device's storage is full, adding is refused with a clear message and nothing changes", async ({ page }) => {
    // 50 kB left on this device (the browser's own estimate, made small for the test).
    await page.addInitScript(() => {
      Object.defineProperty(navigator.storage, "estimate", { value: async () => ({ usage: 5_000_000, quota: 5_050_000 }) });
    });
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await page.getByTestId("add-document").setInputFiles([pdf()]);
    await expect(page.locator("#eigen-status")).toContainText("Niet genoeg opslagruimte op dit apparaat", { timeout: 60_000 });
    await expect(page.locator("#eigen-status")).toContainText("Verwijder eerst eigen documenten");
    await explorer.expectCount(before);
    await expect(page.getByTestId("own-document")).toHaveCount(0);
  });

  test("adding documents sends nothing: no request carries a file, and once the reader is loaded none is made at all", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const requests: { url: string; method: string; body: boolean }[] = [];
    page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() !== null }));
    await add(page, [word()]);
    // The first time, only the reader's own code and the published corpus are fetched (GET, from
    // this site: under lezer/, the corpus's text shards, which an own answer letter joins, and the
    // search index the page loads after its first results).
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.method).toBe("GET");
      expect(r.body).toBe(false);
      expect(new URL(r.url).origin + "/").toBe(OWN);
      expect(new URL(r.url).pathname).toMatch(/^\/(lezer\/|(corpus|tekst|zoekindex)-[0-9a-f]+\.bin$)/);
    }
    requests.length = 0;
    await add(page, [pdf()]);
    await expect(page.getByTestId("own-document")).toHaveCount(2);
    expect(requests).toEqual([]);
  });

  /** The reader's wasm, wherever the build put it. */
  const READER_WASM = /\/lezer\/lezer-[0-9a-f]+_bg\.wasm$/;

  /** Opens the page, then `prepare` (which gives what to wait for while the dialog is open), then the
   * file dialog; chooses the PDF in it once that happened, and checks that it was added. */
  async function addPdfThroughDialog(page: Page, prepare: () => Promise<() => Promise<unknown>>): Promise<void> {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    const whileOpen = await prepare();
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId("add-document").click();
    await whileOpen();
    await (await chooser).setFiles([pdf()]);
    await expect(page.locator("#eigen-status")).toHaveText("1 van 1 gelezen", { timeout: 60_000 });
    await explorer.expectCount(before + PDF_QUESTIONS);
  }

  test("opening the file dialog starts loading the reader, and the files chosen in it are added", async ({ page }) => {
    // The reader's wasm is asked for while the dialog is still open, before any file is chosen.
    await addPdfThroughDialog(page, async () => {
      const reader = page.waitForRequest((r) => READER_WASM.test(new URL(r.url()).pathname));
      return () => reader;
    });
  });

  test("a reader whose download failed is loaded again when files are added", async ({ page }) => {
    // The network drops just as the dialog opens: the reader's wasm does not arrive.
    await addPdfThroughDialog(page, async () => {
      let failed = 0;
      await page.context().route((url) => READER_WASM.test(url.pathname), (route) => (failed++ === 0 ? route.abort() : route.continue()));
      return () => expect.poll(() => failed).toBeGreaterThan(0);
    });
  });

  test("reading a 4-page PDF is timed in the worker and on the page (reported, not a pass mark)", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const before = await explorer.count();
    await add(page, [pdf()]);
    await explorer.expectCount(before + PDF_QUESTIONS);
    const own = page.locator("#eigen");
    const read = Number(await own.getAttribute("data-lees-ms"));
    const worker = Number(await own.getAttribute("data-werker-ms"));
    const total = Number(await own.getAttribute("data-pagina-ms"));
    // Read = reading and parsing the file; the worker's time adds merging into the published corpus
    // and indexing it all; the page's adds starting the worker and storing. Measured properly by
    // bench/own-documents.mjs (docs/performance.md).
    console.log(`own documents: 4-page PDF read in ${read} ms, worker ${worker} ms, page ${total} ms (first use)`);
    expect(read).toBeGreaterThan(0);
    expect(worker).toBeGreaterThanOrEqual(read);
    expect(total).toBeGreaterThanOrEqual(worker);
  });
});

test("a document that is already published is named, with a link to it, and not added twice", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const before = await explorer.count();
  await add(page, [pdf()]);
  const message = page.getByTestId("add-message");
  await expect(message).toHaveAttribute("data-status", "staat-al-in-briefwissel");
  await expect(message).toContainText(`${pdf().name} staat al in Briefwissel`);
  await explorer.expectCount(before);
  await message.getByRole("link").click();
  await expect(page.getByTestId("document")).toHaveAttribute("data-document-id", /-pdf$/);
});

test("a link to an own document, opened where it was not added, says where it lives", async ({ page }) => {
  await page.goto("document/eigen-kv-055-antwoord");
  await expect(page.locator("main#inhoud")).toContainText("dit document staat alleen op het apparaat waarop het is toegevoegd");
  await page.goto("vraag/eigen-kv-055-antwoord-v1");
  await expect(page.locator("main#inhoud")).toContainText("dit document staat alleen op het apparaat waarop het is toegevoegd");
});

test("a text saved as UTF-16 (Windows's Unicode text) is read: the published letter it holds is named, not refused", async ({ page }) => {
  // kv-005 is published; the same text in UTF-16 with a byte order mark, as Notepad saves it.
  const path = "data/documents/kamervragen/kv-005-antwoord-op-vragen-van-het-lid-nordkamp-docx.txt";
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, "utf8"), "utf16le")]);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const before = await explorer.count();
  await add(page, [{ name: "nordkamp-unicode.txt", mimeType: "text/plain", buffer: utf16 }]);
  const message = page.getByTestId("add-message");
  await expect(message).toHaveAttribute("data-status", "staat-al-in-briefwissel");
  await expect(message).toContainText("nordkamp-unicode.txt staat al in Briefwissel");
  await explorer.expectCount(before);
  await message.getByRole("link").click();
  await expect(page.getByTestId("document")).toHaveAttribute("data-document-id", /^kv-005-/);
});
