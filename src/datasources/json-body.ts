import { isAscii } from "node:buffer";
import { LRUCache } from "lru-cache";

/**
 * Past this many runs, or a 256th of the body in them, the body has more than a few non-ASCII
 * characters, and V8's own UTF-8 path is faster than escaping them (a Japanese inbox: ~40 % slower).
 */
const MAX_ESCAPED_RUNS = 64;
const MAX_ESCAPED_SHARE = 1 / 256;

/** Bytes checked at a time for non-ASCII ones (`isAscii` is vectorised; a regex over the text took ~60 µs for 38 KB). */
const CHUNK = 512;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A run of UTF-8 bytes as JSON `\u` escapes of the characters it encodes. */
function escaped(run: Buffer): string {
  const text = run.toString("utf8");
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += `\\u${HEX[code >> 8]}${HEX[code & 0xff]}`;
  }
  return out;
}

/**
 * An upstream JSON body parsed: the same value as `JSON.parse(body.toString("utf8"))` (a UTF-8
 * byte order mark skipped, as undici's `text()` does), in less time for what Intercom sends.
 * A handful of non-ASCII characters in a 38 KB conversation list (a name, a dash) sends V8's
 * UTF-8 decoding down its slow path for the whole body (~85 µs, against ~3 µs as Latin-1) and
 * makes the string two bytes a character. So the bytes are read as Latin-1, each run of non-ASCII
 * bytes becomes the `\u` escapes of the characters it encodes, and JSON.parse reads a one-byte
 * string. Bodies with more than a few non-ASCII characters take the plain path. Throws like JSON.parse.
 */
export function parseJsonBody(body: Buffer): unknown {
  const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  if (isAscii(body)) return JSON.parse(body.toString("latin1", start));
  const end = body.length;
  const maxRunBytes = (end - start) * MAX_ESCAPED_SHARE;
  let out = "";
  let from = start;
  let runs = 0;
  let runBytes = 0;
  // Runs of bytes over 0x7f (UTF-8 sequences; in valid JSON only inside strings), found chunk by chunk.
  for (let chunk = start; chunk < end; chunk += CHUNK) {
    const chunkEnd = Math.min(chunk + CHUNK, end);
    if (chunkEnd <= from || isAscii(body.subarray(chunk, chunkEnd))) continue;
    for (let i = Math.max(chunk, from); i < chunkEnd; i++) {
      if (body[i]! < 0x80) continue;
      let runEnd = i + 1;
      while (runEnd < end && body[runEnd]! >= 0x80) runEnd++;
      runBytes += runEnd - i;
      if (++runs > MAX_ESCAPED_RUNS || runBytes > maxRunBytes) return JSON.parse(body.toString("utf8", start));
      out += body.toString("latin1", from, i) + escaped(body.subarray(i, runEnd));
      from = runEnd;
      i = runEnd - 1;
    }
  }
  return JSON.parse(out + body.toString("latin1", from));
}

/** Freezes a parsed body all the way down: a body shared between requests can't be changed by one of them. */
export function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Memory a kept body takes, per byte of it: its copy plus its parsed value (~1.0–1.25 × on Intercom's JSON, measured). */
const KEPT_BYTES_PER_BODY_BYTE = 3;

/**
 * Upstream read bodies parsed before, reused when the same read answers the very same bytes again:
 * an inbox polled while nothing changed costs a byte comparison instead of JSON.parse and the
 * garbage it leaves (together the largest share of the gateway's CPU per inbox: docs/performance.md).
 * Never stale: every read still goes upstream, and a parsed value is reused only for identical
 * bytes. Values are frozen, since every request reading them shares them. Keys carry the token's
 * hash (tenants never share an entry); memory is bounded by `maxBytes`, least recently read first.
 */
export class ParsedBodies {
  private readonly bodies: LRUCache<string, { bytes: Buffer; value: unknown }>;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly onParse: (reused: boolean) => void = () => {},
  ) {
    this.bodies = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry, key) => entry.bytes.length * KEPT_BYTES_PER_BODY_BYTE + key.length });
  }

  /** `bytes` parsed (frozen), as parseJsonBody would, or the value parsed last time `key` answered them. */
  parse(key: string, bytes: Buffer): unknown {
    const kept = this.bodies.get(key);
    if (kept && kept.bytes.equals(bytes)) {
      this.onParse(true);
      return kept.value;
    }
    const value = parseJsonBody(bytes);
    deepFreeze(value);
    this.onParse(false);
    if (bytes.length * KEPT_BYTES_PER_BODY_BYTE + key.length <= this.maxBytes / 8) {
      // A copy of its own: `bytes` may be a slice of a larger pooled buffer, which it would keep alive.
      const copy = Buffer.allocUnsafeSlow(bytes.length);
      bytes.copy(copy);
      this.bodies.set(key, { bytes: copy, value });
    } else {
      this.bodies.delete(key);
    }
    return value;
  }
}
