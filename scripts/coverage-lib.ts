// Compares the graph with the Intercom 2.11 OpenAPI document, both ways: which root field wraps
// each operation (from the `REST: METHOD /path` line that ends every root field's description),
// which response-schema properties a field's GraphQL type lacks, and which fields of the
// generated types no document property gives (links and computed fields are named graph-only in
// scripts/graph-mapping.ts).
import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { GRAPH_MAPPING } from "./graph-mapping.js";
import type { Model } from "./generator/model.js";

const { omissions: DELIBERATE_OMISSIONS, splitOperations: SPLIT_OPERATIONS } = GRAPH_MAPPING;

type Json = any;

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
}

export interface RootField {
  kind: "Query" | "Mutation";
  name: string;
  description: string;
  field: GraphQLField<unknown, unknown>;
  /** "GET /admins", from the description's last line. */
  rest: string | null;
}

const METHODS = ["get", "post", "put", "delete", "patch"];
export const REST_LINE = /\nREST: (GET|POST|PUT|DELETE|PATCH) (\S+)\s*$/;

export function operationsOf(spec: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op?.operationId) {
        ops.push({ method: method.toUpperCase(), path, operationId: op.operationId, summary: op.summary ?? "", tags: op.tags ?? [] });
      }
    }
  }
  return ops;
}

export function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  const roots: Array<[RootField["kind"], GraphQLObjectType | null | undefined]> = [
    ["Query", schema.getQueryType()],
    ["Mutation", schema.getMutationType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => {
      const description = field.description ?? "";
      const match = REST_LINE.exec(description);
      return { kind, name: field.name, description, field, rest: match ? `${match[1]} ${match[2]}` : null };
    }),
  );
}

export interface OperationCoverage {
  covered: Array<{ operation: Operation; field: RootField }>;
  missing: Operation[];
  /** Root fields naming an operation the document lacks. */
  unknown: RootField[];
  /** Operations named by more than one root field. */
  duplicated: Array<{ operation: Operation; fields: RootField[] }>;
  /** Root fields whose description does not carry the document's summary. */
  withoutSummary: Array<{ operation: Operation; field: RootField }>;
}

export function operationCoverage(spec: Json, schema: GraphQLSchema): OperationCoverage {
  const operations = operationsOf(spec);
  const fields = rootFieldsOf(schema).filter((f) => f.rest !== null && !f.name.startsWith("_"));
  const byKey = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  const result: OperationCoverage = { covered: [], missing: [], unknown: [], duplicated: [], withoutSummary: [] };
  for (const field of fields) if (!byKey.has(field.rest!)) result.unknown.push(field);
  for (const operation of operations) {
    const named = fields.filter((f) => f.rest === `${operation.method} ${operation.path}`);
    if (named.length === 0) result.missing.push(operation);
    const split = SPLIT_OPERATIONS[`${operation.method} ${operation.path}`];
    const isDeliberateSplit = split && named.map((f) => f.name).sort().join() === [...split.fields].sort().join();
    if (named.length > 1 && !isDeliberateSplit) result.duplicated.push({ operation, fields: named });
    for (const field of named) {
      result.covered.push({ operation, field });
      const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
      if (!normalise(field.description).includes(normalise(operation.summary))) result.withoutSummary.push({ operation, field });
    }
  }
  return result;
}

// ---------------------------------------------------------------- response properties

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function resolveRef(spec: Json, node: Json): Json {
  let current = node;
  for (let i = 0; current && current.$ref && i < 10; i++) {
    current = spec.components.schemas[String(current.$ref).replace("#/components/schemas/", "")];
  }
  return current ?? {};
}

/** Properties of an object schema, with allOf merged; oneOf/anyOf variants merged too. */
function propertiesOf(spec: Json, node: Json): Record<string, Json> {
  const schema = resolveRef(spec, node);
  const props: Record<string, Json> = { ...(schema.properties ?? {}) };
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    Object.assign(props, propertiesOf(spec, part));
  }
  return props;
}

function isArraySchema(spec: Json, node: Json): boolean {
  return resolveRef(spec, node).type === "array";
}

function unwrap(type: GraphQLOutputType): { named: GraphQLNamedType; list: boolean } {
  let list = false;
  for (let current: GraphQLOutputType = type; ; ) {
    if (isNonNullType(current)) current = current.ofType;
    else if (isListType(current)) {
      list = true;
      current = current.ofType as GraphQLOutputType;
    } else return { named: current, list };
  }
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;
const isComposite = (t: GraphQLNamedType): t is Composite => isObjectType(t) || isInterfaceType(t);

/** A connection's node type, or the type itself. */
function nodeTypeOf(type: Composite): { type: Composite; list: boolean } {
  const fields = type.getFields();
  if (fields.nodes && fields.pageInfo) {
    const node = getNamedType(fields.nodes.type);
    if (isComposite(node)) return { type: node, list: true };
  }
  return { type, list: false };
}

/** What the mapping table says of a type's REST properties: the fields each becomes, and what it leaves out. */
export interface PropertyNames {
  fieldsOf(type: string, prop: string): string[];
  omitted(type: string, prop: string): boolean;
}

/** The names the generator gave, from its model (plus the table's omissions). */
export function mappedNames(model: Model): PropertyNames {
  const byType = new Map(model.types.map((t) => [t.name, t]));
  return {
    fieldsOf: (type, prop) => byType.get(type)?.fields.filter((f) => f.prop === prop).map((f) => f.name) ?? [],
    omitted: (type, prop) => `${type}.${prop}` in DELIBERATE_OMISSIONS || prop in (byType.get(type)?.omitted ?? {}),
  };
}

const NO_NAMES: PropertyNames = { fieldsOf: () => [], omitted: (type, prop) => `${type}.${prop}` in DELIBERATE_OMISSIONS };

/** Field of `type` that carries property `prop` (as the table maps it, camelCase, or a link/list name for ids). */
function fieldFor(type: Composite, prop: string, arrayProp: boolean, names: PropertyNames): GraphQLField<unknown, unknown> | undefined {
  const fields = type.getFields();
  const name = camel(prop);
  const candidates = [...names.fieldsOf(type.name, prop), name];
  if (name.endsWith("Id")) candidates.push(name.slice(0, -2));
  if (name.endsWith("Ids")) candidates.push(name.slice(0, -3) + "s");
  if (arrayProp) candidates.push("nodes");
  return candidates.map((c) => fields[c]).find(Boolean);
}

/**
 * Lists "Type.property" for each property of `schema` (recursively, through nested objects and
 * list wrappers) that `type` has no field for and that the mapping table does not leave out.
 */
export function missingProperties(spec: Json, schemaNode: Json, returnType: GraphQLOutputType, names: PropertyNames = NO_NAMES): string[] {
  const gaps = new Set<string>();
  const seen = new Set<string>();

  const visit = (node: Json, type: Composite, listExpected: boolean) => {
    const schema = resolveRef(spec, node);
    const key = `${JSON.stringify(node).slice(0, 200)}|${type.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (schema.type === "array" && schema.items) return visit(schema.items, type, false);
    const props = propertiesOf(spec, schema);
    // A list wrapper ({type, admins: [...], total_count, pages}) answered by a list or a connection.
    if (listExpected) {
      const arrays = Object.entries(props).filter(([, p]) => isArraySchema(spec, p));
      if (arrays.length === 1) return visit(arrays[0]![1], type, false);
      // A map keyed by locale (or another key) whose values share one schema, answered as a list.
      const values = Object.entries(props).filter(([name]) => name !== "type").map(([, p]) => p?.$ref);
      if (values.length >= 3 && values.every((ref) => ref && ref === values[0])) return visit({ $ref: values[0] }, type, false);
    }
    for (const [prop, propSchema] of Object.entries(props)) {
      if (prop === "type" && !type.getFields().type) continue; // the discriminator is __typename
      if (names.omitted(type.name, prop)) continue;
      const field = fieldFor(type, prop, isArraySchema(spec, propSchema), names);
      if (!field) {
        gaps.add(`${type.name}.${prop}`);
        continue;
      }
      const { named, list } = unwrap(field.type);
      if (!isComposite(named)) continue;
      const target = nodeTypeOf(named);
      const resolved = resolveRef(spec, propSchema);
      if (resolved.type === "object" || resolved.properties || resolved.allOf || resolved.type === "array") {
        visit(propSchema, target.type, list || target.list);
      }
    }
  };

  const { named, list } = unwrap(returnType);
  if (isComposite(named)) {
    const target = nodeTypeOf(named);
    visit(schemaNode, target.type, list || target.list);
  }
  return [...gaps].sort();
}

/** The 200/201/202 JSON response schema the document gives an operation, if any. */
export function responseSchemaOf(spec: Json, operation: Operation): Json | undefined {
  const responses = spec.paths[operation.path][operation.method.toLowerCase()].responses ?? {};
  for (const status of ["200", "201", "202"]) {
    const schema = responses[status]?.content?.["application/json"]?.schema;
    if (schema) return schema;
  }
  return undefined;
}

/**
 * The other way: "Type.field" for each field of a generated type (as the schema serves it) that no
 * property of the document gives and the table does not name graph-only, and "Type.field (graph-only)"
 * for each graph-only name the type no longer has. Run with a model built from the document as it is,
 * a property the document dropped shows up here (the committed generated class still has its field).
 */
export function unmappedFields(model: Model, schema: GraphQLSchema): string[] {
  const gaps: string[] = [];
  const byName = new Map(model.types.map((t) => [t.name, t]));
  for (const t of model.types) {
    const type = schema.getType(t.name);
    if (!isObjectType(type)) {
      gaps.push(`${t.name} (not in the schema)`);
      continue;
    }
    const known = new Set(["nodeId", ...Object.keys(t.graphOnly)]);
    for (let p: typeof t | undefined = t; p; p = p.extends ? byName.get(p.extends) : undefined) {
      for (const f of p.fields) known.add(f.name);
      for (const name of Object.keys(p.graphOnly)) known.add(name);
    }
    const served = type.getFields();
    for (const name of Object.keys(served)) if (!known.has(name)) gaps.push(`${t.name}.${name}`);
    for (const name of Object.keys(t.graphOnly)) if (!(name in served)) gaps.push(`${t.name}.${name} (graph-only, but the type has no such field)`);
  }
  return gaps;
}
