import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Logger } from "../logger.js";
import type { GatewayContext } from "./context.js";

/**
 * The hot path: `POST /graphql` with a JSON body goes straight to Apollo Server's
 * `executeHTTPGraphQLRequest` (the API its own integrations are built on), without Express's
 * router and body-parser, which cost about 0.4 ms a request (see docs/performance.md). Returns
 * false for any other request, which then goes to Express. Same rules: 1 MB body limit (413),
 * malformed JSON (400), Apollo's CSRF prevention and error handling.
 */
export function graphqlFastPath(
  apollo: ApolloServer<GatewayContext>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<GatewayContext>,
  limitBytes: number,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== "POST") return false;
    const url = req.url ?? "";
    const path = url.split("?", 1)[0];
    if (path !== "/graphql" && path !== "/graphql/") return false;
    if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? "")) return false;
    handle(req, res, url).catch((error: unknown) => {
      logger.error("graphql fast path failed", { error: error instanceof Error ? error : String(error) });
      if (!res.headersSent) send(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.end();
    });
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const declared = Number(req.headers["content-length"]);
    if (declared > limitBytes) return tooLarge(req, res);
    const raw = await readBody(req, limitBytes);
    if (raw === undefined) return tooLarge(req, res);
    let body: unknown;
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
    } catch {
      return send(res, 400, { errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: query >= 0 ? url.slice(query) : "", body },
      context: () => context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The request's body, or undefined once it passes the limit (events, not an async iterator: cheaper per request). */
function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
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
  send(res, 413, { errors: [{ message: "The request body is over the size limit", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  req.resume();
}

function send(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
