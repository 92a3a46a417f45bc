import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("defaults: US region, version 2.11, ports 4000/4010, sandbox when no token and no base URL", () => {
    expect(loadConfig({})).toMatchObject({
      region: "us",
      baseUrl: "https://api.intercom.io",
      intercomVersion: "2.11",
      port: 4000,
      sandboxPort: 4010,
      useSandbox: true,
    });
  });

  it("regions pick their URL; a base URL overrides it; a token turns the sandbox off", () => {
    expect(loadConfig({ INTERCOM_REGION: "eu", INTERCOM_ACCESS_TOKEN: "t" })).toMatchObject({
      baseUrl: "https://api.eu.intercom.io",
      useSandbox: false,
    });
    expect(loadConfig({ INTERCOM_REGION: "AU", INTERCOM_ACCESS_TOKEN: "t" }).baseUrl).toBe("https://api.au.intercom.io");
    expect(loadConfig({ INTERCOM_BASE_URL: "http://127.0.0.1:4010/", INTERCOM_VERSION: "2.11" })).toMatchObject({
      baseUrl: "http://127.0.0.1:4010",
      intercomVersion: "2.11",
      useSandbox: false,
    });
  });

  it.each([
    [{ INTERCOM_REGION: "mars" }, "INTERCOM_REGION"],
    [{ INTERCOM_BASE_URL: "not a url" }, "INTERCOM_BASE_URL"],
    [{ INTERCOM_BASE_URL: "ftp://example.com" }, "INTERCOM_BASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ SANDBOX_PORT: "4o10" }, "SANDBOX_PORT"],
    [{ INTERCOM_VERSION: "latest" }, "INTERCOM_VERSION"],
    // The graph is 2.11's: a version whose answers differ (2.12 turns ticket_state into an object) is refused.
    [{ INTERCOM_VERSION: "2.12" }, "INTERCOM_VERSION"],
    [{ INTERCOM_VERSION: "Unstable" }, "INTERCOM_VERSION"],
    [{ MAX_REQUEST_SHARE: "0" }, "MAX_REQUEST_SHARE"],
    [{ MAX_REQUEST_SHARE: "1.5" }, "MAX_REQUEST_SHARE"],
  ])("rejects %o naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(new RegExp(`^${variable} `));
  });
});

/** Runs `src/index.ts` the way `npm start` does, with the given environment. */
function runGateway(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("startup", () => {
  it("invalid config fails at startup with one clear line naming the variable", async () => {
    const run = runGateway({ INTERCOM_REGION: "moon" });
    expect(await run.exited).toBe(1);
    const lines = run.output().stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: INTERCOM_REGION must be one of us, eu, au/);
  });

  it("with no token and no base URL it starts the embedded sandbox, says so, and serves the graph", async () => {
    const run = runGateway({ PORT: "0", SANDBOX_PORT: "0" });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line: ${JSON.stringify(run.output())}`)), 20_000);
        run.child.stdout.on("data", () => {
          const match = /Gateway ready at (http:\/\/\S+?\/graphql)/.exec(run.output().stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(run.output().stdout).toMatch(/SANDBOX MODE/);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ conversations(first: 3) { nodes { id adminAssignee { name } } } }" }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.conversations.nodes).toHaveLength(3);
      const health = await fetch(url.replace(/\/graphql$/, "/health"));
      expect(await health.json()).toEqual({ status: "ok" });
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM, finishes the requests in flight, then exits 0", async () => {
    const { startSandbox } = await import("../src/sandbox/index.js");
    const sandbox = await startSandbox();
    sandbox.injectFault({ method: "GET", path: "/admins", status: 200, body: { type: "admin.list", admins: [] }, delayMs: 1_000 });
    const run = runGateway({ PORT: "0", INTERCOM_BASE_URL: sandbox.url, INTERCOM_ACCESS_TOKEN: "tok_shutdown_test" });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line: ${JSON.stringify(run.output())}`)), 20_000);
        run.child.stdout.on("data", () => {
          const match = /Gateway ready at (http:\/\/\S+?\/graphql)/.exec(run.output().stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const inFlight = fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ admins { id } }" }),
      }).then(async (r) => (await r.json()) as any);
      await new Promise((r) => setTimeout(r, 300));
      run.child.kill("SIGTERM");
      const answer = await inFlight;
      expect(answer).toEqual({ data: { admins: [] } });
      expect(await run.exited).toBe(0);
      expect(run.output().stdout).not.toContain("tok_shutdown_test");
    } finally {
      run.child.kill("SIGKILL");
      await sandbox.close();
    }
  });
});

describe("introspection and GraphiQL defaults", () => {
  it("on in development and in sandbox mode, off in production unless INTROSPECTION=true", () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).introspection).toBe(true); // sandbox mode
    expect(loadConfig({ NODE_ENV: "production", INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", INTERCOM_ACCESS_TOKEN: "t" }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", INTERCOM_ACCESS_TOKEN: "t", INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadConfig({ INTERCOM_ACCESS_TOKEN: "t", INTROSPECTION: "false" }).introspection).toBe(false);
    expect(() => loadConfig({ INTROSPECTION: "maybe" })).toThrowError(/^INTROSPECTION /);
  });
});

describe("AUTH_MODE", () => {
  it("server by default; passthrough forwards each caller's token and needs no server token", () => {
    expect(loadConfig({ INTERCOM_ACCESS_TOKEN: "t" }).authMode).toBe("server");
    expect(loadConfig({ AUTH_MODE: "passthrough", INTERCOM_BASE_URL: "http://127.0.0.1:9" })).toMatchObject({
      authMode: "passthrough",
      useSandbox: false,
    });
    expect(() => loadConfig({ AUTH_MODE: "both" })).toThrowError(/^AUTH_MODE /);
  });
});

describe("query limits", () => {
  it("have defaults and read MAX_QUERY_* from the environment", () => {
    expect(loadConfig({}).queryLimits).toEqual({
      maxDepth: 15,
      maxAliases: 50,
      maxRootFields: 50,
      maxCost: 1000,
      maxNesting: 100,
      maxIntrospection: 2,
      maxTokens: 15_000,
    });
    expect(loadConfig({ MAX_QUERY_DEPTH: "8", MAX_QUERY_COST: "200" }).queryLimits).toMatchObject({ maxDepth: 8, maxCost: 200 });
    expect(loadConfig({ MAX_QUERY_NESTING: "40", MAX_QUERY_INTROSPECTION: "1", MAX_QUERY_TOKENS: "5000" }).queryLimits).toMatchObject({
      maxNesting: 40,
      maxIntrospection: 1,
      maxTokens: 5000,
    });
    expect(() => loadConfig({ MAX_QUERY_ALIASES: "lots" })).toThrowError(/^MAX_QUERY_ALIASES /);
  });
});

describe("cache, Redis and rate-limit settings", () => {
  it("read CACHE_*, REDIS_URL and INTERCOM_RATE_LIMIT_PER_MINUTE", () => {
    expect(loadConfig({})).toMatchObject({
      cacheTtlSeconds: 60,
      cacheTtls: {},
      cacheMaxMegabytes: 64,
      redisUrl: undefined,
      rateLimitPerMinute: 10_000,
      rateLimitWindowSeconds: 10,
    });
    expect(loadConfig({ CACHE_TTLS: "admins=300,tags=30", REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({
      cacheTtls: { admins: 300, tags: 30 },
      redisUrl: "redis://127.0.0.1:6379",
    });
    expect(() => loadConfig({ CACHE_TTLS: "admins:300" })).toThrowError(/^CACHE_TTLS /);
    expect(() => loadConfig({ REDIS_URL: "localhost:6379" })).toThrowError(/^REDIS_URL /);
  });
});
