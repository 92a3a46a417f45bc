import { isEnumType, isInputObjectType, isObjectType, isScalarType, isUnionType, type GraphQLSchema } from "graphql";

// Descriptions of what no decorator describes: the root types TypeGraphQL creates, and what
// @apollo/subgraph adds (`_service`, `_entities`, `_Any`, `_Entity`, `_Service`, the `@link`
// and federation directives and their scalars). Descriptions only: nothing is renamed or retyped.

const ROOT_TYPES: Record<string, string> = {
  Query:
    "Reads. Every field wraps one Intercom 2.11 operation (its description ends with `REST: METHOD /path`); links on the objects it returns batch through per-request loaders. A field that fails upstream is null with a coded error, the rest of the answer stays.",
  Subscription:
    "Events: Intercom's webhook notifications, verified and de-duplicated, as typed events whose objects are full graph nodes. Served over WebSocket (graphql-ws, on /graphql) and Server-Sent Events (/graphql/stream, or /graphql with `Accept: text/event-stream`), not over plain POST; a subscriber only ever receives its own workspace's events.",
  Mutation:
    "Writes. Each wraps one Intercom 2.11 operation (its description ends with `REST: METHOD /path`), is sent once and never replayed, and answers the changed object; later reads in the same request see the change.",
};

const FEDERATION_TYPES: Record<string, string> = {
  _Any: "Apollo Federation: an entity representation, `{ __typename, id }`, as a router sends it to `_entities`.",
  _Entity: "Apollo Federation: the types other subgraphs can reference by key (`@key(fields: \"id\")`).",
  _Service: "Apollo Federation: this subgraph, as a router sees it.",
  link__Import: "Apollo Federation (`@link`): the names `@link` imports from a specification, e.g. `[\"@key\"]`.",
  link__Purpose: "Apollo Federation (`@link`): what a linked specification is for.",
  federation__FieldSet: "Apollo Federation: a selection of fields, such as the `fields` of `@key`.",
};

const FEDERATION_FIELDS: Record<string, Record<string, string>> = {
  Query: {
    _entities:
      "Apollo Federation: the entities a router asks for by key, in the order of `representations`; each resolves through the same per-request loaders as links (50 Contact references cost one upstream search). A malformed representation is a BAD_USER_INPUT error for that item alone. For routers, not clients.",
    _service: "Apollo Federation: this subgraph's SDL, which a router composes into the supergraph. For routers, not clients.",
  },
  _Service: { sdl: "The subgraph's schema in SDL, with its `@link` and `@key` directives." },
};

const FEDERATION_ARGUMENTS: Record<string, Record<string, Record<string, string>>> = {
  Query: { _entities: { representations: "The entity references to resolve: objects with `__typename` (an entity type) and `id`." } },
};

const FEDERATION_DIRECTIVES: Record<string, { description: string; args?: Record<string, string> }> = {
  link: {
    description: "Links a specification (here Apollo Federation 2) into the schema, importing some of its names.",
    args: {
      url: "The URL of the specification, with its version.",
      as: "The namespace prefix of the specification's names that are not imported.",
      for: "What the specification is for; routers that don't support a SECURITY or EXECUTION link refuse the schema.",
      import: "The names (directives, types) used without the namespace prefix.",
    },
  },
  key: {
    description: "Apollo Federation: the fields that identify an entity, by which other subgraphs can reference it.",
    args: {
      fields: "The key's fields (here `id`).",
      resolvable: "Whether this subgraph resolves references to the entity through `_entities` (default true).",
    },
  },
  federation__requires: {
    description: "Apollo Federation: fields of an entity, resolved by another subgraph, that this field needs to resolve.",
    args: { fields: "The fields required." },
  },
  federation__provides: {
    description: "Apollo Federation: fields of the returned entity that this field can resolve itself.",
    args: { fields: "The fields provided." },
  },
  federation__external: {
    description: "Apollo Federation: a field this subgraph declares but another subgraph resolves.",
    args: { reason: "Why the field is external." },
  },
  federation__tag: {
    description: "Apollo Federation: a label on a schema element, for contracts and tooling.",
    args: { name: "The label." },
  },
  federation__extends: { description: "Apollo Federation: marks a type as an extension of a type another subgraph defines." },
  federation__shareable: { description: "Apollo Federation: a field (or a type's fields) that several subgraphs can resolve." },
  federation__inaccessible: { description: "Apollo Federation: an element the router hides from clients of the supergraph." },
  federation__override: {
    description: "Apollo Federation: this subgraph takes over resolving a field from another subgraph.",
    args: { from: "The name of the subgraph the field moves from." },
  },
  federation__composeDirective: {
    description: "Apollo Federation: a custom directive to keep in the composed supergraph.",
    args: { name: "The directive's name, with its `@`." },
  },
  federation__interfaceObject: { description: "Apollo Federation: an object type that stands for an entity interface defined in another subgraph." },
};

/** Describes the root types of the TypeGraphQL schema (before federation, so `_service { sdl }` carries them). */
export function withRootDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, description] of Object.entries(ROOT_TYPES)) {
    const type = schema.getType(name);
    if (type && !type.description) type.description = description;
  }
  return schema;
}

/** Describes what @apollo/subgraph adds to the served schema, where it left it undescribed. */
export function withFederationDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, description] of Object.entries(FEDERATION_TYPES)) {
    const type = schema.getType(name);
    if (type && (isScalarType(type) || isUnionType(type) || isObjectType(type) || isEnumType(type) || isInputObjectType(type))) {
      type.description ||= description;
    }
  }
  for (const [typeName, fields] of Object.entries(FEDERATION_FIELDS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const [fieldName, description] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (field) field.description ||= description;
      for (const [argName, argDescription] of Object.entries(FEDERATION_ARGUMENTS[typeName]?.[fieldName] ?? {})) {
        const arg = field?.args.find((a) => a.name === argName);
        if (arg) arg.description ||= argDescription;
      }
    }
  }
  for (const [name, { description, args }] of Object.entries(FEDERATION_DIRECTIVES)) {
    const directive = schema.getDirective(name);
    if (!directive) continue;
    directive.description ||= description;
    for (const arg of directive.args) arg.description ||= args?.[arg.name];
  }
  return schema;
}
