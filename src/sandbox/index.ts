// An embedded, in-memory fake of the Intercom REST API 2.11 (every operation of the document,
// by group in groups/, routed by operationId in operations.ts). The gateway talks to it over
// real HTTP exactly as to api.intercom.io.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { ApiError, defaultErrorFor, errorBody } from "./errors.js";
import { routeTable } from "./operations.js";
import { RateLimiter, type RateLimitState } from "./rate-limit.js";
import { DEFAULT_MAX_RECORDED_REQUESTS, RequestLog } from "./request-log.js";
import { RawResponse, Router, type RouteContext } from "./router.js";
import { seedWorkspace } from "./seed.js";
import type { Workspace } from "./workspace.js";
import { createWebhookEmitter, type ServedOperation, type WebhookEmitter, type WebhookTarget } from "./webhooks.js";

export type * from "./types.js";
export { RawResponse, type ApiGroup, type Route } from "./router.js";
export { SEED_BASE_TIME, DEFAULT_SEED_SIZES } from "./seed.js";
export { MAX_PARTS_RETURNED } from "./groups/conversations/views.js";
export { MAX_PER_PAGE } from "./paging.js";
export { MAX_NESTING, MAX_FILTERS_PER_GROUP } from "./search.js";
export { RATE_LIMIT_WINDOW_MS } from "./rate-limit.js";
export { DEFAULT_MAX_RECORDED_REQUESTS } from "./request-log.js";

export interface SandboxOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Requests allowed per 10-second window (Intercom's per-minute budget / 6). Default 10000. */
  rateLimitPerWindow?: number;
  /** Contacts/conversations written less than this many ms ago are invisible to search. Default 0. */
  searchIndexLagMs?: number;
  /** Seed of the demo workspace; another seed gives another workspace (other ids, people, conversations). */
  seed?: number;
  /**
   * Compress bodies of 1 KiB or more when the client accepts it, as api.intercom.io does.
   * Default false: on loopback compression only costs CPU.
   */
  compress?: boolean;
  /**
   * How many of the most recent requests `requests` keeps (older ones are dropped, so a
   * long-running sandbox does not grow without bound). Default 10,000; 0 records none.
   */
  maxRecordedRequests?: number;
  /** Notify this URL of the sandbox's own writes, signed like Intercom's webhooks (see webhooks.ts). */
  webhooks?: WebhookTarget;
}

export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text when it was not valid JSON; undefined when empty. */
  body: unknown;
  status: number;
  /** The Intercom-Version header the client sent (never the Authorization header). */
  intercomVersion: string | null;
  /** The X-Request-Id header the client sent, if any. */
  requestId: string | null;
  /** The Content-Encoding of the answer, when the sandbox compressed it (see `compress`). */
  contentEncoding?: string;
}

export interface FaultSpec {
  /** Case-insensitive; any method when omitted. */
  method?: string;
  /** Exact path (no query string) or a RegExp tested against it; any path when omitted. */
  path?: string | RegExp;
  status: number;
  /** Raw response body: objects are sent as JSON, strings verbatim (to simulate malformed bodies). */
  body?: unknown;
  /** error.list code/message when no raw body is given; defaults depend on the status. */
  code?: string;
  message?: string;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Wait this long before answering (to exercise client timeouts). */
  delayMs?: number;
  /** Extra response headers (e.g. Retry-After on a 429). */
  headers?: Record<string, string>;
  /** Drop the connection instead of answering (status is then ignored). */
  drop?: boolean;
}

export interface Sandbox {
  /** e.g. "http://127.0.0.1:43121", no trailing slash. */
  url: string;
  port: number;
  /**
   * The requests served after authentication, oldest first (never the Authorization header):
   * the most recent `maxRecordedRequests` of them. Each read is a new array of the entries kept
   * (an entry still being answered gets its status when the answer is sent).
   */
  readonly requests: RecordedRequest[];
  /** How many requests were dropped from `requests` to keep its bound, since start or clearRequests(). */
  readonly droppedRequests: number;
  /** The bound of `requests` (the `maxRecordedRequests` option, or its default). */
  readonly maxRecordedRequests: number;
  clearRequests(): void;
  injectFault(fault: FaultSpec): void;
  /** The live data, REST-shaped (snake_case). */
  workspace: Workspace;
  /** Its webhooks: where they go, simulated activity, what was sent. */
  webhooks: WebhookEmitter;
  close(): Promise<void>;
}

interface PendingFault extends FaultSpec {
  remaining: number;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const requests = new RequestLog<RecordedRequest>(options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED_REQUESTS);
  const workspace = seedWorkspace(options.seed);
  const faults: PendingFault[] = [];
  const delayed = new Set<NodeJS.Timeout>(); // delayed fault answers, cancelled by close()
  const limiter = new RateLimiter(options.rateLimitPerWindow ?? 10_000);
  const router = new Router(routeTable);
  const ctx: RouteContext = { ws: workspace, now: Date.now, searchIndexLagMs: options.searchIndexLagMs ?? 0 };

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  if (options.compress) app.use(compression({ threshold: 1024 }));

  const webhooks = createWebhookEmitter(workspace, options.webhooks);
  app.use(webhooks.middleware);

  // Read every body as text and parse it here, so malformed JSON gets an Intercom error.
  app.use(express.text({ type: () => true, limit: "10mb" }));

  app.use((req: Request, res: Response, next: NextFunction) => {
    const query = Object.fromEntries(new URL(req.originalUrl, "http://sandbox").searchParams);
    res.locals.query = query;

    const auth = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S.*)$/i.exec(auth);
    if (!match) {
      // Not recorded: the log covers requests that passed authentication.
      setRateHeaders(res, limiter.peek());
      res.status(401).json(errorBody("unauthorized", "Access Token Invalid"));
      return;
    }

    const record: RecordedRequest = {
      method: req.method,
      path: req.path,
      query,
      body: undefined,
      status: 0,
      intercomVersion: req.header("intercom-version") ?? null,
      requestId: req.header("x-request-id") ?? null,
    };
    requests.push(record);
    res.locals.record = record;

    let malformed = false;
    const text = typeof req.body === "string" ? req.body : "";
    if (text.trim() !== "") {
      try {
        record.body = JSON.parse(text);
      } catch {
        record.body = text; // logged raw so tests can see what was sent
        malformed = true;
      }
    }
    req.body = record.body;

    const rate = limiter.take();
    setRateHeaders(res, rate);
    if (!rate.allowed) {
      send(res, 429, errorBody("rate_limit_exceeded", `Exceeded rate limit of ${rate.limit} requests per 10 seconds`));
      return;
    }
    if (malformed) {
      send(res, 400, errorBody("bad_request", "The request body is not valid JSON"));
      return;
    }

    const fault = takeFault(faults, req.method, req.path);
    if (fault) {
      const answer = () => {
        if (fault.drop) {
          // A dropped connection: no status line at all.
          record.status = 0;
          req.socket.destroy();
          return;
        }
        if (fault.status === 429) res.setHeader("X-RateLimit-Remaining", "0");
        if (fault.headers) res.set(fault.headers);
        if (fault.body !== undefined) {
          record.status = fault.status;
          res.status(fault.status).type("application/json");
          if (typeof fault.body === "string") res.send(fault.body);
          else res.send(JSON.stringify(fault.body));
        } else {
          const d = defaultErrorFor(fault.status);
          send(res, fault.status, errorBody(fault.code ?? d.code, fault.message ?? d.message));
        }
      };
      if (fault.delayMs) {
        const timer = setTimeout(() => {
          delayed.delete(timer);
          answer();
        }, fault.delayMs);
        delayed.add(timer);
      } else answer();
      return;
    }
    next();
  });

  // One matcher for every operation: the most specific route wins, whatever the table's order.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const found = router.match(req.method, req.path);
    if (!found) {
      next();
      return;
    }
    // Which operation this was, for what watches the answer (the webhooks).
    res.locals.operation = { operationId: found.route.operationId, params: found.params } satisfies ServedOperation;
    const result = found.route.handler(ctx, { params: found.params, query: res.locals.query as Record<string, string>, body: req.body });
    if (result instanceof RawResponse) sendRaw(res, result);
    else send(res, 200, result);
  });

  // Unknown route (or method): Intercom answers 404 not_found.
  app.use((_req: Request, res: Response) => {
    send(res, 404, errorBody("not_found", "Resource Not Found"));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ApiError) {
      send(res, err.status, err.body);
      return;
    }
    // body-parser failures (e.g. payload too large) carry a status; anything else is a bug.
    const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 500;
    if (status >= 500) console.error("[sandbox] unexpected error", err);
    const d = defaultErrorFor(status);
    send(res, status, errorBody(d.code, status >= 500 ? d.message : String((err as Error).message ?? d.message)));
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    get requests() {
      return requests.toArray();
    },
    get droppedRequests() {
      return requests.dropped;
    },
    maxRecordedRequests: requests.capacity,
    clearRequests: () => {
      requests.clear();
    },
    injectFault: (fault) => {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    workspace,
    webhooks,
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.close();
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps sockets alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}

/** Sends a JSON response and stamps its status on the request log entry. */
function send(res: Response, status: number, body: unknown): void {
  const record = res.locals.record as RecordedRequest | undefined;
  if (record) record.status = status;
  res.status(status).json(body);
  if (record) noteEncoding(res, record);
}

/** With `compress`, how the answer was encoded (set once its headers are written). */
function noteEncoding(res: Response, record: RecordedRequest): void {
  const encoding = res.getHeader("content-encoding");
  if (encoding !== undefined) record.contentEncoding = String(encoding);
}

function sendRaw(res: Response, raw: RawResponse): void {
  const record = res.locals.record as RecordedRequest | undefined;
  if (record) record.status = raw.status;
  res.status(raw.status).set(raw.headers);
  if (raw.empty) {
    // No content: no body and no Content-Type (express would otherwise claim JSON).
    res.removeHeader("content-type");
    res.end();
  } else if (typeof raw.body === "string" || Buffer.isBuffer(raw.body)) res.type(raw.contentType).send(raw.body);
  else res.type(raw.contentType).send(JSON.stringify(raw.body));
  if (record) noteEncoding(res, record);
}

function setRateHeaders(res: Response, rate: RateLimitState): void {
  res.setHeader("X-RateLimit-Limit", String(rate.limit));
  res.setHeader("X-RateLimit-Remaining", String(rate.remaining));
  res.setHeader("X-RateLimit-Reset", String(rate.reset));
}

function takeFault(faults: PendingFault[], method: string, path: string): PendingFault | undefined {
  const index = faults.findIndex(
    (f) =>
      (f.method === undefined || f.method.toUpperCase() === method.toUpperCase()) &&
      (f.path === undefined || (typeof f.path === "string" ? f.path === path : ((f.path.lastIndex = 0), f.path.test(path)))),
  );
  if (index === -1) return undefined;
  const fault = faults[index]!;
  if (--fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}
