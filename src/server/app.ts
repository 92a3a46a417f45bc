import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import http from "node:http";
import type { GraphQLFormattedError } from "graphql";
import { createDataSources } from "../datasources/index.js";
import { UpstreamError } from "../datasources/errors.js";
import type { IntercomClientOptions } from "../datasources/intercom.js";
import { createLoaders } from "../loaders/index.js";
import { redact, type Logger } from "../logger.js";
import { gatewaySchema } from "../schema/index.js";
import type { GatewayContext } from "./context.js";
import { createDownloadRouter } from "./downloads.js";
import { createGraphiQLRouter } from "./graphiql.js";

export interface GatewayOptions {
  baseUrl: string;
  intercomVersion: string;
  accessToken?: string;
  upstreamTimeoutMs: number;
  upstreamRetries: number;
  logger: Logger;
  /** Serve GraphiQL on GET /graphql for browsers (default true). */
  graphiql?: boolean;
  /** Allow introspection (default true). */
  introspection?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Shapes every error a client sees: upstream status as `extensions.http.status`,
 * unexpected errors masked, and no token anywhere in it (Intercom's own
 * messages included).
 */
function formatErrorFor(secrets: string[], logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    let message = formatted.message;
    if (original instanceof UpstreamError && original.status !== undefined) {
      extensions.http = { status: original.status };
    }
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
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            logger.warn("graphql error", {
              requestId: contextValue.requestId,
              code: error.extensions.code ?? null,
              status: original instanceof UpstreamError ? original.status ?? null : null,
              message: redact(error.message, secrets),
              path: error.path?.join(".") ?? null,
            });
          }
        },
      };
    },
  };
}

function upstreamClient(options: GatewayOptions, token: string | undefined): IntercomClientOptions {
  return {
    baseUrl: options.baseUrl,
    version: options.intercomVersion,
    token,
    timeoutMs: options.upstreamTimeoutMs,
    retries: options.upstreamRetries,
    logger: options.logger,
  };
}

/** Starts the HTTP app: `POST /graphql` (and GET queries), `GET /health`. */
export async function startGateway(options: GatewayOptions & { port: number; host?: string }): Promise<RunningGateway> {
  const app = express();
  const httpServer: Server = http.createServer(app);
  const secrets = options.accessToken ? [options.accessToken] : [];
  const apollo = new ApolloServer<GatewayContext>({
    schema: await gatewaySchema(),
    formatError: formatErrorFor(secrets, options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads from a CDN; the gateway serves nothing from outside.
      ApolloServerPluginLandingPageDisabled(),
      errorLogging(options.logger, secrets),
    ],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  if (options.graphiql !== false) app.use(createGraphiQLRouter());
  app.use("/downloads", createDownloadRouter(upstreamClient(options, options.accessToken)));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = req.header("x-request-id") ?? randomUUID();
        const dataSources = createDataSources(upstreamClient(options, options.accessToken));
        return { requestId, dataSources, loaders: createLoaders(dataSources), logger: options.logger };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
