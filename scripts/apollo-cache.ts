// What Apollo Client's InMemoryCache needs to know about the graph (written by `npm run schema`
// to apollo-cache.json): `possibleTypes` for fragments on the Author and Node interfaces, and a
// `merge: true` type policy for every object type without an `id`.
import { isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from "graphql";

export interface ApolloCacheConfig {
  possibleTypes: Record<string, string[]>;
  typePolicies: Record<string, { merge: true }>;
}

/**
 * Types with an `id` normalise by `__typename:id` as they are. A type without one is stored
 * inside its parent's field; two queries that select different fields of it (an inbox's
 * `conversationRating { rating }`, a detail view's `conversationRating { remark }`) would make the
 * second replace the first ("Cache data may be lost…"). Such a value always belongs to the one
 * parent field it was read from (arguments are part of the store key), so merging is safe.
 */
export function apolloCacheConfig(schema: GraphQLSchema): ApolloCacheConfig {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  const possibleTypes: Record<string, string[]> = {};
  const typePolicies: Record<string, { merge: true }> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (type.name.startsWith("_")) continue; // introspection and federation's own types
    if (isInterfaceType(type) || isUnionType(type)) {
      possibleTypes[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
    } else if (isObjectType(type) && !roots.has(type.name) && !("id" in type.getFields())) {
      typePolicies[type.name] = { merge: true };
    }
  }
  return { possibleTypes, typePolicies };
}
