import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import cors from "cors";
import type { Logger } from "../logger.js";
import type { GatewayContext } from "./context.js";
import { GRAPHIQL_CSP } from "./graphiql.js";

/** The methods /graphql answers. */
const ALLOW = "GET, POST, OPTIONS";

export interface GraphQLHandlerOptions {
  /** Request bodies over this are refused with 413. */
  limitBytes: number;
  /** Browser origins allowed to call /graphql cross-origin; none by default. */
  corsOrigins?: string[];
  logger: Logger;
}

/**
 * The one handler of `/graphql`, for every method and content type: straight to Apollo Server's
 * `executeHTTPGraphQLRequest` (the API its own integrations are built on), without Express's
 * router and body-parser, which cost about 0.4 ms a request (see docs/performance.md).
 * - CORS first, so every answer carries it, errors included (a browser app can read them);
 * - OPTIONS: the CORS preflight, or just `Allow`;
 * - GET: queries from `?query=`, and GraphiQL's page for browsers (Apollo's landing page);
 * - POST: the body up to the limit (413); JSON is parsed here (malformed: 400), other content
 *   types are left to Apollo's CSRF prevention and its own 400;
 * - other methods: 405.
 * Every error is the gateway's JSON error shape. Returns false for other paths (Express's).
 */
export function graphqlHandler(
  apollo: ApolloServer<GatewayContext>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<GatewayContext>,
  options: GraphQLHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const withCors = corsFor(options.corsOrigins);
  return (req, res) => {
    const url = req.url ?? "";
    const path = url.split("?", 1)[0];
    if (path !== "/graphql" && path !== "/graphql/") return false;
    const run = () =>
      void handle(req, res, url).catch((error: unknown) => {
        options.logger.error("graphql request failed", { error });
        if (!res.headersSent) sendError(res, 500, "Internal server error");
        else res.end();
      });
    // cors answers OPTIONS (the preflight) itself and calls run for every other method.
    if (withCors) withCors(req, res, run);
    else run();
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const method = req.method ?? "";
    if (method === "OPTIONS") {
      res.writeHead(204, { allow: ALLOW }).end();
      return;
    }
    if (method !== "GET" && method !== "POST") {
      res.setHeader("allow", ALLOW);
      return refuse(req, res, 405, `/graphql answers ${ALLOW}`);
    }
    let body: unknown;
    if (method === "POST") {
      // Inflating request bodies would put the size limit after a decompression bomb.
      const encoding = req.headers["content-encoding"];
      if (encoding && encoding !== "identity") return refuse(req, res, 415, "Request bodies are not accepted compressed");
      if (Number(req.headers["content-length"]) > options.limitBytes) return tooLarge(req, res);
      const raw = await readBody(req, options.limitBytes);
      if (raw === undefined) return tooLarge(req, res);
      if (/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? "")) {
        try {
          body = raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
        } catch {
          return sendError(res, 400, "The request body is not valid JSON");
        }
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: query >= 0 ? url.slice(query) : "", body },
      context: () => context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // The only page Apollo serves here is GraphiQL's.
    if (response.headers.get("content-type")?.startsWith("text/html")) res.setHeader("content-security-policy", GRAPHIQL_CSP);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** CORS for the browser origins allowed to call /graphql and its event streams; none by default. */
export function corsFor(origins: readonly string[] | undefined) {
  return origins?.length ? cors({ origin: [...origins], methods: ["GET", "POST"], credentials: true, maxAge: 600 }) : undefined;
}

/** The request's body, or undefined once it passes the limit (events, not an async iterator: cheaper per request). */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off("data", onData);
      resolve(undefined);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  refuse(req, res, 413, "The request body is over the size limit");
}

/** Answers without reading the body, which is then drained so the connection stays usable. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  sendError(res, status, message);
  req.resume();
}

/**
 * The gateway's one error shape outside GraphQL execution, `{"errors":[{message, extensions:{code}}]}`,
 * where the code names the HTTP status (413 → PAYLOAD_TOO_LARGE) unless a more precise one is given.
 */
export function errorBody(status: number, message: string, code = (STATUS_CODES[status] ?? "Error").toUpperCase().replace(/[^A-Z]+/g, "_")): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

export function sendError(res: ServerResponse, status: number, message: string, code?: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(errorBody(status, message, code));
}

/** Requests Node's HTTP parser refuses (garbage, oversized headers) get the same JSON errors, then the socket closes. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  endWithError(socket, status, STATUS_CODES[status]!);
}

/** A whole HTTP answer with the JSON error written on a bare socket (no ServerResponse: a refused request or upgrade), then closed. */
export function endWithError(socket: Duplex, status: number, message: string): void {
  const body = errorBody(status, message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
