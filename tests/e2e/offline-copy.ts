// What the offline copy should hold and say, worked out from the build's files (not from the service
// worker's list): every file except the worker itself, the 404 and single-file copies, the reader of
// own documents, the question and document pages and source maps; shown in MB as the page writes them.
import type { Page } from "@playwright/test";
import { statSync } from "node:fs";
import { relative } from "node:path";
import { filesUnder } from "../../scripts/files-under.mjs";

/** The files of `dist` an offline copy keeps, with their sizes in bytes. */
export function offlineFiles(dist: string): Map<string, number> {
  const kept = new Map<string, number>();
  for (const path of filesUnder(dist) as string[]) {
    const file = relative(dist, path).split("\\").join("/");
    const left = ["sw.js", "404.html", "briefwissel.html"].includes(file) || file.endsWith(".map") || /^precache-/.test(file);
    if (left || /^(lezer|vraag|document)\//.test(file)) continue;
    kept.set(file, statSync(path).size);
  }
  return kept;
}

/** A size as the page says it: megabytes of 1024 × 1024 bytes, one decimal, a decimal comma. */
export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

/** The sum of `sizes`. */
export const total = (sizes: Iterable<number>): number => [...sizes].reduce((n, b) => n + b, 0);

/** The files in the service worker's caches, as paths under the site. */
export const cachedFiles = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith("briefwissel-"));
    const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return keys.map((r) => decodeURIComponent(new URL(r.url).pathname.slice(1)));
  });
