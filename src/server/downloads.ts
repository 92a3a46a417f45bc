import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response as ExpressResponse } from "express";
import { GraphQLError } from "graphql";
import { errorFromIntercomResponse } from "../datasources/errors.js";
import { parseJsonBody } from "../datasources/json-body.js";
import { Cancellation } from "../datasources/cancellation.js";
import { IntercomClient, type IntercomClientOptions } from "../datasources/upstream.js";
import { path } from "../datasources/upstream-path.js";
import { redact } from "../logger.js";

const OPERATION = "GET /download/content/data/{job_identifier}";
/** Headers of the file that reach the client; nothing else of Intercom's answer does. */
const PASSED_HEADERS = ["content-type", "content-length", "content-disposition", "last-modified", "etag"];

/** The same error shape and codes a GraphQL client sees, token removed; the HTTP status is the route's own. */
function sendError(res: ExpressResponse, status: number, error: GraphQLError, secrets: string[]): void {
  const extensions = { ...error.extensions };
  const body = { errors: [{ message: error.message, extensions }] };
  if (status === 429 && typeof extensions.retryAfter === "number") res.setHeader("Retry-After", String(extensions.retryAfter));
  res.status(status).type("application/json").send(redact(JSON.stringify(body), secrets));
}

/** The route's HTTP status for an error: Intercom's 4xx as is, its failures as a bad gateway or timeout. */
function statusFor(error: GraphQLError, upstreamStatus: number | undefined): number {
  if (upstreamStatus !== undefined && upstreamStatus >= 400 && upstreamStatus < 500) return upstreamStatus;
  const code = error.extensions.code;
  if (code === "BAD_USER_INPUT") return 400;
  if (code === "UNAUTHENTICATED") return 401;
  if (code === "RATE_LIMITED") return 429;
  if (code === "UPSTREAM_TIMEOUT") return 504;
  return 502;
}

/**
 * Gateway routes that stream upstream files (a data export's download) to the client, so binaries
 * never pass through a GraphQL response. Mounted at /downloads.
 *
 * GET /downloads/data-exports/:jobIdentifier streams `GET /download/content/data/{job_identifier}`
 * (a gzipped CSV) chunk by chunk, through the same upstream client as every other call (ids as one
 * segment, the caller's token, budget, retries, metrics): the body is piped, never held in memory,
 * and stops when the client goes away. `clientOptions` gives the upstream settings of one request,
 * with that request's token, or the error to answer (no token in pass-through mode).
 */
export function createDownloadRouter(clientOptions: (req: Request) => IntercomClientOptions | GraphQLError): Router {
  const router = Router();

  router.get("/data-exports/:jobIdentifier", async (req, res) => {
    const jobIdentifier = String(req.params.jobIdentifier);
    const options = clientOptions(req);
    if (options instanceof GraphQLError) return sendError(res, 401, options, []);
    const secrets = options.token ? [options.token] : [];
    // A client that disconnects cancels the upstream request or transfer.
    const cancel = new Cancellation();
    res.on("close", () => {
      if (!res.writableFinished) cancel.cancel(new Error("the client went away"));
    });
    const client = new IntercomClient({ ...options, clientGone: cancel });
    let upstream;
    try {
      upstream = await client.open({
        method: "GET",
        path: path`download/content/data/${jobIdentifier}`,
        read: true,
        accept: "application/octet-stream",
      });
    } catch (error) {
      if (cancel.aborted) return; // the client is gone
      const failure = error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: "UPSTREAM_ERROR" } });
      options.logger?.warn("download failed", { operation: OPERATION, code: failure.extensions.code });
      return sendError(res, statusFor(failure, undefined), failure, secrets);
    }
    if (upstream.bytes !== undefined) {
      let parsed: unknown;
      try {
        parsed = parseJsonBody(upstream.bytes);
      } catch {
        parsed = upstream.bytes.toString("utf8"); // not JSON: mapped by status alone
      }
      const failure = errorFromIntercomResponse(upstream.status, parsed, upstream.headers, OPERATION);
      options.logger?.warn("download failed", { operation: OPERATION, status: upstream.status, code: failure.extensions.code });
      return sendError(res, statusFor(failure, upstream.status), failure, secrets);
    }

    res.status(200);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    if (!upstream.headers.get("content-type")) res.setHeader("content-type", "application/octet-stream");
    if (!upstream.headers.get("content-disposition")) {
      res.setHeader("content-disposition", `attachment; filename="${jobIdentifier.replace(/[^A-Za-z0-9_-]/g, "_")}.csv.gz"`);
    }
    res.setHeader("cache-control", "private, no-store");
    try {
      await pipeline(upstream.body as Readable, res);
    } catch (error) {
      // Headers are gone already: all that is left is to cut the response short.
      if (!cancel.aborted) options.logger?.warn("download interrupted", { operation: OPERATION, error: redact(String(error), secrets) });
      res.destroy();
    }
  });

  return router;
}
