import { badInput } from "../datasources/errors.js";
import type { CursorPage } from "../datasources/paging.js";
import type { Connection } from "../schema/common.js";

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
  const edges = items.map((node, i) => {
    const index = start.o + i;
    const endsUpstreamPage = index === page.items.length - 1 && page.nextCursor !== null;
    return { node, cursor: encode(endsUpstreamPage ? { u: page.nextCursor, o: 0 } : { u: start.u, o: index + 1 }) };
  });
  return {
    edges,
    nodes: items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.items.length > start.o + items.length || page.nextCursor !== null,
      hasPreviousPage: args.after !== undefined && args.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
