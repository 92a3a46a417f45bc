// Events in `npm run bench`: webhook in → subscriber receives, with many subscribers.
//
// The gateway runs as built for production (`node dist/index.js`), with INTERCOM_CLIENT_SECRET
// set; the bench process holds the subscribers (raw graphql-transport-ws sockets, one
// subscription each, as browser tabs would) and posts signed notifications one after another.
// A latency sample is the time from just before the webhook's POST to a subscriber's socket
// receiving the event, for every subscriber and every event: so it includes the webhook's own
// HTTP round trip, de-duplication, the bus (Redis pub/sub across replicas), one resolution of the
// selection per token, and the send to every subscriber. Memory per idle subscriber is the
// gateway's resident set with the subscribers connected and subscribed, minus before, over
// their number.
import { existsSync } from "node:fs";
import WebSocket from "ws";
import { signatureOf } from "../src/events/signature.js";
import type { Sandbox } from "../src/sandbox/index.js";
import { REDIS_SERVER as REDIS, startRedis } from "../test/support/processes.js";
import { percentile, round, sleep } from "./support.js";

export const EVENTS_SECRET = "bench-client-secret-5e1d";

export interface EventsBenchOptions {
  sandbox: Sandbox;
  /** Starts a gateway process with extra environment; its /graphql URL and pid. */
  startGateway(env: Record<string, string>): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  rssMiB(pid: number): number;
  subscribers: number;
  events: number;
  log(message: string): void;
}

export interface LatencyFigures {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Events not received by every subscriber (should be 0). */
  missing: number;
}

export interface EventsFigures {
  subscribers: number;
  events: number;
  selection: string;
  oneReplica: LatencyFigures & { upstreamCallsPerEvent: number };
  twoReplicasWithRedis: { sameReplica: LatencyFigures; otherReplica: LatencyFigures } | { skipped: string };
  memory: { rssBeforeMiB: number; rssWithSubscribersMiB: number; perIdleSubscriberKiB: number };
}

const SELECTION = "conversationEvents { id topic conversation { id state adminAssignee { name } contacts { name } } }";


/** A subscriber: a raw graphql-transport-ws socket, acknowledged and subscribed; `arrivals` maps a notification id to when it came. */
interface BenchSubscriber {
  socket: WebSocket;
  arrivals: Map<string, number>;
}

async function subscriber(url: string): Promise<BenchSubscriber> {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  const arrivals = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("open", () => {
      socket.send(JSON.stringify({ type: "connection_init" }));
    });
    socket.on("message", (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { conversationEvents?: { id: string } } } };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription { ${SELECTION} }` } }));
        resolve();
      } else if (message.type === "next") {
        const id = message.payload?.data?.conversationEvents?.id;
        if (id) arrivals.set(id, at);
      } else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    });
  });
  return { socket, arrivals };
}

async function connectAll(url: string, count: number): Promise<BenchSubscriber[]> {
  const all: BenchSubscriber[] = [];
  // In batches: a thousand handshakes at once would measure the accept queue, not the gateway.
  for (let i = 0; i < count; i += 50) all.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => subscriber(url)))));
  return all;
}

/** Polls the gateway's metrics until it holds `count` subscribers (registration follows the subscribe message). */
async function waitForSubscribers(url: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
    const active = [...text.matchAll(/^graphql_subscribers_active\{transport="ws"\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    if (active >= count) return;
    await sleep(100);
  }
  throw new Error(`the gateway at ${url} did not register ${count} subscribers within 60 s`);
}

function signedNotification(item: Record<string, unknown>, appId: string, n: number) {
  const id = `notif_bench_${process.pid}_${Date.now().toString(36)}_${n}`;
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    type: "notification_event",
    app_id: appId,
    data: { type: "notification_event_data", item },
    id,
    topic: "conversation.admin.replied",
    delivery_attempts: 1,
    first_sent_at: now,
    created_at: now,
  });
  return { body, id, signature: signatureOf(body, EVENTS_SECRET) };
}

/** Posts `events` notifications one after another to `webhookUrl`, waiting for every subscriber to have each; the latencies per group. */
async function drive(webhookUrl: string, item: Record<string, unknown>, appId: string, events: number, groups: BenchSubscriber[][]): Promise<LatencyFigures[]> {
  const samples = groups.map(() => [] as number[]);
  const missing = groups.map(() => 0);
  for (let i = 0; i < events; i++) {
    const n = signedNotification(item, appId, i);
    const sent = performance.now();
    const res = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature": n.signature }, body: n.body });
    if (res.status !== 200) throw new Error(`the webhook answered ${res.status}: ${await res.text()}`);
    const deadline = Date.now() + 10_000;
    while (groups.some((g) => g.some((s) => !s.arrivals.has(n.id))) && Date.now() < deadline) await sleep(1);
    groups.forEach((group, g) => {
      for (const s of group) {
        const at = s.arrivals.get(n.id);
        if (at === undefined) missing[g]!++;
        else samples[g]!.push(at - sent);
        s.arrivals.delete(n.id);
      }
    });
  }
  return samples.map((values, g) => {
    const sorted = values.sort((a, b) => a - b);
    return { samples: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? 0), missing: missing[g]! };
  });
}

export async function benchEvents(options: EventsBenchOptions): Promise<EventsFigures> {
  const { sandbox, log } = options;
  const conversation = sandbox.workspace.conversations.find((c) => c.admin_assignee_id && c.contacts.contacts.length > 0)!;
  const item = (await (await fetch(`${sandbox.url}/conversations/${conversation.id}`, { headers: { authorization: "Bearer bench" } })).json()) as Record<string, unknown>;
  const appId = sandbox.workspace.app.id_code;
  const env = {
    INTERCOM_CLIENT_SECRET: EVENTS_SECRET,
    MAX_SUBSCRIBERS: String(options.subscribers * 2 + 100),
    SUBSCRIPTION_KEEPALIVE_MS: "60000",
  };

  // One replica: memory per idle subscriber, then latency.
  log(`events: one replica, ${options.subscribers} subscribers (one WebSocket each), ${options.events} webhooks`);
  const one = await options.startGateway(env);
  let subscribers: BenchSubscriber[] = [];
  let oneReplica: EventsFigures["oneReplica"];
  let memory: EventsFigures["memory"];
  try {
    // Warm the process (JIT, pools) with a few subscribers and events, then measure from rest.
    const warm = await connectAll(one.url, 20);
    await waitForSubscribers(one.url, 20);
    await drive(one.url.replace(/\/graphql$/, "/webhooks/intercom"), item, appId, 20, [warm]);
    for (const s of warm) s.socket.close();
    await sleep(1_000);
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = options.rssMiB(one.pid);
    subscribers = await connectAll(one.url, options.subscribers);
    await waitForSubscribers(one.url, options.subscribers);
    await sleep(2_000);
    const rssWith = options.rssMiB(one.pid);
    memory = { rssBeforeMiB: rssBefore, rssWithSubscribersMiB: rssWith, perIdleSubscriberKiB: round(((rssWith - rssBefore) * 1024) / options.subscribers, 1) };
    sandbox.clearRequests();
    const [latency] = await drive(one.url.replace(/\/graphql$/, "/webhooks/intercom"), item, appId, options.events, [subscribers]);
    const upstreamCallsPerEvent = round(sandbox.requests.length / options.events, 2);
    sandbox.clearRequests();
    oneReplica = { ...latency!, upstreamCallsPerEvent };
  } finally {
    for (const s of subscribers) s.socket.terminate();
    await one.stop();
  }

  // Two replicas on one Redis: half the subscribers on each, webhooks all to the first.
  let twoReplicasWithRedis: EventsFigures["twoReplicasWithRedis"];
  if (!existsSync(REDIS)) {
    twoReplicasWithRedis = { skipped: `${REDIS} not found (apt-get install redis-server)` };
    log(`events: two replicas skipped: ${REDIS} not found`);
  } else {
    log(`events: two replicas on Redis, ${options.subscribers / 2} subscribers on each, webhooks to the first`);
    const redis = await startRedis();
    const [a, b] = await Promise.all([options.startGateway({ ...env, REDIS_URL: redis.url }), options.startGateway({ ...env, REDIS_URL: redis.url })]);
    const onA: BenchSubscriber[] = [];
    const onB: BenchSubscriber[] = [];
    try {
      onA.push(...(await connectAll(a!.url, Math.floor(options.subscribers / 2))));
      onB.push(...(await connectAll(b!.url, Math.ceil(options.subscribers / 2))));
      await Promise.all([waitForSubscribers(a!.url, onA.length), waitForSubscribers(b!.url, onB.length)]);
      await drive(a!.url.replace(/\/graphql$/, "/webhooks/intercom"), item, appId, 10, [onA, onB]); // warm-up
      const [same, other] = await drive(a!.url.replace(/\/graphql$/, "/webhooks/intercom"), item, appId, options.events, [onA, onB]);
      twoReplicasWithRedis = { sameReplica: same!, otherReplica: other! };
    } finally {
      for (const s of [...onA, ...onB]) s.socket.terminate();
      await Promise.all([a?.stop(), b?.stop()]);
      await redis.stop();
    }
  }
  return { subscribers: options.subscribers, events: options.events, selection: SELECTION, oneReplica, twoReplicasWithRedis, memory };
}
