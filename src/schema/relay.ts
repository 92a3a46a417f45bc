import { GraphQLError, Kind, parse, type DocumentNode, type FieldDefinitionNode, type GraphQLResolveInfo, type ObjectTypeDefinitionNode } from "graphql";
import type { GatewayContext } from "../server/context.js";

/**
 * Relay's Global Object Identification over the keyed types: each implements `Node` with a
 * `nodeId` unique across the graph (Intercom's own `id` stays as it is, so federation keys and
 * Apollo Client's `__typename:id` normalisation keep working; tags and help-center collections
 * share ids in Intercom, their `nodeId`s never collide). `node(id:)` and `nodes(ids:)` load
 * through the same per-request loaders as links and federation references, so 50 `nodes` cost
 * what 50 links cost. Relay finds the field through `schemaConfig.nodeInterfaceIdField: "nodeId"`.
 */

/** Longest global id accepted: an Intercom id is at most 256 characters (see UpstreamPath). */
const MAX_NODE_ID_LENGTH = 400;

/** `Contact` + `6543…` → an opaque, URL-safe id (base64url of `Contact:6543…`). */
export function toNodeId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, "utf8").toString("base64url");
}

/** The type and Intercom id a global id names, or undefined when it is not one of this graph's. */
export function fromNodeId(nodeId: unknown, nodeTypes: ReadonlySet<string>): { typename: string; id: string } | undefined {
  if (typeof nodeId !== "string" || nodeId.length === 0 || nodeId.length > MAX_NODE_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(nodeId)) return undefined;
  const match = /^([A-Za-z]+):(.+)$/s.exec(Buffer.from(nodeId, "base64url").toString("utf8"));
  if (!match || !nodeTypes.has(match[1]!)) return undefined;
  return { typename: match[1]!, id: match[2]! };
}

const NODE_INTERFACE = `
"""An object with a global id (Relay's Global Object Identification): fetch any of them again with \`node(id:)\`."""
interface Node {
  """Globally unique, opaque id of this object (its type and Intercom id): what \`node(id:)\` and \`nodes(ids:)\` take. \`id\` stays Intercom's own id."""
  nodeId: ID!
}`;

const NODE_QUERIES = `
type Query {
  """Any object by its global \`nodeId\` (Relay's refetch entry point); null with NOT_FOUND when it no longer exists, BAD_USER_INPUT when the id is not one of this graph's."""
  node("""A \`nodeId\` this graph gave out.""" id: ID!): Node
  """Objects by their global \`nodeId\`s, in the order asked, batched like links (50 contacts cost one search); an id that fails is null with its own error."""
  nodes("""\`nodeId\`s this graph gave out (at most 150).""" ids: [ID!]!): [Node]!
}`;

/** Most ids one `nodes` call may take: a page of the widest batch endpoint. */
export const MAX_NODES = 150;

/** The SDL with `Node`, `nodeId` on each node type, and `node`/`nodes` on Query. */
export function withNodeInterface(document: DocumentNode, nodeTypes: ReadonlySet<string>): DocumentNode {
  const [nodeInterface] = parse(NODE_INTERFACE).definitions;
  const nodeQueries = (parse(NODE_QUERIES).definitions[0] as ObjectTypeDefinitionNode).fields!;
  const nodeIdField = (nodeInterface as unknown as { fields: FieldDefinitionNode[] }).fields[0]!;
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return definition;
    if (definition.name.value === "Query") return { ...definition, fields: [...(definition.fields ?? []), ...nodeQueries] };
    if (!nodeTypes.has(definition.name.value)) return definition;
    return {
      ...definition,
      interfaces: [...(definition.interfaces ?? []), { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "Node" } }],
      fields: [nodeIdField, ...(definition.fields ?? [])],
    } as ObjectTypeDefinitionNode;
  });
  return { ...document, definitions: [...definitions, nodeInterface!] };
}

type Load = (id: string, context: GatewayContext, info: GraphQLResolveInfo) => Promise<unknown>;

/** Resolvers of `Node`, `nodeId` and `node`/`nodes`, loading each type through `loaders`. */
export function nodeResolvers(loaders: Record<string, Load>): Record<string, Record<string, unknown>> {
  const nodeTypes = new Set(Object.keys(loaders));
  // The type a loaded object was asked as: node/nodes know it from the id, Node's resolveType reads it back.
  const typeOf = new WeakMap<object, string>();
  const load = async (nodeId: unknown, context: GatewayContext, info: GraphQLResolveInfo) => {
    const named = fromNodeId(nodeId, nodeTypes);
    if (!named) throw new GraphQLError(`${JSON.stringify(String(nodeId).slice(0, 60))} is not a nodeId of this graph`, { extensions: { code: "BAD_USER_INPUT" } });
    const object = (await loaders[named.typename]!(named.id, context, info)) as object;
    typeOf.set(object, named.typename);
    return object;
  };
  const resolvers: Record<string, Record<string, unknown>> = {
    Node: { __resolveType: (object: object) => typeOf.get(object) ?? null },
    Query: {
      node: (_: unknown, { id }: { id: string }, context: GatewayContext, info: GraphQLResolveInfo) => load(id, context, info),
      nodes: (_: unknown, { ids }: { ids: string[] }, context: GatewayContext, info: GraphQLResolveInfo) => {
        if (ids.length > MAX_NODES) {
          throw new GraphQLError(`nodes takes at most ${MAX_NODES} ids, got ${ids.length}`, { extensions: { code: "BAD_USER_INPUT" } });
        }
        // Each id fails alone: its item is null with its own error.
        return ids.map((id) => load(id, context, info).catch((error: unknown) => error));
      },
    },
  };
  for (const typename of nodeTypes) resolvers[typename] = { nodeId: (object: { id: string }) => toNodeId(typename, String(object.id)) };
  return resolvers;
}
