// graphql-ws (the GraphQL over WebSocket protocol, subprotocol `graphql-transport-ws`) on the
// upgrade of /graphql. Authentication happens at connection_init (the payload's authorization,
// or the upgrade's header): connection_ack means the token's app is known. Only subscriptions
// run here; every subscription is checked against the query limits before it starts.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { endWithError } from "../server/fast-path.js";
import { connectionToken, originAllowed } from "./auth.js";
import { prepareSubscription, runSubscription, subscriptionParams } from "./execute.js";
import type { Connection, DropReason } from "./hub.js";
import type { TransportOptions } from "./transport.js";

/** Close codes and reasons (a reason is at most 123 bytes). 1001 and 1013 make graphql-ws clients reconnect; 4401 does not. */
const CLOSE: Record<DropReason | "unauthenticated" | "lookup_failed", [number, string]> = {
  shutdown: [1001, "Going away: the gateway is shutting down; reconnect"],
  slow_consumer: [1013, "Too slow: events queued past the limit; reconnect"],
  unauthenticated: [4401, "Unauthorized: send { authorization: \"Bearer <token>\" } in connection_init"],
  lookup_failed: [1013, "Could not learn the token's workspace from Intercom; try again"],
};

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  connection?: Connection;
}

export interface WebSocketTransport {
  /** Closes every connection with 1001 and stops accepting upgrades. */
  close(): Promise<void>;
}

export function attachWebSocket(server: Server, options: TransportOptions): WebSocketTransport {
  const { hub, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxRequestBytes });
  /** Each operation's share key, by its context (graphql-ws hands `subscribe` the execution args only). */
  const shareKeys = new WeakMap<object, string>();
  let closing = false;

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const path = (req.url ?? "").split("?", 1)[0];
    if (path !== "/graphql" && path !== "/graphql/") return endWithError(socket, 404, "WebSocket subscriptions are served on /graphql");
    if (closing) return endWithError(socket, 503, "The gateway is shutting down");
    if (!originAllowed(req, options.corsOrigins)) return endWithError(socket, 403, "This origin may not subscribe (see CORS_ORIGINS)");
    if (hub.connections >= options.maxConnections) return endWithError(socket, 503, "Too many connections on this gateway; try again later");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  const closeWith = (socket: WebSocket, [code, reason]: [number, string]) => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
  };

  const server_ = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const token = options.authMode === "passthrough" ? connectionToken(ctx.connectionParams, request) : options.serverToken;
        if (options.authMode === "passthrough" && !token) {
          closeWith(socket, CLOSE.unauthenticated);
          return false;
        }
        const admission = await options.admit(token);
        if ("refused" in admission) {
          closeWith(socket, admission.code === "UNAUTHENTICATED" ? CLOSE.unauthenticated : CLOSE.lookup_failed);
          return false;
        }
        const connection: Connection = {
          transport: "ws",
          token,
          appId: admission.appId,
          close: (reason) => {
            closeWith(socket, CLOSE[reason]);
            // A client that does not read cannot take the close frame either: let it go after a grace period.
            setTimeout(() => socket.terminate(), 5_000).unref();
          },
        };
        ctx.extra.connection = connection;
        hub.register(connection);
        socket.once("close", () => hub.unregister(connection));
        return true;
      },
      onSubscribe(ctx, id, payload) {
        const connection = ctx.extra.connection!;
        const running = Object.keys(ctx.subscriptions).length;
        if (running > options.subscriptionsPerConnection) {
          return [
            new GraphQLError(`A connection runs at most ${options.subscriptionsPerConnection} subscriptions at once; complete one or open another connection`, {
              extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
            }),
          ];
        }
        const params = subscriptionParams(payload);
        if (params instanceof GraphQLError) return [params];
        const prepared = prepareSubscription(options.schema, params, options.limits);
        if ("errors" in prepared) return prepared.errors;
        const requestId = randomUUID();
        logger.info("subscription started", { transport: "ws", requestId, operation: options.metrics?.operationLabel(prepared.operation.name?.value) ?? "anonymous" });
        const contextValue = options.subscriptionContext(connection, requestId);
        shareKeys.set(contextValue, prepared.shareKey);
        const args: ExecutionArgs = {
          schema: options.schema,
          document: prepared.document,
          operationName: prepared.operationName,
          variableValues: prepared.variables,
          contextValue,
        };
        return args;
      },
      subscribe: (args) => runSubscription(args, options.delivered, shareKeys.get(args.contextValue as object)),
      onNext: (ctx, _id, _payload, _args, result) => options.formatResult(result, ctx.extra.connection?.token),
      onError: (ctx, _id, _payload, errors) => options.formatErrors(errors, ctx.extra.connection?.token),
    },
    wss,
    options.keepAliveMs,
  );

  // graphql-ws logs a socket's errors with console.error (a stack on stderr): a client's bad
  // frame (one over the size limit, invalid UTF-8) is its mistake, which ws answers with a close
  // code already. Logged as a line of ours instead.
  wss.on("connection", (socket: WebSocket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error: Error & { code?: string }) => {
      logger.warn("websocket closed on a protocol error", { code: typeof error.code === "string" ? error.code.slice(0, 64) : "unknown" });
      if (socket.readyState === socket.OPEN) socket.terminate();
    });
  });

  return {
    async close() {
      closing = true;
      for (const socket of wss.clients) closeWith(socket, CLOSE.shutdown);
      // Clients get a moment to answer the close frame; the rest are cut.
      const deadline = Date.now() + 2_000;
      while ([...wss.clients].some((s) => s.readyState !== s.CLOSED) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const socket of wss.clients) socket.terminate();
      await Promise.resolve(server_.dispose()).catch(() => undefined);
    },
  };
}

