// Reading the Intercom OpenAPI document: load it from ../shared (never copied into the project),
// follow $refs, and walk object schemas by property path ("conversation.source.author").
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export type Json = any;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The version the gateway is built for: the document beside the project. */
export const DEFAULT_SPEC = path.resolve(ROOT, "../shared/intercom-openapi-2.11.yaml");

export interface Spec {
  /** The file's name, for the headers of generated files. */
  file: string;
  version: string;
  doc: Json;
}

export function loadSpec(file = DEFAULT_SPEC): Spec {
  if (!existsSync(file)) {
    throw new Error(`The Intercom OpenAPI document is not at ${file}: it lives beside the project (../shared), it is never copied into it.`);
  }
  const doc = parse(readFileSync(file, "utf8"));
  return { file: path.basename(file), version: String(doc.info?.version ?? "?"), doc };
}

const REF = "#/components/schemas/";

export function component(spec: Spec, name: string): Json {
  const schema = spec.doc.components.schemas[name];
  if (!schema) throw new Error(`${spec.file} has no component schema "${name}"`);
  return schema;
}

export const refName = (node: Json): string | undefined =>
  typeof node?.$ref === "string" && node.$ref.startsWith(REF) ? node.$ref.slice(REF.length) : undefined;

/**
 * The schema a node stands for, with $refs followed. A `$ref` beside `nullable` (or a lone `allOf`
 * of one ref, the document's way to describe a reference) keeps the outer nullability.
 */
export function resolve(spec: Spec, node: Json): { schema: Json; ref?: string; nullable: boolean } {
  let nullable = node?.nullable === true;
  let current = node ?? {};
  let ref: string | undefined;
  for (let i = 0; i < 20; i++) {
    const name = refName(current);
    if (name) {
      ref = name;
      current = component(spec, name);
    } else if (Array.isArray(current.allOf) && current.allOf.length === 1 && !current.properties) {
      current = current.allOf[0];
    } else break;
    nullable ||= current.nullable === true;
  }
  return { schema: current, ref, nullable };
}

/** An object schema's properties and required names, with allOf parts merged in. */
export function objectOf(spec: Spec, node: Json): { properties: Record<string, Json>; required: Set<string> } {
  const { schema } = resolve(spec, node);
  // The parts an allOf composes come first, then what the schema adds to them.
  const properties: Record<string, Json> = {};
  const required = new Set<string>(schema.required ?? []);
  for (const part of schema.allOf ?? []) {
    const merged = objectOf(spec, part);
    Object.assign(properties, merged.properties);
    for (const name of merged.required) required.add(name);
  }
  Object.assign(properties, schema.properties ?? {});
  return { properties, required };
}

export const isObjectSchema = (schema: Json) => schema.type === "object" || !!schema.properties || !!schema.allOf;
export const hasProperties = (spec: Spec, node: Json) => Object.keys(objectOf(spec, node).properties).length > 0;

/**
 * The schema at a path: a component name, then `.prop` steps into properties and `[]` steps into
 * array items ("ticket_type.ticket_type_attributes.data[]"). Throws, naming the path, when the
 * document lacks a step: a mapping that names what the document no longer has must fail.
 */
export function schemaAt(spec: Spec, schemaPath: string): Json {
  const [head, ...steps] = splitPath(schemaPath);
  let node: Json = { $ref: REF + head };
  for (const step of steps) {
    const { schema } = resolve(spec, node);
    if (step === "[]") {
      if (!schema.items) throw new Error(`${spec.file}: ${schemaPath}: not an array at "[]"`);
      node = schema.items;
    } else {
      const props = objectOf(spec, node).properties;
      if (!(step in props)) throw new Error(`${spec.file}: ${schemaPath}: no property "${step}"`);
      node = props[step];
    }
  }
  return node;
}

/** "a.b[].c" → ["a", "b", "[]", "c"]. */
export function splitPath(p: string): string[] {
  return p.split(".").flatMap((part) => {
    const out: string[] = [];
    let name = part;
    let arrays = 0;
    while (name.endsWith("[]")) {
      name = name.slice(0, -2);
      arrays++;
    }
    if (name) out.push(name);
    for (let i = 0; i < arrays; i++) out.push("[]");
    return out;
  });
}

export const METHODS = ["get", "post", "put", "delete", "patch"] as const;

export interface SpecOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  node: Json;
}

export function operations(spec: Spec): SpecOperation[] {
  const ops: SpecOperation[] = [];
  for (const [p, item] of Object.entries<Json>(spec.doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push({ method: method.toUpperCase(), path: p, operationId: op.operationId ?? "", summary: op.summary ?? "", tags: op.tags ?? [], node: op });
    }
  }
  return ops;
}

/**
 * The document with the table's patches: a component it references but never defines ("name"),
 * or a property Intercom sends that a schema lacks ("component.property"). A patch the document
 * no longer needs is a problem, so a new version's fixes show up.
 */
export function patched(spec: Spec, patches: Record<string, { schema?: Json; amend?: Json }>, problems: string[]): Spec {
  const doc = structuredClone(spec.doc);
  for (const [key, { schema, amend }] of Object.entries(patches)) {
    const [name, prop] = key.split(".");
    const target = doc.components.schemas[name!];
    if (amend) {
      const current = target?.properties?.[prop!];
      if (!current) problems.push(`patch ${key}: ${spec.file} has no such property to amend`);
      else if (Object.entries(amend).every(([k, v]) => JSON.stringify(current[k]) === JSON.stringify(v))) {
        problems.push(`patch ${key}: ${spec.file} says so itself now; the patch is not needed`);
      } else target.properties[prop!] = { ...current, ...amend };
    } else if (prop === undefined) {
      if (target) problems.push(`patch ${key}: ${spec.file} defines it now; the patch is not needed`);
      else doc.components.schemas[name!] = schema;
    } else if (!target?.properties) {
      problems.push(`patch ${key}: ${spec.file} has no object schema "${name}"`);
    } else if (prop in target.properties) {
      problems.push(`patch ${key}: ${spec.file} has the property now; the patch is not needed`);
    } else {
      target.properties[prop] = schema;
    }
  }
  return { ...spec, doc };
}
