// Test helpers for events: signed Intercom notifications, and subscribers over both transports
// (graphql-ws's and graphql-sse's own clients, over real sockets) that collect what they get.
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { createClient as createSseClient } from "graphql-sse";
import WebSocket from "ws";
import { signatureOf } from "../../src/events/signature.js";
import type { Stack } from "./stack.js";

export const CLIENT_SECRET = "test-client-secret-0b7d4e";

let sequence = 0;
/** A notification envelope as Intercom sends it (created now, a fresh id unless given). */
export function notification(topic: string, item: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    type: "notification_event",
    app_id: "nw7k2q9x",
    data: { type: "notification_event_data", item },
    links: {},
    id: `notif_${process.pid}_${Date.now().toString(36)}_${sequence}`,
    topic,
    delivery_status: "pending",
    delivery_attempts: 1,
    delivered_at: 0,
    first_sent_at: Math.floor(Date.now() / 1000),
    created_at: Math.floor(Date.now() / 1000),
    self: null,
    ...overrides,
  };
}

/** The webhook URL of a gateway whose /graphql URL is `graphqlUrl`. */
export const webhookUrl = (graphqlUrl: string, path = "/webhooks/intercom") => graphqlUrl.replace(/\/graphql$/, path);

/** POSTs `body` (an object or raw text) to the webhook, signed with `secret` unless `signature` says otherwise. */
export async function postWebhook(
  graphqlUrl: string,
  body: unknown,
  options: { secret?: string; signature?: string | null; headers?: Record<string, string>; path?: string } = {},
): Promise<{ status: number; text: string; json: any }> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signature = options.signature === undefined ? signatureOf(raw, options.secret ?? CLIENT_SECRET) : options.signature;
  const res = await fetch(webhookUrl(graphqlUrl, options.path), {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-hub-signature": signature }), ...options.headers },
    body: raw,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** An object as the sandbox's REST API answers it (what Intercom puts in `data.item`). Costs one sandbox request. */
export async function restObject(stack: Stack, path: string): Promise<Record<string, any>> {
  const res = await fetch(`${stack.sandbox.url}${path}`, { headers: { authorization: "Bearer fixture", "intercom-version": "2.11" } });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status}`);
  return (await res.json()) as Record<string, any>;
}

/** Waits until `check` holds (polling), or fails after `timeoutMs` with `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Subscriber {
  /** Results received so far. */
  results: any[];
  /** Errors the subscription ended with, if it did. */
  error: unknown;
  completed: boolean;
  /** Resolves with the n-th result (1-based), waiting for it. */
  nth(n: number, timeoutMs?: number): Promise<any>;
  dispose(): Promise<void>;
}

function collector(): Subscriber & { next(value: any): void; fail(error: unknown): void; complete(): void; onDispose?: () => void | Promise<void> } {
  const s = {
    results: [] as any[],
    error: undefined as unknown,
    completed: false,
    onDispose: undefined as undefined | (() => void | Promise<void>),
    next(value: any) {
      s.results.push(value);
    },
    fail(error: unknown) {
      s.error = error;
    },
    complete() {
      s.completed = true;
    },
    async nth(n: number, timeoutMs = 10_000) {
      await until(() => s.results.length >= n || s.error !== undefined || s.completed, `result ${n}`, timeoutMs);
      if (s.results.length < n) throw new Error(`subscription ended before result ${n}: ${JSON.stringify(s.error ?? "completed")}`);
      return s.results[n - 1];
    },
    async dispose() {
      await s.onDispose?.();
    },
  };
  return s;
}

/** A graphql-ws client on the gateway's /graphql (ws://), with `connectionParams` in connection_init. */
export function wsClient(graphqlUrl: string, options: { connectionParams?: Record<string, unknown>; retryAttempts?: number; on?: Record<string, (...args: any[]) => void> } = {}): WsClient {
  return createWsClient({
    url: graphqlUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: options.connectionParams,
    retryAttempts: options.retryAttempts ?? 0,
    retryWait: async () => void (await new Promise((r) => setTimeout(r, 50))),
    lazy: true,
    on: options.on,
  });
}

/** Subscribes over graphql-ws and resolves once the server has registered the subscriber (`ready` says when). */
export function subscribeWs(client: WsClient, query: string, variables?: Record<string, unknown>): Subscriber {
  const s = collector();
  const unsubscribe = client.subscribe({ query, variables }, { next: (v) => s.next(v), error: (e) => s.fail(e), complete: () => s.complete() });
  s.onDispose = () => unsubscribe();
  return s;
}

/** Subscribes over SSE with graphql-sse's client (distinct connections mode) at `url`. */
export function subscribeSse(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Subscriber {
  const s = collector();
  const client = createSseClient({ url, headers, retryAttempts: 0 });
  const unsubscribe = client.subscribe({ query, variables }, { next: (v) => s.next(v), error: (e) => s.fail(e), complete: () => s.complete() });
  s.onDispose = () => {
    unsubscribe();
    client.dispose();
  };
  return s;
}

/** Waits until the gateway holds `n` subscribers (they are registered asynchronously after subscribe). */
export const subscribersReach = (stack: { gateway: { events: { hub: { size: number } } } }, n: number) =>
  until(() => stack.gateway.events.hub.size === n, `${n} subscribers`);
