// GraphQL over Server-Sent Events, in the "distinct connections" mode of the graphql-sse
// protocol (one subscription per request: what graphql-sse's client does by default, and what
// Hive Gateway and other graphql-tools routers send a subgraph): `GET` or `POST` on
// /graphql/stream, or on /graphql with `Accept: text/event-stream`. The answer streams
// `event: next` with each result and `event: complete` at the end. The single-connection mode
// (a reserved stream per PUT) is not served: its reservations live until used, so anyone could
// grow them without bound. Writes wait for the socket to drain: a client that stops reading
// stops the stream, its events pile up in its bounded queue, and it is dropped.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from "graphql";
import { corsFor, readBody, sendError } from "../server/fast-path.js";
import { bearerToken } from "./auth.js";
import { isObject } from "./notification.js";
import { prepareSubscription, runSubscription, subscriptionParams, type SubscriptionParams } from "./execute.js";
import type { Connection, DropReason } from "./hub.js";
import type { TransportOptions } from "./transport.js";

export const SSE_PATH = "/graphql/stream";
const ALLOW = "GET, POST, OPTIONS";

/** Whether a /graphql request asks for an event stream rather than JSON (graphql-sse's and routers' subscriptions do). */
export function wantsEventStream(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? "").toLowerCase();
  return accept.includes("text/event-stream") && !/application\/(graphql-response\+)?json|multipart\/mixed/.test(accept);
}

const message = (event: "next" | "complete", data?: unknown) => `event: ${event}\ndata:${data === undefined ? "" : ` ${JSON.stringify(data)}`}\n\n`;

export interface SseTransport {
  /** Handles an SSE request (true), or leaves it (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Ends every stream with the shutdown reason. */
  close(): Promise<void>;
}

export function sseTransport(options: TransportOptions): SseTransport {
  const { hub, logger } = options;
  const streams = new Set<ServerResponse>();
  let closing = false;
  const withCors = corsFor(options.corsOrigins);

  /** The request's parameters: the URL's for GET, the JSON body's for POST; or the answer that refuses them (already sent). */
  async function paramsOf(req: IncomingMessage, res: ServerResponse): Promise<SubscriptionParams | GraphQLError | undefined> {
    if (req.method === "GET") {
      const search = new URL(req.url ?? "", "http://gateway").searchParams;
      let variables: unknown = null;
      const rawVariables = search.get("variables");
      if (rawVariables) {
        try {
          variables = JSON.parse(rawVariables);
        } catch {
          return new GraphQLError("`variables` is not valid JSON", { extensions: { code: "BAD_REQUEST" } });
        }
      }
      return subscriptionParams({ query: search.get("query") ?? undefined, variables, operationName: search.get("operationName") });
    }
    const encoding = req.headers["content-encoding"];
    if (encoding && encoding !== "identity") return void (req.resume(), sendError(res, 415, "Request bodies are not accepted compressed", "UNSUPPORTED_MEDIA_TYPE"));
    if (Number(req.headers["content-length"]) > options.maxRequestBytes) return void (req.resume(), sendError(res, 413, "The request body is over the size limit", "PAYLOAD_TOO_LARGE"));
    if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? "")) {
      return void (req.resume(), sendError(res, 415, "Send the subscription as JSON (content-type: application/json)", "UNSUPPORTED_MEDIA_TYPE"));
    }
    const raw = await readBody(req, options.maxRequestBytes);
    if (raw === undefined) return void (req.resume(), sendError(res, 413, "The request body is over the size limit", "PAYLOAD_TOO_LARGE"));
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return void sendError(res, 400, "The request body is not valid JSON", "BAD_REQUEST");
    }
    if (!isObject(body)) return void sendError(res, 400, "The request body must be a JSON object", "BAD_REQUEST");
    return subscriptionParams(body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "";
    if (method === "OPTIONS") return void res.writeHead(204, { allow: ALLOW }).end();
    if (method !== "GET" && method !== "POST") return void (req.resume(), sendError(res, 405, `${SSE_PATH} answers ${ALLOW}`, "METHOD_NOT_ALLOWED", { allow: ALLOW }));
    if (closing) return void (req.resume(), sendError(res, 503, "The gateway is shutting down", "SHUTTING_DOWN"));
    const token = options.authMode === "passthrough" ? bearerToken(req.headers.authorization) : options.serverToken;
    if (options.authMode === "passthrough" && !token) {
      req.resume();
      return sendError(res, 401, "Send your Intercom access token as `Authorization: Bearer <token>`", "UNAUTHENTICATED");
    }
    const params = await paramsOf(req, res);
    if (params === undefined) return;
    const admission = await options.admit(token);
    if ("refused" in admission) {
      return sendError(res, admission.code === "UNAUTHENTICATED" ? 401 : 503, admission.refused, admission.code);
    }
    if (hub.connections >= options.maxConnections) return sendError(res, 503, "Too many subscribers on this gateway; try again later", "TOO_MANY_SUBSCRIBERS", { "retry-after": "5" });

    // From here on the answer is an event stream; GraphQL errors travel in it, as graphql-sse does.
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write(":\n\n");
    const finish = (result?: FormattedExecutionResult, complete = true) => {
      if (res.writableEnded) return;
      if (result) res.write(message("next", result));
      if (complete) res.write(message("complete"));
      res.end();
      // A client that stopped reading never takes the end either.
      setTimeout(() => res.destroy(), 5_000).unref();
    };
    const fail = (errors: readonly GraphQLError[]) => finish({ errors: options.formatErrors(errors, token) });
    if (params instanceof GraphQLError) return fail([params]);
    const prepared = prepareSubscription(options.schema, params, options.limits);
    if ("errors" in prepared) return fail(prepared.errors);

    let stop: ((reason: DropReason) => void) | undefined;
    const connection: Connection = { transport: "sse", token, appId: admission.appId, close: (reason) => stop?.(reason) };
    const requestId = randomUUID();
    logger.info("subscription started", { transport: "sse", requestId, operation: options.metrics?.operationLabel(prepared.operation.name?.value) ?? "anonymous" });
    const results = await runSubscription(
      {
        schema: options.schema,
        document: prepared.document,
        operationName: prepared.operationName,
        variableValues: prepared.variables,
        contextValue: options.subscriptionContext(connection, requestId),
      },
      options.delivered,
      prepared.shareKey,
    );
    if (!(Symbol.asyncIterator in Object(results))) return finish(options.formatResult(results as ExecutionResult, token));
    const iterator = results as AsyncGenerator<ExecutionResult, void, void>;
    hub.register(connection);
    streams.add(res);
    let shutdown = false;
    stop = (reason) => {
      if (reason === "shutdown") {
        shutdown = true;
        void iterator.return();
      }
      // slow_consumer: the hub has failed the stream, and the loop reads its error once the
      // socket drains; a client that never drains is cut after a grace period.
      else setTimeout(() => res.destroy(), 5_000).unref();
    };
    const keepAlive = setInterval(() => {
      if (!res.writableNeedDrain) res.write(":\n\n");
    }, options.keepAliveMs);
    res.once("close", () => void iterator.return());
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || res.destroyed) break;
        if (!res.write(message("next", options.formatResult(next.value, token)))) {
          await new Promise<void>((resolve) => {
            const done = () => (res.off("drain", done), res.off("close", done), resolve());
            res.once("drain", done).once("close", done);
          });
        }
      }
      if (shutdown) finish({ errors: [{ message: "The gateway is shutting down; subscribe again", extensions: { code: "SHUTTING_DOWN" } }] }, false);
      else finish();
    } catch (error) {
      const errors = error instanceof GraphQLError ? [error] : [new GraphQLError("Internal server error", { extensions: { code: "INTERNAL_SERVER_ERROR" } })];
      if (!(error instanceof GraphQLError)) logger.error("subscription stream failed", { requestId, error: String(error) });
      fail(errors);
    } finally {
      clearInterval(keepAlive);
      streams.delete(res);
      hub.unregister(connection);
    }
  }

  return {
    handle(req, res) {
      const path = (req.url ?? "").split("?", 1)[0];
      const isStreamPath = path === SSE_PATH || path === `${SSE_PATH}/`;
      if (!isStreamPath && !((path === "/graphql" || path === "/graphql/") && (req.method === "GET" || req.method === "POST") && wantsEventStream(req))) return false;
      const run = () =>
        void serve(req, res).catch((error: unknown) => {
          logger.error("subscription request failed", { error: String(error) });
          if (!res.headersSent) sendError(res, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
          else res.end();
        });
      if (withCors) withCors(req, res, run);
      else run();
      return true;
    },
    async close() {
      closing = true;
      const deadline = Date.now() + 2_000;
      while (streams.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const res of streams) res.destroy();
    },
  };
}
