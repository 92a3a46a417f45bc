import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { inMemoryStore, ResponseCache } from "../src/datasources/cache.js";
import { createLogger } from "../src/logger.js";
import { RateBudget } from "../src/datasources/rate-budget.js";
import { startStack, type Stack } from "./support/stack.js";

/** The shared cache of slow-changing reads, persisted queries and the rate-limit budget, in memory. */
let stack: Stack;
beforeAll(async () => {
  const store = inMemoryStore();
  stack = await startStack({
    gateway: { cache: new ResponseCache({ store, defaultTtlSeconds: 60 }), apqStore: store },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = (s: Stack = stack) => s.upstream().map((r) => `${r.method} ${r.path}`);

describe("response cache", () => {
  it("a second request for admins and teams costs 0 upstream calls", async () => {
    await stack.query(`{ admins { id } teams { id } }`);
    const first = calls().length;
    stack.resetUpstream();
    const again = await stack.query(`{ admins { id name } teams { id name } }`);
    expect(again.errors).toBeUndefined();
    expect(first).toBeGreaterThan(0);
    expect(calls()).toEqual([]);
  });

  it("caches only slow-changing resources: conversations are always read upstream", async () => {
    await stack.query(`{ conversations(first: 2) { nodes { id } } }`);
    await stack.query(`{ conversations(first: 2) { nodes { id } } }`);
    expect(calls().filter((c) => c === "GET /conversations")).toHaveLength(2);
  });

  it("never caches an error answer", async () => {
    const fresh = await startStack({ gateway: { cache: new ResponseCache({ store: inMemoryStore(), defaultTtlSeconds: 60 }), upstreamRetries: 0 } });
    try {
      fresh.sandbox.injectFault({ method: "GET", path: "/teams", status: 503 });
      const failed = await fresh.query(`{ teams { id } }`);
      expect(failed.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
      const next = await fresh.query(`{ teams { id } }`);
      expect(next.errors).toBeUndefined();
      expect(fresh.upstream().map((r) => r.status)).toEqual([503, 200]);
    } finally {
      await fresh.close();
    }
  });

  it("respects upstream Cache-Control: no-store", async () => {
    const fresh = await startStack({ gateway: { cache: new ResponseCache({ store: inMemoryStore(), defaultTtlSeconds: 60 }) } });
    try {
      const body = { type: "team.list", teams: [] };
      fresh.sandbox.injectFault({ method: "GET", path: "/teams", status: 200, body, headers: { "Cache-Control": "no-store" }, times: 2 });
      await fresh.query(`{ teams { id } }`);
      await fresh.query(`{ teams { id } }`);
      expect(fresh.upstream().filter((r) => r.path === "/teams")).toHaveLength(2);
    } finally {
      await fresh.close();
    }
  });

  it("keeps an answer only as long as upstream Cache-Control max-age allows", async () => {
    const fresh = await startStack({ gateway: { cache: new ResponseCache({ store: inMemoryStore(), defaultTtlSeconds: 60 }) } });
    try {
      const body = { type: "team.list", teams: [{ type: "team", id: "77", name: "Short-lived", admin_ids: [] }] };
      fresh.sandbox.injectFault({ method: "GET", path: "/teams", status: 200, body, headers: { "Cache-Control": "max-age=1" }, times: 2 });
      const first = await fresh.query(`{ teams { id name } }`);
      const second = await fresh.query(`{ teams { id name } }`);
      expect(second.data).toEqual(first.data);
      expect(first.data.teams).toEqual([{ id: "77", name: "Short-lived" }]);
      expect(fresh.upstream().filter((r) => r.path === "/teams")).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await fresh.query(`{ teams { id } }`);
      expect(fresh.upstream().filter((r) => r.path === "/teams")).toHaveLength(2);
    } finally {
      await fresh.close();
    }
  });

  it("a write invalidates what it changes: setting an admin away refreshes the admins", async () => {
    const admin = stack.sandbox.workspace.admins[3]!;
    const before = await stack.query(`query ($id: ID!) { admins { id awayModeEnabled } admin(id: $id) { awayModeEnabled } }`, { id: admin.id });
    const away = !before.data.admin.awayModeEnabled;
    const write = await stack.query(
      `mutation ($id: ID!, $away: Boolean!) { setAdminAway(id: $id, input: { awayModeEnabled: $away, awayModeReassign: false }) { id awayModeEnabled } }`,
      { id: admin.id, away },
    );
    expect(write.errors).toBeUndefined();
    stack.resetUpstream();
    const after = await stack.query(`query ($id: ID!) { admins { id awayModeEnabled } admin(id: $id) { awayModeEnabled } }`, { id: admin.id });
    expect(after.data.admin.awayModeEnabled).toBe(away);
    expect(after.data.admins.find((a: any) => a.id === admin.id).awayModeEnabled).toBe(away);
    expect(calls()).toEqual(expect.arrayContaining(["GET /admins"]));
  });

  it("a store that fails (Redis down) costs upstream calls, never answers: reads and writes still work", async () => {
    const broken: KeyValueCache = {
      get: () => Promise.reject(new Error("connection refused")),
      set: () => Promise.reject(new Error("connection refused")),
      delete: () => Promise.reject(new Error("connection refused")),
    };
    const warnings: string[] = [];
    const logger = createLogger({ level: "warn", secrets: [], write: (line) => warnings.push(line) });
    const fresh = await startStack({ gateway: { cache: new ResponseCache({ store: broken, defaultTtlSeconds: 60, logger }) } });
    try {
      const admin = fresh.sandbox.workspace.admins[2]!;
      const first = await fresh.query(`{ admins { id name } }`);
      const second = await fresh.query(`{ admins { id name } }`);
      expect(first.errors).toBeUndefined();
      expect(second.data).toEqual(first.data);
      expect(calls(fresh)).toEqual(["GET /admins", "GET /admins"]);
      // Upstream confirmed the write, so it is reported done although its invalidation failed.
      const write = await fresh.query(
        `mutation ($id: ID!) { setAdminAway(id: $id, input: { awayModeEnabled: true, awayModeReassign: false }) { awayModeEnabled } }`,
        { id: admin.id },
      );
      expect(write.errors).toBeUndefined();
      expect(write.data.setAdminAway.awayModeEnabled).toBe(true);
      const after = await fresh.query(`{ admins { id awayModeEnabled } }`);
      expect(after.data.admins.find((a: any) => a.id === admin.id).awayModeEnabled).toBe(true);
      // One warning, not one per request.
      expect(warnings.filter((w) => w.includes("response cache store failed"))).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it("is partitioned by token: another token's first read goes upstream", async () => {
    const store = inMemoryStore();
    const cache = new ResponseCache({ store, defaultTtlSeconds: 60 });
    const a = await startStack({ gateway: { cache, accessToken: "tok_cache_a" } });
    const b = await startStack({ gateway: { cache, accessToken: "tok_cache_b", baseUrl: a.sandbox.url } });
    try {
      await a.query(`{ admins { id } }`);
      a.resetUpstream();
      await b.query(`{ admins { id } }`);
      expect(a.upstream().map((r) => r.path)).toEqual(["/admins"]); // b read through a's sandbox, not a's cache
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe("automatic persisted queries", () => {
  it("a hash is unknown until registered, then works on its own", async () => {
    const query = `{ teams { id name } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const post = (body: object) =>
      fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
        (r) => r.json() as Promise<any>,
      );
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect((await post({ extensions })).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ query, extensions })).data.teams.length).toBeGreaterThan(0);
    expect((await post({ extensions })).data.teams.length).toBeGreaterThan(0);
  });
});

describe("rate-limit budget", () => {
  it("counts each token per window and starts again when the window turns", async () => {
    const budget = new RateBudget(2, 1);
    // Start just after a window turns, so the three takes below land in one window.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    expect((await budget.take("tok_a")).allowed).toBe(true);
    expect((await budget.take("tok_a")).allowed).toBe(true);
    const refused = await budget.take("tok_a");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1000);
    expect((await budget.take("tok_b")).allowed).toBe(true); // another token has its own count
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 5));
    expect((await budget.take("tok_a")).allowed).toBe(true);
  });

  it("past the token's budget for the window, calls fail fast with RATE_LIMITED before reaching Intercom", async () => {
    const limited = await startStack({ gateway: { budget: new RateBudget(3, 60), rateLimitWaitMs: 0 } });
    try {
      const res = await limited.query(`{ a: admins { id } t: teams { id } m: me { id } c: conversations(first: 1) { nodes { id } } }`);
      const codes = (res.errors ?? []).map((e) => e.extensions!.code);
      expect(codes).toEqual(["RATE_LIMITED"]);
      expect(res.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
      expect(limited.upstream()).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });
});
