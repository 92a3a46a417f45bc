import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createLogger } from "../../src/logger.js";
import { startGateway, type RunningGateway } from "../../src/server/app.js";
import { signatureOf } from "../../src/events/signature.js";
import { startStack, type Stack } from "../support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, subscribersReach, subscribeSse, subscribeWs, until, webhookUrl, wsClient } from "../support/webhooks.js";
import { answer, expectJsonError, parseRaw, rawRequest } from "./support.js";

/**
 * Every new input is hostile: the webhook's body and headers (even signed: a leaked secret or a
 * compromised sender), a WebSocket's connection_init payload and messages, SSE requests, and
 * subscription filter arguments. Each is refused with a coded JSON error (or a close code), costs
 * no upstream call, grows no metric label, and never becomes an upstream path.
 */
let stack: Stack;
let item: Record<string, any>;
const LEAK = /\n\s+at |file:\/\/|node_modules|\.(?:[cm]?js|ts):\d+/;

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
  item = await restObject(stack, `/conversations/${stack.sandbox.workspace.conversations[0]!.id}`);
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetUpstream());

const metricsText = async () => (await fetch(stack.gateway.url.replace(/\/graphql$/, "/metrics"))).text();

describe("webhook bodies and headers", () => {
  it("hostile envelopes, signed, are 400 with a coded error and cost nothing", async () => {
    const base = notification("conversation.admin.replied", item);
    const cases: Array<[string, unknown]> = [
      ["id with a path", { ...base, id: "../../admins" }],
      ["id too long", { ...base, id: "n".repeat(500) }],
      ["id not a string", { ...base, id: { $gt: "" } }],
      ["topic with a control character", { ...base, topic: "conversation.admin\u0000.replied" }],
      ["topic upper case", { ...base, topic: "CONVERSATION.ADMIN.REPLIED" }],
      ["topic too long", { ...base, topic: `conversation.${"a".repeat(300)}` }],
      ["app_id with a space", { ...base, app_id: "nw7k2q9x other" }],
      ["app_id missing", { ...base, app_id: undefined }],
      ["created_at a string", { ...base, created_at: "1700000000" }],
      ["created_at negative", { ...base, created_at: -1 }],
      ["data.item an array", { ...base, data: { item: [item] } }],
      ["data missing", { ...base, data: undefined }],
      ["type wrong", { ...base, type: "notification" }],
      ["a JSON array", [base]],
      ["a JSON string", "just a string"],
    ];
    const raw: Array<[string, string]> = [
      ...cases.map(([name, body]): [string, string] => [name, JSON.stringify(body)]),
      ["deeply nested", "[".repeat(200_000) + "]".repeat(200_000)],
      ["deeply nested inside the item", JSON.stringify(base).replace('"data":{', `"data":{"deep":${"[".repeat(100_000)}${"]".repeat(100_000)},`)],
    ];
    for (const [name, body] of raw) {
      const res = await postWebhook(stack.gateway.url, body);
      expect(res.status, name).toBe(400);
      expect(res.json.errors[0].extensions.code, name).toBe("BAD_REQUEST");
      expect(res.text, name).not.toMatch(LEAK);
    }
    expect(stack.upstream()).toEqual([]);
  });

  it("an object id that cannot be one path segment names no object: nothing loads it", async () => {
    const client = wsClient(stack.gateway.url);
    const s = subscribeWs(client, `subscription { conversationEvents { id conversationId conversation { id } } }`);
    await subscribersReach(stack, 1);
    stack.resetUpstream();
    for (const id of ["../admins", "1/2", ".", "%2e%2e", "a".repeat(300), "1 OR 1"]) {
      await postWebhook(stack.gateway.url, notification("conversation.admin.opened", { type: "conversation", id }));
    }
    const fine = notification("conversation.admin.opened", { type: "conversation", id: item.id });
    await postWebhook(stack.gateway.url, fine);
    expect((await s.nth(1)).data.conversationEvents.id).toBe(fine.id);
    expect(s.results).toHaveLength(1);
    for (const r of stack.upstream()) expect(r.path).toMatch(/^\/conversations\/(search|\d+)$/);
    await s.dispose();
    await client.dispose();
  });

  it("compressed bodies are 415, oversized headers 431, odd methods 405: all JSON", async () => {
    const raw = JSON.stringify(notification("conversation.admin.replied", item));
    const gz = await answer(
      fetch(webhookUrl(stack.gateway.url), { method: "POST", headers: { "content-encoding": "gzip", "x-hub-signature": signatureOf(raw, CLIENT_SECRET) }, body: gzipSync(raw) }),
    );
    expectJsonError(gz, 415, "UNSUPPORTED_MEDIA_TYPE");
    const port = Number(new URL(stack.gateway.url).port);
    const huge = parseRaw(await rawRequest(port, `POST /webhooks/intercom HTTP/1.1\r\nHost: x\r\nX-Hub-Signature: sha1=${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`));
    expect(huge.status).toBe(431);
    for (const method of ["PUT", "DELETE", "PATCH"]) expectJsonError(await answer(fetch(webhookUrl(stack.gateway.url), { method })), 405, "METHOD_NOT_ALLOWED");
  });

  it("a flood of invented topics and ids grows no metric label", async () => {
    for (let i = 0; i < 30; i++) await postWebhook(stack.gateway.url, notification(`conversation.invented${i}.topic`, item, { app_id: `app${i}` }));
    const text = await metricsText();
    expect(text).not.toMatch(/invented|app1\b|notif_/);
    const reasons = [...text.matchAll(/^webhooks_rejected_total\{reason="([^"]+)"\}/gm)].map((m) => m[1]);
    for (const reason of reasons) expect(["signature_missing", "signature_invalid", "too_large", "compressed", "malformed", "stale", "overloaded"]).toContain(reason);
  });
});

describe("WebSocket connection params and messages", () => {
  let passthrough: RunningGateway;
  beforeAll(async () => {
    passthrough = await startGateway({
      baseUrl: stack.sandbox.url,
      intercomVersion: "2.11",
      authMode: "passthrough",
      upstreamTimeoutMs: 5_000,
      upstreamRetries: 0,
      logger: createLogger({ level: "warn", write: () => undefined }),
      port: 0,
      events: { clientSecrets: [CLIENT_SECRET] },
    });
  });
  afterAll(() => passthrough?.close());

  it("hostile connection_init payloads carry no token: 4401, and no upstream call", async () => {
    const payloads: unknown[] = [
      { authorization: `Bearer ${"t".repeat(5000)}` },
      { authorization: ["Bearer a"] },
      { authorization: { toString: "Bearer a" } },
      { authorization: 42 },
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: "Bearer a b" },
      { headers: "Authorization: Bearer a" },
      JSON.parse('{"__proto__": {"authorization": "Bearer polluted"}}'),
    ];
    for (const connectionParams of payloads) {
      const client = wsClient(passthrough.url, { connectionParams: connectionParams as Record<string, unknown> });
      const s = subscribeWs(client, `subscription { conversationEvents { id } }`);
      await until(() => s.error !== undefined, "the close");
      expect((s.error as { code: number }).code, JSON.stringify(connectionParams).slice(0, 60)).toBe(4401);
      await client.dispose();
    }
    expect(stack.upstream().filter((r) => r.path === "/me")).toEqual([]);
  });

  it("malformed messages, a second connection_init and oversized messages close the socket with a code", async () => {
    const open = async () => {
      const socket = new WebSocket(stack.gateway.url.replace(/^http/, "ws"), "graphql-transport-ws");
      socket.on("error", () => undefined);
      const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
      await new Promise((resolve) => socket.once("open", resolve));
      return { socket, closed };
    };
    const a = await open();
    a.socket.send("{not json");
    expect(await a.closed).toBe(4400);
    const b = await open();
    b.socket.send(JSON.stringify({ type: "connection_init" }));
    b.socket.send(JSON.stringify({ type: "connection_init" }));
    expect(await b.closed).toBe(4429);
    const c = await open();
    c.socket.send(JSON.stringify({ type: "subscribe", id: "1", payload: { query: "subscription { conversationEvents { id } }" } }));
    expect(await c.closed).toBe(4401); // subscribe before connection_ack
    const d = await open();
    d.socket.send("x".repeat(2 * 1024 * 1024));
    expect(await d.closed).toBe(1009);
  });

  it("a browser page of another origin may not open the WebSocket (no CORS for WebSockets)", async () => {
    const socket = new WebSocket(stack.gateway.url.replace(/^http/, "ws"), "graphql-transport-ws", { headers: { origin: "https://evil.example" } });
    const status = await new Promise<number>((resolve) => socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)).on("error", () => undefined));
    expect(status).toBe(403);
    const upgradeElsewhere = new WebSocket(stack.gateway.url.replace(/^http/, "ws").replace(/\/graphql$/, "/metrics"), "graphql-transport-ws");
    const elsewhere = await new Promise<number>((resolve) => upgradeElsewhere.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)).on("error", () => undefined));
    expect(elsewhere).toBe(404);
  });
});

describe("filter arguments and subscription documents", () => {
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const client = wsClient(stack.gateway.url);
    const s = subscribeWs(client, query, variables);
    await until(() => s.error !== undefined || s.results.length > 0 || s.completed, "the refusal");
    await client.dispose();
    const errors = (s.error as any[] | undefined) ?? s.results[0]?.errors;
    expect(errors, JSON.stringify(s.results)).toBeDefined();
    expect(JSON.stringify(errors)).not.toMatch(LEAK);
    return errors![0];
  };

  it.each([
    ["an id with a slash", { conversationIds: ["1/2"] }],
    ["a dot-dot id", { conversationIds: [".."] }],
    ["an id too long", { adminAssigneeIds: ["1".repeat(300)] }],
    ["an empty list", { teamAssigneeIds: [] }],
    ["too many values", { conversationIds: Array.from({ length: 101 }, (_, i) => String(i)) }],
  ])("a filter with %s is BAD_USER_INPUT before it subscribes", async (_name, filter) => {
    const error = await refusal(`subscription ($f: ConversationEventFilter) { conversationEvents(filter: $f) { id } }`, { f: filter });
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(stack.gateway.events.hub.size).toBe(0);
    expect(stack.upstream()).toEqual([]);
  });

  it("a lone surrogate in a variable is BAD_USER_INPUT", async () => {
    const error = await refusal(`subscription ($f: ConversationEventFilter) { conversationEvents(filter: $f) { id } }`, { f: { conversationIds: ["\ud800"] } });
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("query limits hold for subscriptions: depth, aliases, tokens", async () => {
    const deep = `subscription { conversationEvents { conversation { contacts { companies { nodes { contacts { nodes { companies { nodes { contacts { nodes { companies { nodes { contacts { nodes { id } } } } } } } } } } } } } } } }`;
    expect((await refusal(deep)).extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "depth" });
    const aliases = `subscription { conversationEvents { ${Array.from({ length: 60 }, (_, i) => `a${i}: id`).join(" ")} } }`;
    expect((await refusal(aliases)).extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "aliases" });
    const long = `subscription { conversationEvents { ${"id ".repeat(16_000)} } }`;
    expect((await refusal(long)).extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "tokens" });
    expect((await refusal(`subscription { conversationEvents { nope } }`)).extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await refusal(`subscription {`)).extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(stack.upstream()).toEqual([]);
  });
});

describe("SSE requests", () => {
  const stream = () => stack.gateway.url.replace(/\/graphql$/, "/graphql/stream");

  it("malformed requests get coded JSON errors", async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      answer(fetch(stream(), { method: "POST", headers: { accept: "text/event-stream", "content-type": "application/json", ...headers }, body }));
    expectJsonError(await post("{not json"), 400, "BAD_REQUEST");
    expectJsonError(await post("[1]"), 400, "BAD_REQUEST");
    expectJsonError(await post("x".repeat(2 * 1024 * 1024)), 413, "PAYLOAD_TOO_LARGE");
    expectJsonError(await post("{}", { "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectJsonError(await answer(fetch(stream(), { method: "PUT" })), 405, "METHOD_NOT_ALLOWED");
    expectJsonError(await answer(fetch(stream(), { method: "DELETE" })), 405, "METHOD_NOT_ALLOWED");
  });

  it("GraphQL mistakes travel in the stream as an error event, then complete", async () => {
    const s = subscribeSse(stream(), `subscription { conversationEvents { nope } }`);
    await until(() => s.completed || s.error !== undefined || s.results.length > 0, "the answer");
    expect(s.results[0].errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const res = await fetch(`${stream()}?query=${encodeURIComponent("subscription { conversationEvents { id } }")}&variables=%7Bnot`, { headers: { accept: "text/event-stream" } });
    const text = await res.text();
    expect(text).toContain("event: next");
    expect(text).toContain('"code":"BAD_REQUEST"');
    expect(text.trim().endsWith("event: complete\ndata:")).toBe(true);
  });
});
