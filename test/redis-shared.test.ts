import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ResponseCache } from "../src/datasources/cache.js";
import { RateBudget } from "../src/datasources/rate-budget.js";
import { RedisStore } from "../src/datasources/redis-store.js";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { createLogger } from "../src/logger.js";
import { startGateway, type RunningGateway } from "../src/server/app.js";

/**
 * Two gateway replicas sharing one real redis-server: the response cache, persisted queries
 * and the rate-limit budget are shared, so N replicas cost Intercom what one would.
 */
const REDIS = "/usr/bin/redis-server";
const required = process.env.REQUIRE_SYSTEM_DEPS === "1";
const available = existsSync(REDIS);
if (!available && !required) console.warn(`[redis-shared] skipped: ${REDIS} not found (apt-get install redis-server; .ci/run installs it)`);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!available && !required)("replicas sharing Redis", () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let sandbox: Sandbox;
  const replicas: Array<{ gateway: RunningGateway; store: RedisStore }> = [];

  async function startReplica(budget?: (store: RedisStore) => RateBudget) {
    const store = await RedisStore.connect(redisUrl, `test-${process.pid}:`);
    const gateway = await startGateway({
      baseUrl: sandbox.url,
      intercomVersion: "2.11",
      accessToken: "tok_replicas",
      upstreamTimeoutMs: 5_000,
      upstreamRetries: 0,
      rateLimitWaitMs: 0,
      logger: createLogger({ level: "error", write: () => {} }),
      port: 0,
      cache: new ResponseCache({ store, defaultTtlSeconds: 60 }),
      apqStore: store,
      budget: budget?.(store),
    });
    replicas.push({ gateway, store });
    return gateway;
  }

  const post = (gateway: RunningGateway, body: object) =>
    fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<any>,
    );

  beforeAll(async () => {
    if (!available) throw new Error(`REQUIRE_SYSTEM_DEPS=1 but ${REDIS} is missing`);
    const port = await freePort();
    redis = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    redisUrl = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.end();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    sandbox = await startSandbox();
  }, 30_000);

  afterAll(async () => {
    for (const { gateway, store } of replicas) {
      await gateway.close();
      await store.close();
    }
    await sandbox?.close();
    redis?.kill("SIGTERM");
  });

  beforeEach(() => sandbox.clearRequests());

  it("the second replica's first admins query costs 0 upstream calls", async () => {
    const one = await startReplica();
    const two = await startReplica();
    expect((await post(one, { query: "{ admins { id } }" })).data.admins.length).toBeGreaterThan(0);
    expect(sandbox.requests.map((r) => r.path)).toEqual(["/admins"]);
    sandbox.clearRequests();
    const fromTwo = await post(two, { query: "{ admins { id name } }" });
    expect(fromTwo.data.admins.length).toBeGreaterThan(0);
    expect(sandbox.requests).toHaveLength(0);
  });

  it("after a write through one replica, the other reads the new data", async () => {
    const [one, two] = [replicas[0]!.gateway, replicas[1]!.gateway];
    const admin = sandbox.workspace.admins[4]!;
    await post(two, { query: "{ admins { id awayModeEnabled } }" }); // warm the shared cache
    const away = !admin.away_mode_enabled;
    const write = await post(one, {
      query: `mutation ($id: ID!, $away: Boolean!) { setAdminAway(id: $id, input: { awayModeEnabled: $away, awayModeReassign: false }) { awayModeEnabled } }`,
      variables: { id: admin.id, away },
    });
    expect(write.errors).toBeUndefined();
    const read = await post(two, { query: "{ admins { id awayModeEnabled } }" });
    expect(read.data.admins.find((a: any) => a.id === admin.id).awayModeEnabled).toBe(away);
  });

  it("an APQ hash registered on one replica works on the other", async () => {
    const [one, two] = [replicas[0]!.gateway, replicas[1]!.gateway];
    const query = `{ teams { id } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    expect((await post(two, { extensions })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(one, { query, extensions })).data.teams.length).toBeGreaterThan(0);
    expect((await post(two, { extensions })).data.teams.length).toBeGreaterThan(0);
  });

  it("the shared budget holds two replicas to one limit", async () => {
    // 4 upstream calls a window for this token, whichever replica makes them.
    const budget = (store: RedisStore) => new RateBudget(4, 60, store);
    const one = await startReplica(budget);
    const two = await startReplica(budget);
    const conversations = `{ conversations(first: 1) { nodes { id } } }`;
    const answers = [];
    for (const replica of [one, two, one, two, one, two]) answers.push(await post(replica, { query: conversations }));
    const limited = answers.filter((a) => a.errors?.[0]?.extensions?.code === "RATE_LIMITED");
    expect(answers.length - limited.length).toBe(4);
    expect(limited).toHaveLength(2);
    expect(sandbox.requests.filter((r) => r.path === "/conversations")).toHaveLength(4);
  });
});
