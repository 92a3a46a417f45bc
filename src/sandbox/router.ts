// The sandbox's routing: a table of the document's operations, each named by its operationId,
// and the one matcher that picks a route for a request. Which route wins is decided by
// specificity, never by the order of the table: a literal segment beats a parameter.
import { ApiError } from "./errors.js";
import type { Workspace } from "./workspace.js";

export interface RouteContext {
  ws: Workspace;
  /** Wall clock in ms (Date.now in production; injectable for tests). */
  now: () => number;
  searchIndexLagMs: number;
}

export interface RouteInput {
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** Returns the 200 JSON body, or a RawResponse for anything else; throws ApiError for errors. */
export type Handler = (ctx: RouteContext, input: RouteInput) => unknown;

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** One operation of the document and the handler that serves it. */
export interface Route {
  /** The document's operationId (e.g. "ShowContact"). */
  operationId: string;
  method: Method;
  /** The document's path template with `:name` for `{name}`, e.g. "/contacts/:contact_id". */
  path: string;
  handler: Handler;
}

/** The routes of one resource group: the operations whose first tag in the document is `tag`. */
export interface ApiGroup {
  tag: string;
  routes: Route[];
}

/**
 * A handler's answer when it is not a 200 JSON body (202, 204, a file download, extra headers).
 * An answer without a body (undefined or null) is sent with no body and no Content-Type, as
 * the document's responses without content are; a body is JSON unless `contentType` says otherwise.
 */
export class RawResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = "application/json",
    readonly headers: Record<string, string> = {},
  ) {}

  get empty(): boolean {
    return this.body === undefined || this.body === null;
  }
}

// ---------------------------------------------------------------- matching

type Segment = { literal: RegExp; text: string } | { param: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(route: Route): CompiledRoute {
  if (!route.path.startsWith("/")) throw new Error(`route ${route.operationId}: path must start with /: ${route.path}`);
  const segments = route.path
    .slice(1)
    .split("/")
    .map((part): Segment => {
      if (part.startsWith(":")) {
        if (!/^:\w+$/.test(part)) throw new Error(`route ${route.operationId}: bad parameter ${part}`);
        return { param: part.slice(1) };
      }
      if (part === "") throw new Error(`route ${route.operationId}: empty segment in ${route.path}`);
      // Case-insensitive as express matches (its path regexps carry the `i` flag).
      return { literal: new RegExp(`^${escapeRegExp(part)}$`, "i"), text: part.toLowerCase() };
    });
  return { route, segments };
}

/**
 * Orders two templates of the same length: at the first position where one has a literal and
 * the other a parameter, the literal comes first (`/contacts/search` before `/contacts/:id`,
 * `/news/newsfeeds/:id/items` needs no rule). Templates that never compete keep a stable order.
 */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  if (a.segments.length !== b.segments.length) return a.segments.length - b.segments.length;
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    const xLiteral = "literal" in x;
    if (xLiteral !== "literal" in y) return xLiteral ? -1 : 1;
  }
  return a.route.path < b.route.path ? -1 : a.route.path > b.route.path ? 1 : a.route.method < b.route.method ? -1 : 1;
}

const shape = (r: CompiledRoute) => r.segments.map((s) => ("literal" in s ? s.text : ":")).join("/");

/** Express decodes a parameter only when it holds a `%`; a malformed escape is a 400. */
function decodeParam(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, "bad_request", `Failed to decode param '${raw}'`);
  }
}

/** A route table, checked (one route per operationId, no two routes for the same request) and ordered by specificity once. */
export class Router {
  /** Most specific first. */
  readonly routes: readonly Route[];
  readonly #compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    const ids = new Set<string>();
    const shapes = new Set<string>();
    const compiled = routes.map(compile);
    for (const c of compiled) {
      if (ids.has(c.route.operationId)) throw new Error(`two routes for operation ${c.route.operationId}`);
      ids.add(c.route.operationId);
      const key = `${c.route.method} ${shape(c)}`;
      if (shapes.has(key)) throw new Error(`two routes for ${c.route.method} ${c.route.path}`);
      shapes.add(key);
    }
    this.#compiled = compiled.sort(bySpecificity);
    this.routes = this.#compiled.map((c) => c.route);
  }

  /**
   * The route for a request, or undefined (404). Path matching follows express's: literals
   * match case-insensitively, a parameter is one non-empty segment, one trailing slash is
   * ignored, HEAD is served by GET. A parameter that is not valid percent-encoding is a 400
   * whatever the method, as soon as a template fits the path.
   */
  match(method: string, pathname: string): RouteMatch | undefined {
    if (!pathname.startsWith("/")) return undefined;
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const parts = trimmed.slice(1).split("/");
    const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    for (const c of this.#compiled) {
      if (c.segments.length !== parts.length) continue;
      const fits = c.segments.every((s, i) => ("literal" in s ? s.literal.test(parts[i]!) : parts[i] !== ""));
      if (!fits) continue;
      const params: Record<string, string> = {};
      c.segments.forEach((s, i) => {
        if ("param" in s) params[s.param] = decodeParam(parts[i]!);
      });
      if (c.route.method === wanted) return { route: c.route, params };
    }
    return undefined;
  }
}
