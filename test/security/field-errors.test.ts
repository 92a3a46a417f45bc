import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../support/stack.js";

/**
 * No error a client receives carries `extensions.http`: GraphQL Yoga, Hive Gateway and
 * federation routers read it as the HTTP status of the whole response, so one NOT_FOUND field
 * turned a supergraph answer into an HTTP 404. The upstream status is `extensions.intercom.status`.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { queryLimits: { maxDepth: 15, maxAliases: 2, maxRootFields: 50, maxCost: 1000 } } });
});
afterAll(() => stack.close());

const withoutHttp = (raw: string) => expect(raw).not.toMatch(/"http"\s*:/);

describe("field errors", () => {
  it("a NOT_FOUND field keeps the upstream status under extensions.intercom, the response stays 200 with the other fields", async () => {
    const res = await stack.query(`{ admins { id } conversation(id: "999999") { id } }`);
    expect(res.status).toBe(200);
    expect(res.data.admins.length).toBeGreaterThan(0);
    expect(res.data.conversation).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404, errors: [{ code: "not_found" }] } });
    withoutHttp(res.raw);
  });

  it("a 5xx upstream failure too", async () => {
    stack.sandbox.injectFault({ method: "GET", path: /^\/admins$/, status: 500, times: 3 });
    const res = await stack.query(`{ admins { id } }`);
    expect(res.status).toBe(200);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", intercom: { status: 500 } });
    withoutHttp(res.raw);
  });
});

describe("request-level errors keep their HTTP status, without extensions.http in the body", () => {
  it("QUERY_TOO_COMPLEX is a 400", async () => {
    const res = await stack.query(`{ a: admins { id } b: admins { id } c: admins { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("QUERY_TOO_COMPLEX");
    withoutHttp(res.raw);
  });

  it("parse and validation failures are 400s", async () => {
    for (const query of ["{", "{ nope }"]) {
      const res = await stack.query(query);
      expect(res.status).toBe(400);
      withoutHttp(res.raw);
    }
  });

  it("a pass-through request without a token is a 401 UNAUTHENTICATED", async () => {
    const passthrough = await startStack({ gateway: { authMode: "passthrough", accessToken: undefined } });
    try {
      const res = await passthrough.query(`{ admins { id } }`);
      expect(res.status).toBe(401);
      expect(res.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
      withoutHttp(res.raw);
    } finally {
      await passthrough.close();
    }
  });
});
