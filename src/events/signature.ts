import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Intercom signs every notification: `X-Hub-Signature: sha1=<hex>`, the HMAC-SHA1 of the raw
 * request body keyed with the app's client secret (docs/webhooks.md). Checked on the bytes as
 * received, before anything parses them, and compared in constant time.
 */
export type SignatureCheck = "ok" | "missing" | "invalid";

const HEADER = /^sha1=([0-9a-f]{40})$/i;

/** The header value Intercom would send for `body` (the tests and the bench sign with it; the sandbox signs on its own, as Intercom does). */
export function signatureOf(body: Buffer | string, secret: string): string {
  return `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;
}

/**
 * Whether `header` (the X-Hub-Signature header as Node received it) signs `body` with one of
 * `secrets`. Absent or empty: "missing". Anything but one `sha1=` and 40 hex digits (a repeated
 * header arrives joined by commas) or a digest no secret produces: "invalid". Every secret is
 * tried, so the time taken does not say which one matched.
 */
export function checkSignature(body: Buffer, header: string | string[] | undefined, secrets: readonly string[]): SignatureCheck {
  if (header === undefined || header.length === 0) return "missing";
  if (Array.isArray(header)) return "invalid";
  const match = HEADER.exec(header.trim());
  if (!match) return "invalid";
  const given = Buffer.from(match[1]!, "hex");
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac("sha1", secret).update(body).digest();
    if (timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? "ok" : "invalid";
}
