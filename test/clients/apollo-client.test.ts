import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql, type InMemoryCacheConfig } from "@apollo/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APOLLO_CACHE_FILE } from "../../scripts/schema.js";
import { startStack, type Stack } from "../support/stack.js";

/**
 * Apollo Client 4 with InMemoryCache and the published cache config (apollo-cache.json:
 * possibleTypes and type policies, generated from the schema by `npm run schema`) runs the
 * README's inbox query at two page sizes, and a detail query that selects other fields of the
 * same value objects (a conversation's rating), with no cache warning and both selections still
 * readable from the cache; without the type policies, the cache warns.
 */
const CACHE_CONFIG = JSON.parse(readFileSync(APOLLO_CACHE_FILE, "utf8")) as Pick<InMemoryCacheConfig, "possibleTypes" | "typePolicies">;

/** The README's first query, with the page size as a variable. */
function readmeInbox() {
  const readme = readFileSync(path.resolve("README.md"), "utf8");
  const inbox = /```graphql\n(query Inbox \{[\s\S]*?)```/.exec(readme)![1]!;
  return gql(inbox.replace("query Inbox {", "query Inbox($first: Int) {").replace("conversations(first: 2)", "conversations(first: $first)"));
}

interface InboxData {
  conversations: { nodes: Array<{ conversationRating: Record<string, unknown> | null }> };
}

const DETAIL = gql`
  query Detail($first: Int) {
    conversations(first: $first) {
      nodes { id conversationRating { remark createdAt } }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function run(cache: InMemoryCache): Promise<string[]> {
  const warnings: string[] = [];
  const spy = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
  const spyError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
  try {
    const client = new ApolloClient({ link: new HttpLink({ uri: stack.gateway.url }), cache });
    const inbox = readmeInbox();
    for (const first of [2, 20]) {
      const result = await client.query<InboxData>({ query: inbox, variables: { first }, fetchPolicy: "network-only" });
      expect(result.error).toBeUndefined();
      expect(result.data!.conversations.nodes).toHaveLength(first);
    }
    await client.query({ query: DETAIL, variables: { first: 2 }, fetchPolicy: "network-only" });
    // Read back from the cache: both selections of the same conversations are still whole.
    const again = await client.query<InboxData>({ query: inbox, variables: { first: 2 }, fetchPolicy: "cache-only" });
    return again.data ? warnings : [...warnings, "the inbox could not be read back from the cache"];
  } finally {
    spy.mockRestore();
    spyError.mockRestore();
  }
}

describe("Apollo Client 4 with InMemoryCache", () => {
  it("runs the README's inbox at two page sizes, and a detail query, with no cache warning", async () => {
    expect(await run(new InMemoryCache(CACHE_CONFIG))).toEqual([]);
  });

  it("without the published type policies the cache does warn (the check can fail)", async () => {
    const warnings = await run(new InMemoryCache({ possibleTypes: CACHE_CONFIG.possibleTypes }));
    expect(warnings.join("\n")).toMatch(/Cache data may be lost/);
  });

  it("possibleTypes lists every implementation of the Author and Node interfaces", () => {
    expect(CACHE_CONFIG.possibleTypes!.Author).toEqual(expect.arrayContaining(["Admin", "Bot", "Contact", "Team"]));
    expect(CACHE_CONFIG.possibleTypes!.Node).toEqual(expect.arrayContaining(["Contact", "Conversation", "Tag", "Collection"]));
  });
});
