import type { ApolloServerPlugin } from "@apollo/server";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "../config.js";
import { ENTITIES } from "../schema/federation.js";

export { DEFAULT_QUERY_LIMITS, type QueryLimits };
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";


/**
 * Links that cost one upstream request per parent: the REST API has no batch endpoint for
 * them (see DESIGN.md's loader catalogue). Every other link is batched or read from a
 * whole-workspace list, so it costs one request however many parents ask.
 */
export const PER_PARENT_LINKS: ReadonlySet<string> = new Set([
  "Conversation.conversationParts",
  "Contact.companies",
  "Contact.segments",
  "Contact.notes",
  "Contact.subscriptionTypes",
  "Company.contacts",
  "Company.segments",
  "Newsfeed.items",
  "LinkedObject.object",
  "Message.conversation",
]);

/** How many items a list field is assumed to return when its `first` is not given. */
const DEFAULT_LIST_SIZE = 20;

interface Measure {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

function listSize(node: FieldNode, variables: Record<string, unknown>): number {
  const first = node.arguments?.find((a) => a.name.value === "first");
  if (!first) return DEFAULT_LIST_SIZE;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) {
    const value = variables[first.value.name.value];
    return typeof value === "number" ? value : DEFAULT_LIST_SIZE;
  }
  return DEFAULT_LIST_SIZE;
}

/** Measures an operation: depth, aliases, root fields, and the upstream requests it may cost. */
export function measure(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const result: Measure = { depth: 0, aliases: 0, rootFields: 0, cost: 0 };
  const batchedLinks = new Set<string>();

  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, depth: number, parents: number, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        walk(on, fragment.selectionSet, depth, parents, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
        walk(on, selection.selectionSet, depth, parents, seen);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue; // introspection costs nothing upstream
      if (selection.alias) result.aliases++;
      if (depth === 1) {
        result.rootFields++;
        result.cost++;
      }
      result.depth = Math.max(result.depth, depth);
      const field: GraphQLField<unknown, unknown> | undefined =
        isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (!field || !selection.selectionSet) continue;
      const key = `${type.name}.${name}`;
      const nullable = getNullableType(field.type);
      const named = getNamedType(field.type);
      // A connection's size is counted where it is asked for (`first`): its nodes, edges and
      // edges' node are those same items, fetched by the same call.
      const withinConnection =
        ((isObjectType(type) && "pageInfo" in type.getFields()) && (name === "nodes" || name === "edges")) ||
        (type.name.endsWith("Edge") && name === "node");
      if (depth > 1 && PER_PARENT_LINKS.has(key)) result.cost += parents;
      // A nested field returning an entity is a link through a loader: one batch per request.
      else if (depth > 1 && !withinConnection && named.name in ENTITIES) batchedLinks.add(key);
      const isConnection = isObjectType(named) && "pageInfo" in named.getFields();
      const size = withinConnection ? 1 : isListType(nullable) || isConnection ? listSize(selection, variables) : 1;
      if (isObjectType(named) || isInterfaceType(named) || isUnionType(named)) {
        walk(named, selection.selectionSet, depth + 1, parents * size, seen);
      }
    }
  };
  walk(root, selectionSet, 1, 1, new Set());
  result.cost += batchedLinks.size;
  return result;
}

function limitError(limit: string, value: number, max: number): GraphQLError {
  return new GraphQLError(`Query ${limit} is ${value}, over the limit of ${max}. Split the query or ask for fewer items.`, {
    extensions: { code: "QUERY_TOO_COMPLEX", limit, value, max, http: { status: 400 } },
  });
}

/** Rejects, before any upstream call, operations over the configured limits. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const root =
            operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
          if (!root) return;
          const m = measure(schema, root, operation.selectionSet, fragments, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw limitError("depth", m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw limitError("aliases", m.aliases, limits.maxAliases);
          if (m.rootFields > limits.maxRootFields) throw limitError("root fields", m.rootFields, limits.maxRootFields);
          if (m.cost > limits.maxCost) throw limitError("estimated cost (upstream requests)", m.cost, limits.maxCost);
        },
      };
    },
  };
}
