import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { redisAvailable, startRedis, startReplica, type RedisServer, type Replica } from "./support/processes.js";
import { CLIENT_SECRET, notification, postWebhook, subscribeWs, until, wsClient } from "./support/webhooks.js";

/**
 * Events across replicas: two gateway processes on one real redis-server. A notification
 * received by either replica reaches the subscribers of both (Redis pub/sub), exactly once,
 * even when Intercom delivers it to both (de-duplication in Redis).
 */
const { available, required } = redisAvailable("events-redis");

describe.skipIf(!available && !required)("events across two gateway processes sharing Redis", () => {
  let redis: RedisServer;
  let sandbox: Sandbox;
  let a: Replica;
  let b: Replica;
  let item: Record<string, unknown>;

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox();
    const env = { INTERCOM_BASE_URL: sandbox.url, INTERCOM_ACCESS_TOKEN: "tok_replicas_events", REDIS_URL: redis.url, INTERCOM_CLIENT_SECRET: CLIENT_SECRET };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
    const conversation = sandbox.workspace.conversations.find((c) => c.admin_assignee_id)!;
    item = (await (await fetch(`${sandbox.url}/conversations/${conversation.id}`, { headers: { authorization: "Bearer x" } })).json()) as Record<string, unknown>;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sandbox?.close();
    await redis?.stop();
  });

  const SUBSCRIPTION = `subscription { conversationEvents { id topic conversation { id adminAssignee { name } } } }`;

  it("a webhook sent to replica A reaches a graphql-ws subscriber on replica B exactly once (and A's too)", async () => {
    const onB = wsClient(b.url);
    const onA = wsClient(a.url);
    const subB = subscribeWs(onB, SUBSCRIPTION);
    const subA = subscribeWs(onA, SUBSCRIPTION);
    // Subscribed on both: a probe through each replica is seen by both subscribers.
    await until(async () => {
      await postWebhook(a.url, notification("conversation.admin.noted", item));
      return subA.results.length > 0 && subB.results.length > 0;
    }, "both subscribers to be registered", 20_000);
    // Probes sent before the later one subscribed reached only the other: a marker both get settles it.
    const marker = notification("conversation.admin.noted", item);
    await postWebhook(a.url, marker);
    const has = (s: typeof subA, id: string) => s.results.some((r) => r.data.conversationEvents.id === id);
    await until(() => has(subA, marker.id) && has(subB, marker.id), "both to have the marker");
    const [seenA, seenB] = [subA.results.length, subB.results.length];

    const n = notification("conversation.admin.replied", item);
    expect((await postWebhook(a.url, n)).status).toBe(200);
    // Intercom retrying the same notification, to the other replica this time.
    expect((await postWebhook(b.url, { ...n, delivery_attempts: 2 })).status).toBe(200);
    expect((await postWebhook(a.url, { ...n, delivery_attempts: 3 })).status).toBe(200);
    const after = notification("conversation.admin.closed", item);
    await postWebhook(b.url, after);

    const eventOnB = await subB.nth(seenB + 1);
    expect(eventOnB.data.conversationEvents).toMatchObject({ id: n.id, topic: "ADMIN_REPLIED", conversation: { adminAssignee: { name: expect.any(String) } } });
    await subB.nth(seenB + 2);
    await subA.nth(seenA + 2);
    expect(subB.results.slice(seenB).map((r) => r.data.conversationEvents.id)).toEqual([n.id, after.id]);
    expect(subA.results.slice(seenA).map((r) => r.data.conversationEvents.id)).toEqual([n.id, after.id]);

    const metricsOf = async (r: Replica) => (await (await fetch(r.url.replace(/\/graphql$/, "/metrics"))).text()).split("\n");
    const duplicates = async (r: Replica) => Number((await metricsOf(r)).find((l) => l.startsWith("webhooks_deduplicated_total "))?.split(" ")[1] ?? 0);
    expect((await duplicates(a)) + (await duplicates(b))).toBe(2);
    await Promise.all([subA.dispose(), subB.dispose()]);
    await Promise.all([onA.dispose(), onB.dispose()]);
  }, 60_000);

  it("neither replica logs the client secret", () => {
    for (const replica of [a, b]) expect(replica.output()).not.toContain(CLIENT_SECRET);
  });
});
