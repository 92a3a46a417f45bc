import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_SCHEMA_FILE } from "../../scripts/schema.js";
import { startStack, type Stack } from "../support/stack.js";

/**
 * Relay over the published client schema, with Relay's own compiler (relay-compiler ships its
 * binary in the npm package): a `@refetchable` fragment on Contact, a `@connection` on
 * Contact.conversations paged with its generated query, and a `node(id:)` query. The generated
 * queries then run against the gateway and must return the same objects as the root fields.
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
  stack = await startStack();
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
  it("compiles a @refetchable fragment, a @connection and a node query", () => {
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
});
