// REST shapes and reducers that several resources share: references, part authors,
// attachments, ids and timestamps.
import type { AuthorReference, PartAttachment } from "../schema/conversation.js";
import { UpstreamError } from "./errors.js";

export interface RestReference {
  type: string;
  id?: string | number | null;
}

export interface RestAuthor {
  type: string;
  id: string | number;
  name?: string | null;
  email?: string | null;
}

export interface RestAttachment {
  type: string;
  name: string;
  url: string;
  content_type: string;
  filesize?: number | null;
  width?: number | null;
  height?: number | null;
}

/**
 * The id an answer must carry: a 2xx whose object has none (a write Intercom did not confirm, an
 * object it did not send) is UPSTREAM_ERROR, never the string "undefined".
 */
export function requiredId(id: string | number | null | undefined, what = "the answer"): string {
  if (id === null || id === undefined || id === "") {
    throw new UpstreamError(`Intercom answered ${what} without the id it promises`, undefined, { code: "UPSTREAM_ERROR" });
  }
  return String(id);
}

export const idOrNull = (id: string | number | null | undefined) => (id === null || id === undefined || id === "" ? null : String(id));

/** Drops unset (null or undefined) members, so a request body names only what the caller set. */
export function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));
}

/** A Date for a request body's Unix seconds (omitted when absent). */
export const unixOrUndefined = (date: Date | null | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);

/** The author as Intercom names it, kept on parts and sources for the `author` link. */
export function authorRef(author: RestAuthor): AuthorReference {
  return { type: author.type, id: String(author.id), name: author.name ?? null, email: author.email ?? null };
}

export function attachmentsReducer(list: RestAttachment[] | null | undefined): PartAttachment[] {
  return (list ?? []).map((a) => ({
    type: a.type,
    name: a.name,
    url: a.url,
    contentType: a.content_type,
    filesize: a.filesize ?? null,
    width: a.width ?? null,
    height: a.height ?? null,
  }));
}
