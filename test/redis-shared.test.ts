import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { redisAvailable, startRedis, startReplica, type RedisServer, type Replica } from "./support/processes.js";

/**
 * Two gateway processes sharing one real redis-server: the response cache, persisted queries
 * and the rate-limit budget are shared, so N replicas cost Intercom what one would.
 */
const { available, required } = redisAvailable("redis-shared");

const post = (replica: Replica, body: object) =>
  fetch(replica.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<any>,
  );

describe.skipIf(!available && !required)("gateway processes sharing Redis", () => {
  let redis: RedisServer;
  let sandbox: Sandbox;
  let env: Record<string, string>;
  const replicas: Replica[] = [];
  let one: Replica;
  let two: Replica;

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox();
    env = {
      INTERCOM_BASE_URL: sandbox.url,
      INTERCOM_ACCESS_TOKEN: "tok_replicas",
      REDIS_URL: redis.url,
      INTERCOM_RETRIES: "0",
      RATE_LIMIT_MAX_WAIT_MS: "0",
      // One 60-second window of 8 calls for this token, whichever replica makes them.
      INTERCOM_RATE_LIMIT_WINDOW_SECONDS: "60",
      INTERCOM_RATE_LIMIT_PER_MINUTE: "8",
    };
    [one, two] = await Promise.all([startReplica(env), startReplica(env)]);
    replicas.push(one, two);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await sandbox?.close();
    await redis?.stop();
  });

  beforeEach(() => sandbox.clearRequests());

  it("the second replica's first admins query costs 0 upstream calls", async () => {
    expect((await post(one, { query: "{ admins { id } }" })).data.admins.length).toBeGreaterThan(0);
    expect(sandbox.requests.map((r) => r.path)).toEqual(["/admins"]);
    sandbox.clearRequests();
    const fromTwo = await post(two, { query: "{ admins { id name } }" });
    expect(fromTwo.data.admins.length).toBeGreaterThan(0);
    expect(sandbox.requests).toHaveLength(0);
  });

  it("after a write through one replica, the other reads the new data", async () => {
    const admin = sandbox.workspace.admins[4]!;
    await post(two, { query: "{ admins { id awayModeEnabled } }" }); // in the shared cache already
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
    const query = `{ teams { id } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    expect((await post(two, { extensions })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(one, { query, extensions })).data.teams.length).toBeGreaterThan(0);
    expect((await post(two, { extensions })).data.teams.length).toBeGreaterThan(0);
  });

  it("the shared budget holds both replicas to one limit", async () => {
    // Earlier tests in this file spent some of the window's 8 calls; the rest is what both may make together.
    const conversations = `{ conversations(first: 1) { nodes { id } } }`;
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await post(i % 2 ? two : one, { query: conversations }));
    const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === "RATE_LIMITED");
    const served = sandbox.requests.filter((r) => r.path === "/conversations").length;
    expect(served + refused.length).toBe(10);
    expect(served).toBeLessThanOrEqual(8);
    expect(refused.length).toBeGreaterThan(0);
    // Both replicas were refused once the one shared budget was spent.
    const refusedBy = new Set(answers.map((a, i) => (a.errors ? i % 2 : -1)).filter((x) => x >= 0));
    expect(refusedBy).toEqual(new Set([0, 1]));
    expect(refused[0].errors[0].extensions.retryAfter).toBeGreaterThan(0);
  });

  // Last: it stops Redis.
  it("when Redis goes away, both replicas keep answering from Intercom", async () => {
    await redis.stop("SIGKILL");
    const admins = await post(one, { query: "{ admins { id name } }" });
    expect(admins.errors).toBeUndefined();
    expect(admins.data.admins).toHaveLength(sandbox.workspace.admins.length);
    // The budget falls back to each process's own count: reads are served, not refused.
    const conversations = await post(two, { query: `{ conversations(first: 1) { nodes { id } } }` });
    expect(conversations.errors).toBeUndefined();
    // A write upstream confirms is reported done although the cache can't be told.
    const admin = sandbox.workspace.admins[5]!;
    const write = await post(two, {
      query: `mutation ($id: ID!) { setAdminAway(id: $id, input: { awayModeEnabled: true, awayModeReassign: false }) { awayModeEnabled } }`,
      variables: { id: admin.id },
    });
    expect(write.errors).toBeUndefined();
    expect(write.data.setAdminAway.awayModeEnabled).toBe(true);
    // A persisted-query hash is unknown (not an error): the client sends the full query again.
    const query = `{ teams { id name } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    expect((await post(one, { extensions })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const full = await post(one, { query, extensions });
    expect(full.errors).toBeUndefined();
    expect(full.data.teams.length).toBeGreaterThan(0);
    expect(sandbox.requests.map((r) => r.path)).toEqual(expect.arrayContaining(["/admins", "/conversations", "/teams"]));
  });
});
