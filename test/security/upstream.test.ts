import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { IntercomClient } from "../../src/datasources/upstream.js";
import { path } from "../../src/datasources/upstream-path.js";
import { RateBudget } from "../../src/datasources/rate-budget.js";
import { maxUpstreamCalls, startGateway } from "../../src/server/app.js";
import { startStack, TEST_TOKEN, type Stack } from "../support/stack.js";

/** Upstream answers that are not answers, reads retried whatever their method, and the per-request cap. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

describe("a 2xx that doesn't carry the promised body is UPSTREAM_ERROR", () => {
  it("an empty 200 is not an empty inbox", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/conversations", status: 200, body: "", times: 3 });
    const res = await stack.query(`{ conversations(first: 5) { totalCount nodes { id } } }`);
    expect(res.data.conversations).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR" });
  });

  it("a delete Intercom did not confirm is reported as failed, never as the id \"undefined\"", async () => {
    const contact = stack.sandbox.workspace.contacts[5]!;
    for (const body of ["", {}, { deleted: true }]) {
      stack.sandbox.injectFault({ method: "DELETE", path: `/contacts/${contact.id}`, status: 200, body });
      const res = await stack.query(`mutation ($id: ID!) { deleteContact(id: $id) { id deleted } }`, { id: contact.id });
      expect(res.data.deleteContact, JSON.stringify(body)).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
      expect(res.raw).not.toContain('"undefined"');
    }
  });

  it("a write whose success has no body is checked by its documented status", async () => {
    const contact = stack.sandbox.workspace.contacts[0]!;
    const create = `mutation ($input: CreateDataEventInput!) { createDataEvent(input: $input) { __typename } }`;
    const input = { eventName: "security-probe", createdAt: "2026-11-01T00:00:00Z", userId: contact.external_id ?? contact.id };
    stack.sandbox.injectFault({ method: "POST", path: "/events", status: 200, body: "" });
    const wrongStatus = await stack.query(create, { input });
    expect(wrongStatus.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
    const ok = await stack.query(create, { input });
    expect(ok.errors).toBeUndefined();
  });
});

describe("answers without what the operation promises, and malformed references", () => {
  it("a 2xx whose object lacks what the graph reads is UPSTREAM_ERROR, never INTERNAL_SERVER_ERROR", async () => {
    for (const [path, query] of [
      ["/admins", `{ admins { id } }`],
      ["/teams", `{ teams { id name } }`],
    ] as const) {
      stack.sandbox.injectFault({ method: "GET", path, status: 200, body: { type: "list" } });
      const res = await stack.query(query);
      expect(res.errors?.map((e) => e.extensions!.code), path).toEqual(["UPSTREAM_ERROR"]);
    }
    expect(stack.logs.some((l) => l.includes("did not have the expected shape") && l.includes("TypeError"))).toBe(true);
  });

  it("a malformed federation representation is BAD_USER_INPUT for that item alone, with no upstream call", async () => {
    const contact = stack.sandbox.workspace.contacts[0]!;
    const res = await stack.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { id } } }`, {
      r: [{ __typename: "Nope", id: "1" }, { __typename: "Contact" }, "x", { __typename: "Contact", id: { a: 1 } }, { __typename: "Contact", id: contact.id }],
    });
    expect(res.data._entities.slice(0, 4)).toEqual([null, null, null, null]);
    expect(res.data._entities[4]).toEqual({ id: contact.id });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([0, 1, 2, 3].map((i) => [["_entities", i], "BAD_USER_INPUT"]));
    expect(stack.upstream().every((r) => !r.path.includes("undefined") && !r.path.includes("object"))).toBe(true);
  });
});

describe("every read is retried the same way, whatever its HTTP method", () => {
  it("POST /companies/list is retried on a 503 like a GET", async () => {
    stack.sandbox.injectFault({ method: "POST", path: "/companies/list", status: 503, times: 1 });
    const res = await stack.query(`{ companies(first: 2) { nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(stack.upstream().filter((r) => r.path === "/companies/list").map((r) => r.status)).toEqual([503, 200]);
  });

  it("writes are still sent exactly once", async () => {
    stack.sandbox.injectFault({ method: "POST", path: "/tags", status: 503, times: 1 });
    const res = await stack.query(`mutation { createOrUpdateTag(input: { name: "retry-probe" }) { id } }`);
    expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
    expect(stack.upstream().filter((r) => r.path === "/tags")).toHaveLength(1);
  });
});

describe("a hard cap of upstream calls per request, in the upstream client", () => {
  it("the calls past the cap fail with QUERY_TOO_COMPLEX and never reach Intercom", async () => {
    const client = new IntercomClient({ baseUrl: stack.sandbox.url, version: "2.11", token: TEST_TOKEN, timeoutMs: 2000, retries: 0, maxCalls: 3 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.send({ method: "GET", path: path`admins`, read: true })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => r.reason.extensions.code)).toEqual(["QUERY_TOO_COMPLEX", "QUERY_TOO_COMPLEX"]);
    expect(stack.upstream()).toHaveLength(3);
    expect(client.callsMade).toBe(3);
  });

  it("holds when the estimate is wrong: contacts the search misses cost a GET each, and the cap stops them", async () => {
    const capped = await startStack({ gateway: { queryLimits: { maxDepth: 15, maxAliases: 50, maxRootFields: 50, maxCost: 10 } } });
    try {
      // The search lags (it finds nobody), so each of the inbox's contacts costs a GET: ~20 calls for an estimate of 3.
      capped.sandbox.injectFault({ method: "POST", path: "/contacts/search", status: 200, body: { type: "list", data: [], total_count: 0 } });
      const res = await capped.query(`{ conversations(first: 20) { nodes { id contacts { id } } } }`);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.some((e) => e.extensions?.code === "QUERY_TOO_COMPLEX"), res.raw.slice(0, 300)).toBe(true);
      expect(capped.upstream()).toHaveLength(10);
    } finally {
      await capped.close();
    }
  });

  it("no request may spend more than its share of the token's rate-limit window", () => {
    const budget = new RateBudget(1666, 10);
    expect(maxUpstreamCalls({ budget, maxRequestShare: 0.25 })).toBe(416);
    expect(maxUpstreamCalls({ budget, maxRequestShare: 1 })).toBe(1000); // MAX_QUERY_COST still bounds it
    expect(maxUpstreamCalls({ maxRequestShare: 0.25 })).toBe(1000); // no budget: the cost limit alone
  });
});

/** A fake Intercom that records the Authorization header of each request it serves. */
async function recordingIntercom() {
  const seen: Array<{ path: string; authorization: string | null }> = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", authorization: req.headers.authorization ?? null });
    if (req.url?.startsWith("/download/")) {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end("file");
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "admin", id: "1", email: "a@example.com", name: "A" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("tenancy: downloads and readiness go through the upstream client with the caller's token", () => {
  for (const mode of ["server", "passthrough"] as const) {
    it(`in ${mode} mode`, async () => {
      const intercom = await recordingIntercom();
      const gateway = await startGateway({
        baseUrl: intercom.url,
        intercomVersion: "2.11",
        authMode: mode,
        accessToken: "tok_operator_workspace",
        upstreamTimeoutMs: 2000,
        upstreamRetries: 0,
        logger: createLogger({ level: "error", secrets: [], write: () => undefined }),
        port: 0,
      });
      const origin = gateway.url.replace(/\/graphql$/, "");
      try {
        const anonymous = await fetch(`${origin}/downloads/data-exports/job1`);
        const asTenant = await fetch(`${origin}/downloads/data-exports/job1`, { headers: { authorization: "Bearer tok_tenant_b" } });
        await fetch(`${origin}/readyz`);
        const downloads = intercom.seen.filter((r) => r.path.startsWith("/download/"));
        const probe = intercom.seen.filter((r) => r.path === "/me");
        if (mode === "server") {
          expect(anonymous.status).toBe(200);
          expect(asTenant.status).toBe(200);
          expect(downloads.map((r) => r.authorization)).toEqual(["Bearer tok_operator_workspace", "Bearer tok_operator_workspace"]);
          expect(probe.map((r) => r.authorization)).toEqual(["Bearer tok_operator_workspace"]);
        } else {
          // Without a token, no download at all; with one, the caller's own — never the operator's.
          expect(anonymous.status).toBe(401);
          expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
          expect(asTenant.status).toBe(200);
          expect(await asTenant.text()).toBe("file");
          expect(downloads.map((r) => r.authorization)).toEqual(["Bearer tok_tenant_b"]);
          expect(probe.map((r) => r.authorization)).toEqual([null]);
        }
        expect(intercom.seen.some((r) => r.path.startsWith("/download/") && r.path !== "/download/content/data/job1")).toBe(false);
      } finally {
        await gateway.close();
        await intercom.close();
      }
    });
  }

  it("a download's job id is one path segment too", async () => {
    // Sent raw: fetch would resolve the dot segment itself before it left.
    for (const job of ["%2e%2e", "a%2Fb", "a%5Cb", "%2e"]) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port: stack.gateway.port, path: `/downloads/data-exports/${job}` }, (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on("error", reject);
      });
      expect(answer.status, job).toBe(400);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    }
    expect(stack.upstream()).toHaveLength(0);
  });
});
