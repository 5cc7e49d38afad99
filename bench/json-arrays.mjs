// Reads the arrays of a JSON file's top-level object one element at a time, from its bytes: the
// 500× export is 0.7 GB, more than one JavaScript string may hold (about 0.5 GB), so it cannot be
// parsed whole. Every structural character of JSON is ASCII and no byte of a multi-byte UTF-8
// character is, so the elements are found by scanning bytes; each is then parsed on its own.
import { readFileSync } from "node:fs";

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, COMMA = 0x2c, COLON = 0x3a;

const isSpace = (b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The index just past the JSON string starting at `at` (its opening quote). */
function stringEnd(bytes, at) {
  for (let i = at + 1; i < bytes.length; i++) {
    if (bytes[i] === BACKSLASH) i++;
    else if (bytes[i] === QUOTE) return i + 1;
  }
  throw new Error(`json-arrays: a string from byte ${at} is not closed`);
}

/** The index just past the JSON value starting at `at`. */
function valueEnd(bytes, at) {
  if (bytes[at] === QUOTE) return stringEnd(bytes, at);
  if (bytes[at] !== OPEN_BRACE && bytes[at] !== OPEN_BRACKET) {
    let i = at;
    while (i < bytes.length && bytes[i] !== COMMA && bytes[i] !== CLOSE_BRACE && bytes[i] !== CLOSE_BRACKET && !isSpace(bytes[i])) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) i = stringEnd(bytes, i) - 1;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  throw new Error(`json-arrays: a value from byte ${at} is not closed`);
}

function skipSpace(bytes, i) {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** Calls `onElement[key](element)` for every element of each top-level array named in `onElement`,
 * in order; other members are skipped unparsed. Returns how many elements each array had. */
export function eachElement(path, onElement) {
  const bytes = readFileSync(path);
  const counts = {};
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) throw new Error(`json-arrays: ${path} is not a JSON object`);
  i = skipSpace(bytes, i + 1);
  while (i < bytes.length && bytes[i] !== CLOSE_BRACE) {
    const keyEnd = stringEnd(bytes, i);
    const key = JSON.parse(bytes.toString("utf8", i, keyEnd));
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) throw new Error(`json-arrays: no ':' after "${key}" at byte ${i}`);
    i = skipSpace(bytes, i + 1);
    const handle = onElement[key];
    if (handle && bytes[i] === OPEN_BRACKET) {
      counts[key] = 0;
      i = skipSpace(bytes, i + 1);
      while (bytes[i] !== CLOSE_BRACKET) {
        const end = valueEnd(bytes, i);
        handle(JSON.parse(bytes.toString("utf8", i, end)));
        counts[key]++;
        i = skipSpace(bytes, end);
        if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
      }
      i++;
    } else {
      i = valueEnd(bytes, i);
    }
    i = skipSpace(bytes, i);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
  }
  return counts;
}
