import type { CachedResource } from "./cache.js";
import { UpstreamError, errorFromIntercomResponse } from "./errors.js";
import { hashToken } from "./concurrency.js";
import { parseJsonBody } from "./json-body.js";
import type { WriteEffect } from "./write-effects.js";
import type { AnswerHeaders, IntercomClient, UpstreamAnswer, UpstreamMethod } from "./upstream.js";
import type { UpstreamPath } from "./upstream-path.js";

export type { IntercomClientOptions } from "./upstream.js";
export { path } from "./upstream-path.js";

export type QueryParams = Record<string, string | number | boolean | null | undefined> | URLSearchParams;

export interface CallOptions {
  params?: QueryParams;
  body?: unknown;
  /** A POST that only reads (a search, `POST /companies/list`): retried like a GET. */
  read?: boolean;
  /** The operation's success is exactly this status and carries no body (`POST /events`: 202). */
  empty?: number;
  /**
   * A read of slow-changing workspace data, kept in the shared cache under this resource (per
   * token, for its TTL; a write to the resource starts a new generation of its keys).
   */
  cache?: CachedResource;
  /** Share concurrent identical GETs of this request (default true; the companies scroll must not). */
  deduplicate?: boolean;
}

/** Query parameters as sent (null and undefined values left out). */
function searchParams(params: QueryParams | undefined): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const result = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null) result.set(name, String(value));
  return result;
}

/**
 * Base of every Intercom datasource (one class per resource group, small methods over a reducer):
 * JSON in and out, Intercom's errors mapped, the shared cache for slow-changing reads, concurrent
 * identical GETs shared. Paths are UpstreamPaths, so ids are always one segment each. One instance
 * per resource group per request, all over the request's one IntercomClient.
 */
export abstract class IntercomDataSource {
  /** GETs in flight, shared by identical calls of this request. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(protected readonly client: IntercomClient) {}

  protected get<T>(path: UpstreamPath, options: Omit<CallOptions, "body" | "read" | "empty"> = {}): Promise<T> {
    return this.call<T>("GET", path, options); // every GET is a read
  }

  protected post<T>(path: UpstreamPath, options: CallOptions = {}): Promise<T> {
    return this.call<T>("POST", path, options);
  }

  protected put<T>(path: UpstreamPath, options: CallOptions = {}): Promise<T> {
    return this.call<T>("PUT", path, options);
  }

  protected delete<T>(path: UpstreamPath, options: CallOptions = {}): Promise<T> {
    return this.call<T>("DELETE", path, options);
  }

  private async call<T>(method: UpstreamMethod, path: UpstreamPath, options: CallOptions): Promise<T> {
    const query = searchParams(options.params);
    const { cache, token } = this.client.options;
    if (method === "GET") {
      const key = `${path.encoded}?${query.toString()}`;
      const resource = cache?.enabled ? options.cache : undefined;
      const read = () =>
        resource
          ? cache!.read(token, resource, key, async () => {
              const answer = await this.client.send({ method, path, query, read: true });
              return { body: this.parse(method, path, answer, options, key), status: answer.status, headers: answer.headers };
            })
          : this.client.send({ method, path, query, read: true }).then((answer) => this.parse(method, path, answer, options, key));
      if (options.deduplicate === false) return (await read()) as T;
      // Concurrent identical GETs share one call and its parsed body: nothing mutates an upstream body.
      let pending = this.inFlight.get(key);
      if (!pending) {
        pending = read().finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, pending);
      }
      return (await pending) as T;
    }
    const answer = await this.client.send({ method, path, query, body: options.body, read: options.read ?? false });
    // A POST that reads (a search) answers the same body for the same request: it may be reused too.
    const readKey = options.read ? `${path.encoded}?${query.toString()}\n${JSON.stringify(options.body)}` : undefined;
    return this.parse(method, path, answer, options, readKey) as T;
  }

  /**
   * A write and what it changed: `effects` is its entry in WRITE_EFFECTS, given the write's
   * arguments and its result. Reported whatever the outcome — a write that failed may still have
   * happened upstream, so its effects go out without new states.
   */
  protected async write<A, R>(effects: (args: A, result?: R) => WriteEffect[], args: A, send: () => Promise<R>): Promise<R> {
    let result: R | undefined;
    try {
      result = await send();
      return result;
    } finally {
      await this.client.wrote(effects(args, result));
    }
  }

  /**
   * The body a 2xx promises (`readKey`: a read's request, under which its body may be reused), or the error: a 2xx without the JSON object the operation promises is
   * UPSTREAM_ERROR, never an empty success (an empty inbox, a "deleted" id nobody confirmed).
   */
  private parse(method: UpstreamMethod, path: UpstreamPath, answer: UpstreamAnswer, options: CallOptions, readKey?: string): unknown {
    const operation = `${method} /${path.template}`;
    const ok = answer.status >= 200 && answer.status <= 299;
    const { bodies, token } = this.client.options;
    let body: unknown;
    try {
      // A read's 2xx body, if it is the same as last time, is the value parsed then.
      body =
        ok && readKey !== undefined && bodies
          ? bodies.parse(`${token ? hashToken(token) : "anonymous"} ${method} ${readKey}`, answer.bytes)
          : parseJsonBody(answer.bytes);
    } catch {
      // An empty body stays the empty text; anything else that is not JSON fails a 2xx.
      body = answer.bytes.toString("utf8");
      if (ok && (body as string).trim() !== "") throw new UpstreamError(`Intercom ${operation} answered a body that is not JSON`, answer.status, { code: "UPSTREAM_ERROR" });
    }
    if (!ok) throw this.errorFromResponse(answer.status, body, answer.headers, operation);
    if (options.empty !== undefined) {
      if (answer.status === options.empty) return body;
      throw new UpstreamError(`Intercom ${operation} answered ${answer.status}, not the documented ${options.empty}`, answer.status, {
        code: "UPSTREAM_ERROR",
      });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new UpstreamError(`Intercom ${operation} answered ${answer.status} without the JSON object it promises`, answer.status, {
        code: "UPSTREAM_ERROR",
      });
    }
    return body;
  }

  /** Intercom's error answer as a GraphQL error; a group with its own error shape overrides it. */
  protected errorFromResponse(status: number, body: unknown, headers: AnswerHeaders, operation: string): UpstreamError {
    return errorFromIntercomResponse(status, body, headers, operation);
  }
}
