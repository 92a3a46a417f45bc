import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../support/stack.js";

/**
 * Operation names are chosen by clients, so as metric labels they must come from a bounded set:
 * distinct long names once grew /metrics to 450 MB. Each name is bounded in length, the set of
 * names in count, and the rest is counted as "other".
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const metrics = async () => (await fetch(stack.gateway.url.replace(/\/graphql$/, "/metrics"))).text();
const operationLabels = (text: string) => new Set([...text.matchAll(/^graphql_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]!));

async function run(names: string[]): Promise<void> {
  // A few at a time: quick, without flooding the loopback.
  for (let i = 0; i < names.length; i += 25) {
    await Promise.all(names.slice(i, i + 25).map((name) => stack.query(`query ${name} { __typename }`)));
  }
}

describe("operation-name labels", () => {
  it("300 distinct long operation names do not grow /metrics", async () => {
    const base = (await metrics()).length;
    await run(Array.from({ length: 300 }, (_, i) => `Op${i}_${"x".repeat(5_000)}`));
    const text = await metrics();
    // Without a bound this is 300 × 5 kB × ~15 series ≈ 22 MB.
    expect(text.length - base).toBeLessThan(20_000);
    expect(text).not.toContain("x".repeat(200));
    expect(text).toMatch(/graphql_requests_total\{operation="other",outcome="ok"\} 300/);
  });

  it("short names keep their own label up to a bound, the rest count as other", async () => {
    await run(Array.from({ length: 400 }, (_, i) => `Short${i}`));
    const labels = operationLabels(await metrics());
    expect(labels.has("Short0")).toBe(true);
    expect(labels.has("other")).toBe(true);
    expect(labels.size).toBeLessThanOrEqual(201);
    expect(labels.has("Short399")).toBe(false);
    // A name with its own label keeps it.
    await run(["Short0"]);
    expect(await metrics()).toMatch(/graphql_requests_total\{operation="Short0",outcome="ok"\} 2/);
  });

  it("an operationName the document does not define is never a label", async () => {
    const claimed = "Claimed_" + "y".repeat(100);
    await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Real { __typename }", operationName: claimed }),
    });
    expect(await metrics()).not.toContain(claimed);
  });
});

describe("upstream route labels", () => {
  it("are the code's path templates, never the ids a client sent", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `not-numeric-${i}-${"z".repeat(30)}`);
    for (const id of ids) await stack.query(`query ($id: ID!) { contact(id: $id) { id } note(id: $id) { id } }`, { id });
    const routes = new Set([...(await metrics()).matchAll(/^intercom_requests_total\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]!));
    expect(routes.has("/contacts/{id}")).toBe(true);
    expect([...routes].filter((route) => route.includes("not-numeric") || route.includes("zzz"))).toEqual([]);
    // A closed set: one label per template the code calls, however many ids.
    expect(routes.size).toBeLessThan(20);
  });
});
