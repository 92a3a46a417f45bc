import { badInput } from "./errors.js";

/** Longest id the gateway puts in a path; Intercom's are far shorter (24-hex, numeric, uuid). */
const MAX_ID_LENGTH = 256;

/**
 * A path of the Intercom API whose ids are data, never path syntax: each id is exactly one
 * percent-encoded segment. `template` (`contacts/{id}/tags/{id}`) is what the code wrote, so it is
 * also the closed set metrics label routes with.
 */
export class UpstreamPath {
  private constructor(
    readonly template: string,
    readonly encoded: string,
  ) {}

  /** The only way to make one: see `path`. */
  static fromTemplate(strings: readonly string[], ids: ReadonlyArray<string | number>): UpstreamPath {
    let encoded = strings[0]!;
    ids.forEach((id, i) => (encoded += segment(id) + strings[i + 1]!));
    return new UpstreamPath(strings.join("{id}"), encoded);
  }
}

/**
 * `path\`contacts/${contactId}/tags/${tagId}\`` — every interpolated id becomes one path segment,
 * or the call is refused with BAD_USER_INPUT before anything is sent. Datasources can only call
 * Intercom with an UpstreamPath, so none can build a path by hand.
 */
export function path(strings: TemplateStringsArray, ...ids: Array<string | number>): UpstreamPath {
  return UpstreamPath.fromTemplate(strings, ids);
}

/**
 * One path segment for an id, or BAD_USER_INPUT. URL resolution (the client's, a proxy's, Intercom's)
 * collapses `.` and `..` — also spelt `%2e` — and `/` or `\` would split the id into segments.
 */
function segment(id: string | number): string {
  const text = String(id);
  const refuse = (why: string) => badInput(`${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? "…" : ""} is not a valid id: ${why}`);
  if (text.length === 0) throw refuse("it is empty");
  if (text.length > MAX_ID_LENGTH) throw refuse(`it is longer than ${MAX_ID_LENGTH} characters`);
  if (text === "." || text === "..") throw refuse("it is a dot segment");
  if (/[/\\]/.test(text)) throw refuse("it contains a slash");
  if (/%(2e|2f|5c)/i.test(text)) throw refuse("it contains an encoded dot or slash");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw refuse("it contains a control character");
  try {
    return encodeURIComponent(text);
  } catch {
    throw refuse("it is not valid Unicode (a lone surrogate)");
  }
}
