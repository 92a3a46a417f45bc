import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signatureOf } from "../src/events/signature.js";
import { startStack, type Stack } from "./support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, subscribeWs, subscribersReach, webhookUrl, wsClient, type Subscriber } from "./support/webhooks.js";

/**
 * The webhook receiver: Intercom's signature on the raw body, checked before anything parses
 * it; 401 and nothing else without it; at-least-once delivery processed once; stale
 * notifications dropped; HEAD for Intercom's URL validation; nothing of a payload in the logs.
 * "Nothing happened" is proven without timing: a valid notification sent after a refused one
 * is the first (and only) event the subscriber gets, since events arrive in order.
 */
let stack: Stack;
let conversationItem: Record<string, any>;
let client: ReturnType<typeof wsClient>;
let subscriber: Subscriber;
const SUBSCRIPTION = `subscription { conversationEvents { id topic conversationId } }`;

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: ["an-old-secret-being-rotated", CLIENT_SECRET] } } });
  conversationItem = await restObject(stack, `/conversations/${stack.sandbox.workspace.conversations[3]!.id}`);
});
afterAll(async () => {
  await client?.dispose();
  await stack?.close();
});
beforeEach(async () => {
  await subscriber?.dispose();
  await client?.dispose();
  await subscribersReach(stack, 0);
  client = wsClient(stack.gateway.url);
  subscriber = subscribeWs(client, SUBSCRIPTION);
  await subscribersReach(stack, 1);
  stack.resetUpstream();
});

const metric = async (name: string) => {
  const text = await (await fetch(stack.gateway.url.replace(/\/graphql$/, "/metrics"))).text();
  return text.split("\n").filter((l) => l.startsWith(name));
};
const counter = async (name: string, labels = "") => {
  const line = (await metric(`${name}${labels}`)).find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(" ")[1]) : 0;
};

/** Proves that nothing reached the subscriber before: the next valid notification is its first event. */
async function expectNothingDelivered(): Promise<void> {
  const probe = notification("conversation.admin.noted", conversationItem);
  expect((await postWebhook(stack.gateway.url, probe)).status).toBe(200);
  expect((await subscriber.nth(1)).data.conversationEvents.id).toBe(probe.id);
  expect(subscriber.results).toHaveLength(1);
}

describe("signatures", () => {
  it("a notification signed with the client secret is acknowledged and delivered", async () => {
    const n = notification("conversation.admin.replied", conversationItem);
    const res = await postWebhook(stack.gateway.url, n);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "accepted" });
    const event = (await subscriber.nth(1)).data.conversationEvents;
    expect(event).toEqual({ id: n.id, topic: "ADMIN_REPLIED", conversationId: conversationItem.id });
  });

  it("any of several configured secrets verifies (a rotation)", async () => {
    const n = notification("conversation.admin.replied", conversationItem);
    expect((await postWebhook(stack.gateway.url, n, { secret: "an-old-secret-being-rotated" })).status).toBe(200);
    expect((await subscriber.nth(1)).data.conversationEvents.id).toBe(n.id);
  });

  it("a missing signature is 401 SIGNATURE_MISSING, and nothing happens", async () => {
    const before = await counter("webhooks_rejected_total", '{reason="signature_missing"}');
    const res = await postWebhook(stack.gateway.url, notification("conversation.admin.replied", conversationItem), { signature: null });
    expect(res.status).toBe(401);
    expect(res.json.errors[0].extensions.code).toBe("SIGNATURE_MISSING");
    expect(await counter("webhooks_rejected_total", '{reason="signature_missing"}')).toBe(before + 1);
    await expectNothingDelivered();
  });

  it("a signature made with another secret is 401 SIGNATURE_INVALID", async () => {
    const res = await postWebhook(stack.gateway.url, notification("conversation.admin.replied", conversationItem), { secret: "not-the-apps-secret" });
    expect(res.status).toBe(401);
    expect(res.json.errors[0].extensions.code).toBe("SIGNATURE_INVALID");
    await expectNothingDelivered();
  });

  it("a tampered body (signed, then changed) is 401", async () => {
    const original = JSON.stringify(notification("conversation.admin.replied", conversationItem));
    const tampered = original.replace('"app_id":"nw7k2q9x"', '"app_id":"attacker"');
    expect(tampered).not.toBe(original);
    const res = await postWebhook(stack.gateway.url, tampered, { signature: signatureOf(original, CLIENT_SECRET) });
    expect(res.status).toBe(401);
    expect(res.json.errors[0].extensions.code).toBe("SIGNATURE_INVALID");
    await expectNothingDelivered();
  });

  it("the signature covers the raw bytes: the same JSON re-serialised is refused", async () => {
    const n = notification("conversation.admin.replied", conversationItem);
    const raw = JSON.stringify(n);
    const res = await postWebhook(stack.gateway.url, JSON.stringify(n, null, 2), { signature: signatureOf(raw, CLIENT_SECRET) });
    expect(res.status).toBe(401);
    await expectNothingDelivered();
  });

  it.each([
    ["another algorithm's prefix", (s: string) => s.replace("sha1=", "sha256=")],
    ["no prefix", (s: string) => s.replace("sha1=", "")],
    ["a truncated digest", (s: string) => s.slice(0, -2)],
    ["non-hex characters", (s: string) => s.slice(0, -1) + "z"],
    ["two signatures", (s: string) => `${s}, ${s}`],
  ])("a malformed X-Hub-Signature (%s) is 401", async (_name, mangle) => {
    const raw = JSON.stringify(notification("conversation.admin.replied", conversationItem));
    const res = await postWebhook(stack.gateway.url, raw, { signature: mangle(signatureOf(raw, CLIENT_SECRET)) });
    expect(res.status).toBe(401);
    expect(res.json.errors[0].extensions.code).toBe("SIGNATURE_INVALID");
  });

  it("a refused webhook costs no upstream call", async () => {
    await postWebhook(stack.gateway.url, notification("conversation.admin.replied", conversationItem), { signature: null });
    expect(stack.upstream()).toEqual([]);
  });
});

describe("at-least-once in, once out", () => {
  it("the same notification id delivered three times reaches the subscriber once", async () => {
    const before = await counter("webhooks_deduplicated_total");
    const n = notification("conversation.admin.assigned", conversationItem);
    for (let i = 0; i < 3; i++) expect((await postWebhook(stack.gateway.url, { ...n, delivery_attempts: i + 1 })).status).toBe(200);
    const next = notification("conversation.admin.closed", conversationItem);
    await postWebhook(stack.gateway.url, next);
    expect((await subscriber.nth(2)).data.conversationEvents.id).toBe(next.id);
    expect(subscriber.results.map((r) => r.data.conversationEvents.id)).toEqual([n.id, next.id]);
    expect(await counter("webhooks_deduplicated_total")).toBe(before + 2);
  });

  it("a notification created outside the window is answered 200 (no retry), dropped and counted", async () => {
    const before = await counter("webhooks_rejected_total", '{reason="stale"}');
    const old = notification("conversation.admin.replied", conversationItem, { created_at: Math.floor(Date.now() / 1000) - 3600 });
    const res = await postWebhook(stack.gateway.url, old);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "dropped", reason: "stale" });
    const future = notification("conversation.admin.replied", conversationItem, { created_at: Math.floor(Date.now() / 1000) + 3600 });
    expect((await postWebhook(stack.gateway.url, future)).json.status).toBe("dropped");
    expect(await counter("webhooks_rejected_total", '{reason="stale"}')).toBe(before + 2);
    await expectNothingDelivered();
  });
});

describe("the route", () => {
  it("HEAD answers 200 (Intercom validates the URL with it)", async () => {
    const res = await fetch(webhookUrl(stack.gateway.url), { method: "HEAD" });
    expect(res.status).toBe(200);
  });

  it("the ping topic is acknowledged and delivers nothing", async () => {
    const res = await postWebhook(stack.gateway.url, notification("ping", { type: "ping", message: "something" }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "pong" });
    await expectNothingDelivered();
  });

  it("GET is 405 with Allow, as JSON", async () => {
    const res = await fetch(webhookUrl(stack.gateway.url));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("HEAD, POST, OPTIONS");
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("a body over the limit is 413 before its signature is even checked", async () => {
    const small = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET], webhookMaxBytes: 2048 } } });
    try {
      const big = notification("conversation.admin.replied", { ...conversationItem, padding: "x".repeat(4096) });
      const res = await postWebhook(small.gateway.url, big);
      expect(res.status).toBe(413);
      expect(res.json.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    } finally {
      await small.close();
    }
  });

  it("verified but not a notification is 400, and nothing is delivered", async () => {
    for (const body of ["not json", "[]", JSON.stringify({ type: "something_else" }), JSON.stringify({ ...notification("conversation.admin.replied", conversationItem), id: "../../etc" })]) {
      const res = await postWebhook(stack.gateway.url, body);
      expect(res.status, body).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe("BAD_REQUEST");
    }
    await expectNothingDelivered();
  });

  it("a gateway without a client secret has no receiver: the path is a plain 404", async () => {
    const off = await startStack();
    try {
      const res = await postWebhook(off.gateway.url, notification("conversation.admin.replied", conversationItem));
      expect(res.status).toBe(404);
      expect(off.gateway.events.webhooksEnabled).toBe(false);
    } finally {
      await off.close();
    }
  });
});

describe("logs", () => {
  it("carry ids and topics, never the payload, the signature or the secret", async () => {
    const marker = "PAYLOAD-MARKER-6c1f";
    const n = notification("conversation.admin.replied", { ...conversationItem, title: marker });
    const raw = JSON.stringify(n);
    const logged = stack.logs.length;
    await postWebhook(stack.gateway.url, raw);
    await subscriber.nth(1);
    await postWebhook(stack.gateway.url, raw, { secret: "wrong-secret-xyz" });
    const lines = stack.logs.slice(logged).join("\n");
    expect(lines).toContain(n.id);
    expect(lines).toContain("conversation.admin.replied");
    for (const secret of [marker, CLIENT_SECRET, signatureOf(raw, CLIENT_SECRET).slice(5), conversationItem.source.body].filter(Boolean)) {
      expect(lines).not.toContain(secret);
    }
  });
});
