// CSP helpers shared by postbuild.mjs and single-file.mjs: hash inline scripts and styles into the meta tag.
import { createHash } from "node:crypto";

export const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Sets the hashes of one directive of the CSP meta tag (created if the directive is missing): exactly
 * `hashes`, so a hash of a script the page no longer has (an earlier start page copy) does not stay. */
function setCspHashes(html, directive, hashes) {
  const meta = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")/i;
  const found = html.match(meta);
  if (!found) {
    console.error("postbuild: index.html has no Content-Security-Policy meta tag; inline code will be blocked");
    return html;
  }
  const parts = found[2].split(";").map((p) => p.trim()).filter(Boolean);
  let at = parts.findIndex((p) => p.split(/\s+/)[0] === directive);
  if (at < 0) {
    parts.push(`${directive} 'self'`);
    at = parts.length - 1;
  }
  const tokens = parts[at].split(/\s+/).filter((t) => !t.startsWith("'sha256-"));
  for (const h of hashes) if (!tokens.includes(h)) tokens.push(h);
  parts[at] = tokens.join(" ");
  return html.replace(meta, (_, open, _content, close) => `${open}${parts.join("; ")}${close}`);
}

/** The text of every inline executable script (no src, JavaScript or module type). */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = (attrs.match(/\btype\s*=\s*["']?([^"'\s>]+)/i) || [])[1];
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue;
    out.push(m[2]);
  }
  return out;
}

export function inlineStyles(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
}

export function withCspHashes(html) {
  let result = setCspHashes(html, "script-src", inlineScripts(html).map(sha256));
  if (/style-src/.test(result)) result = setCspHashes(result, "style-src", inlineStyles(html).map(sha256));
  return result;
}
