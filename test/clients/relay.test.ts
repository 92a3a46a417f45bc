import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createClient } from "graphql-ws";
import { Environment, Network, Observable, RecordSource, Store, requestSubscription, type GraphQLResponse, type GraphQLTaggedNode } from "relay-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLIENT_SCHEMA_FILE } from "../../scripts/schema.js";
import { startStack, type Stack } from "../support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, until } from "../support/webhooks.js";

/**
 * Relay over the published client schema, with Relay's own compiler (relay-compiler ships its
 * binary in the npm package): a `@refetchable` fragment on Contact, a `@connection` on
 * Contact.conversations paged with its generated query, a `node(id:)` query and a subscription.
 * The generated queries then run against the gateway and must return the same objects as the root
 * fields; the subscription runs in relay-runtime over graphql-ws, as the README sets it up.
 */
const CLIENT_SCHEMA = CLIENT_SCHEMA_FILE;
const RELAY_COMPILER = path.resolve("node_modules/.bin/relay-compiler");

const SOURCES = `
const graphql = (s: TemplateStringsArray) => s;
export const card = graphql\`
  fragment ContactCard_contact on Contact @refetchable(queryName: "ContactCardRefetchQuery") { id name email }
\`;
export const conversations = graphql\`
  fragment ContactConversations_contact on Contact
  @refetchable(queryName: "ContactConversationsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    conversations(first: $count, after: $cursor) @connection(key: "ContactConversations_conversations") {
      edges { node { id state } }
    }
  }
\`;
export const page = graphql\`
  query ContactPageQuery($id: ID!) { contact(id: $id) { ...ContactCard_contact ...ContactConversations_contact } }
\`;
export const node = graphql\`
  query NodeQuery($id: ID!) { node(id: $id) { __typename nodeId ... on Contact { id name email } } }
\`;
export const events = graphql\`
  subscription ConversationEventsSubscription($filter: ConversationEventFilter) {
    conversationEvents(filter: $filter) { id topic conversation { id state adminAssignee { name } } }
  }
\`;
`;

let stack: Stack;
let project: string;
let compiled: { code: number | null; output: string };

/** The operation text relay-compiler wrote into a generated artifact. */
function operationText(name: string): string {
  const artifact = readFileSync(path.join(project, "src/__generated__", `${name}.graphql.ts`), "utf8");
  const match = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact);
  if (!match) throw new Error(`no operation text in ${name}.graphql.ts`);
  return JSON.parse(match[1]!) as string;
}

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
  project = mkdtempSync(path.join(tmpdir(), "relay-project-"));
  mkdirSync(path.join(project, "src/__generated__"), { recursive: true });
  writeFileSync(path.join(project, "src/contact.ts"), SOURCES);
  writeFileSync(
    path.join(project, "relay.config.json"),
    JSON.stringify({
      src: "./src",
      schema: CLIENT_SCHEMA,
      language: "typescript",
      artifactDirectory: "./src/__generated__",
      // `id` stays Intercom's own; Relay's global id is `nodeId` (see the README).
      schemaConfig: { nodeInterfaceIdField: "nodeId" },
    }),
  );
  compiled = await promisify(execFile)(RELAY_COMPILER, [], { cwd: project, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ""}${error.stderr ?? ""}` }),
  );
}, 90_000);
afterAll(async () => {
  await stack.close();
  rmSync(project, { recursive: true, force: true });
});

describe("relay-compiler over schema.client.graphql", () => {
  it("compiles a @refetchable fragment, a @connection, a node query and a subscription", () => {
    expect(compiled.output).toContain("Compilation completed");
    expect(compiled.code).toBe(0);
  });

  it("the generated queries return the same objects as the root fields", async () => {
    // A contact with at least three conversations, so the connection has a second page.
    const list = await stack.query(`{ contacts(first: 60) { nodes { id conversations(first: 3) { totalCount } } } }`);
    const contact = list.data.contacts.nodes.find((c: { conversations: { totalCount: number } }) => c.conversations.totalCount >= 3);
    expect(contact).toBeDefined();

    const page = await stack.query(operationText("ContactPageQuery"), { id: contact.id });
    expect(page.errors).toBeUndefined();
    const { nodeId } = page.data.contact;
    const first = page.data.contact.conversations;
    expect(first.edges).toHaveLength(2);

    // The refetch query Relay generated for the fragment: node(id: $nodeId).
    const refetch = await stack.query(operationText("ContactCardRefetchQuery"), { nodeId });
    const root = await stack.query(`query ($id: ID!) { contact(id: $id) { id name email } }`, { id: contact.id });
    expect(refetch.data.node).toMatchObject(root.data.contact);

    // usePaginationFragment's query, from the first page's end cursor.
    const next = await stack.query(operationText("ContactConversationsPaginationQuery"), { nodeId, count: 2, cursor: first.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const direct = await stack.query(`query ($id: ID!, $after: String) { contact(id: $id) { conversations(first: 2, after: $after) { edges { node { id } } } } }`, {
      id: contact.id,
      after: first.pageInfo.endCursor,
    });
    const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((e) => e.node.id);
    expect(ids(next.data.node.conversations)).toEqual(ids(direct.data.contact.conversations));
    expect(ids(next.data.node.conversations)).not.toEqual(ids(first));

    const node = await stack.query(operationText("NodeQuery"), { id: nodeId });
    expect(node.data.node).toEqual({ __typename: "Contact", nodeId, ...root.data.contact });
  });

  it("requestSubscription over graphql-ws: the event arrives and Relay's store holds the conversation, by nodeId, in its new state", async () => {
    // The artifact relay-compiler wrote (TypeScript; vitest strips its types on import).
    const { default: subscription } = (await import(path.join(project, "src/__generated__/ConversationEventsSubscription.graphql.ts"))) as { default: GraphQLTaggedNode };
    const wsClient = createClient({ url: stack.gateway.url.replace(/^http/, "ws"), webSocketImpl: WebSocket });
    const environment = new Environment({
      network: Network.create(
        async (request, variables) => {
          const res = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: request.text, variables }) });
          return (await res.json()) as GraphQLResponse;
        },
        // The README's line: graphql-ws's client drives Relay's sink, and its unsubscribe is the cleanup.
        // <any>: graphql-ws types a result's data as possibly null, Relay's GraphQLResponse does not.
        (request, variables) => Observable.create<any>((sink) => wsClient.subscribe({ operationName: request.name, query: request.text!, variables }, sink)),
      ),
      store: new Store(new RecordSource()),
      // Relay's store keys records by `id` unless told otherwise, and Intercom's ids repeat across
      // types; objects without a nodeId get Relay's client ids (by their path), as id-less ones do.
      getDataID: (value) => value.nodeId,
    });
    const conversation = stack.sandbox.workspace.conversations.find((c) => c.state === "open")!;
    const { data } = await stack.query(`query ($id: ID!) { conversation(id: $id) { nodeId } }`, { id: conversation.id });

    const received: any[] = [];
    const disposable = requestSubscription(environment, {
      subscription,
      variables: { filter: { conversationIds: [conversation.id] } },
      onNext: (response) => received.push(response),
      onError: (error) => received.push({ error }),
    });
    await until(() => stack.gateway.events.hub.size === 1, "the subscription");
    const item = await restObject(stack, `/conversations/${conversation.id}`);
    const n = notification("conversation.admin.closed", { ...item, state: "closed", open: false });
    await postWebhook(stack.gateway.url, n);
    await until(() => received.length > 0, "the event");
    expect(received[0].conversationEvents).toMatchObject({ id: n.id, topic: "ADMIN_CLOSED", conversation: { id: conversation.id, state: "CLOSED" } });
    // The record a query of the same conversation would read: keyed by the gateway's nodeId.
    const record = environment.getStore().getSource().get(data.conversation.nodeId);
    expect(record).toMatchObject({ __typename: "Conversation", id: conversation.id, nodeId: data.conversation.nodeId, state: "CLOSED" });
    disposable.dispose();
    await until(() => stack.gateway.events.hub.size === 0, "the subscription to end");
    await wsClient.dispose();
  });
});
