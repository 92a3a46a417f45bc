import { setTimeout as sleep } from "node:timers/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Router, type Response as ExpressResponse } from "express";
import { errorFromIntercomResponse, type GatewayErrorCode } from "../datasources/errors.js";
import type { IntercomClientOptions } from "../datasources/intercom.js";
import { redact } from "../logger.js";

const OPERATION = "GET /download/content/data/{job_identifier}";
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** Headers of the file that reach the client; nothing else of Intercom's answer does. */
const PASSED_HEADERS = ["content-type", "content-length", "content-disposition", "last-modified", "etag"];


interface RouteError {
  status: number;
  message: string;
  extensions: { code: GatewayErrorCode } & Record<string, unknown>;
}

/** The same error shape and codes a GraphQL client sees, token removed. */
function sendError(res: ExpressResponse, error: RouteError, secrets: string[]): void {
  const body = { errors: [{ message: error.message, extensions: { ...error.extensions, http: { status: error.status } } }] };
  if (error.status === 429 && typeof error.extensions.retryAfter === "number") res.setHeader("Retry-After", String(error.extensions.retryAfter));
  res.status(error.status).type("application/json").send(redact(JSON.stringify(body), secrets));
}

async function upstreamError(response: Response): Promise<RouteError> {
  const text = await response.text().catch(() => "");
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: mapped by status alone
  }
  const error = errorFromIntercomResponse(response.status, parsed, response.headers, OPERATION);
  // Intercom's 5xx is the gateway's bad gateway; 4xx keep their status (404 stays 404).
  return { status: response.status >= 500 ? 502 : response.status, message: error.message, extensions: error.extensions as RouteError["extensions"] };
}

/**
 * Opens the upstream download: retries 5xx and network failures (it is a GET,
 * and nothing has reached the client yet), each attempt bounded by the
 * timeout until Intercom starts answering. Returns the response or the error to send.
 */
async function openUpstream(client: IntercomClientOptions, jobIdentifier: string, cancel: AbortSignal): Promise<Response | RouteError> {
  const url = new URL(`download/content/data/${encodeURIComponent(jobIdentifier)}`, client.baseUrl.replace(/\/*$/, "/"));
  const headers: Record<string, string> = { accept: "application/octet-stream", "intercom-version": client.version };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  for (let attempt = 1; ; attempt++) {
    const isLast = attempt > client.retries;
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), client.timeoutMs);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.any([timer.signal, cancel]) });
      // The timeout bounds waiting for the answer, not the transfer of a large file.
      clearTimeout(timeout);
      if (!isLast && RETRYABLE_STATUSES.has(response.status)) {
        await response.body?.cancel();
        client.logger?.warn("upstream retry", { operation: OPERATION, status: response.status, attempt });
      } else if (!response.ok) {
        return await upstreamError(response);
      } else {
        return response;
      }
    } catch (error) {
      clearTimeout(timeout);
      if (cancel.aborted) throw error;
      const timedOut = timer.signal.aborted;
      if (isLast) {
        return timedOut
          ? { status: 504, message: `Intercom ${OPERATION} timed out after ${client.timeoutMs} ms`, extensions: { code: "UPSTREAM_TIMEOUT" } }
          : { status: 502, message: `Intercom ${OPERATION} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`, extensions: { code: "UPSTREAM_ERROR" } };
      }
      client.logger?.warn("upstream retry", { operation: OPERATION, error: timedOut ? "timeout" : String(error), attempt });
    }
    await sleep(50 * 2 ** (attempt - 1));
  }
}

/**
 * Gateway routes that stream upstream files (a data export's download) to the
 * client, so binaries never pass through a GraphQL response. Mounted at /downloads.
 *
 * GET /downloads/data-exports/:jobIdentifier streams
 * `GET /download/content/data/{job_identifier}` (a gzipped CSV) chunk by chunk:
 * the body is piped, never held in memory, and stops when the client goes away.
 */
export function createDownloadRouter(client: IntercomClientOptions): Router {
  const router = Router();
  const secrets = client.token ? [client.token] : [];

  router.get("/data-exports/:jobIdentifier", async (req, res) => {
    const jobIdentifier = String(req.params.jobIdentifier);
    // A client that disconnects cancels the upstream request or transfer.
    const cancel = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) cancel.abort();
    });
    let upstream: Response | RouteError;
    try {
      upstream = await openUpstream(client, jobIdentifier, cancel.signal);
    } catch {
      return; // the client is gone
    }
    if (!(upstream instanceof Response)) {
      client.logger?.warn("download failed", { operation: OPERATION, status: upstream.status, code: upstream.extensions.code });
      sendError(res, upstream, secrets);
      return;
    }

    res.status(200);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    // fetch decodes a Content-Encoding, so the length Intercom sent would no longer match.
    if (upstream.headers.get("content-encoding")) res.removeHeader("content-length");
    if (!upstream.headers.get("content-type")) res.setHeader("content-type", "application/octet-stream");
    if (!upstream.headers.get("content-disposition")) {
      res.setHeader("content-disposition", `attachment; filename="${jobIdentifier.replace(/[^A-Za-z0-9_-]/g, "_")}.csv.gz"`);
    }
    res.setHeader("cache-control", "private, no-store");
    if (!upstream.body) {
      res.end();
      return;
    }
    try {
      await pipeline(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>), res);
    } catch (error) {
      // Headers are gone already: all that is left is to cut the response short.
      if (!cancel.signal.aborted) client.logger?.warn("download interrupted", { operation: OPERATION, error: redact(String(error), secrets) });
      res.destroy();
    }
  });

  return router;
}
