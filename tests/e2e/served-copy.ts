// A copy of the build served on a port of its own, for journeys that change what a deploy holds.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { DIST } from "../../playwright.config";

/** Copies the build under test to `dir`, lets `prepare` change the copy, and serves it on `port`. */
export async function serveCopy(dir: string, port: number, prepare: (dir: string) => void = () => {}): Promise<ChildProcess> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  prepare(dir);
  const server = spawn("node", ["scripts/static-server.mjs", "--dir", dir, "--port", String(port)], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the copy in ${dir} was not served on port ${port}`);
}
