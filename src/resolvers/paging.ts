import { badInput } from "../datasources/errors.js";
import type { CursorPage } from "../datasources/paging.js";
import type { Connection, PageInfo } from "../schema/common.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Where an edge sits: after upstream cursor `u` (null: the first page),
 * skipping `o` items. Intercom's cursors point at pages, not items, so an
 * edge in the middle of a page resumes by re-reading that page and skipping.
 */
interface Position {
  u: string | null;
  o: number;
}

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString("base64url");

function decode(cursor: string): Position {
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Position;
    if ((typeof position.u === "string" || position.u === null) && Number.isInteger(position.o) && position.o >= 0) {
      return position;
    }
  } catch {
    // fall through
  }
  throw badInput("`after` is not a cursor this graph returned", "after");
}

/** Checks `first` and caps it at the upstream's page size. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(first) || first < 1) throw badInput("`first` must be a positive integer", "first");
  return Math.min(first, max);
}

/** A Relay connection over a `starting_after`-paged upstream list, one upstream call per page asked for. */
export async function cursorConnection<T>(
  args: PageArgs,
  limits: { defaultSize: number; maxSize: number },
  fetchPage: (perPage: number, startingAfter: string | null) => Promise<CursorPage<T>>,
): Promise<Connection<T>> {
  const first = pageSize(args.first, limits.defaultSize, limits.maxSize);
  const start: Position = args.after ? decode(args.after) : { u: null, o: 0 };
  const page = await fetchPage(Math.min(limits.maxSize, start.o + first), start.u);
  const items = page.items.slice(start.o, start.o + first);
  return connectionOf(items, page.totalCount, {
    hasNextPage: page.items.length > start.o + items.length || page.nextCursor !== null,
    hasPreviousPage: args.after !== undefined && args.after !== null,
  }, (i) => {
    const index = start.o + i;
    const endsUpstreamPage = index === page.items.length - 1 && page.nextCursor !== null;
    return encode(endsUpstreamPage ? { u: page.nextCursor, o: 0 } : { u: start.u, o: index + 1 });
  });
}

/** One page of a `page`/`per_page`-paged upstream list. */
export interface NumberedPage<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

interface PagePosition {
  /** Upstream page number (1-based) and items of it already consumed. */
  p: number;
  o: number;
}

const encodePage = (position: PagePosition) => Buffer.from(JSON.stringify(position)).toString("base64url");

function decodePage(cursor: string): PagePosition {
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as PagePosition;
    if (Number.isInteger(position.p) && position.p >= 1 && Number.isInteger(position.o) && position.o >= 0) return position;
  } catch {
    // fall through
  }
  throw badInput("`after` is not a cursor this graph returned", "after");
}

/**
 * A Relay connection over a `page`/`per_page` upstream list. The page size is
 * fixed at `pageSize` so page numbers stay stable between requests; `first`
 * larger than what is left of a page is served from that page alone (Relay
 * allows fewer), so one connection page costs one upstream call.
 */
export async function numberedPageConnection<T>(
  args: PageArgs,
  limits: { defaultSize: number; maxSize: number },
  fetchPage: (page: number, perPage: number) => Promise<NumberedPage<T>>,
): Promise<Connection<T>> {
  const first = pageSize(args.first, limits.defaultSize, limits.maxSize);
  const start: PagePosition = args.after ? decodePage(args.after) : { p: 1, o: 0 };
  const perPage = limits.maxSize;
  const page = await fetchPage(start.p, perPage);
  const items = page.items.slice(start.o, start.o + first);
  const morePages = page.totalPages !== null ? start.p < page.totalPages : page.items.length === perPage;
  return connectionOf(items, page.totalCount, {
    hasNextPage: page.items.length > start.o + items.length || morePages,
    hasPreviousPage: args.after !== undefined && args.after !== null,
  }, (i) => {
    const index = start.o + i;
    const endsPage = index === page.items.length - 1;
    return encodePage(endsPage ? { p: start.p + 1, o: 0 } : { p: start.p, o: index + 1 });
  });
}

/** A Relay connection over a list the upstream returns whole (tags, segments, …): no extra calls. */
export function arrayConnection<T>(items: T[], args: PageArgs, limits = { defaultSize: 50, maxSize: 1000 }): Connection<T> {
  const first = pageSize(args.first, limits.defaultSize, limits.maxSize);
  const start = args.after ? decode(args.after).o : 0;
  const slice = items.slice(start, start + first);
  return connectionOf(slice, items.length, { hasNextPage: start + slice.length < items.length, hasPreviousPage: start > 0 }, (i) =>
    encode({ u: null, o: start + i + 1 }),
  );
}

/**
 * A connection over one page of items; `cursorAt(i)` is the cursor of its i-th item. Edges and
 * cursors are made only when the selection reads them: most clients read `nodes`.
 */
function connectionOf<T>(
  items: T[],
  totalCount: number | null,
  page: Pick<PageInfo, "hasNextPage" | "hasPreviousPage">,
  cursorAt: (i: number) => string,
): Connection<T> {
  return {
    nodes: items,
    totalCount,
    get edges() {
      return items.map((node, i) => ({ node, cursor: cursorAt(i) }));
    },
    get pageInfo() {
      const last = items.length - 1;
      return {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: last >= 0 ? cursorAt(0) : null,
        endCursor: last >= 0 ? cursorAt(last) : null,
      };
    },
  };
}
