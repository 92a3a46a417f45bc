import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Rate limits, deadlines, per-token concurrency and cancellation of upstream calls. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = (s: Stack = stack) => s.upstream().map((r) => `${r.method} ${r.path} ${r.status}`);

/** A proxy in front of the sandbox that delays answers (and may rewrite request headers) and records what it saw. */
async function startSlowProxy(target: string, delayMs: (path: string) => number, rewrite = (headers: http.IncomingHttpHeaders) => headers) {
  const seen = { inFlight: 0, maxInFlight: 0, abandoned: [] as string[] };
  const server = http.createServer((req, res) => {
    seen.inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    let done = false;
    res.on("close", () => {
      seen.inFlight--;
      if (!done) seen.abandoned.push(`${req.method} ${req.url}`);
    });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        if (res.destroyed) return;
        const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: rewrite(req.headers) }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", () => (done = true));
        });
        upstream.end(Buffer.concat(chunks));
      }, delayMs(req.url ?? ""));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A client that sends a query and goes away (closes its connection) when told to, without waiting for the answer. */
function queryThenLeave(gateway: Stack, query: string) {
  const leaving = new AbortController();
  const answer = fetch(gateway.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    signal: leaving.signal,
  }).catch((e: Error) => e);
  return {
    leave: async () => {
      leaving.abort();
      await answer;
    },
  };
}

/** A client that sends a query and leaves after `ms`; resolves once the gateway has had 300 ms to wind the request down. */
async function leaveDuring(gateway: Stack, query: string, ms: number): Promise<void> {
  const client = queryThenLeave(gateway, query);
  await new Promise((r) => setTimeout(r, ms));
  await client.leave();
  await new Promise((r) => setTimeout(r, 300));
}

describe("Intercom's rate limit", () => {
  it("a read that gets 429 waits for the window (Retry-After) and retries once it resets", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/teams", status: 429, code: "rate_limit_exceeded", headers: { "Retry-After": "1" } });
    const res = await stack.query(`{ teams { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.teams.length).toBeGreaterThan(0);
    expect(calls()).toEqual(["GET /teams 429", "GET /teams 200"]);
  });

  it("a write that gets 429 is never retried: RATE_LIMITED", async () => {
    const conversation = stack.sandbox.workspace.conversations[0]!;
    stack.sandbox.injectFault({ method: "POST", path: `/conversations/${conversation.id}/reply`, status: 429, code: "rate_limit_exceeded", headers: { "Retry-After": "1" } });
    const res = await stack.query(
      `mutation ($id: ID!, $admin: ID!) { replyToConversation(id: $id, input: { admin: { adminId: $admin, body: "hi" } }) { id } }`,
      { id: conversation.id, admin: stack.sandbox.workspace.admins[0]!.id },
    );
    expect(res.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: 1 });
    expect(calls()).toEqual([`POST /conversations/${conversation.id}/reply 429`]);
  });

  it("a reply that times out is reported as failed and never posted twice", async () => {
    const conversation = stack.sandbox.workspace.conversations[1]!;
    const slow = await startStack({ gateway: { upstreamTimeoutMs: 150 } });
    try {
      slow.sandbox.injectFault({ method: "POST", path: `/conversations/${conversation.id}/reply`, status: 200, body: {}, delayMs: 600 });
      const res = await slow.query(
        `mutation ($id: ID!, $admin: ID!) { replyToConversation(id: $id, input: { admin: { adminId: $admin, body: "hello" } }) { id } }`,
        { id: conversation.id, admin: slow.sandbox.workspace.admins[0]!.id },
      );
      expect(res.data).toEqual({ replyToConversation: null });
      expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_TIMEOUT");
      await new Promise((r) => setTimeout(r, 700));
      expect(slow.upstream().filter((r) => r.method === "POST")).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});

describe("deadlines, concurrency and cancellation", () => {
  it("the request's deadline bounds every upstream call: a slow field fails, the rest is answered", async () => {
    const proxy = await startSlowProxy(stack.sandbox.url, (path) => (path.startsWith("/teams") ? 3_000 : 0));
    const viaProxy = await startStack({ gateway: { baseUrl: proxy.url, requestTimeoutMs: 400, upstreamTimeoutMs: 10_000 } });
    try {
      const res = await viaProxy.query(`{ admins { id } teams { id } }`);
      expect(res.data.admins.length).toBeGreaterThan(0);
      expect(res.data.teams).toBeNull();
      expect(res.errors![0]!.path).toEqual(["teams"]);
      expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_TIMEOUT");
    } finally {
      await viaProxy.close();
      proxy.close();
    }
  });

  it("holds a token to its share of upstream concurrency", async () => {
    const proxy = await startSlowProxy(stack.sandbox.url, () => 40);
    const limited = await startStack({ gateway: { baseUrl: proxy.url, upstreamConcurrency: 2 } });
    try {
      const ids = limited.sandbox.workspace.conversations.slice(0, 8).map((c) => c.id);
      // The sandbox behind the proxy is the first stack's; its ids are the same seeded ones.
      const query = `{ ${ids.map((id, i) => `c${i}: conversation(id: "${id}") { id }`).join(" ")} }`;
      const res = await limited.query(query);
      expect(res.errors).toBeUndefined();
      expect(Object.keys(res.data)).toHaveLength(8);
      expect(proxy.seen.maxInFlight).toBe(2);
    } finally {
      await limited.close();
      proxy.close();
    }
  });

  it("cancels upstream calls in flight when the client goes away", async () => {
    const proxy = await startSlowProxy(stack.sandbox.url, (path) => (path.startsWith("/admins") ? 2_000 : 0));
    const gateway = await startStack({ gateway: { baseUrl: proxy.url } });
    try {
      await leaveDuring(gateway, "{ admins { id } }", 200);
      expect(proxy.seen.abandoned).toContain("GET /admins");
    } finally {
      await gateway.close();
      proxy.close();
    }
  });

  it("a request whose client went away logs its errors at info, says so on its request line, and counts as client_gone, not as errors", async () => {
    const proxy = await startSlowProxy(stack.sandbox.url, (path) => (path.startsWith("/contacts/search") ? 2_000 : 0));
    const gateway = await startStack({ gateway: { baseUrl: proxy.url } });
    try {
      // The conversations' contacts wait on the search, which fails when the client leaves.
      await leaveDuring(gateway, "{ conversations(first: 5) { nodes { id contacts { name } } } }", 300);
      const lines = gateway.logs.map((l) => JSON.parse(l));
      const request = lines.find((l) => l.message === "graphql request");
      expect(request).toMatchObject({ clientGone: true, errors: 1 });
      expect(lines.filter((l) => l.message === "graphql error")).toEqual([
        expect.objectContaining({ level: "info", requestId: request.requestId, code: "UPSTREAM_ERROR", count: 1, error: expect.stringContaining("the client went away") }),
      ]);
      expect(lines.filter((l) => l.level === "warn" || l.level === "error")).toEqual([]);
      // Nor is it counted as an error of the gateway's.
      const metrics = await (await fetch(gateway.gateway.url.replace(/\/graphql$/, "/metrics"))).text();
      expect(metrics).toMatch(/graphql_requests_total\{operation="anonymous",outcome="client_gone"\} 1/);
      expect(metrics).not.toMatch(/graphql_requests_total\{operation="anonymous",outcome="error"\}/);
      expect(metrics).not.toMatch(/graphql_errors_total\{/);
    } finally {
      await gateway.close();
      proxy.close();
    }
  });

  it("a call still waiting for the token's concurrency slot is dropped when its client goes away", async () => {
    const proxy = await startSlowProxy(stack.sandbox.url, (path) => (path.startsWith("/teams") ? 800 : 0));
    const gateway = await startStack({ gateway: { baseUrl: proxy.url, upstreamConcurrency: 1 } });
    try {
      // The first request holds the token's one slot for 800 ms; the second waits for it, then leaves.
      const holding = gateway.query(`{ teams { id } }`);
      await new Promise((r) => setTimeout(r, 100));
      const waiting = queryThenLeave(gateway, "{ tags { nodes { id } } }");
      await new Promise((r) => setTimeout(r, 100));
      await waiting.leave();
      expect((await holding).errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 200));
      // The slot came free with nobody left to use it: GET /tags was never sent.
      expect(calls()).toEqual(["GET /teams 200"]);
    } finally {
      await gateway.close();
      proxy.close();
    }
  });
});

describe("compressed answers", () => {
  it("asks Intercom for compressed answers and reads them like plain ones", async () => {
    const compressing = await startStack({ sandbox: { compress: true } });
    try {
      const [compressed, plain] = await Promise.all([compressing.query(COMPRESSIBLE), stack.query(COMPRESSIBLE)]);
      expect(compressed.errors).toBeUndefined();
      expect(compressed.data).toEqual(plain.data);
      expect(compressed.data.conversations.nodes).toHaveLength(50);
      // The answers really came compressed: the sandbox compresses only what the client accepts (1 KiB or
      // more), and picks brotli from "gzip, deflate, br".
      const encodings = compressing.upstream().map((r) => `${r.method} ${r.path} ${r.contentEncoding ?? "identity"}`);
      expect(encodings.sort()).toEqual(["GET /admins br", "GET /conversations br", "POST /contacts/search br"]);
      expect(stack.upstream().every((r) => r.contentEncoding === undefined)).toBe(true);
    } finally {
      await compressing.close();
    }
  });

  it("reads gzip too (an upstream that offers only gzip), and says who is calling", async () => {
    const compressing = await startStack({ sandbox: { compress: true } });
    const userAgents = new Set<string | undefined>();
    const gzipOnly = await startSlowProxy(compressing.sandbox.url, () => 0, (headers) => {
      userAgents.add(headers["user-agent"]);
      return { ...headers, "accept-encoding": "gzip" };
    });
    const viaProxy = await startStack({ gateway: { baseUrl: gzipOnly.url } });
    try {
      const [compressed, plain] = await Promise.all([viaProxy.query(COMPRESSIBLE), stack.query(COMPRESSIBLE)]);
      expect(compressed.errors).toBeUndefined();
      expect(compressed.data).toEqual(plain.data);
      expect(compressing.upstream().map((r) => r.contentEncoding)).toEqual(["gzip", "gzip", "gzip"]);
      expect([...userAgents]).toEqual(["intercom-graphql-gateway"]);
    } finally {
      await viaProxy.close();
      gzipOnly.close();
      await compressing.close();
    }
  });
});

const COMPRESSIBLE = `{ conversations(first: 50) { nodes { id adminAssignee { name } contacts { name email } } } admins { id name } }`;
