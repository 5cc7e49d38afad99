// Every file under a folder, as paths that start with it: the one walk the build scripts and tests share.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The paths of all files under `dir`, in the order the folders list them. */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
