import http from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHiveGateway, type HiveGateway } from "./support/hive-gateway.js";
import { startStack, type Stack } from "./support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, until } from "./support/webhooks.js";

/**
 * A subscription through a federation router: Hive Gateway (its CLI, a child process) over a
 * supergraph composed from this gateway's `_service { sdl }` and an accounts subgraph. The
 * client subscribes to the router over SSE; the router forwards the subscription to this
 * subgraph over SSE too (its default HTTP transport sends subscriptions as GET /graphql with
 * `Accept: text/event-stream`), and joins each event with the accounts subgraph's fields.
 * All on loopback: nothing reaches the network.
 */
const ACCOUNTS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Contact @key(fields: "id") {
    id: ID!
    plan: String!
  }

  type Query {
    plans: [String!]!
  }
`;

const planOf = (contactId: string) => (/[0-4]$/.test(contactId) ? "Growth" : "Enterprise");

let stack: Stack;
let accounts: http.Server;
let router: HiveGateway;

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
  const schema = buildSubgraphSchema({
    typeDefs: parse(ACCOUNTS_SDL),
    resolvers: {
      Query: { plans: () => ["Growth", "Enterprise"] },
      Contact: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), plan: (c: { id: string }) => planOf(c.id) },
    } as never,
  });
  accounts = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(await graphql({ schema, source: query, variableValues: variables, operationName })));
  });
  await new Promise<void>((resolve) => accounts.listen(0, "127.0.0.1", resolve));
  const sdl = (await stack.query(`{ _service { sdl } }`)).data._service.sdl as string;
  const composed = composeServices([
    { name: "intercom", url: stack.gateway.url, typeDefs: parse(sdl) },
    { name: "accounts", url: `http://127.0.0.1:${(accounts.address() as AddressInfo).port}/graphql`, typeDefs: parse(ACCOUNTS_SDL) },
  ]);
  expect(composed.errors ?? []).toEqual([]);
  router = await startHiveGateway({ supergraphSdl: composed.supergraphSdl!, startupTimeoutMs: 45_000 });
}, 90_000);

afterAll(async () => {
  await router?.close();
  accounts?.closeAllConnections();
  accounts?.close();
  await stack?.close();
});

it("a subscription through Hive Gateway receives the event, joined with another subgraph's fields", async () => {
  const conversation = stack.sandbox.workspace.conversations.find((c) => c.admin_assignee_id && c.contacts.contacts.length > 0)!;
  const item = await restObject(stack, `/conversations/${conversation.id}`);
  const controller = new AbortController();
  const res = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query: `subscription { conversationEvents { id topic conversation { id adminAssignee { name } contacts { id name plan } } } }` }),
    signal: controller.signal,
  });
  expect(res.status, router.output()).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  await until(() => stack.gateway.events.hub.size === 1, "the router to subscribe to the subgraph", 20_000);
  // Over SSE: Hive Gateway's default subgraph transport, nothing to configure.
  expect(stack.logs.map((l) => JSON.parse(l)).filter((l) => l.message === "subscription started").map((l) => l.transport)).toEqual(["sse"]);

  const n = notification("conversation.admin.replied", item);
  await postWebhook(stack.gateway.url, n);
  const reader = res.body!.getReader();
  let text = "";
  while (!/data: \{"data"/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
  while (!text.slice(text.indexOf('data: {"data"')).includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
  const data = JSON.parse(text.slice(text.indexOf('data: {"data"') + 6).split("\n")[0]!);
  expect(data.errors).toBeUndefined();
  const event = data.data.conversationEvents;
  expect(event).toMatchObject({ id: n.id, topic: "ADMIN_REPLIED", conversation: { id: conversation.id } });
  expect(event.conversation.adminAssignee.name).toEqual(expect.any(String));
  expect(event.conversation.contacts.length).toBeGreaterThan(0);
  for (const contact of event.conversation.contacts) expect(contact.plan).toBe(planOf(contact.id));
  controller.abort();
  // The router lets the subgraph's stream go when its client does.
  await until(() => stack.gateway.events.hub.size === 0, "the router to end the subgraph subscription", 20_000);
}, 60_000);
