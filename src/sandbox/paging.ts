// Paging in the two styles the document uses: page-numbered lists (`page`, `per_page`, a
// `pages` object with `total_pages`) and cursor lists (`per_page`, `starting_after`,
// `pages.next.starting_after`), with Intercom's answers to bad paging parameters.
import type { RestCursorPages, RestStartingAfterPaging } from "../generated/rest/common.js";
import { badRequest } from "./errors.js";
import type { Sent } from "./records.js";

/** The largest page of cursor lists and search, and of most page-numbered lists. */
export const MAX_PER_PAGE = 150;

/**
 * per_page from a query string or a pagination object: a positive integer, at most `max`
 * (past it: refused, or capped where Intercom caps silently). `overflow: "accept"` lets digits
 * too many for a double through as Infinity (then capped or refused by `max`), as the company
 * and news lists always have; elsewhere they are not a positive integer.
 */
export function parsePerPage(
  raw: unknown,
  fallback: number,
  { max = MAX_PER_PAGE, overMax = "refuse", overflow = "refuse" }: { max?: number; overMax?: "refuse" | "cap"; overflow?: "refuse" | "accept" } = {},
): number {
  if (raw === undefined || raw === null || raw === "") return fallback;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  const positive = overflow === "accept" ? n >= 1 : Number.isInteger(n) && n >= 1;
  if (!positive) throw badRequest("parameter_invalid", "per_page must be a positive integer", "per_page");
  if (n > max) {
    if (overMax === "cap") return max;
    throw badRequest("parameter_invalid", `per_page must be at most ${max}`, "per_page");
  }
  return n;
}

/** page (1-based) from a query string; `overflow` as for parsePerPage (accepted by default, as most lists do). */
export function parsePage(raw: string | undefined, { overflow = "accept" }: { overflow?: "refuse" | "accept" } = {}): number {
  if (raw === undefined || raw === "") return 1;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const positive = overflow === "accept" ? n >= 1 : Number.isInteger(n) && n >= 1;
  if (!positive) throw badRequest("parameter_invalid", "page must be a positive integer", "page");
  return n;
}

/** One page of a page-numbered list, and how many pages the list has. */
export function pageSlice<T>(items: T[], page: number, perPage: number): { data: T[]; totalPages: number } {
  return { data: items.slice((page - 1) * perPage, page * perPage), totalPages: Math.ceil(items.length / perPage) };
}

/** The `pages` object of a page-numbered list (`cursor_pages` without `next`). */
export const pagesOf = (page: number, perPage: number, totalPages: number) => ({ type: "pages" as const, page, per_page: perPage, total_pages: totalPages });

// ---------------------------------------------------------------- cursor lists

type SortValue = string | number | boolean | null;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

export interface SortSpec<T> {
  value: (record: T) => SortValue;
  descending: boolean;
}

export interface Page<T> {
  items: T[];
  /** `cursor_pages` with its page numbers; `next` (always with a cursor) only when there is a next page. */
  pages: Omit<Sent<RestCursorPages, "page" | "per_page" | "total_pages">, "next"> & { next?: Required<RestStartingAfterPaging> };
  total_count: number;
}

/**
 * Keyset pagination: the cursor is base64 of `[sortValue, id]` of the last item served
 * (the shape of Intercom's own cursors), so a page after a concurrent update neither
 * repeats nor skips the records that did not move.
 */
export function paginate<T extends { id: string }>(records: T[], sort: SortSpec<T>, perPage: number, startingAfter?: string): Page<T> {
  const key = (r: T): [SortValue, string] => [sort.value(r), r.id];
  const compare = (a: [SortValue, string], b: [SortValue, string]) => {
    const c = compareValues(a[0], b[0]) || compareValues(a[1], b[1]);
    return sort.descending ? -c : c;
  };
  const sorted = [...records].sort((a, b) => compare(key(a), key(b)));
  let start = 0;
  if (startingAfter !== undefined && startingAfter !== "") {
    const cursor = decodeCursor(startingAfter);
    start = sorted.findIndex((r) => compare(key(r), cursor) > 0);
    if (start === -1) start = sorted.length;
  }
  const items = sorted.slice(start, start + perPage);
  const totalPages = Math.ceil(sorted.length / perPage);
  const page: Page<T> = {
    items,
    total_count: sorted.length,
    pages: { type: "pages", page: Math.min(Math.floor(start / perPage) + 1, Math.max(totalPages, 1)), per_page: perPage, total_pages: totalPages },
  };
  if (start + perPage < sorted.length) {
    page.pages.next = { per_page: perPage, starting_after: encodeCursor(key(items[items.length - 1]!)) };
  }
  return page;
}

function encodeCursor(key: [SortValue, string]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64");
}

function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string") return parsed as [SortValue, string];
  } catch {
    // fall through
  }
  throw badRequest("parameter_invalid", "starting_after is not a valid cursor");
}
