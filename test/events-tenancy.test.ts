import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createLogger } from "../src/logger.js";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { startGateway, type RunningGateway } from "../src/server/app.js";
import { CLIENT_SECRET, notification, postWebhook, subscribersReach, subscribeSse, subscribeWs, until, wsClient, type Subscriber } from "./support/webhooks.js";
import { startTokenRouter } from "./support/token-router.js";

/**
 * Tenancy of events in AUTH_MODE=passthrough: a subscriber authenticates in connection_init
 * (WebSocket) or its Authorization header (SSE); the gateway learns its token's app from
 * Intercom (GET /me → app.id_code) and an event of app A never reaches a subscriber of app B.
 * Two sandboxes stand in for two workspaces, behind a router that picks one by token.
 */
const TOKEN_A = "tok_events_tenant_a_0123456789";
const TOKEN_A2 = "tok_events_tenant_a2_987654321";
const TOKEN_B = "tok_events_tenant_b_abcdef0123";
const APP_B = "b2tenantb";

let workspaceA: Sandbox;
let workspaceB: Sandbox;
let router: http.Server;
let gateway: RunningGateway;
const logs: string[] = [];
const disposables: Array<{ dispose(): unknown }> = [];
/** Upstream requests the router forwarded, by token. */
const forwarded: Array<{ token: string; path: string }> = [];

beforeAll(async () => {
  workspaceA = await startSandbox({ seed: 1111 });
  workspaceB = await startSandbox({ seed: 2222 });
  workspaceB.workspace.app.id_code = APP_B;
  router = await startTokenRouter({ [TOKEN_A]: workspaceA, [TOKEN_A2]: workspaceA, [TOKEN_B]: workspaceB }, (token, path) => forwarded.push({ token, path }));
  gateway = await startGateway({
    baseUrl: `http://127.0.0.1:${(router.address() as AddressInfo).port}`,
    intercomVersion: "2.11",
    authMode: "passthrough",
    upstreamTimeoutMs: 5_000,
    upstreamRetries: 0,
    logger: createLogger({ level: "debug", write: (line) => logs.push(line) }),
    port: 0,
    events: { clientSecrets: [CLIENT_SECRET] },
  });
});

afterAll(async () => {
  await Promise.all(disposables.map((d) => d.dispose()));
  await gateway?.close();
  router?.closeAllConnections();
  router?.close();
  await workspaceA?.close();
  await workspaceB?.close();
});

beforeEach(async () => {
  await Promise.all(disposables.splice(0).map((d) => d.dispose()));
  await subscribersReach({ gateway }, 0);
  forwarded.length = 0;
});

const QUERY = `subscription { conversationEvents { id conversation { id adminAssignee { name } } } }`;
const streamUrl = () => gateway.url.replace(/\/graphql$/, "/graphql/stream");

function wsSubscriber(connectionParams: Record<string, unknown> | undefined, query = QUERY): Subscriber {
  const client = wsClient(gateway.url, { connectionParams });
  disposables.push(client);
  const s = subscribeWs(client, query);
  disposables.push(s);
  return s;
}

/** A notification of `workspace`'s app about its first conversation, as Intercom would send it. */
async function eventOf(workspace: Sandbox, topic = "conversation.admin.assigned") {
  const conversation = workspace.workspace.conversations.find((c) => c.admin_assignee_id)!;
  const res = await fetch(`${workspace.url}/conversations/${conversation.id}`, { headers: { authorization: "Bearer fixture" } });
  return notification(topic, (await res.json()) as Record<string, unknown>, { app_id: workspace.workspace.app.id_code });
}

describe("passthrough: who subscribes", () => {
  it("a WebSocket without a token in connection_init is closed with 4401", async () => {
    const s = wsSubscriber(undefined);
    await until(() => s.error !== undefined, "the close");
    expect((s.error as { code: number }).code).toBe(4401);
    expect(forwarded).toEqual([]);
  });

  it("a token Intercom refuses (GET /me is 401) is closed with 4401", async () => {
    const s = wsSubscriber({ authorization: "Bearer tok_nobody_knows_this" });
    await until(() => s.error !== undefined, "the close");
    expect((s.error as { code: number; reason: string }).code).toBe(4401);
  });

  it("SSE without Authorization is 401 UNAUTHENTICATED, as JSON", async () => {
    const res = await fetch(streamUrl(), { method: "POST", headers: { accept: "text/event-stream", "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["{ authorization }", { authorization: `Bearer ${TOKEN_A}` }],
    ["{ Authorization }", { Authorization: `Bearer ${TOKEN_A}` }],
    ["{ headers: { Authorization } } (GraphiQL, Apollo)", { headers: { Authorization: `Bearer ${TOKEN_A}` } }],
  ])("connection_init's payload may carry the token as %s", async (_name, params) => {
    const s = wsSubscriber(params);
    await subscribersReach({ gateway }, 1);
    const n = await eventOf(workspaceA);
    await postWebhook(gateway.url, n);
    expect((await s.nth(1)).data.conversationEvents.id).toBe(n.id);
  });

  it("a Node client may send the token as the upgrade's Authorization header", async () => {
    const client = wsClient(gateway.url);
    disposables.push(client);
    // graphql-ws's client cannot set headers; a raw socket does.
    const socket = new WebSocket(gateway.url.replace(/^http/, "ws"), "graphql-transport-ws", { headers: { authorization: `Bearer ${TOKEN_A}` } });
    disposables.push({ dispose: () => socket.close() });
    const messages: any[] = [];
    socket.on("message", (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init" }));
    await until(() => messages.some((m) => m.type === "connection_ack"), "the ack");
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: QUERY } }));
    await subscribersReach({ gateway }, 1);
    const n = await eventOf(workspaceA);
    await postWebhook(gateway.url, n);
    await until(() => messages.some((m) => m.type === "next"), "the event");
    expect(messages.find((m) => m.type === "next").payload.data.conversationEvents.id).toBe(n.id);
  });
});

describe("an event of app A never reaches a subscriber of app B", () => {
  it("over WebSocket and SSE, each tenant gets its own app's events only", async () => {
    const a = wsSubscriber({ authorization: `Bearer ${TOKEN_A}` });
    const b = wsSubscriber({ authorization: `Bearer ${TOKEN_B}` });
    const bSse = subscribeSse(streamUrl(), QUERY, undefined, { authorization: `Bearer ${TOKEN_B}` });
    disposables.push(bSse);
    await subscribersReach({ gateway }, 3);
    const forA = await eventOf(workspaceA);
    const forB = await eventOf(workspaceB);
    const forNobody = { ...(await eventOf(workspaceA)), app_id: "unknownapp" };
    await postWebhook(gateway.url, forA);
    await postWebhook(gateway.url, forNobody);
    await postWebhook(gateway.url, forB);
    expect((await a.nth(1)).data.conversationEvents.id).toBe(forA.id);
    expect((await b.nth(1)).data.conversationEvents.id).toBe(forB.id);
    expect((await bSse.nth(1)).data.conversationEvents.id).toBe(forB.id);
    // One more event each proves nothing else came before it.
    const [lastA, lastB] = [await eventOf(workspaceA), await eventOf(workspaceB)];
    await postWebhook(gateway.url, lastA);
    await postWebhook(gateway.url, lastB);
    await a.nth(2);
    await b.nth(2);
    await bSse.nth(2);
    expect(a.results.map((r) => r.data.conversationEvents.id)).toEqual([forA.id, lastA.id]);
    expect(b.results.map((r) => r.data.conversationEvents.id)).toEqual([forB.id, lastB.id]);
    expect(bSse.results.map((r) => r.data.conversationEvents.id)).toEqual([forB.id, lastB.id]);
    // B's links resolved in B's workspace, with B's token.
    const adminOfB = workspaceB.workspace.admins.find((x) => String(x.id) === String(forB.data.item.admin_assignee_id))!;
    expect(b.results[0].data.conversationEvents.conversation.adminAssignee.name).toBe(adminOfB.name);
  });

  it("each token resolves its events with its own loaders (two tokens of one app: one set each, never shared)", async () => {
    const one = wsSubscriber({ authorization: `Bearer ${TOKEN_A}` });
    const two = wsSubscriber({ authorization: `Bearer ${TOKEN_A2}` });
    const twoAgain = wsSubscriber({ authorization: `Bearer ${TOKEN_A2}` });
    await subscribersReach({ gateway }, 3);
    forwarded.length = 0;
    await postWebhook(gateway.url, await eventOf(workspaceA));
    await Promise.all([one.nth(1), two.nth(1), twoAgain.nth(1)]);
    expect(forwarded.filter((f) => f.path === "/admins").map((f) => f.token).sort()).toEqual([TOKEN_A, TOKEN_A2].sort());
  });
});

describe("server mode", () => {
  it("events must match the server token's app", async () => {
    const server = await startGateway({
      baseUrl: workspaceA.url,
      intercomVersion: "2.11",
      accessToken: "tok_server_mode",
      upstreamTimeoutMs: 5_000,
      upstreamRetries: 0,
      logger: createLogger({ level: "warn", write: () => undefined }),
      port: 0,
      events: { clientSecrets: [CLIENT_SECRET] },
    });
    try {
      const client = wsClient(server.url);
      const s = subscribeWs(client, QUERY);
      await subscribersReach({ gateway: server }, 1);
      const foreign = await eventOf(workspaceB);
      const own = await eventOf(workspaceA);
      await postWebhook(server.url, foreign);
      await postWebhook(server.url, own);
      expect((await s.nth(1)).data.conversationEvents.id).toBe(own.id);
      expect(s.results).toHaveLength(1);
      await s.dispose();
      await client.dispose();
    } finally {
      await server.close();
    }
  });
});

it("tokens never reach the logs", () => {
  const text = logs.join("\n");
  for (const token of [TOKEN_A, TOKEN_A2, TOKEN_B]) expect(text).not.toContain(token);
});
