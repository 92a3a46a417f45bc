import {
  RESTDataSource,
  type AugmentedRequest,
  type CacheOptions,
  type GetRequest,
  type RequestOptions,
} from "@apollo/datasource-rest";
import type { FetcherRequestInit, FetcherResponse } from "@apollo/utils.fetcher";
import { STATUS_CODES, type IncomingHttpHeaders } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import { Pool, type Dispatcher } from "undici";
import type { Logger } from "../logger.js";
import { routeTemplate, type GatewayMetrics } from "../server/metrics.js";
import type { ResponseCache } from "./cache.js";
import { hashToken, type Semaphore } from "./concurrency.js";
import type { RateBudget } from "./rate-budget.js";
import {
  UpstreamError,
  errorFromIntercomResponse,
  upstreamTimeout,
  upstreamUnreachable,
} from "./errors.js";

/** What every Intercom datasource of one GraphQL request shares. */
export interface IntercomClientOptions {
  baseUrl: string;
  version: string;
  /** Bearer token for this request; never logged, never put in an error. */
  token?: string;
  timeoutMs: number;
  retries: number;
  logger?: Logger;
  /** Aborted when the GraphQL client goes away: upstream calls in flight are cancelled. */
  signal?: AbortSignal;
  /** Epoch ms by which the whole GraphQL request must be answered. */
  deadline?: number;
  /** This token's share of upstream concurrency. */
  concurrency?: Semaphore;
  /** Longest wait for Intercom's rate-limit window to reset before retrying a read (default 2 s). */
  rateLimitWaitMs?: number;
  /** Sent upstream as X-Request-Id, so one request can be followed through both logs. */
  requestId?: string;
  metrics?: GatewayMetrics;
  /** Shared cache of slow-changing reads (admins, teams, tags, …). */
  cache?: ResponseCache;
  /** The token's share of Intercom's rate limit, drawn before every upstream call. */
  budget?: RateBudget;
}

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** Searches are POSTs that read, so retrying them is as safe as retrying a GET. */
function isIdempotent(method: string, pathname: string): boolean {
  return method === "GET" || method === "HEAD" || (method === "POST" && pathname.endsWith("/search"));
}



/** How long to wait for a 429's window to reset: Retry-After, else X-RateLimit-Reset, plus jitter. */
function rateLimitDelayMs(response: FetcherResponse): number | undefined {
  const retryAfter = Number(response.headers.get("retry-after"));
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  const base = Number.isFinite(retryAfter) && retryAfter > 0
    ? retryAfter * 1000
    : Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
  // Jitter spreads the retries of many waiting requests over the new window (no thundering herd).
  return base === undefined ? undefined : base + Math.floor(Math.random() * 250);
}

/**
 * Takes one call from the token's rate-limit budget; when the window is spent, a read waits
 * for the next one if that is soon enough, anything else fails fast with RATE_LIMITED.
 */
async function drawFromBudget(
  options: Pick<IntercomClientOptions, "budget" | "token" | "rateLimitWaitMs">,
  operation: string,
  method: string,
  remainingMs: number,
): Promise<void> {
  if (!options.budget) return;
  for (;;) {
    const decision = await options.budget.take(options.token);
    if (decision.allowed) return;
    const wait = decision.retryAfterMs + Math.floor(Math.random() * 100);
    const canWait = (method === "GET" || method === "HEAD") && wait <= (options.rateLimitWaitMs ?? 2_000) && wait < remainingMs;
    if (!canWait) {
      throw new UpstreamError(`Intercom ${operation} not sent: this token's rate-limit budget is spent for this window`, undefined, {
        code: "RATE_LIMITED",
        retryAfter: Math.ceil(decision.retryAfterMs / 1000),
      });
    }
    await sleep(wait);
  }
}

/**
 * An upstream call (undici, keep-alive) with, per attempt, a timeout bounded by the request's deadline and the
 * client's disconnect; at most the token's share of upstream concurrency; and retries for
 * idempotent calls only: on a 5xx or a network error, and on a 429 once the rate-limit window
 * resets (if that is soon enough). Writes are tried exactly once: a write whose outcome is
 * unknown is reported as failed, never replayed.
 */
export function createUpstreamFetch(
  options: Pick<
    IntercomClientOptions,
    "timeoutMs" | "retries" | "logger" | "signal" | "deadline" | "concurrency" | "rateLimitWaitMs" | "metrics" | "token" | "requestId" | "budget"
  >,
): (url: URL, init?: FetcherRequestInit) => Promise<UpstreamResponse> {
  const maxRateLimitWait = options.rateLimitWaitMs ?? 2_000;
  const upstreamFetch = async (url: URL, init: FetcherRequestInit = {}): Promise<UpstreamResponse> => {
    const method = (init.method ?? "GET").toUpperCase();
    const { origin, pathname, search } = url;
    const attempts = isIdempotent(method, pathname) ? options.retries + 1 : 1;
    const operation = `${method} ${pathname}`;
    const route = routeTemplate(pathname);
    const metrics = options.metrics;
    const observe = (status: number, started: number) => {
      const seconds = (performance.now() - started) / 1000;
      metrics?.upstreamRequests.inc({ method, route, status: String(status) });
      metrics?.upstreamDuration.observe({ method, route }, seconds);
      options.logger?.debug("upstream call", { requestId: options.requestId, method, route, status, ms: Math.round(seconds * 1000) });
    };
    const remaining = () => (options.deadline === undefined ? Infinity : options.deadline - Date.now());
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= attempts;
      if (remaining() <= 0) throw upstreamTimeout(operation, options.timeoutMs, "the request's deadline passed");
      const timeoutMs = Math.min(options.timeoutMs, remaining());
      await drawFromBudget(options, operation, method, remaining());
      const started = performance.now();
      // Our own timer, cleared as soon as the body is read: a pending AbortSignal.timeout would keep
      // the whole exchange reachable for the full timeout, and under load that heap slows every request.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new DOMException("upstream timeout", "TimeoutError")), timeoutMs);
      // The client going away aborts this call too (linked by hand: AbortSignal.any keeps signals alive).
      const clientGone = () => timeout.abort(options.signal?.reason);
      options.signal?.addEventListener("abort", clientGone, { once: true });
      try {
        // The token's concurrency slot is held until the response's headers arrive.
        const release = await options.concurrency?.acquire(options.signal);
        const answer = await poolFor(origin).request({
          path: pathname + search,
          method: method as Dispatcher.HttpMethod,
          headers: { "user-agent": USER_AGENT, ...init.headers, "accept-encoding": ACCEPTED_ENCODINGS },
          body: init.body,
          signal: timeout.signal,
        }).finally(() => release?.());
        // Intercom answers small JSON bodies: read them inside the timeout, then let everything go.
        const response = new UpstreamResponse(url.href, answer.statusCode, headersOf(answer.headers), await bodyText(answer));
        observe(response.status, started);
        const remainingBudget = Number(response.headers.get("x-ratelimit-remaining"));
        if (metrics && options.token && Number.isFinite(remainingBudget) && response.headers.has("x-ratelimit-remaining")) {
          metrics.rateLimitRemaining.set({ token: hashToken(options.token) }, remainingBudget);
        }
        if (!isLast && RETRYABLE_STATUSES.has(response.status)) {
          metrics?.upstreamRetries.inc({ method, route, reason: "5xx" });
          options.logger?.warn("upstream retry", { operation, status: response.status, attempt });
          await sleep(50 * 2 ** (attempt - 1));
          continue;
        }
        if (!isLast && response.status === 429) {
          const wait = rateLimitDelayMs(response);
          if (wait !== undefined && wait <= maxRateLimitWait && wait < remaining()) {
            metrics?.upstreamRetries.inc({ method, route, reason: "rate_limit" });
            options.logger?.warn("upstream rate limited, waiting for the window to reset", { operation, waitMs: wait, attempt });
            await sleep(wait);
            continue;
          }
        }
        return response;
      } catch (error) {
        if (!(error instanceof UpstreamError)) observe(0, started);
        if (options.signal?.aborted) throw upstreamUnreachable(operation, new Error("the client went away"));
        const timedOut = timeout.signal.aborted;
        if (isLast || remaining() <= 0) throw timedOut ? upstreamTimeout(operation, timeoutMs) : upstreamUnreachable(operation, error);
        metrics?.upstreamRetries.inc({ method, route, reason: "network" });
        options.logger?.warn("upstream retry", { operation, error: timedOut ? "timeout" : String(error), attempt });
        await sleep(50 * 2 ** (attempt - 1));
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", clientGone);
      }
    }
  };
  return upstreamFetch;
}

/**
 * Keep-alive connections to each upstream origin (in practice one: the region's API). undici's
 * `Pool.request`, not `fetch`: Node's WHATWG fetch costs about three times the CPU per call (Request
 * and Response objects, web streams), and a pool skips the per-call origin lookup of `request(url)`.
 */
const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin)));
  return pool;
}

/** Who is calling, for Intercom's logs and support (Node's fetch sent "node"; some firewalls refuse none). */
const USER_AGENT = "intercom-graphql-gateway";

/** Intercom compresses its answers when asked: big lists travel at a fraction of their size. */
const ACCEPTED_ENCODINGS = "gzip, deflate, br";
const DECODERS: Record<string, (compressed: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  "x-gzip": promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The body as text, decompressed (off the event loop, on libuv's pool) when it came compressed. */
async function bodyText(answer: Dispatcher.ResponseData): Promise<string> {
  const encoding = String(answer.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return answer.body.text();
  const decode = DECODERS[encoding];
  if (!decode) {
    await answer.body.dump();
    throw new Error(`the answer came with an unsupported Content-Encoding: ${encoding}`);
  }
  return (await decode(Buffer.from(await answer.body.arrayBuffer()))).toString("utf8");
}

/** An upstream answer, body already read. */
class UpstreamResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Headers,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? "";
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<any> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.body).buffer as ArrayBuffer;
  }

  clone(): UpstreamResponse {
    return new UpstreamResponse(this.url, this.status, this.headers, this.body);
  }
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Query parameters as RESTDataSource sends them (null and undefined values left out). */
function searchParams(params: GetRequest["params"]): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const result = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null) result.set(name, value);
  return result;
}

/**
 * Base of every Intercom datasource: region URL, version header, auth and
 * error mapping. One instance per resource group per GraphQL request.
 */
export abstract class IntercomDataSource extends RESTDataSource {
  constructor(protected readonly client: IntercomClientOptions) {
    super();
    // A trailing slash so relative paths keep a proxy's path prefix.
    this.baseURL = client.baseUrl.replace(/\/*$/, "/");
    // Caching is ResponseCache's (cached reads go through `get` below), so RESTDataSource's HTTP
    // cache is bypassed: it would build a cache policy for every answer and allocate a store per instance.
    const upstreamFetch = createUpstreamFetch(client);
    this.httpCache = {
      fetch: async (url: URL, init: FetcherRequestInit) => ({ response: await upstreamFetch(url, init) }),
    } as unknown as RESTDataSource["httpCache"];
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest<CacheOptions>): void {
    request.headers["intercom-version"] = this.client.version;
    request.headers["accept"] = "application/json";
    if (this.client.token) request.headers["authorization"] = `Bearer ${this.client.token}`;
    if (this.client.requestId) request.headers["x-request-id"] = this.client.requestId;
  }

  /** Reads of slow-changing resources (admins, teams, tags, …) go through the shared response cache. */
  protected override async get<TResult = any>(path: string, request?: GetRequest<CacheOptions>): Promise<TResult> {
    const cache = this.client.cache;
    const resource = cache?.cacheableResource("GET", path);
    if (!cache || !resource) return super.get<TResult>(path, request);
    return cache.read(this.client.token, resource, `${path}?${searchParams(request?.params).toString()}`, async () => {
      const { parsedBody, response } = await super.fetch<TResult>(path, { ...request, method: "GET" });
      return { body: parsedBody, status: response.status, headers: response.headers };
    });
  }

  override async fetch<TResult>(path: string, request?: Parameters<RESTDataSource["fetch"]>[1]) {
    const method = (request?.method ?? "GET").toUpperCase();
    const written = this.client.cache?.writtenResource(method, path);
    try {
      return await super.fetch<TResult>(path, request);
    } finally {
      // Whatever the outcome, a write may have changed the resource: drop every replica's copy.
      if (written) await this.client.cache!.invalidate(this.client.token, written);
    }
  }

  /**
   * Concurrent identical GETs of one request share one upstream call; they may share its parsed
   * body too, as nothing here mutates an upstream body (cached ones are frozen), so the deep copy
   * RESTDataSource makes for each of them is skipped.
   */
  protected override cloneParsedBody<TResult>(parsedBody: TResult): TResult {
    return parsedBody;
  }

  protected override async parseBody(response: FetcherResponse): Promise<object | string> {
    const text = await response.text();
    if (!text) return {};
    try {
      return JSON.parse(text) as object;
    } catch {
      const operation = new URL(response.url).pathname;
      if (response.ok) {
        throw new UpstreamError(`Intercom ${operation} answered a body that is not JSON`, response.status, {
          code: "UPSTREAM_ERROR",
        });
      }
      return text;
    }
  }

  protected override async errorFromResponse(options: {
    url?: URL;
    request?: RequestOptions<CacheOptions>;
    response: FetcherResponse;
    parsedBody: unknown;
  }) {
    const method = (options.request?.method ?? "GET").toUpperCase();
    const operation = options.url ? `${method} ${options.url.pathname}` : method;
    return errorFromIntercomResponse(options.response.status, options.parsedBody, options.response.headers, operation);
  }

  /** Path segment for an id, so an id can never change the path it is put in. */
  protected segment(id: string | number): string {
    return encodeURIComponent(String(id));
  }
}
