// The document and the mapping table → a model of what to emit: REST interfaces, graph types,
// their fields (name, graph type, nullability, description, how to read them) and enums.
// Every mismatch between the table and the document is collected and reported at once.
import type { EnumMapping, FieldMapping, GraphMapping, TypeMapping } from "./mapping-types.js";
import { component, objectOf, patched, refName, resolve, schemaAt, splitPath, type Json, type Spec } from "./spec.js";

export type Scalar = "ID" | "String" | "Int" | "Float" | "Boolean" | "DateTime" | "JSON" | "JSONObject";
export const SCALARS: readonly string[] = ["ID", "String", "Int", "Float", "Boolean", "DateTime", "JSON", "JSONObject"];

/** One step of reading a field from its REST object: a property (optional-chained or not) or "each item". */
export type Step = { prop: string; optional: boolean } | "[]";

export interface ModelField {
  name: string;
  /** The REST property it comes from (its first step). */
  prop: string;
  steps: Step[];
  /** Schema path of the value read ("admin.team_ids"). */
  path: string;
  kind: "scalar" | "enum" | "object";
  type: string;
  list: boolean;
  /** A list of lists (computed fields only). */
  nested?: boolean;
  /** A list whose items may be null: a null item carries nothing, it is dropped. */
  presentItems?: boolean;
  nullable: boolean;
  description: string;
  default?: string;
  link?: string;
  /** "" and 0 read as null. */
  emptyIsNull?: boolean;
  /** Published as deprecated (the reason). */
  deprecated?: string;
  /** Kept on the object, not published (why). */
  hidden?: string;
  /** Declared for the graph, set by hand-written code (why). */
  computed?: string;
  /** Read through a hand-written converter. */
  via?: string;
  /** Declared by the type this one extends. */
  inherited?: boolean;
}

export interface ModelType {
  name: string;
  group: string;
  schemas: string[];
  extends?: string;
  finish?: string;
  /** The REST type the reducer takes (a TypeScript type expression over the REST interfaces). */
  restType: string;
  /** Its shapes' REST types, each with the properties (of other shapes) it lacks. */
  shapes: Array<{ restType: string; lacks: string[] }>;
  description: string;
  implements: string[];
  fields: ModelField[];
  omitted: Record<string, string>;
  graphOnly: Record<string, string>;
}

export interface ModelEnum {
  name: string;
  group: string;
  description: string;
  values: Array<{ name: string; value: string; description: string }>;
}

export interface ModelRest {
  component: string;
  name: string;
  group: string;
}

export interface Model {
  spec: Spec;
  /** What the table and the document disagree on (only for a document the gateway is not built on: else an error). */
  problems: string[];
  types: ModelType[];
  enums: ModelEnum[];
  rest: ModelRest[];
  interfaces: Record<string, string>;
  handWritten: Record<string, string>;
}

export const pascal = (s: string) => s.replace(/(^|_|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
export const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const restName = (componentName: string) => `Rest${pascal(componentName)}`;
export const upperSnake = (value: string) =>
  value
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .toUpperCase();

/** The document's description as a sentence: one line, capitalised, ending with a full stop. */
export function sentence(text: string | undefined): string {
  let s = (text ?? "").replace(/\s+/g, " ").trim();
  if (!s) return "";
  s = s[0]!.toUpperCase() + s.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

const withLink = (description: string, link: string | undefined) =>
  link ? `${description.replace(/\.$/, "")} (see \`${link}\`).` : description;

/** The TypeScript type of the REST value at a schema path, over the generated interfaces. */
function restTypeAt(spec: Spec, schemaPath: string): string {
  const [head, ...steps] = splitPath(schemaPath);
  let expr = restName(head!);
  let node: Json = { $ref: `#/components/schemas/${head}` };
  for (const step of steps) {
    node = step === "[]" ? resolve(spec, node).schema.items : objectOf(spec, node).properties[step];
    // A value that is a component (directly or as the document's one-part allOf) is its interface.
    const ref = resolve(spec, node).ref;
    expr = ref ? restName(ref) : step === "[]" ? `${expr}[number]` : `NonNullable<${expr}["${step}"]>`;
  }
  return expr;
}

/**
 * Strict (the gateway's own document): any disagreement is an error. Not strict (another version,
 * to see what an upgrade would change): disagreements are listed, and what they touch is left out.
 */
export function buildModel(original: Spec, mapping: GraphMapping, { strict = true } = {}): Model {
  const problems: string[] = [];
  const spec = patched(original, mapping.patches, problems);
  const types: ModelType[] = [];
  const schemaOwner = new Map<string, string>();
  for (const [name, t] of Object.entries(mapping.types)) {
    for (const schema of schemasOf(t)) {
      if (schemaOwner.has(schema)) problems.push(`${name}: schema ${schema} is already mapped by ${schemaOwner.get(schema)}`);
      schemaOwner.set(schema, name);
    }
  }
  const enumOf = new Map<string, string>();
  for (const [name, e] of Object.entries(mapping.enums)) for (const p of e.schema) enumOf.set(p, name);

  const enums: ModelEnum[] = Object.entries(mapping.enums).map(([name, e]) => enumModel(spec, name, e, problems));

  for (const [name, t] of Object.entries(mapping.types)) {
    try {
      types.push(typeModel(spec, mapping, name, t, schemaOwner, enumOf, problems));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  // A field whose type could not be built goes with it.
  const built = new Set([...types, ...enums].map((t) => t.name));
  for (const t of types) {
    t.fields = t.fields.filter((f) => f.kind === "scalar" || built.has(f.type) || !problems.push(`${t.name}.${f.name}: its type ${f.type} is left out`));
  }
  const extended = types.filter((t) => !t.extends || built.has(t.extends) || !problems.push(`${t.name}: extends ${t.extends}, left out`));
  for (const t of extended) if (t.extends) inherit(t, extended, problems);
  const rest = restModel(spec, mapping, extended, problems);
  if (problems.length && strict) throw new Error(`The mapping table and ${spec.file} disagree:\n  ${problems.join("\n  ")}`);
  return { spec, problems, types: extended, enums, rest, interfaces: mapping.interfaces, handWritten: mapping.handWritten };
}

const schemasOf = (t: TypeMapping) => (Array.isArray(t.schema) ? t.schema : [t.schema]);

/** A type that extends another reads the shared fields itself but declares only its own. */
function inherit(t: ModelType, types: ModelType[], problems: string[]): void {
  const parent = types.find((p) => p.name === t.extends);
  if (!parent) return void problems.push(`${t.name}: extends ${t.extends}, which is not a mapped type`);
  for (const f of t.fields) {
    const shared = parent.fields.find((p) => p.name === f.name);
    if (!shared) continue;
    if (shared.type !== f.type || shared.list !== f.list || (f.nullable && !shared.nullable)) {
      problems.push(`${t.name}.${f.name}: ${f.type}${f.list ? "[]" : ""}${f.nullable ? "" : "!"} here, ${shared.type}${shared.list ? "[]" : ""}${shared.nullable ? "" : "!"} in ${parent.name}`);
    }
    // Declared by the parent: its description and nullability are the field's.
    Object.assign(f, { inherited: true, description: shared.description, nullable: shared.nullable });
  }
}

function enumModel(spec: Spec, name: string, e: EnumMapping, problems: string[]): ModelEnum {
  for (const p of e.schema) {
    let documented: string[] = [];
    try {
      const node = resolve(spec, schemaAt(spec, p)).schema;
      documented = (node.enum ?? node.items?.enum ?? []).filter((v: unknown) => v !== null).map(String);
    } catch (error) {
      problems.push(`enum ${name}: ${(error as Error).message}`);
      continue;
    }
    if (!documented.length && e.why) continue;
    const listed = Object.keys(e.values);
    const added = documented.filter((v) => !listed.includes(v));
    const gone = listed.filter((v) => !documented.includes(v));
    if (added.length) problems.push(`enum ${name}: ${p} has values the table does not describe: ${added.join(", ")}`);
    if (gone.length) problems.push(`enum ${name}: ${p} no longer has: ${gone.join(", ")}`);
  }
  return {
    name,
    group: e.group,
    description: e.description,
    values: Object.entries(e.values).map(([value, description]) => ({ name: e.names?.[value] ?? upperSnake(value), value, description })),
  };
}

const isIdProperty = (prop: string, mapping: GraphMapping) =>
  (prop === "id" || prop.endsWith("_id") || prop.endsWith("_ids")) && !mapping.notIds.includes(prop);

const isTimestamp = (prop: string, schema: Json) =>
  (schema.type === "integer" || schema.type === "number") &&
  (schema.format === "date-time" || schema.format === "timestamp" || /_at$|_until$|^waiting_since$/.test(prop));

function typeModel(
  spec: Spec,
  mapping: GraphMapping,
  name: string,
  t: TypeMapping,
  schemaOwner: Map<string, string>,
  enumOf: Map<string, string>,
  problems: string[],
): ModelType {
  const schemas = schemasOf(t);
  const nodes = schemas.map((p) => schemaAt(spec, p));
  const shapes = nodes.map((n) => objectOf(spec, n));
  // Properties in the first shape's order; required (and never null) only where every shape says so.
  const properties: Record<string, Json> = {};
  for (const shape of shapes) for (const [prop, node] of Object.entries(shape.properties)) properties[prop] ??= node;
  const required = new Set(Object.keys(properties).filter((prop) => shapes.every((shape) => shape.required.has(prop))));
  const nullableSomewhere = new Set(
    Object.keys(properties).filter((prop) => shapes.some((shape) => shape.properties[prop] && resolve(spec, shape.properties[prop]).nullable)),
  );
  const { schema } = resolve(spec, nodes[0]);
  const omitted: Record<string, string> = { ...(t.omit ?? {}) };
  if (properties.type && !t.fields?.type && !omitted.type) omitted.type = "The discriminator: `__typename` says it.";
  for (const prop of [...Object.keys(t.omit ?? {}), ...Object.keys(t.fields ?? {})]) {
    if (!(prop in properties)) problems.push(`${name}: ${schemas.join(" | ")} has no property "${prop}"`);
  }
  const fields: ModelField[] = [];
  for (const [prop, propNode] of Object.entries<Json>(properties)) {
    if (prop in omitted) continue;
    const mapped = t.fields?.[prop];
    for (const f of Array.isArray(mapped) ? mapped : [mapped ?? {}]) {
      try {
        const where = schemas[shapes.findIndex((shape) => prop in shape.properties)]!;
        const nullable = nullableSomewhere.has(prop) ? { ...propNode, nullable: true } : propNode;
        fields.push(fieldModel(spec, mapping, where, prop, nullable, required.has(prop), f, schemaOwner, enumOf));
      } catch (error) {
        problems.push(`${name}.${f.name ?? camel(prop)}: ${(error as Error).message}`);
      }
    }
  }
  // Computed fields: declared here, set by hand.
  for (const [field, c] of Object.entries(t.computed ?? {})) {
    const kind = SCALARS.includes(c.type) ? "scalar" : c.type in mapping.enums ? "enum" : c.type in mapping.types ? "object" : undefined;
    if (!kind) problems.push(`${name}.${field}: computed type ${c.type} is no scalar, mapped type or enum`);
    else fields.push({ name: field, prop: "", steps: [], path: "", kind, type: c.type, list: !!c.list, nested: c.list === "nested", nullable: !!c.nullable, description: c.description, computed: c.why });
  }
  for (const [field, next] of Object.entries(t.before ?? {})) {
    const from = fields.findIndex((f) => f.name === field);
    if (from < 0 || !fields.some((f) => f.name === next)) {
      problems.push(`${name}: before: ${field} → ${next} names a field the type lacks`);
      continue;
    }
    const [moved] = fields.splice(from, 1);
    fields.splice(fields.findIndex((f) => f.name === next), 0, moved!);
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) problems.push(`${name}: two fields named ${f.name}`);
    seen.add(f.name);
  }
  if (t.finish && !mapping.handWritten[t.finish]) problems.push(`${name}: finish ${t.finish} is not in the table's handWritten`);
  const description = t.description ?? sentence(schema.description ?? nodes[0].description);
  if (!description) problems.push(`${name}: ${schemas[0]} has no description; the table must give one`);
  const graphOnly: Record<string, string> = { ...(t.graphOnly ?? {}) };
  for (const [field, c] of Object.entries(t.computed ?? {})) graphOnly[field] = `Computed by hand: ${c.why}`;
  for (const f of fields) if (f.link) graphOnly[f.link] ??= `Link: the object \`${f.name}\` names, resolved by hand.`;
  return {
    name,
    group: t.group,
    schemas,
    extends: t.extends,
    finish: t.finish,
    restType: [...new Set(schemas.map((p) => restTypeAt(spec, p)))].join(" | "),
    shapes: schemas.map((p, i) => ({ restType: restTypeAt(spec, p), lacks: Object.keys(properties).filter((prop) => !(prop in shapes[i]!.properties)) })),
    description,
    implements: t.implements ?? [],
    fields,
    omitted,
    graphOnly,
  };
}

function fieldModel(
  spec: Spec,
  mapping: GraphMapping,
  typeSchema: string,
  prop: string,
  propNode: Json,
  requiredProp: boolean,
  f: FieldMapping,
  schemaOwner: Map<string, string>,
  enumOf: Map<string, string>,
): ModelField {
  // Walk the property, then the pick path, noting whether each step may be absent.
  const propResolved = resolve(spec, propNode);
  const steps: Step[] = [{ prop, optional: !requiredProp || propResolved.nullable }];
  let path = `${typeSchema}.${prop}`;
  let node: Json = propNode;
  let maybeAbsent = !requiredProp || propResolved.nullable;
  // Whether null (not mere absence) may stand anywhere on the way to the value; whether the list itself may be null.
  let maybeNull = propResolved.nullable;
  let listNullable = false;
  let list = false;
  const walk = (step: string) => {
    const here = resolve(spec, node);
    if (step === "[]") {
      if (!here.schema.items) throw new Error(`${path} is not an array`);
      if (list) throw new Error(`${path}: lists of lists are not supported`);
      listNullable = here.nullable;
      list = true;
      steps.push("[]");
      node = here.schema.items;
      path += "[]";
      return;
    }
    const inner = objectOf(spec, node);
    if (!(step in inner.properties)) throw new Error(`${path} has no property "${step}"`);
    node = inner.properties[step];
    const r = resolve(spec, node);
    const optional = !inner.required.has(step) || r.nullable;
    if (!list) maybeAbsent ||= optional;
    if (!list) maybeNull ||= r.nullable;
    steps.push({ prop: step, optional });
    path += `.${step}`;
  };
  for (const step of f.pick ? splitPath(f.pick) : []) walk(step);
  // A list read whole: its items are the value.
  let leaf = resolve(spec, node);
  if (!list) maybeNull ||= leaf.nullable;
  // What the list is, not what one of its items is, describes the field.
  let described: Json = node;
  if (leaf.schema.type === "array" && !list) {
    listNullable = leaf.nullable;
    described = leaf.schema.description ? leaf.schema : node;
    list = true;
    steps.push("[]");
    node = leaf.schema.items;
    path += "[]";
    leaf = resolve(spec, node);
  }
  // A list of lists (article search's highlighted summary): its inner items are the value.
  let nested = false;
  if (leaf.schema.type === "array" && list && steps[steps.length - 1] === "[]") {
    nested = true;
    steps.push("[]");
    node = leaf.schema.items;
    path += "[]";
    leaf = resolve(spec, node);
  }
  // Items that may be null (the document's reactions: [null, …]) are dropped: the graph lists what is there.
  const presentItems = list && !nested && steps[steps.length - 1] === "[]" && leaf.nullable;
  const leafProp = [...steps].reverse().find((s): s is { prop: string; optional: boolean } => s !== "[]")!.prop;

  let kind: ModelField["kind"];
  let type: string;
  const owner = leaf.ref ? schemaOwner.get(leaf.ref) : schemaOwner.get(path);
  if (f.via) {
    // What a hand-written converter returns: the generator does not look inside.
    kind = "scalar";
    type = `ReturnType<typeof ${f.via}>`;
  } else if (f.type) {
    type = f.type;
    if (SCALARS.includes(type)) kind = "scalar";
    else if (type in mapping.enums) kind = "enum";
    else if (type in mapping.types) kind = "object";
    else throw new Error(`type ${type} is no scalar, mapped type or enum`);
  } else if (enumOf.has(path)) {
    kind = "enum";
    type = enumOf.get(path)!;
  } else if (owner) {
    kind = "object";
    type = owner;
  } else {
    kind = "scalar";
    type = scalarOf(spec, mapping, leafProp, leaf.schema, path);
  }

  // Nullability: the document's (absent or null → nullable); a list that may only be absent is empty.
  // An object's own id is never absent: an answer without it is an upstream error (requiredId).
  const ownId = prop === "id" && !f.pick;
  // A list whose wrapper is absent or null is empty (`[]`): only a list the document says may be null
  // itself is nullable. A free-form map that may only be absent is empty (`{}`).
  const map = kind === "scalar" && type === "JSONObject";
  const docNullable = ownId ? false : list ? listNullable : map ? maybeNull : maybeAbsent;
  // A default fills what Intercom leaves out: the field is never null.
  let nullable = f.default !== undefined ? false : docNullable;
  if (f.nullable !== undefined) {
    if (f.nullable === docNullable) throw new Error(`nullable: ${f.nullable} is what the document says already`);
    if (!f.why) throw new Error("a nullability override needs its reason (why)");
    nullable = f.nullable;
    // What the document says is always there may be absent after all: read every step with `?.`.
    if (nullable) for (const step of steps) if (step !== "[]") step.optional = true;
  }
  if (f.why && f.nullable === undefined && !f.type) throw new Error("`why` without an override");
  // The description beside a $ref says what this value is; the referenced schema's says what such values are.
  // A DateTime is no Unix timestamp: the document's "(Unix timestamp in seconds)" prefix goes.
  const documented = (text: string | undefined) =>
    sentence(type === "DateTime" ? text?.replace(/^\(Unix timestamp in seconds\)\s*/i, "").replace(/ as a UTC Unix timestamp| \(seconds\)| in seconds/g, "") : text);
  const own = described === node ? node.description ?? leaf.schema.description : described.description;
  const description = f.hidden ?? withLink(f.description ?? (documented(own) || documented(propNode.description)), f.link);
  if (!description) throw new Error(`${path} has no description; the table must give one`);
  if (f.emptyIsNull !== undefined && !nullable) throw new Error("emptyIsNull on a non-null field");
  if (f.via && !mapping.handWritten[f.via]) throw new Error(`via: ${f.via} is not in the table's handWritten`);
  if (f.via && !f.hidden) throw new Error("via is for hidden fields");
  return {
    name: f.name ?? camel(prop),
    prop,
    steps,
    path,
    kind,
    type,
    list,
    nested,
    ...(presentItems ? { presentItems } : {}),
    nullable,
    description,
    default: f.default,
    ...(f.deprecated ? { deprecated: f.deprecated } : {}),
    link: f.link,
    emptyIsNull: f.emptyIsNull !== undefined,
    hidden: f.hidden,
    via: f.via,
  };
}

function scalarOf(spec: Spec, mapping: GraphMapping, prop: string, schema: Json, path: string): string {
  if (isIdProperty(prop, mapping) || (path.endsWith("[]") && isIdProperty(prop, mapping))) return "ID";
  if (isTimestamp(prop, schema)) return "DateTime";
  switch (schema.type) {
    case "string":
      return "String";
    case "integer":
      return "Int";
    case "number":
      return "Float";
    case "boolean":
      return "Boolean";
  }
  if (schema.type === "object" || schema.additionalProperties) {
    if (!schema.properties) return "JSONObject";
    throw new Error(`${path} is an object no type maps: map it, pick from it or omit it`);
  }
  if (schema.properties) throw new Error(`${path} is an object no type maps: map it, pick from it or omit it`);
  throw new Error(`${path} has no type the generator knows (${JSON.stringify(schema).slice(0, 80)})`);
}

/**
 * REST interfaces: every component a mapped type reads, transitively, plus the table's list
 * wrappers. A component belongs to the group of the type (or list) that names it; one only
 * referenced belongs to its referrers' group, or to "common" when several groups reach it.
 */
function restModel(spec: Spec, mapping: GraphMapping, types: ModelType[], problems: string[]): ModelRest[] {
  const owner = new Map<string, string>();
  const roots: Array<[string, string]> = [];
  for (const t of types) {
    for (const p of t.schemas) {
      const [head, ...steps] = splitPath(p);
      if (!steps.length && !owner.has(head!)) owner.set(head!, t.group);
      roots.push([head!, t.group]);
    }
  }
  for (const [group, names] of Object.entries(mapping.restOnly)) {
    for (const name of names) {
      if (!spec.doc.components.schemas[name]) problems.push(`restOnly ${group}: ${spec.file} has no component "${name}"`);
      else {
        owner.set(name, group);
        roots.push([name, group]);
      }
    }
  }
  const reachedBy = new Map<string, Set<string>>();
  const order: string[] = [];
  const visit = (name: string, group: string) => {
    const groups = reachedBy.get(name) ?? new Set<string>();
    if (!reachedBy.has(name)) {
      reachedBy.set(name, groups);
      order.push(name);
    }
    if (groups.has(group)) return;
    groups.add(group);
    const refs = new Set<string>();
    collectRefs(component(spec, name), refs);
    for (const ref of refs) visit(ref, group);
  };
  for (const [name, group] of roots) visit(name, group);
  const groupOf = (name: string) => {
    const groups = [...reachedBy.get(name)!];
    return owner.get(name) ?? (groups.length === 1 ? groups[0]! : "common");
  };
  return order.map((name) => ({ component: name, name: restName(name), group: groupOf(name) }));
}

export function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectRefs(n, into));
  if (!node || typeof node !== "object") return;
  const name = refName(node);
  if (name) into.add(name);
  for (const [key, value] of Object.entries(node)) if (key !== "example" && key !== "examples") collectRefs(value, into);
}
