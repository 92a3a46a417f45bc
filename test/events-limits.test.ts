import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startStack, type Stack } from "./support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, subscribersReach, subscribeWs, until, wsClient } from "./support/webhooks.js";

/**
 * The bounds of subscriptions: per connection, per process, connection_init's deadline,
 * keep-alive, a bounded queue per subscriber (a client that stops reading is dropped with a
 * reason and costs no more memory), graceful shutdown with a reason, and the metrics.
 */
let stack: Stack;
let item: Record<string, any>;
const QUEUE = 3;

beforeAll(async () => {
  stack = await startStack({
    gateway: {
      events: { clientSecrets: [CLIENT_SECRET], subscriptionsPerConnection: 2, maxSubscribers: 6, subscriptionQueueSize: QUEUE, connectionInitTimeoutMs: 300, keepAliveMs: 100 },
    },
  });
  item = await restObject(stack, `/conversations/${stack.sandbox.workspace.conversations[0]!.id}`);
});
afterAll(() => stack?.close());

const metrics = async (s: Stack = stack) => (await (await fetch(s.gateway.url.replace(/\/graphql$/, "/metrics"))).text()).split("\n");
const value = async (series: string, s: Stack = stack) => Number((await metrics(s)).find((l) => l.startsWith(`${series} `))?.split(" ")[1] ?? 0);

/** A raw graphql-transport-ws socket, acknowledged; `messages` collects what the server sends. */
async function rawSocket(url: string) {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  const messages: any[] = [];
  let closed: { code: number; reason: string } | undefined;
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  socket.on("close", (code, reason) => (closed = { code, reason: String(reason) }));
  socket.on("error", () => undefined);
  await new Promise((resolve) => socket.once("open", resolve));
  return { socket, messages, closed: () => closed };
}

/** A client WebSocket text frame (masked, as clients must send them). */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x81, 0x80 | length]) : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 255]);
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

/**
 * A WebSocket client on a bare TCP socket, subscribed, that then stops reading altogether (the
 * ws library resumes a paused socket on its own backpressure, so it cannot play a stuck client).
 */
async function stuckSubscriber(url: string, query: string): Promise<net.Socket> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let seen = "";
  socket.on("data", (chunk: Buffer) => (seen += chunk.toString("latin1")));
  socket.write(
    `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
  );
  await until(() => seen.includes("101 Switching Protocols"), "the upgrade");
  socket.write(frame(JSON.stringify({ type: "connection_init" })));
  await until(() => seen.includes("connection_ack"), "the ack");
  socket.write(frame(JSON.stringify({ id: "stuck", type: "subscribe", payload: { query } })));
  socket.removeAllListeners("data");
  socket.pause();
  return socket;
}

describe("limits", () => {
  it("a connection runs at most MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions; the next is refused, the others keep going", async () => {
    const client = wsClient(stack.gateway.url);
    const query = `subscription { conversationEvents { id } }`;
    const [one, two] = [subscribeWs(client, query), subscribeWs(client, query)];
    await subscribersReach(stack, 2);
    const three = subscribeWs(client, query);
    await until(() => three.error !== undefined, "the refusal");
    expect((three.error as any[])[0].extensions.code).toBe("TOO_MANY_SUBSCRIPTIONS");
    const n = notification("conversation.admin.replied", item);
    await postWebhook(stack.gateway.url, n);
    expect([(await one.nth(1)).data.conversationEvents.id, (await two.nth(1)).data.conversationEvents.id]).toEqual([n.id, n.id]);
    await client.dispose();
    await subscribersReach(stack, 0);
  });

  it("a process serves at most MAX_SUBSCRIBERS: past it, subscriptions are refused with TOO_MANY_SUBSCRIBERS", async () => {
    const clients = Array.from({ length: 4 }, () => wsClient(stack.gateway.url));
    const query = `subscription { contactEvents { id } }`;
    const subs = clients.slice(0, 3).flatMap((c) => [subscribeWs(c, query), subscribeWs(c, query)]);
    await subscribersReach(stack, 6);
    const extra = subscribeWs(clients[3]!, query);
    await until(() => extra.error !== undefined || extra.results.length > 0, "the refusal");
    const refusal = extra.results[0]?.errors?.[0]?.extensions?.code ?? (extra.error as { code?: number })?.code;
    expect(["TOO_MANY_SUBSCRIBERS", 1006]).toContain(refusal);
    expect(stack.gateway.events.hub.size).toBe(6);
    await Promise.all(subs.map((s) => s.dispose()));
    await Promise.all(clients.map((c) => c.dispose()));
    await subscribersReach(stack, 0);
  });

  it("a WebSocket that never sends connection_init is closed with 4408", async () => {
    const raw = await rawSocket(stack.gateway.url);
    await until(() => raw.closed() !== undefined, "the close");
    expect(raw.closed()!.code).toBe(4408);
  });

  it("a WebSocket without the graphql-transport-ws subprotocol is closed with 4406", async () => {
    const socket = new WebSocket(stack.gateway.url.replace(/^http/, "ws"));
    const code = await new Promise<number>((resolve) => socket.on("close", (c) => resolve(c)));
    expect(code).toBe(4406);
  });

  it("keep-alive: WebSocket pings, SSE comments", async () => {
    const raw = await rawSocket(stack.gateway.url);
    raw.socket.send(JSON.stringify({ type: "connection_init" }));
    await new Promise((resolve) => raw.socket.once("ping", resolve));
    raw.socket.close();
    const controller = new AbortController();
    const res = await fetch(stack.gateway.url.replace(/\/graphql$/, "/graphql/stream"), {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json" },
      body: JSON.stringify({ query: `subscription { ticketEvents { id } }` }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let text = "";
    while ((text.match(/^:\n\n/gm) ?? []).length < 2) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await subscribersReach(stack, 0);
  });
});

describe("dead connections", () => {
  it("a WebSocket that answers no ping is cut after a keep-alive interval, and its subscribers let go", async () => {
    const socket = await stuckSubscriber(stack.gateway.url, `subscription { conversationEvents { id } }`);
    await subscribersReach(stack, 1);
    await new Promise((resolve) => socket.once("close", resolve).resume());
    await subscribersReach(stack, 0);
  });
});

describe("slow consumers", () => {
  // Keep-alive would end a client that stops reading first (it answers no ping): long here.
  let slowStack: Stack;
  beforeAll(async () => {
    slowStack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET], subscriptionQueueSize: QUEUE, keepAliveMs: 600_000 } } });
  });
  afterAll(() => slowStack?.close());

  /** A notification whose conversation carries `kb` KiB of text, selected by the subscribers. */
  const heavy = (kb: number) => notification("conversation.admin.replied", { ...item, source: { ...item.source, body: "x".repeat(kb * 1024) } });
  const HEAVY = `subscription { conversationEvents { id conversation { source { body } } } }`;

  it("a WebSocket client that stops reading is dropped (1013, a reason) once its queue is full; memory stays bounded", async () => {
    const before = await value('graphql_subscriber_connections_closed_total{reason="slow_consumer"}', slowStack);
    const socket = await stuckSubscriber(slowStack.gateway.url, HEAVY);
    await subscribersReach(slowStack, 1);
    let sent = 0;
    while ((await value('graphql_subscriber_connections_closed_total{reason="slow_consumer"}', slowStack)) === before) {
      expect(sent, "the slow consumer was never dropped").toBeLessThan(300);
      await postWebhook(slowStack.gateway.url, heavy(256));
      sent++;
    }
    await subscribersReach(slowStack, 0);
    // Nothing waits for it any more: more events cost it nothing, and the gateway lets the socket go.
    for (let i = 0; i < 5; i++) await postWebhook(slowStack.gateway.url, heavy(256));
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.resume();
    await new Promise((resolve) => socket.once("close", resolve));
    const text = Buffer.concat(received).toString("latin1");
    // It got fewer events than were sent (the rest were let go), then the close frame with its reason if it made it in time.
    expect((text.match(/"type":"next"/g) ?? []).length).toBeLessThan(sent);
    if (text.includes("Too slow")) expect(text).toMatch(/\x03\xf5Too slow/); // 1013 = 0x03f5
  }, 120_000);

  it("an SSE client that stops reading is dropped too", async () => {
    const before = await value('graphql_subscriber_connections_closed_total{reason="slow_consumer"}', slowStack);
    const url = new URL(slowStack.gateway.url.replace(/\/graphql$/, "/graphql/stream"));
    const req = http.request(url, { method: "POST", headers: { accept: "text/event-stream", "content-type": "application/json" } });
    req.end(JSON.stringify({ query: HEAVY }));
    const res = await new Promise<http.IncomingMessage>((resolve) => req.once("response", resolve));
    expect(res.statusCode).toBe(200);
    await subscribersReach(slowStack, 1);
    res.pause();
    let sent = 0;
    while ((await value('graphql_subscriber_connections_closed_total{reason="slow_consumer"}', slowStack)) === before) {
      expect(sent, "the slow consumer was never dropped").toBeLessThan(200);
      await postWebhook(slowStack.gateway.url, heavy(256));
      sent++;
    }
    await subscribersReach(slowStack, 0);
    res.destroy();
  }, 120_000);
});

describe("metrics", () => {
  it("webhooks received, subscribers active, events delivered, delivery latency", async () => {
    const client = wsClient(stack.gateway.url);
    const s = subscribeWs(client, `subscription { conversationEvents { id } }`);
    await subscribersReach(stack, 1);
    expect(await value('graphql_subscribers_active{transport="ws"}')).toBe(1);
    const received = await value('webhooks_received_total{topic="conversation.admin.closed"}');
    const delivered = await value('graphql_subscription_events_delivered_total{kind="conversation"}');
    const latencies = await value('graphql_subscription_delivery_seconds_count{kind="conversation"}');
    await postWebhook(stack.gateway.url, notification("conversation.admin.closed", item));
    await s.nth(1);
    await until(async () => (await value('graphql_subscription_events_delivered_total{kind="conversation"}')) === delivered + 1, "the delivered count");
    expect(await value('webhooks_received_total{topic="conversation.admin.closed"}')).toBe(received + 1);
    expect(await value('graphql_subscription_delivery_seconds_count{kind="conversation"}')).toBe(latencies + 1);
    // Unknown topics share one label: /metrics cannot grow with what a sender invents.
    await postWebhook(stack.gateway.url, notification("conversation.made.up.topic", item));
    await postWebhook(stack.gateway.url, notification("conversation.another.one", item));
    expect((await metrics()).filter((l) => l.startsWith("webhooks_received_total{") && /made|another/.test(l))).toEqual([]);
    expect(await value('webhooks_received_total{topic="other"}')).toBeGreaterThanOrEqual(2);
    await s.dispose();
    await client.dispose();
    await subscribersReach(stack, 0);
    expect(await value('graphql_subscribers_active{transport="ws"}')).toBe(0);
  });
});

describe("graceful shutdown", () => {
  it("closes WebSocket subscribers with 1001 and a reason, and ends SSE streams with SHUTTING_DOWN", async () => {
    const own = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
    const raw = await rawSocket(own.gateway.url);
    raw.socket.send(JSON.stringify({ type: "connection_init" }));
    await until(() => raw.messages.some((m) => m.type === "connection_ack"), "the ack");
    raw.socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription { conversationEvents { id } }` } }));
    const res = await fetch(own.gateway.url.replace(/\/graphql$/, "/graphql/stream"), {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json" },
      body: JSON.stringify({ query: `subscription { conversationEvents { id } }` }),
    });
    await subscribersReach(own, 2);
    const closing = own.close();
    const text = await res.text(); // the stream ends
    await closing;
    expect(raw.closed()).toEqual({ code: 1001, reason: expect.stringMatching(/shutting down/) });
    const lastEvent = text.trim().split("\n\n").pop()!;
    expect(lastEvent.split("\n")[0]).toBe("event: next");
    expect(JSON.parse(lastEvent.split("\n")[1]!.slice("data: ".length)).errors[0].extensions.code).toBe("SHUTTING_DOWN");
  });
});
