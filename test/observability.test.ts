import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/datasources/concurrency.js";
import { startStack, TEST_TOKEN, type Stack } from "./support/stack.js";

/** Logs, request ids and Prometheus metrics. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const origin = () => stack.gateway.url.replace(/\/graphql$/, "");

describe("request ids", () => {
  it("a caller's X-Request-Id is returned, sent upstream, and put in every error's extensions", async () => {
    stack.resetUpstream();
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-observe-1" },
      body: JSON.stringify({ query: `{ admins { id } conversation(id: "999999") { id } }` }),
    });
    expect(res.headers.get("x-request-id")).toBe("req-observe-1");
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.requestId).toBe("req-observe-1");
    expect(new Set(stack.upstream().map((r) => r.requestId))).toEqual(new Set(["req-observe-1"]));
  });

  it("without one the gateway makes one up", async () => {
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("logs", () => {
  it("one JSON line per GraphQL request and per upstream call, with request id, operation, route and timings — no token", async () => {
    stack.logs.length = 0;
    await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-logs-1" },
      body: JSON.stringify({ query: `query Inbox { conversations(first: 3) { nodes { id adminAssignee { name } } } }`, operationName: "Inbox" }),
    });
    const lines = stack.logs.map((l) => JSON.parse(l));
    const request = lines.find((l) => l.message === "graphql request");
    expect(request).toMatchObject({ level: "info", requestId: "req-logs-1", operation: "Inbox", status: 200, errors: 0 });
    expect(typeof request.ms).toBe("number");
    const upstream = lines.filter((l) => l.message === "upstream call");
    expect(upstream.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual(expect.arrayContaining(["GET /conversations 200", "GET /admins 200"]));
    for (const line of upstream) {
      expect(line.requestId).toBe("req-logs-1");
      expect(typeof line.ms).toBe("number");
    }
    expect(stack.logs.join("\n")).not.toContain(TEST_TOKEN);
  });
  it("one line per distinct error of a response, with its count, and at most 10 of them: aliases cannot multiply the log", async () => {
    const logsOf = async (requestId: string, fields: string[]) => {
      const res = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({ query: `{ ${fields.join(" ")} }` }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toHaveLength(fields.length);
      const lines = stack.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);
      expect(lines.find((l) => l.message === "graphql request")).toMatchObject({ errors: fields.length });
      return lines;
    };

    // 30 aliases of one missing conversation fail alike: one line.
    const alike = await logsOf("req-errors-alike", Array.from({ length: 30 }, (_, i) => `s${i}: conversation(id: "999999") { id }`));
    expect(alike.filter((l) => l.message === "graphql error")).toEqual([
      expect.objectContaining({ level: "warn", code: "NOT_FOUND", status: 404, count: 30, path: expect.stringMatching(/^s\d+$/), error: expect.stringContaining("GET /conversations/{id}") }),
    ]);
    expect(alike.find((l) => l.message === "graphql errors not logged")).toBeUndefined();

    // 12 missing things of 12 kinds fail in 12 ways: 10 lines, and one that counts the other 2.
    const kinds = ["admin", "article", "company", "contact", "conversation", "collection", "helpCenter", "newsItem", "newsfeed", "note", "segment", "ticket"];
    const unlike = await logsOf("req-errors-unlike", kinds.map((field) => `${field}(id: "999999") { id }`));
    const logged = unlike.filter((l) => l.message === "graphql error");
    expect(logged).toHaveLength(10);
    expect(new Set(logged.map((l) => l.path)).size).toBe(10);
    expect(logged.every((l) => l.level === "warn" && l.code === "NOT_FOUND" && l.count === 1)).toBe(true);
    expect(unlike.find((l) => l.message === "graphql errors not logged")).toMatchObject({ level: "warn", distinct: 2, total: 12 });
  });
});

describe("/metrics", () => {
  it("exposes requests, errors, latency, upstream calls by route template, rate-limit remaining and loader batch sizes", async () => {
    await stack.query(`query Inbox2 { conversations(first: 20) { nodes { contacts { id } conversationParts { totalCount } } } }`);
    await stack.query(`query Broken { conversation(id: "31337") { id } }`);
    // A resource group's loader (built on first use) reports its batches too.
    const contacts = await stack.query(`query ContactCompanies { contacts(first: 3) { nodes { companies { nodes { id } } } } }`);
    expect(contacts.errors).toBeUndefined();
    const res = await fetch(`${origin()}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/graphql_requests_total\{operation="Inbox2",outcome="ok"\} 1/);
    expect(text).toMatch(/graphql_errors_total\{operation="Broken",code="NOT_FOUND"\} 1/);
    expect(text).toMatch(/graphql_request_duration_seconds_count\{operation="Inbox2"\} 1/);
    expect(text).toMatch(/intercom_requests_total\{method="GET",route="\/conversations\/\{id\}",status="200"\} \d+/);
    expect(text).toMatch(/intercom_requests_total\{method="POST",route="\/contacts\/search",status="200"\} \d+/);
    expect(text).toMatch(/loader_batch_size_count\{loader="contact"\} \d+/);
    expect(text).toMatch(/loader_batch_size_sum\{loader="contactCompanies"\} 3\n/);
    expect(text).toContain(`intercom_rate_limit_remaining{token="${hashToken(TEST_TOKEN)}"}`);
    // Labels never carry a token or an id.
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toMatch(/route="[^"]*\d[^"]*"/);
  });
});
