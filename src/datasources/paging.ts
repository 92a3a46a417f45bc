import type { RestCursorPages } from "../generated/rest/common.js";

/** One page of a cursor-paged upstream list (`starting_after` style). */
export interface CursorPage<T> {
  items: T[];
  /** Upstream cursor of the next page, null on the last page. */
  nextCursor: string | null;
  totalCount: number | null;
}

/** The document's cursor_pages: the next page starts after `next.starting_after`. */
export const nextCursorOf = (pages: Pick<RestCursorPages, "next"> | null | undefined): string | null => pages?.next?.starting_after ?? null;

/** The most results one list or search page may hold in Intercom 2.11. */
export const MAX_PAGE_SIZE = 150;

export function paginationBody(perPage: number, startingAfter?: string | null) {
  return { per_page: perPage, ...(startingAfter ? { starting_after: startingAfter } : {}) };
}
