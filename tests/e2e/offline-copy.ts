// What the offline copy should hold and say, worked out from the build's files (not from the service
// worker's list): every file except the worker itself, the 404 and single-file copies, the reader of
// own documents, the question and document pages and source maps; shown in MB as the page writes them.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The files of `dist` an offline copy keeps, with their sizes in bytes. */
export function offlineFiles(dist: string): Map<string, number> {
  const kept = new Map<string, number>();
  for (const path of walk(dist)) {
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
