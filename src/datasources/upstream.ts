import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import { Pool, type Dispatcher } from "undici";
import type { Logger } from "../logger.js";
import type { GatewayMetrics } from "../server/metrics.js";
import type { ResponseCache } from "./cache.js";
import { Cancellation } from "./cancellation.js";
import { hashToken, type Semaphore } from "./concurrency.js";
import { UpstreamError, upstreamTimeout, upstreamUnreachable } from "./errors.js";
import type { ParsedBodies } from "./json-body.js";
import type { RateBudget } from "./rate-budget.js";
import type { UpstreamPath } from "./upstream-path.js";
import type { WriteEffect } from "./write-effects.js";

/** What every upstream call of one GraphQL request (or one gateway route request) shares. */
export interface IntercomClientOptions {
  baseUrl: string;
  version: string;
  /** Bearer token for this request; never logged, never put in an error. */
  token?: string;
  timeoutMs: number;
  retries: number;
  logger?: Logger;
  /**
   * Cancelled when the client goes away: upstream calls in flight stop. One request's (or route
   * call's); the client adds one listener to it when it is made, for its life.
   */
  clientGone?: Cancellation;
  /** Epoch ms by which the whole request must be answered. */
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
  /** This process's parsed read bodies, reused when a read answers the same bytes again. */
  bodies?: ParsedBodies;
  /** The token's share of Intercom's rate limit, drawn before every upstream call. */
  budget?: RateBudget;
  /**
   * Most upstream calls (retries included) this request may make, whatever its estimate said:
   * the calls past it fail with QUERY_TOO_COMPLEX. Unbounded when absent.
   */
  maxCalls?: number;
  /**
   * Told what each write changed (see write-effects.ts); the request context applies it to its
   * loaders and to the shared cache. Awaited: a read after the write never sees a copy from before it.
   */
  onWrite?: (effects: WriteEffect[]) => Promise<void>;
}

export type UpstreamMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface UpstreamCall {
  method: UpstreamMethod;
  path: UpstreamPath;
  query?: URLSearchParams;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * A read: retried on a 5xx, a network error or a short 429, whatever its method (searches and
   * `POST /companies/list` read too). Writes are sent exactly once: an unknown outcome is a failure.
   */
  read: boolean;
  accept?: string;
}

/** An answer whose body was read (and decompressed) within the attempt's timeout. */
export interface UpstreamAnswer {
  status: number;
  headers: AnswerHeaders;
  bytes: Buffer;
}

/** A 2xx answer whose body is left to stream (a download); non-2xx answers are read whole. */
export type UpstreamStream = { status: number; headers: AnswerHeaders; body: Readable; bytes?: undefined } | UpstreamAnswer;

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** An attempt that got no answer: a network failure, our timeout, or the client going away. */
class AttemptFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly timedOut: boolean,
    readonly clientGone: boolean,
    readonly timeoutMs: number,
  ) {
    super("upstream attempt failed");
  }

  toError(operation: string): UpstreamError {
    if (this.clientGone) return upstreamUnreachable(operation, new Error("the client went away"));
    return this.timedOut ? upstreamTimeout(operation, this.timeoutMs) : upstreamUnreachable(operation, this.cause);
  }
}

type Outcome<R> = { result: R } | { failure: AttemptFailed };

/** Who is calling, for Intercom's logs and support (some firewalls refuse requests without one). */
const USER_AGENT = "intercom-graphql-gateway";

/** Intercom compresses its answers when asked: big lists travel at a fraction of their size. */
const ACCEPTED_ENCODINGS = "gzip, deflate, br";

/**
 * The one way to Intercom: every datasource, the download route and the readiness probe call
 * through it. One instance per request; each call passes these policies in order:
 * path (ids already one segment each, see UpstreamPath) → per-request cap → the token's rate
 * budget → the token's concurrency → a timeout bounded by the deadline and the client's
 * disconnect → retries for reads → metrics labelled by the path's template.
 */
export class IntercomClient {
  private calls = 0;
  private readonly base: URL;
  /** Attempts waiting for their answer, cancelled if the client goes away. */
  private readonly inFlight = new Set<Cancellation>();

  constructor(readonly options: IntercomClientOptions) {
    this.base = baseOf(options.baseUrl);
    // One listener for the client's life, rather than one added and removed per attempt.
    const { clientGone } = options;
    clientGone?.once("abort", () => { for (const attempt of this.inFlight) attempt.cancel(clientGone.reason); });
  }

  /** Whether this request's client has gone away (its answer will never be read). */
  get clientLeft(): boolean {
    return Boolean(this.options.clientGone?.aborted);
  }

  /** Reports what a write changed to whoever applies it (the request context). */
  async wrote(effects: WriteEffect[]): Promise<void> {
    if (effects.length > 0) await this.options.onWrite?.(effects);
  }

  /** Upstream calls this request has made so far (retries included; cached reads are not calls). */
  get callsMade(): number {
    return this.calls;
  }

  /** A call whose answer is read whole (Intercom's JSON answers are small). */
  send(call: UpstreamCall): Promise<UpstreamAnswer> {
    return this.exchange(call, async (pool, request, cancel, headersArrived) => {
      const answer = await readWhole(pool, request, cancel, headersArrived);
      return { status: answer.status, headers: new AnswerHeaders(answer.headers), bytes: await decoded(answer.bytes, answer.headers) };
    });
  }

  /** A call whose 2xx body streams to the caller: the timeout bounds waiting for the headers, not the transfer. */
  open(call: UpstreamCall): Promise<UpstreamStream> {
    return this.exchange(call, async (pool, request, cancel, headersArrived) => {
      const answer = await pool.request({ ...request, signal: cancel });
      headersArrived();
      const headers = new AnswerHeaders(answer.headers);
      if (answer.statusCode < 200 || answer.statusCode > 299) {
        return { status: answer.statusCode, headers, bytes: await decoded(Buffer.from(await answer.body.arrayBuffer()), answer.headers) };
      }
      return { status: answer.statusCode, headers, body: answer.body };
    }, "identity");
  }

  /** One call: attempts (each through every policy) until one is final, with a wait between them that the retry policy decides. */
  private async exchange<R extends { status: number; headers: AnswerHeaders }>(
    call: UpstreamCall,
    take: Take<R>,
    acceptEncoding = ACCEPTED_ENCODINGS,
  ): Promise<R> {
    const request = this.requestFor(call, acceptEncoding);
    const attempts = call.read ? this.options.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= attempts;
      let outcome: Outcome<R>;
      try {
        outcome = { result: await this.attempt(call, request, take) };
      } catch (error) {
        if (!(error instanceof AttemptFailed)) throw error;
        outcome = { failure: error };
      }
      const retry = isLast ? undefined : this.retryPolicy(outcome, attempt);
      if (retry === undefined) {
        if ("result" in outcome) return outcome.result;
        throw outcome.failure.toError(request.operation);
      }
      this.options.metrics?.upstreamRetries.inc({ method: call.method, route: request.route, reason: retry.reason });
      this.options.logger?.warn("upstream retry", { operation: request.operation, reason: retry.reason, waitMs: retry.waitMs, attempt });
      await sleep(retry.waitMs);
    }
  }

  /** What every attempt of a call sends. */
  private requestFor(call: UpstreamCall, acceptEncoding: string) {
    const { options, base } = this;
    const route = `/${call.path.template}`;
    const query = call.query?.toString();
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: call.accept ?? "application/json",
      "accept-encoding": acceptEncoding,
      "intercom-version": options.version,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.requestId) headers["x-request-id"] = options.requestId;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (body !== undefined) headers["content-type"] = "application/json";
    return { route, operation: `${call.method} ${route}`, path: base.pathname + call.path.encoded + (query ? `?${query}` : ""), headers, body };
  }

  private remainingMs(): number {
    return this.options.deadline === undefined ? Infinity : this.options.deadline - Date.now();
  }

  /** One attempt through the policies: deadline, per-request cap, rate budget, concurrency, timeout and disconnect, metrics. */
  private async attempt<R extends { status: number; headers: AnswerHeaders }>(
    call: UpstreamCall,
    request: ReturnType<IntercomClient["requestFor"]>,
    take: Take<R>,
  ): Promise<R> {
    const { options } = this;
    if (this.remainingMs() <= 0) throw upstreamTimeout(request.operation, options.timeoutMs, "the request's deadline passed");
    this.countCall(request.operation);
    await this.drawFromBudget(request.operation, call.read, this.remainingMs());
    const timeoutMs = Math.min(options.timeoutMs, this.remainingMs());
    const started = performance.now();
    // Our own timer, cleared as soon as the answer is taken: a pending AbortSignal.timeout would keep
    // the whole exchange reachable for the full timeout, and under load that heap slows every request.
    const cancel = new Cancellation();
    const timer = setTimeout(() => cancel.cancel(new DOMException("upstream timeout", "TimeoutError")), timeoutMs);
    this.cancelOnClientGone(cancel);
    try {
      // The token's concurrency slot is held until the response's headers arrive.
      const release = await options.concurrency?.acquire(options.clientGone);
      let result: R;
      try {
        result = await take(poolFor(this.base.origin), { path: request.path, method: call.method, headers: request.headers, body: request.body }, cancel, () => release?.());
      } finally {
        release?.();
      }
      this.observe(call.method, request.route, result.status, started, result.headers);
      return result;
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      this.observe(call.method, request.route, 0, started);
      const clientGone = Boolean(options.clientGone?.aborted);
      throw new AttemptFailed(error, cancel.aborted && !clientGone, clientGone, timeoutMs);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(cancel);
    }
  }

  /** The client going away cancels this attempt: at once if it is gone already. */
  private cancelOnClientGone(cancel: Cancellation): void {
    const { clientGone } = this.options;
    if (!clientGone) return;
    if (clientGone.aborted) return cancel.cancel(clientGone.reason);
    this.inFlight.add(cancel);
  }

  /**
   * Whether (and after how long) a read is tried again: a 5xx or a network failure with backoff,
   * a 429 once its window resets if that is soon enough; never once the client is gone or the
   * deadline has passed. Only reads get here: writes have one attempt.
   */
  private retryPolicy(outcome: Outcome<{ status: number; headers: AnswerHeaders }>, attempt: number): { reason: "5xx" | "rate_limit" | "network"; waitMs: number } | undefined {
    const backoff = 50 * 2 ** (attempt - 1);
    if ("failure" in outcome) {
      if (outcome.failure.clientGone || this.remainingMs() <= 0) return undefined;
      return { reason: "network", waitMs: backoff };
    }
    const { status, headers } = outcome.result;
    if (RETRYABLE_STATUSES.has(status)) return { reason: "5xx", waitMs: backoff };
    if (status === 429) {
      const wait = rateLimitDelayMs(headers);
      if (wait !== undefined && wait <= (this.options.rateLimitWaitMs ?? 2_000) && wait < this.remainingMs()) return { reason: "rate_limit", waitMs: wait };
    }
    return undefined;
  }

  /** The hard cap of one request, enforced here in case the estimate before execution was wrong. */
  private countCall(operation: string): void {
    const max = this.options.maxCalls;
    if (max !== undefined && this.calls >= max) {
      throw new UpstreamError(
        `Intercom ${operation} not sent: this request has made ${max} upstream calls, the most one request may make. Split the query or ask for fewer items.`,
        undefined,
        { code: "QUERY_TOO_COMPLEX", limit: "upstream calls", max },
      );
    }
    this.calls++;
  }

  /**
   * Takes one call from the token's rate-limit budget; when the window is spent, a read waits
   * for the next one if that is soon enough, anything else fails fast with RATE_LIMITED.
   */
  private async drawFromBudget(operation: string, read: boolean, remainingMs: number): Promise<void> {
    const { budget, token, rateLimitWaitMs } = this.options;
    if (!budget) return;
    for (;;) {
      const decision = await budget.take(token);
      if (decision.allowed) return;
      const wait = decision.retryAfterMs + Math.floor(Math.random() * 100);
      if (!read || wait > (rateLimitWaitMs ?? 2_000) || wait >= remainingMs) {
        throw new UpstreamError(`Intercom ${operation} not sent: this token's rate-limit budget is spent for this window`, undefined, {
          code: "RATE_LIMITED",
          retryAfter: Math.ceil(decision.retryAfterMs / 1000),
        });
      }
      await sleep(wait);
    }
  }

  private observe(method: string, route: string, status: number, started: number, headers?: AnswerHeaders): void {
    const { metrics, logger, requestId, token } = this.options;
    const seconds = (performance.now() - started) / 1000;
    metrics?.upstreamRequests.inc({ method, route, status: String(status) });
    metrics?.upstreamDuration.observe({ method, route }, seconds);
    logger?.debug("upstream call", { requestId, method, route, status, ms: Math.round(seconds * 1000) });
    const remaining = headers?.get("x-ratelimit-remaining");
    // Only a token Intercom accepted gets a gauge: bogus tokens never become label values.
    if (metrics && token && remaining != null && status >= 200 && status <= 299 && Number.isFinite(Number(remaining))) {
      metrics.rateLimitRemaining.set({ token: hashToken(token) }, Number(remaining));
    }
  }
}

/** How long to wait for a 429's window to reset: Retry-After, else X-RateLimit-Reset, plus jitter. */
function rateLimitDelayMs(headers: AnswerHeaders): number | undefined {
  const retryAfter = Number(headers.get("retry-after"));
  const reset = Number(headers.get("x-ratelimit-reset"));
  const base = Number.isFinite(retryAfter) && retryAfter > 0
    ? retryAfter * 1000
    : Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
  // Jitter spreads the retries of many waiting requests over the new window (no thundering herd).
  return base === undefined ? undefined : base + Math.floor(Math.random() * 250);
}

/** Parsed once per base URL (one in practice), not per request; with a trailing slash, so a proxy's path prefix is kept. */
const bases = new Map<string, URL>();
function baseOf(baseUrl: string): URL {
  let base = bases.get(baseUrl);
  if (!base) bases.set(baseUrl, (base = new URL(baseUrl.replace(/\/*$/, "/"))));
  return base;
}

/**
 * Keep-alive connections to each upstream origin (in practice one: the region's API). undici's
 * `Pool`, not `fetch`: Node's WHATWG fetch costs about three times the CPU per call (Request and
 * Response objects, web streams), and a pool skips the per-call origin lookup of `request(url)`.
 */
const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin)));
  return pool;
}

const DECODERS: Record<string, (compressed: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  "x-gzip": promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The body, decompressed (off the event loop, on libuv's pool) when it came compressed. */
async function decoded(bytes: Buffer, headers: IncomingHttpHeaders): Promise<Buffer> {
  const encoding = String(headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return bytes;
  const decode = DECODERS[encoding];
  if (!decode) throw new Error(`the answer came with an unsupported Content-Encoding: ${encoding}`);
  return decode(bytes);
}

/** What an attempt sends, and how it reads the answer; `headersArrived` frees the concurrency slot. */
type Take<R> = (pool: Pool, request: Dispatcher.DispatchOptions, cancel: Cancellation, headersArrived: () => void) => Promise<R>;

/**
 * One exchange, its answer read whole through undici's handler API: pool.request's Readable body
 * and its arrayBuffer() cost ~30 µs more CPU a call. Cancelled (a timeout, the client gone)
 * before it goes out, while it waits for a connection or while it is read: it fails at once.
 */
function readWhole(pool: Pool, request: Dispatcher.DispatchOptions, cancel: Cancellation, headersArrived: () => void) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    if (cancel.aborted) return reject(cancel.reason);
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      cancel.off("abort", onCancel);
      return true;
    };
    const onCancel = () => {
      controller?.abort(cancel.reason as Error);
      if (settle()) reject(cancel.reason);
    };
    cancel.once("abort", onCancel);
    pool.dispatch(request, {
      onRequestStart(started) {
        controller = started;
        if (cancel.aborted) started.abort(cancel.reason as Error);
      },
      onResponseStart(_, statusCode, answerHeaders) {
        status = statusCode;
        headers = answerHeaders;
        headersArrived();
      },
      onResponseData(_, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        if (settle()) resolve({ status, headers, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
      },
      onResponseError(_, error) {
        if (settle()) reject(error);
      },
    });
  });
}

/**
 * An answer's headers as undici parsed them (names in lower case), read like the Fetch API's
 * Headers: building a Headers per call validated and copied every header for the few read.
 */
export class AnswerHeaders {
  constructor(readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}
