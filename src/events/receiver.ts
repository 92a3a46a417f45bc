// POST {WEBHOOK_PATH}: Intercom's notifications in. The body is read up to its limit and its
// signature checked on the raw bytes before anything parses it; a request without a valid
// signature gets 401 and nothing else happens. A verified notification is acknowledged at once
// and processed after (de-duplication, then the bus): Intercom wants an answer within seconds
// and lowers the priority of endpoints slower than 500 ms. HEAD answers 200: Intercom validates
// the URL with it. Nothing of a body reaches a log but its notification id and topic.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import { readBody, sendError } from "../server/fast-path.js";
import type { GatewayMetrics } from "../server/metrics.js";
import { parseNotification, topicLabel, type Notification } from "./notification.js";
import { checkSignature } from "./signature.js";

export type RejectionReason = "signature_missing" | "signature_invalid" | "too_large" | "compressed" | "malformed" | "stale" | "overloaded";

export interface ReceiverOptions {
  path: string;
  /** The app's client secrets; a notification signed with any of them is accepted. */
  secrets: readonly string[];
  maxBytes: number;
  /** Older (or further in the future) than this and a notification is dropped (still answered 200). */
  maxAgeSeconds: number;
  /** Processes an accepted notification (after the answer went out). */
  process(notification: Notification, receivedAt: number): Promise<void>;
  /** Notifications being processed at once; past it the receiver answers 503 and Intercom retries later. */
  maxInFlight?: number;
  logger: Logger;
  metrics?: GatewayMetrics;
  now?: () => number;
}

const ALLOW = "HEAD, POST, OPTIONS";

function answer(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** The receiver: handles its path (true) or leaves the request to the next handler (false). */
export function webhookReceiver(options: ReceiverOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const maxInFlight = options.maxInFlight ?? 1000;
  let inFlight = 0;
  const reject = (res: ServerResponse, reason: RejectionReason, status: number, message: string, code: string) => {
    options.metrics?.webhooksRejected.inc({ reason });
    options.logger.warn("webhook refused", { reason, status });
    sendError(res, status, message, code);
  };

  async function post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const encoding = req.headers["content-encoding"];
    if (encoding && encoding !== "identity") {
      req.resume();
      return reject(res, "compressed", 415, "Notification bodies are not accepted compressed", "UNSUPPORTED_MEDIA_TYPE");
    }
    if (Number(req.headers["content-length"]) > options.maxBytes) {
      req.resume();
      return reject(res, "too_large", 413, "The notification is over the size limit", "PAYLOAD_TOO_LARGE");
    }
    const raw = await readBody(req, options.maxBytes);
    if (raw === undefined) return void (req.resume(), reject(res, "too_large", 413, "The notification is over the size limit", "PAYLOAD_TOO_LARGE"));
    // The signature first, on the bytes as they came: nothing is parsed before it checks out.
    const signature = checkSignature(raw, req.headers["x-hub-signature"], options.secrets);
    if (signature === "missing") return reject(res, "signature_missing", 401, "X-Hub-Signature is missing: notifications must be signed with the app's client secret", "SIGNATURE_MISSING");
    if (signature === "invalid") return reject(res, "signature_invalid", 401, "X-Hub-Signature does not match the body", "SIGNATURE_INVALID");
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return reject(res, "malformed", 400, "The notification is not valid JSON", "BAD_REQUEST");
    }
    const notification = parseNotification(body);
    if ("problem" in notification) return reject(res, "malformed", 400, `Not a notification: ${notification.problem}`, "BAD_REQUEST");
    const receivedAt = now();
    if (Math.abs(receivedAt / 1000 - notification.createdAt) > options.maxAgeSeconds) {
      options.metrics?.webhooksRejected.inc({ reason: "stale" });
      options.logger.info("webhook dropped: outside the freshness window", { id: notification.id, topic: topicLabel(notification.topic), createdAt: notification.createdAt });
      return answer(res, 200, { status: "dropped", reason: "stale" });
    }
    if (inFlight >= maxInFlight) {
      return void (options.metrics?.webhooksRejected.inc({ reason: "overloaded" }),
      options.logger.warn("webhook refused: too many notifications in flight", { id: notification.id }),
      sendError(res, 503, "Too many notifications in flight; retry later", "SERVICE_UNAVAILABLE", { "retry-after": "5" }));
    }
    options.metrics?.webhooksReceived.inc({ topic: topicLabel(notification.topic) });
    answer(res, 200, notification.topic === "ping" ? { status: "pong" } : { status: "accepted" });
    if (notification.topic === "ping") return options.logger.info("webhook ping", { id: notification.id });
    inFlight++;
    try {
      await options.process(notification, receivedAt);
    } catch (error) {
      options.logger.error("processing a notification failed", { id: notification.id, topic: topicLabel(notification.topic), error: String(error) });
    } finally {
      inFlight--;
    }
  }

  return (req, res) => {
    const path = (req.url ?? "").split("?", 1)[0];
    if (path !== options.path && path !== `${options.path}/`) return false;
    const method = req.method ?? "";
    if (method === "HEAD") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end();
      req.resume();
    } else if (method === "OPTIONS") {
      res.writeHead(204, { allow: ALLOW }).end();
      req.resume();
    } else if (method !== "POST") {
      req.resume();
      sendError(res, 405, `${options.path} answers ${ALLOW}`, "METHOD_NOT_ALLOWED", { allow: ALLOW });
    } else {
      void post(req, res).catch((error: unknown) => {
        options.logger.error("webhook request failed", { error: String(error) });
        if (!res.headersSent) sendError(res, 500, "Internal server error");
        else res.end();
      });
    }
    return true;
  };
}
