import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import express from "express";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from "graphql";
import { createDataSources } from "../datasources/index.js";
import { UpstreamError } from "../datasources/errors.js";
import { PrefixingKeyValueCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { ResponseCache } from "../datasources/cache.js";
import { TokenLimiters } from "../datasources/concurrency.js";
import type { RateBudget } from "../datasources/rate-budget.js";
import { Cancellation } from "../datasources/cancellation.js";
import { ParsedBodies } from "../datasources/json-body.js";
import { IntercomClient, type IntercomClientOptions } from "../datasources/upstream.js";
import { applyWriteEffects } from "../loaders/effects.js";
import type { WriteEffect } from "../datasources/write-effects.js";
import { createLoaders } from "../loaders/index.js";
import { bearerOf } from "../events/auth.js";
import { createEvents, type Events, type EventsOptions } from "../events/index.js";
import { redact, type Logger } from "../logger.js";
import { gatewaySchema } from "../schema/index.js";
import type { GatewayContext } from "./context.js";
import { costReportPlugin } from "./cost-report.js";
import { createDownloadRouter } from "./downloads.js";
import { answerClientError, graphqlHandler, sendError } from "./fast-path.js";
import { createGraphiQLRouter, graphiqlLandingPage } from "./graphiql.js";
import { GatewayMetrics, MAX_OPERATION_NAME } from "./metrics.js";
import { jitExecutor } from "./jit-executor.js";
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, queryParseOptions, variableProblem, type QueryLimits } from "./query-limits.js";
import { createReadinessCheck } from "./readiness.js";

export interface GatewayOptions {
  baseUrl: string;
  intercomVersion: string;
  /** `server` (default): `accessToken` for every request; `passthrough`: the caller's `Authorization: Bearer …`. */
  authMode?: "server" | "passthrough";
  accessToken?: string;
  upstreamTimeoutMs: number;
  upstreamRetries: number;
  logger: Logger;
  /** Serve GraphiQL on GET /graphql for browsers (default true). */
  graphiql?: boolean;
  /** Allow introspection (default true). */
  introspection?: boolean;
  /** Browser origins allowed to call /graphql cross-origin (CORS); none by default. */
  corsOrigins?: string[];
  /** Overall deadline of one GraphQL request, upstream calls included (default 30 s). */
  requestTimeoutMs?: number;
  /** Upstream calls in flight at once per token, across all requests (default 8). */
  upstreamConcurrency?: number;
  /** Longest wait for a rate-limit window to reset before retrying a read (default 2 s). */
  rateLimitWaitMs?: number;
  /** Depth, alias, root-field and estimated-cost limits checked before any upstream call. */
  queryLimits?: QueryLimits;
  /** Shared cache of slow-changing reads (in memory, or Redis shared by replicas). */
  cache?: ResponseCache;
  /** Per-token share of Intercom's rate limit (in memory, or Redis shared by replicas). */
  budget?: RateBudget;
  /** Most of the token's rate-limit window one request may spend (0–1); unbounded when absent. */
  maxRequestShare?: number;
  /** Where automatic persisted queries live; the same store as `cache`, so a hash works on any replica. */
  apqStore?: KeyValueCache;
  /** Webhooks in, subscriptions out (src/events): the receiver is on when `clientSecrets` has one. */
  events?: EventsOptions;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** The events feature: webhook receiver, hub and transports. */
  events: Events;
  close(): Promise<void>;
}

/**
 * Client mistakes Apollo reports without a code (they would read as INTERNAL_SERVER_ERROR),
 * known by their 4xx status and message; the codes other servers and routers give them.
 */
const UNCODED_CLIENT_ERRORS: Record<string, string> = {
  "provided sha does not match query": "PERSISTED_QUERY_HASH_MISMATCH",
  "Unsupported persisted query version": "PERSISTED_QUERY_NOT_SUPPORTED",
};

/** An error's `extensions.code`: its own, else a client's mistake if Apollo gave it a 4xx status, else an internal error. */
function errorCode(error: unknown): string {
  const { extensions, message } = (error ?? {}) as { extensions?: { code?: unknown; http?: { status?: number } }; message?: string };
  if (typeof extensions?.code === "string") return extensions.code;
  const status = extensions?.http?.status ?? 500;
  return status >= 400 && status < 500 ? (UNCODED_CLIENT_ERRORS[message ?? ""] ?? "BAD_REQUEST") : "INTERNAL_SERVER_ERROR";
}

/**
 * Shapes every error a client sees: a precise code, upstream status as `extensions.intercom.status`,
 * unexpected errors masked, and no token anywhere in it (Intercom's own
 * messages included).
 */
function formatErrorFor(secrets: string[], logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const extensions: Record<string, unknown> = { ...formatted.extensions, code: errorCode(error) };
    let message = formatted.message;
    if (original instanceof UpstreamError && original.status !== undefined) {
      extensions.intercom = { ...(extensions.intercom as object | undefined), status: original.status };
    }
    // Routers (Yoga, Hive Gateway, federation) read `extensions.http` as the status of the whole
    // response: never send it. Apollo has already taken the status it sets from it.
    delete extensions.http;
    if (extensions.code === "INTERNAL_SERVER_ERROR") {
      logger.error("unexpected error", { error: original instanceof Error ? original : String(original), path: formatted.path });
      message = "Internal server error";
    }
    delete extensions.stacktrace;
    return JSON.parse(redact(JSON.stringify({ ...formatted, message, extensions }), secrets)) as GraphQLFormattedError;
  };
}

function errorLogging(logger: Logger, secrets: string[]): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        // A pass-through token is known only per request: take it out of the errors sent back.
        async willSendResponse({ response, contextValue }) {
          const token = contextValue?.token;
          if (!token || response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = JSON.parse(redact(JSON.stringify(response.body.singleResult.errors), [token]));
        },
        // One line per distinct error (code, status, message) with how many fields it failed and the
        // first one's path, and at most MAX_ERROR_LINES of them: a failed upstream call fails every
        // field that waited on it, and a client's aliases can multiply any error. At info level when
        // the client has gone away: nobody will read the answer, and nothing failed on this side.
        async didEncounterErrors({ errors, contextValue }) {
          const level = contextValue?.upstream?.clientLeft ? "info" : "warn";
          const secretsHere = contextValue?.token ? [...secrets, contextValue.token] : secrets;
          const distinct = new Map<string, { error: GraphQLError; code: string; status: number | null; count: number }>();
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = errorCode(error);
            const status = original instanceof UpstreamError ? original.status ?? null : null;
            const key = `${code} ${status} ${error.message}`;
            const seen = distinct.get(key);
            if (seen) seen.count++;
            else distinct.set(key, { error, code, status, count: 1 });
          }
          let lines = 0;
          for (const { error, code, status, count } of distinct.values()) {
            if (lines++ === MAX_ERROR_LINES) break;
            logger[level]("graphql error", {
              requestId: contextValue.requestId,
              code,
              status,
              // Messages may quote what the client sent (an operation name, a field): bounded.
              error: redact(error.message, secretsHere).slice(0, MAX_LOGGED_MESSAGE),
              path: error.path?.join(".") ?? null,
              count,
            });
          }
          if (distinct.size > MAX_ERROR_LINES) {
            logger[level]("graphql errors not logged", { requestId: contextValue.requestId, distinct: distinct.size - MAX_ERROR_LINES, total: errors.length });
          }
        },
      };
    },
  };
}

/** The most "graphql error" lines one response writes (its other distinct errors are counted in one more). */
const MAX_ERROR_LINES = 10;
const MAX_LOGGED_MESSAGE = 1000;

const clientError = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Client mistakes graphql-js would meet only while executing, where they became
 * INTERNAL_SERVER_ERROR: refused with a 400 before any resolver runs.
 */
function requestChecks(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          // No transport for subscriptions: graphql-js would run one as a query, or fail without a code.
          if (operation?.operation === "subscription") {
            throw clientError(
              "Subscriptions are not served over plain POST: use graphql-ws (a WebSocket on /graphql) or Server-Sent Events (/graphql/stream, or /graphql with Accept: text/event-stream)",
              "SUBSCRIPTIONS_NOT_SUPPORTED",
            );
          }
          // Declared variables only: graphql-js ignores the others.
          for (const definition of operation?.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            const problem = variableProblem(request.variables?.[name]);
            if (problem) throw clientError(`Variable "$${name}" ${problem}`, "BAD_USER_INPUT");
          }
        },
      };
    },
  };
}

/** Request bodies over this are refused with 413. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** A caller's request id goes into every log line, upstream call and error: kept only when short and plain. */
const CALLER_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The caller's X-Request-Id when it is short and plain, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = headerValue(req, "x-request-id");
  return given && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What one request's (or route call's) upstream calls are given besides the gateway's settings. */
type UpstreamRequest = Pick<IntercomClientOptions, "token" | "concurrency" | "clientGone" | "deadline" | "requestId" | "onWrite">;

/**
 * The upstream options of one request, written out as one object literal: spreading shared
 * options into a new object and adding the request's to it cost ~5 µs a request.
 */
function upstreamClient(options: GatewayOptions, metrics: GatewayMetrics, bodies: ParsedBodies, request: UpstreamRequest): IntercomClientOptions {
  return {
    baseUrl: options.baseUrl,
    version: options.intercomVersion,
    timeoutMs: options.upstreamTimeoutMs,
    retries: options.upstreamRetries,
    logger: options.logger,
    rateLimitWaitMs: options.rateLimitWaitMs,
    cache: options.cache,
    bodies,
    budget: options.budget,
    maxCalls: maxUpstreamCalls(options),
    metrics,
    token: request.token,
    concurrency: request.concurrency,
    clientGone: request.clientGone,
    deadline: request.deadline,
    requestId: request.requestId,
    onWrite: request.onWrite,
  };
}

/**
 * The most upstream calls one request may make: the cost limit, and no more than
 * `maxRequestShare` of the token's rate-limit window, so one request can't lock the token's
 * other clients out. Enforced before execution (the estimate) and during it (the client).
 */
export function maxUpstreamCalls(options: Pick<GatewayOptions, "queryLimits" | "budget" | "maxRequestShare">): number {
  const maxCost = (options.queryLimits ?? DEFAULT_QUERY_LIMITS).maxCost;
  if (!options.budget || options.maxRequestShare === undefined) return maxCost;
  return Math.min(maxCost, Math.max(1, Math.floor(options.budget.limitPerWindow * options.maxRequestShare)));
}

/**
 * One log line and the metrics of every GraphQL request: operation, duration, outcome,
 * error codes; and the request id in every error's extensions, to quote in a support ticket.
 */
function requestObservation(logger: Logger, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        // operationName is the name of the operation the document defines (never the client's claim), or null.
        async willSendResponse({ response, contextValue, operationName }) {
          const operation = metrics.operationLabel(operationName);
          const seconds = (performance.now() - started) / 1000;
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          // A request its client left is neither ok nor an error of the gateway's: its errors (calls cut off) are not counted.
          const clientGone = Boolean(contextValue?.upstream?.clientLeft);
          for (const error of errors) {
            (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue?.requestId };
            if (!clientGone) metrics.graphqlErrors.inc({ operation, code: String(error.extensions?.code ?? "UNKNOWN") });
          }
          metrics.graphqlRequests.inc({ operation, outcome: clientGone ? "client_gone" : errors.length ? "error" : "ok" });
          metrics.graphqlDuration.observe({ operation }, seconds);
          logger.info("graphql request", {
            requestId: contextValue?.requestId,
            operation: operationName?.slice(0, MAX_OPERATION_NAME) ?? "anonymous",
            ms: Math.round(seconds * 1000),
            status: response.http.status ?? 200,
            errors: errors.length,
            ...(clientGone ? { clientGone } : {}),
          });
        },
      };
    },
  };
}

/** Starts the HTTP app: `/graphql` (queries over POST and GET, GraphiQL), probes, metrics, downloads. */
export async function startGateway(options: GatewayOptions & { port: number; host?: string }): Promise<RunningGateway> {
  const app = express();
  // Every /graphql request goes to graphqlHandler, without Express's router and body-parser;
  // the other routes (probes, metrics, GraphiQL's assets, downloads) are Express's.
  let graphql: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  // The events' routes (the webhook receiver, SSE subscriptions) come first: SSE shares /graphql.
  let eventRoutes: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const httpServer: Server = http.createServer((req, res) => {
    if (!eventRoutes?.(req, res) && !graphql?.(req, res)) app(req, res);
  });
  httpServer.on("clientError", answerClientError);
  const secrets = options.accessToken ? [options.accessToken] : [];
  const limiters = new TokenLimiters(options.upstreamConcurrency ?? 8);
  const metrics = new GatewayMetrics();
  const bodies = new ParsedBodies(undefined, (reused) => metrics.parsedBodies.inc({ reused: String(reused) }));
  // One set of limits for queries, mutations and subscriptions: the cost limit is the request cap.
  const queryLimits: QueryLimits = { ...(options.queryLimits ?? DEFAULT_QUERY_LIMITS), maxCost: maxUpstreamCalls(options) };
  const formatError = formatErrorFor(secrets, options.logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: jitExecutor(await gatewaySchema(), (executor) => metrics.graphqlExecutions.inc({ executor })),
    formatError,
    includeStacktraceInErrorResponses: false,
    persistedQueries: options.apqStore ? { cache: new PrefixingKeyValueCache(options.apqStore, "apq:") } : undefined,
    // src/index.ts owns SIGTERM/SIGINT: it drains in-flight requests, then exits 0.
    stopOnTerminationSignals: false,
    introspection: options.introspection ?? true,
    parseOptions: queryParseOptions(queryLimits),
    // Refuses "simple" cross-site requests (text/plain POSTs, GETs without a preflight header).
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // GraphiQL from the gateway's own assets, or nothing: Apollo's default page loads from a CDN.
      options.graphiql !== false ? graphiqlLandingPage() : ApolloServerPluginLandingPageDisabled(),
      // Federated traces (ftv1) are for Apollo Studio; off unless someone wires them in on purpose.
      ApolloServerPluginInlineTraceDisabled(),
      // HTTP cache hints are unused (responses are per token); the plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      // Before errorLogging: it swaps a refused document's parse or validation error for its own in didEncounterErrors.
      queryLimitsPlugin(queryLimits),
      errorLogging(options.logger, secrets),
      requestObservation(options.logger, metrics),
      requestChecks(),
      costReportPlugin(queryLimits.maxCost),
    ],
  });
  await apollo.start();

  /** The token a request runs with: the server's, or in pass-through mode the caller's own. */
  const tokenOf = (req: IncomingMessage) =>
    options.authMode === "passthrough" ? bearerOf(headerValue(req, "authorization")) : options.accessToken;
  const unauthenticated = () =>
    new GraphQLError("Send your Intercom access token as `Authorization: Bearer <token>`", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  /** Upstream settings of one request with that token: its concurrency share, metrics, the per-request cap. */
  const clientOptions = (token: string | undefined): IntercomClientOptions => upstreamClient(options, metrics, bodies, { token, concurrency: limiters.for(token) });

  /**
   * Everything resolvers may use, for one token: a request's (built from that request alone), or
   * one event's for all the subscribers of that token (src/events). Loaders and de-duplication
   * are never shared between tokens, so never between tenants. Upstream calls stop when
   * `clientGone` is cancelled or the deadline passes.
   */
  const contextFor = (token: string | undefined, requestId: string, clientGone?: Cancellation): GatewayContext => {
    const upstream = new IntercomClient(
      upstreamClient(options, metrics, bodies, {
        token,
        concurrency: limiters.for(token),
        clientGone,
        deadline: Date.now() + (options.requestTimeoutMs ?? 30_000),
        requestId,
        // A write's effects reach this request's loaders and every replica's shared cache.
        onWrite: async (effects: WriteEffect[]) => {
          applyWriteEffects(loaders, effects);
          await options.cache?.invalidateWritten(token, effects);
        },
      }),
    );
    const dataSources = createDataSources(upstream);
    const loaders = createLoaders(dataSources, (loader, keys) => metrics.loaderBatchSize.observe({ loader }, keys));
    return { requestId, token, upstream, dataSources, loaders, logger: options.logger };
  };

  /** A GraphQL request's context, built from that request alone. */
  const buildContext = async (req: IncomingMessage, res: ServerResponse): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const token = tokenOf(req);
    if (options.authMode === "passthrough" && !token) throw unauthenticated();
    // Upstream calls of this request stop when its client goes away or its deadline passes.
    const clientGone = new Cancellation();
    res.once("close", () => {
      if (!res.writableFinished) clientGone.cancel(new Error("the client went away"));
    });
    res.setHeader("x-request-id", requestId);
    return contextFor(token, requestId, clientGone);
  };

  // Subscriptions: their results get the same error shaping as a query's answer.
  const formatErrors = (errors: readonly GraphQLError[], token: string | undefined): GraphQLFormattedError[] => {
    const formatted = errors.map((error) => formatError(error.toJSON(), error));
    return token ? (JSON.parse(redact(JSON.stringify(formatted), [token])) as GraphQLFormattedError[]) : formatted;
  };
  const formatResult = (result: ExecutionResult, token: string | undefined): FormattedExecutionResult => {
    const { errors, ...rest } = result;
    return errors?.length ? { ...rest, errors: formatErrors(errors, token) } : rest;
  };
  const events = await createEvents(options.events ?? {}, {
    schema: await gatewaySchema(),
    authMode: options.authMode ?? "server",
    serverToken: options.accessToken,
    contextFor: (token, requestId) => contextFor(token, requestId),
    appIdOf: async (token) => (await contextFor(token, `me-${randomUUID()}`).dataSources.admins.me()).app?.idCode,
    formatResult,
    formatErrors,
    limits: queryLimits,
    corsOrigins: options.corsOrigins ?? [],
    maxRequestBytes: BODY_LIMIT_BYTES,
    cache: options.cache,
    metrics,
    logger: options.logger,
  });

  app.disable("x-powered-by");
  // Liveness: the process is up. Readiness: Intercom answers with the configured token.
  const health = (_req: express.Request, res: express.Response) => void res.json({ status: "ok" });
  app.get("/health", health);
  app.get("/healthz", health);
  const readiness =
    options.authMode === "passthrough"
      ? createReadinessCheck(clientOptions(undefined), "reachable")
      : createReadinessCheck(clientOptions(options.accessToken), "token");
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get("/readyz", async (_req, res) => {
    const result = await readiness();
    res.status(result.ready ? 200 : 503).json(result);
  });
  if (options.graphiql !== false) app.use(createGraphiQLRouter());
  // Downloads run with the caller's token like every GraphQL request (in pass-through mode, never the server's).
  app.use(
    "/downloads",
    createDownloadRouter((req) => {
      const token = tokenOf(req);
      if (options.authMode === "passthrough" && !token) return unauthenticated();
      return { ...clientOptions(token), requestId: requestIdOf(req), deadline: Date.now() + (options.requestTimeoutMs ?? 30_000) };
    }),
  );
  // What Express cannot route or fails on is a JSON error too: its own pages are HTML, with stacks outside production.
  app.use((_req: express.Request, res: express.Response) => {
    sendError(res, 404, "No such route: the gateway serves /graphql, /graphql/stream, /healthz, /readyz, /metrics and /downloads/data-exports/{job}");
  });
  app.use((error: { status?: number; statusCode?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = Number(error?.status ?? error?.statusCode);
    const clientMistake = status >= 400 && status < 500;
    if (!clientMistake) options.logger.error("request failed", { error });
    if (res.headersSent) return void res.destroy();
    sendError(res, clientMistake ? status : 500, clientMistake ? http.STATUS_CODES[status]! : "Internal server error");
  });

  graphql = graphqlHandler(apollo, buildContext, { limitBytes: BODY_LIMIT_BYTES, corsOrigins: options.corsOrigins, logger: options.logger });
  eventRoutes = events.handle;
  events.attach(httpServer);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/graphql`,
    port,
    events,
    close: async () => {
      // Subscriptions first (each told why), so draining the HTTP server does not wait on them.
      await events.close();
      await apollo.stop();
    },
  };
}
