import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** The gateway as an Apollo Federation 2 subgraph. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

describe("subgraph", () => {
  it("publishes its SDL with the federation link and @key on the entities", async () => {
    const res = await stack.query(`{ _service { sdl } }`);
    expect(res.errors).toBeUndefined();
    const sdl: string = res.data._service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    for (const entity of ["Admin", "Team", "Contact", "Company", "Conversation", "Ticket", "Tag", "Segment", "Article", "Note"]) {
      expect(sdl).toMatch(new RegExp(`type ${entity}[^{]*@key\\(fields: "id"\\)`));
    }
  });

  it("_entities: 50 Contact representations cost one upstream request", async () => {
    const ids = stack.sandbox.workspace.contacts.slice(0, 50).map((c) => c.id);
    const res = await stack.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact { id name email } } }`,
      { reps: ids.map((id) => ({ __typename: "Contact", id })) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((c: any) => c.id)).toEqual(ids);
    expect(res.data._entities[3].email).toBe(stack.sandbox.workspace.contacts[3]!.email);
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /contacts/search"]);
  });

  it("_entities: unknown ids come back as null with an error; the rest resolve", async () => {
    const admin = stack.sandbox.workspace.admins[0]!;
    const res = await stack.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Admin { id name } ... on Conversation { id } } }`,
      {
        reps: [
          { __typename: "Admin", id: admin.id },
          { __typename: "Admin", id: "1" },
          { __typename: "Conversation", id: "424242" },
        ],
      },
    );
    expect(res.status).toBe(200);
    expect(res.data._entities).toEqual([{ id: admin.id, name: admin.name }, null, null]);
    expect(res.errors!.map((e) => e.extensions!.code).sort()).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect(res.errors!.map((e) => e.path)).toEqual(expect.arrayContaining([["_entities", 1], ["_entities", 2]]));
  });
});

it("_entities resolves every kind of entity through its loader, one batch per kind", async () => {
  const ws = stack.sandbox.workspace as any;
  const reps = [
    ...ws.companies.slice(0, 3).map((c: any) => ({ __typename: "Company", id: c.id })),
    ...ws.tickets.slice(0, 3).map((t: any) => ({ __typename: "Ticket", id: t.id })),
    ...ws.tags.slice(0, 3).map((t: any) => ({ __typename: "Tag", id: t.id })),
    ...ws.segments.slice(0, 3).map((s: any) => ({ __typename: "Segment", id: s.id })),
    ...ws.articles.slice(0, 3).map((a: any) => ({ __typename: "Article", id: String(a.id) })),
    ...ws.notes.slice(0, 3).map((n: any) => ({ __typename: "Note", id: String(n.id) })),
  ];
  stack.resetUpstream();
  const res = await stack.query(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      __typename
      ... on Company { id } ... on Ticket { id } ... on Tag { id } ... on Segment { id } ... on Article { id } ... on Note { id }
    } }`,
    { reps },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data._entities.map((e: any) => `${e.__typename}:${e.id}`)).toEqual(reps.map((r) => `${r.__typename}:${r.id}`));
  const calls = stack.upstream().map((r) => `${r.method} ${r.path}`);
  // Tags and segments come from one list each, tickets from one search, companies and articles
  // from one page of their lists; notes have no batch endpoint: a GET each.
  expect(calls.sort()).toEqual(
    [
      "GET /tags",
      "GET /segments",
      "POST /tickets/search",
      "POST /companies/list",
      "GET /articles",
      ...ws.notes.slice(0, 3).map((n: any) => `GET /notes/${n.id}`),
    ].sort(),
  );
});

describe("composed into a supergraph with another subgraph", () => {
  // A small "accounts" service: it adds fields to Contact by key and returns references to Conversation.
  const ACCOUNTS_SDL = /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Account @key(fields: "id") {
      id: ID!
      name: String!
      owner: Contact!
      openConversations: [Conversation!]!
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
      accounts: [Account!]!
    }
  `;

  let accountsServer: ApolloServer;
  let accountsUrl: string;
  let supergraph: ApolloServer;
  let supergraphUrl: string;
  let accounts: Array<{ id: string; name: string; ownerId: string; conversationIds: string[] }>;

  beforeAll(async () => {
    const ws = stack.sandbox.workspace;
    accounts = ws.contacts.slice(0, 6).map((contact, i) => ({
      id: `acct_${i + 1}`,
      name: `${contact.name ?? contact.email}'s account`,
      ownerId: contact.id,
      conversationIds: ws.conversations
        .filter((c) => c.state === "open" && c.contacts.contacts.some((x) => x.id === contact.id))
        .map((c) => c.id)
        .slice(0, 2),
    }));
    accountsServer = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: parse(ACCOUNTS_SDL),
        resolvers: {
          Query: { accounts: () => accounts },
          Account: {
            owner: (a: (typeof accounts)[number]) => ({ __typename: "Contact", id: a.ownerId }),
            openConversations: (a: (typeof accounts)[number]) => a.conversationIds.map((id) => ({ __typename: "Conversation", id })),
          },
          Contact: {
            __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
            plan: (c: { id: string }) => (/[a-f]$/.test(c.id) ? "Enterprise" : "Growth"),
            seats: () => 5,
          },
        } as never,
      }),
    });
    ({ url: accountsUrl } = await startStandaloneServer(accountsServer, { listen: { port: 0, host: "127.0.0.1" } }));

    const sdl = (await stack.query(`{ _service { sdl } }`)).data._service.sdl as string;
    const composed = composeServices([
      { name: "intercom", url: stack.gateway.url, typeDefs: parse(sdl) },
      { name: "accounts", url: accountsUrl, typeDefs: parse(ACCOUNTS_SDL) },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    supergraph = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl! }) });
    ({ url: supergraphUrl } = await startStandaloneServer(supergraph, { listen: { port: 0, host: "127.0.0.1" } }));
  }, 60_000);

  afterAll(async () => {
    await supergraph?.stop();
    await accountsServer?.stop();
  });

  it("answers a query that crosses both subgraphs, at the loaders' upstream cost", async () => {
    stack.resetUpstream();
    const response = await fetch(supergraphUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ accounts { id name owner { id name email plan } openConversations { id state adminAssignee { name } } } }`,
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const ws = stack.sandbox.workspace;
    expect(body.data.accounts).toHaveLength(accounts.length);
    for (const [i, account] of body.data.accounts.entries()) {
      const owner = ws.contacts.find((c) => c.id === accounts[i]!.ownerId)!;
      expect(account.owner).toMatchObject({ id: owner.id, name: owner.name, email: owner.email });
      expect(["Enterprise", "Growth"]).toContain(account.owner.plan);
      expect(account.openConversations.map((c: any) => c.id)).toEqual(accounts[i]!.conversationIds);
      for (const conversation of account.openConversations) expect(conversation.state).toBe("OPEN");
    }

    // Upstream cost: one contact search for every owner, one conversation search for every
    // conversation (no parts selected), and one admins list if any of them is assigned to an admin.
    const conversationIds = new Set(accounts.flatMap((a) => a.conversationIds));
    const assigned = [...conversationIds].some((id) => ws.conversations.find((c) => c.id === id)!.admin_assignee_id !== null);
    const calls = stack.upstream().map((r) => `${r.method} ${r.path}`);
    expect(calls.sort()).toEqual(["POST /contacts/search", "POST /conversations/search", ...(assigned ? ["GET /admins"] : [])].sort());
  });
});
