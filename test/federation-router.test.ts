import http from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHiveGateway, type HiveGateway } from "./support/hive-gateway.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * The gateway as a subgraph behind a real federation router: Hive Gateway (the
 * `hive-gateway supergraph` CLI, a child process) over a supergraph composed with
 * @apollo/composition from this gateway's `_service { sdl }` and a small `accounts` subgraph
 * written here, which extends Contact with fields and returns Contact and Conversation
 * references. Everything goes over real HTTP: client → router → subgraphs → sandbox.
 */

const ACCOUNTS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Account @key(fields: "id") {
    id: ID!
    name: String!
    owner: Contact!
    conversations: [Conversation!]!
  }

  type Contact @key(fields: "id") {
    id: ID!
    plan: String!
    seats: Int!
  }

  type Conversation @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    accounts(first: Int): [Account!]!
  }
`;

interface Account {
  id: string;
  name: string;
  ownerId: string;
  conversationIds: string[];
}

/** A contact's plan in the accounts service: derived from its id, so the test can predict it. */
const planOf = (contactId: string) => (/[0-7]$/.test(contactId) ? "Growth" : "Enterprise");

/** The accounts subgraph: graphql-js over node:http, POST /graphql with a JSON body. */
async function startAccounts(schema: GraphQLSchema): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server = http.createServer(async (req, res) => {
    requests++;
    let body = "";
    for await (const chunk of req) body += chunk;
    const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const result = await graphql({ schema, source: query, variableValues: variables, operationName });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let stack: Stack;
let accountsService: Awaited<ReturnType<typeof startAccounts>>;
let router: HiveGateway;
let accounts: Account[];

beforeAll(async () => {
  stack = await startStack();
  const ws = stack.sandbox.workspace;
  // 100 accounts: 100 distinct owners and 100 distinct conversations, so a query over all of
  // them sends the Intercom subgraph 100 Contact and 100 Conversation references.
  accounts = ws.contacts.slice(0, 100).map((contact, i) => ({
    id: `acct_${i + 1}`,
    name: `${contact.name ?? contact.email}'s account`,
    ownerId: contact.id,
    conversationIds: [ws.conversations[i]!.id],
  }));
  const schema = buildSubgraphSchema({
    typeDefs: parse(ACCOUNTS_SDL),
    resolvers: {
      Query: { accounts: (_: unknown, { first }: { first?: number }) => accounts.slice(0, first ?? accounts.length) },
      Account: {
        owner: (a: Account) => ({ __typename: "Contact", id: a.ownerId }),
        conversations: (a: Account) => a.conversationIds.map((id) => ({ __typename: "Conversation", id })),
      },
      Contact: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        plan: (c: { id: string }) => planOf(c.id),
        seats: () => 5,
      },
    } as never,
  });
  accountsService = await startAccounts(schema);

  const sdl = (await stack.query(`{ _service { sdl } }`)).data._service.sdl as string;
  const composed = composeServices([
    { name: "intercom", url: stack.gateway.url, typeDefs: parse(sdl) },
    { name: "accounts", url: accountsService.url, typeDefs: parse(ACCOUNTS_SDL) },
  ]);
  expect(composed.errors ?? []).toEqual([]);
  router = await startHiveGateway({ supergraphSdl: composed.supergraphSdl!, startupTimeoutMs: 45_000 });
}, 90_000);

afterAll(async () => {
  await router?.close();
  await accountsService?.close();
  await stack?.close();
});

beforeEach(() => stack.resetUpstream());

interface RouterResponse {
  status: number;
  requestId: string | null;
  body: { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
}

async function viaRouter(query: string, headers: Record<string, string> = {}): Promise<RouterResponse> {
  const res = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, requestId: res.headers.get("x-request-id"), body: (await res.json()) as RouterResponse["body"] };
}

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
/** GraphQL requests the Intercom subgraph served (one log line each). */
const subgraphRequests = () => stack.logs.filter((line) => JSON.parse(line).msg === "graphql request").length;

describe("joined answers through Hive Gateway", () => {
  it("100 accounts: owners (Contact) and conversations (Conversation) from Intercom, plans from accounts; 2 upstream calls in all", async () => {
    const before = subgraphRequests();
    const res = await viaRouter(`{ accounts { id name owner { id name email plan seats } conversations { id state title } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const ws = stack.sandbox.workspace;
    expect(res.body.data.accounts).toHaveLength(100);
    for (const [i, account] of res.body.data.accounts.entries()) {
      const owner = ws.contacts.find((c) => c.id === accounts[i]!.ownerId)!;
      const conversation = ws.conversations.find((c) => c.id === accounts[i]!.conversationIds[0])!;
      expect(account).toEqual({
        id: accounts[i]!.id,
        name: accounts[i]!.name,
        owner: { id: owner.id, name: owner.name, email: owner.email, plan: planOf(owner.id), seats: 5 },
        conversations: [{ id: conversation.id, state: conversation.state.toUpperCase(), title: conversation.title }],
      });
    }
    // The batched floors: 100 Contact references are one contact search, 100 Conversation
    // references (no parts selected) one conversation search.
    expect(calls().sort()).toEqual(["POST /contacts/search", "POST /conversations/search"]);
    const searches = stack.upstream();
    for (const search of searches) expect((search.body as any).query).toMatchObject({ field: "id", operator: "IN" });
    expect(searches.map((s) => (s.body as any).query.value.length).sort()).toEqual([100, 100]);
    // The router sent the references in at most one request per entity type.
    expect(subgraphRequests() - before).toBeLessThanOrEqual(2);
  });

  it("with conversation parts selected, the 100 conversations cost their GETs (the only endpoint with parts)", async () => {
    const res = await viaRouter(`{ accounts { owner { email } conversations { id conversationParts { totalCount } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const ids = accounts.flatMap((a) => a.conversationIds);
    expect(res.body.data.accounts.flatMap((a: any) => a.conversations.map((c: any) => c.id))).toEqual(ids);
    expect(calls().sort()).toEqual(["POST /contacts/search", ...ids.map((id) => `GET /conversations/${id}`)].sort());
  });

  it("a query rooted in Intercom gets the accounts subgraph's Contact fields joined in", async () => {
    const before = accountsService.requests();
    const res = await viaRouter(`{ contacts(first: 25) { nodes { id email plan seats } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.contacts.nodes;
    expect(nodes).toHaveLength(25);
    for (const node of nodes) {
      expect(node.email).toBe(stack.sandbox.workspace.contacts.find((c) => c.id === node.id)!.email);
      expect(node).toMatchObject({ plan: planOf(node.id), seats: 5 });
    }
    expect(calls()).toEqual(["GET /contacts"]);
    expect(accountsService.requests() - before).toBe(1); // 25 references, one _entities request
  });
});

describe("errors through the router", () => {
  it("one failing Intercom field (a 404 from Intercom) leaves HTTP 200 and every other field's data", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/admins", status: 404, times: 1 });
    const res = await viaRouter(`{ accounts(first: 20) { id owner { email plan } conversations { id state adminAssignee { name } } } }`);
    expect(res.status).toBe(200);
    const ws = stack.sandbox.workspace;
    const first20 = accounts.slice(0, 20);
    expect(res.body.data.accounts.map((a: any) => a.owner.email)).toEqual(first20.map((a) => ws.contacts.find((c) => c.id === a.ownerId)!.email));
    const conversations = first20.map((a) => ws.conversations.find((c) => c.id === a.conversationIds[0])!);
    expect(res.body.data.accounts.map((a: any) => a.conversations[0])).toEqual(
      conversations.map((c) => ({ id: c.id, state: c.state.toUpperCase(), adminAssignee: null })),
    );
    // One error per conversation that has an admin assignee; each coded, with Intercom's status
    // under extensions.intercom and none under extensions.http (which would fail the response).
    const assigned = conversations.filter((c) => c.admin_assignee_id !== null).length;
    expect(assigned).toBeGreaterThan(0);
    expect(res.body.errors).toHaveLength(assigned);
    for (const error of res.body.errors!) {
      expect(error.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 }, requestId: res.requestId });
      expect(error.extensions!.http).toBeUndefined();
      expect(error.path?.[0]).toBe("accounts");
      expect(error.path).toContain("adminAssignee");
    }
    expect(calls().sort()).toEqual(["GET /admins", "POST /contacts/search", "POST /conversations/search"]);
  });

  it("the caller's x-request-id reaches Intercom, every error and the response; codes pass through", async () => {
    const requestId = `router-test-${Date.now()}`;
    stack.sandbox.injectFault({ method: "GET", path: "/admins", status: 503, times: 3 }); // outlasts the 2 retries
    const res = await viaRouter(`{ accounts(first: 20) { id owner { email } conversations { state adminAssignee { name } } } contact(id: "..") { id } }`, {
      "x-request-id": requestId,
    });
    expect(res.status).toBe(200);
    expect(res.requestId).toBe(requestId);
    // The owners and states resolve; the assignees (GET /admins answered 503) and the refused contact are null.
    expect(res.body.data.contact).toBeNull();
    expect(res.body.data.accounts).toHaveLength(20);
    for (const account of res.body.data.accounts) {
      expect(account.owner.email).toEqual(expect.any(String));
      expect(account.conversations[0]).toMatchObject({ state: expect.any(String), adminAssignee: null });
    }
    const codes = res.body.errors!.map((e) => e.extensions?.code).sort();
    expect(codes).toContain("UPSTREAM_ERROR");
    expect(codes).toContain("BAD_USER_INPUT");
    for (const error of res.body.errors!) expect(error.extensions!.requestId).toBe(requestId);
    const upstreamError = res.body.errors!.find((e) => e.extensions!.code === "UPSTREAM_ERROR")!;
    expect(upstreamError.extensions!.intercom).toMatchObject({ status: 503 });
    // Every upstream call of the request carried the same id.
    expect(stack.upstream().length).toBeGreaterThan(0);
    expect(new Set(stack.upstream().map((r) => r.requestId))).toEqual(new Set([requestId]));
  });

  it("without a caller's id, the router's own x-request-id is the one in the errors and upstream", async () => {
    const res = await viaRouter(`{ contact(id: "..") { id } }`);
    expect(res.status).toBe(200);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", requestId: res.requestId });
    expect(calls()).toEqual([]); // refused before any upstream call
  });
});
