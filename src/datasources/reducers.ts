// What the generated reducers and the datasources share by hand: ids (as the graph needs them),
// request bodies, and the part authors the `author` links read.
import type { RestConversationPartAuthor } from "../generated/rest/conversations.js";
import type { RestTicketPartAuthor } from "../generated/rest/tickets.js";
import type { AuthorReference } from "../schema/conversation.js";
import { UpstreamError } from "./errors.js";

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

/** A list without the nulls Intercom sends in it (its examples show reactions: [null, null, …]); [] for none. */
export const present = <T>(list: Array<T | null> | null | undefined): T[] => (list ?? []).filter((item): item is T => item !== null && item !== undefined);

export const idOrNull = (id: string | number | null | undefined) => (id === null || id === undefined || id === "" ? null : String(id));

/** An id, or null where Intercom says "none" with 0 or "0" (an unassigned ticket's admin_assignee_id). */
export const knownIdOrNull = (id: string | number | null | undefined) => (id === 0 || id === "0" ? null : idOrNull(id));

/** Drops unset (null or undefined) members, so a request body names only what the caller set. */
export function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));
}

/** A Date for a request body's Unix seconds (omitted when absent). */
export const unixOrUndefined = (date: Date | null | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);

/** The author as Intercom names it, kept on parts and sources for the `author` link. */
export function authorRef(author: RestConversationPartAuthor | RestTicketPartAuthor): AuthorReference {
  return { type: author.type, id: String(author.id), name: author.name ?? null, email: author.email ?? null };
}
