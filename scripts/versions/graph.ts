// The graph side of the version report: the generator's model of each version as a GraphQL
// schema, and what changes between them per type and enum. graphql-js judges what is breaking.
import { buildSchema, findBreakingChanges, findDangerousChanges, type BreakingChange, type DangerousChange } from "graphql";
import type { GraphMapping } from "../generator/mapping-types.js";
import { buildModel, camel, upperSnake, type Model, type ModelField } from "../generator/model.js";
import { isObjectSchema, objectOf, resolve, schemaAt, type Json, type Spec } from "../generator/spec.js";

/**
 * The model of a version the gateway is not built on. A nullability override the document now
 * agrees with is a warning, and the generator then leaves the field out; here the override is
 * dropped and the model rebuilt, so the field is compared as the document gives it (the warning
 * stays in the report: the maintainer deletes the override).
 */
export function versionModel(spec: Spec, mapping: GraphMapping): { model: Model; problems: string[] } {
  const problems = buildModel(spec, mapping, { strict: false }).problems;
  const tidy = structuredClone(mapping);
  for (const problem of problems) {
    const m = /^(\w+)\.(\w+): nullable: (true|false) is what the document says already$/.exec(problem);
    const t = m && tidy.types[m[1]!];
    for (const [prop, mapped] of Object.entries(t?.fields ?? {})) {
      for (const f of Array.isArray(mapped) ? mapped : [mapped]) {
        if ((f.name ?? camel(prop)) !== m![2]) continue;
        delete f.nullable;
        if (!f.type) delete f.why;
      }
    }
  }
  return { model: buildModel(spec, tidy, { strict: false }), problems };
}

/** `[Tag!]!`, as TypeGraphQL publishes a field (list items are never null). */
export function graphType(f: Pick<ModelField, "type" | "list" | "nested" | "nullable">): string {
  const inner = f.nested ? `[[${f.type}!]!]` : f.list ? `[${f.type}!]` : f.type;
  return f.nullable ? inner : `${inner}!`;
}

/** What the document says a value is, for a field the table cannot type: "`ticket_state` object". */
export function describeSchema(spec: Spec, node: Json): string {
  const { schema, ref, nullable } = resolve(spec, node);
  const orNull = nullable ? ", nullable" : "";
  if (schema.type === "array") return `list of ${describeSchema(spec, schema.items ?? {})}${orNull}`;
  if (isObjectSchema(schema)) {
    // An inline object has no name to give: its properties say what it is.
    const props = ref ? "" : ` (${Object.keys(schema.properties ?? {}).join(", ")})`;
    return `${ref ? `\`${ref}\` ` : ""}object${props}${orNull}`;
  }
  const values = Array.isArray(schema.enum) ? ` enum (${schema.enum.filter((v: unknown) => v !== null).join(", ")})` : "";
  return `${schema.type ?? "untyped"}${schema.format ? ` (${schema.format})` : ""}${values}${orNull}`;
}

/** The values a mapped enum has in a document: where it lists them, else the table's (why). */
export function documentedValues(spec: Spec, mapping: GraphMapping, name: string): Map<string, string[] | string> {
  const e = mapping.enums[name]!;
  const byPath = new Map<string, string[] | string>();
  for (const p of e.schema) {
    try {
      const node = resolve(spec, schemaAt(spec, p)).schema;
      const values: unknown[] | undefined = node.enum ?? node.items?.enum;
      // A string the table lists the values of (why) is no change; anything else is what the document now says.
      if (values) byPath.set(p, values.filter((v) => v !== null).map((v) => e.names?.[String(v)] ?? upperSnake(String(v))).sort());
      else byPath.set(p, e.why ? Object.keys(e.values).map((v) => e.names?.[v] ?? upperSnake(v)).sort() : describeSchema(spec, schemaAt(spec, p)));
    } catch {
      byPath.set(p, "not in the document");
    }
  }
  return byPath;
}

/** Why a field read at `path` may be null in the newer document: its property is no longer required, or is nullable now. */
function whyNullable(a: Spec, b: Spec, path: string): string | undefined {
  const m = /^(.+)\.([^.[\]]+)(\[\])*$/.exec(path);
  if (!m) return undefined;
  const [, parent, prop] = m;
  try {
    const [oa, ob] = [objectOf(a, schemaAt(a, parent!)), objectOf(b, schemaAt(b, parent!))];
    if (oa.required.has(prop!) && !ob.required.has(prop!)) return `\`${parent}.${prop}\` is no longer required`;
    if (!resolve(a, oa.properties[prop!]).nullable && resolve(b, ob.properties[prop!]).nullable) return `\`${parent}.${prop}\` is nullable now`;
  } catch {
    return undefined;
  }
  return undefined;
}

export interface FieldChange {
  type: string;
  field: string;
  change: "added" | "removed" | "retyped";
  before?: string;
  after?: string;
  /** Why: what the document changed, or why the newer model could not type the field. */
  note?: string;
  /** `after` is what the document says, not a GraphQL type (no type maps it yet). */
  described?: boolean;
  verdict: "breaking" | "dangerous" | "safe";
}

export interface EnumChange {
  name: string;
  path: string;
  added: string[];
  removed: string[];
  /** What the document has at the path instead of an enum. */
  now?: string;
  verdict: "breaking" | "dangerous";
}

export interface GraphDiff {
  typesRemoved: Array<{ type: string; why: string }>;
  typesAdded: string[];
  fields: FieldChange[];
  enums: EnumChange[];
  breaking: BreakingChange[];
  dangerous: DangerousChange[];
}

type Fields = Map<string, { sdl: string; field: ModelField }>;

/** Each type's published fields; a field typed by an enum its document path no longer declares is left out (see note). */
function graphOf(model: Model, mapping: GraphMapping, notes: Map<string, string>): Map<string, Fields> {
  const enumPaths = new Set(Object.values(mapping.enums).flatMap((e) => (e.why ? [] : e.schema)));
  const types = new Map<string, Fields>();
  for (const t of model.types) {
    const fields: Fields = new Map();
    for (const f of t.fields) {
      if (f.hidden) continue;
      if (f.kind === "enum" && enumPaths.has(f.path)) {
        const now = documentedValues(model.spec, mapping, f.type).get(f.path);
        if (typeof now === "string") {
          notes.set(`${t.name}.${f.name}`, `the document's \`${f.path}\` is no enum now (${now}); no type maps it yet`);
          continue;
        }
      }
      fields.set(f.name, { sdl: graphType(f), field: f });
    }
    types.set(t.name, fields);
  }
  return types;
}

function sdlOf(graph: Map<string, Fields>, enums: Map<string, string[]>): string {
  const lines = ["scalar DateTime", "scalar JSON", "scalar JSONObject", "type Query { _unused: Boolean }"];
  for (const [name, values] of enums) lines.push(`enum ${name} { ${values.join(" ")} }`);
  for (const [name, fields] of graph) {
    if (fields.size) lines.push(`type ${name} { ${[...fields].map(([f, { sdl }]) => `${f}: ${sdl}`).join(" ")} }`);
  }
  return lines.join("\n");
}

/** An enum's values for the schema: the union of what its document paths list. */
function enumValuesOf(model: Model, mapping: GraphMapping): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of Object.keys(mapping.enums)) {
    const lists = [...documentedValues(model.spec, mapping, name).values()].filter((v): v is string[] => Array.isArray(v));
    const values = [...new Set(lists.flat())].sort();
    if (values.length) out.set(name, values);
  }
  return out;
}

export function diffGraph(before: Model, after: Model, mapping: GraphMapping, afterProblems: string[]): GraphDiff {
  const notes = new Map<string, string>();
  const g1 = graphOf(before, mapping, new Map());
  const g2 = graphOf(after, mapping, notes);
  const e1 = enumValuesOf(before, mapping);
  const e2 = enumValuesOf(after, mapping);
  // Types the model could not build leave their fields' types undeclared: keep only fields whose types exist.
  const prune = (g: Map<string, Fields>, enums: Map<string, string[]>) => {
    const known = new Set(["ID", "String", "Int", "Float", "Boolean", "DateTime", "JSON", "JSONObject", ...g.keys(), ...enums.keys()]);
    for (const fields of g.values()) for (const [name, { field }] of fields) if (!known.has(field.type)) fields.delete(name);
  };
  prune(g1, e1);
  prune(g2, e2);
  const s1 = buildSchema(sdlOf(g1, e1));
  const s2 = buildSchema(sdlOf(g2, e2));
  const breaking = findBreakingChanges(s1, s2);
  const dangerous = findDangerousChanges(s1, s2);
  // graphql-js describes a change as "Type.field …" or "Type was removed.": a field's verdict is its own or its type's.
  const verdict = (type: string, field: string): FieldChange["verdict"] => {
    const about = (c: { description: string }) => c.description.startsWith(`${type}.${field} `) || c.description === `${type} was removed.`;
    return breaking.some(about) ? "breaking" : dangerous.some(about) ? "dangerous" : "safe";
  };

  const fields: FieldChange[] = [];
  const typesRemoved: GraphDiff["typesRemoved"] = [];
  for (const [type, old] of g1) {
    const now = g2.get(type);
    if (!now) {
      const why = afterProblems.filter((p) => p.startsWith(`${type}: `)).map((p) => p.slice(type.length + 2));
      typesRemoved.push({ type, why: why.join("; ") || "the generator left it out" });
    }
    for (const [name, { sdl, field }] of old) {
      const next = now?.get(name);
      if (next) {
        if (next.sdl !== sdl) {
          const note = next.sdl === sdl.replace(/!$/, "") ? whyNullable(before.spec, after.spec, field.path) : undefined;
          fields.push({ type, field: name, change: "retyped", before: sdl, after: next.sdl, note, verdict: verdict(type, name) });
        }
        continue;
      }
      if (!now) {
        fields.push({ type, field: name, change: "removed", before: sdl, note: "its type is left out", verdict: verdict(type, name) });
        continue;
      }
      // Gone from the 2.12 graph: still in the document (in another shape the table does not map), or gone from it.
      let inDocument: string | undefined;
      try {
        if (field.path) inDocument = describeSchema(after.spec, schemaAt(after.spec, field.path.replace(/\[\]$/, "")));
      } catch {
        inDocument = undefined;
      }
      const why = notes.get(`${type}.${name}`) ?? afterProblems.find((p) => p.startsWith(`${type}.${name}: `))?.slice(type.length + name.length + 3);
      // Retyped only when the generator could not type what the document has now; any other problem leaves the field out.
      const untypable = notes.has(`${type}.${name}`) || /is an object no type maps|has no type the generator knows/.test(why ?? "");
      if (inDocument && (untypable || !why)) {
        fields.push({ type, field: name, change: "retyped", before: sdl, after: inDocument, described: true, note: why ?? "no type maps it yet", verdict: verdict(type, name) });
      } else {
        const note = inDocument ? `not generated: ${why}` : field.path ? `\`${field.path}\` is not in the document` : why;
        fields.push({ type, field: name, change: "removed", before: sdl, note, verdict: verdict(type, name) });
      }
    }
  }
  const typesAdded = [...g2.keys()].filter((t) => !g1.has(t));
  for (const [type, now] of g2) {
    for (const [name, { sdl }] of now) if (!g1.get(type)?.has(name)) fields.push({ type, field: name, change: "added", after: sdl, verdict: verdict(type, name) });
  }
  // New properties the table cannot type yet (objects no type maps): added for the document, not generated.
  for (const problem of afterProblems) {
    const m = /^(\w+)\.(\w+): (\S+) is an object no type maps/.exec(problem);
    if (!m || g1.get(m[1]!)?.has(m[2]!) || !g2.has(m[1]!)) continue;
    const documented = describeSchema(after.spec, schemaAt(after.spec, m[3]!.replace(/\[\]$/, "")));
    fields.push({ type: m[1]!, field: m[2]!, change: "added", after: documented, described: true, note: "not generated yet: no type maps it", verdict: "safe" });
  }
  fields.sort((a, b) => a.type.localeCompare(b.type) || a.field.localeCompare(b.field));

  const enums: EnumChange[] = [];
  for (const name of Object.keys(mapping.enums).sort()) {
    const v1 = documentedValues(before.spec, mapping, name);
    const v2 = documentedValues(after.spec, mapping, name);
    for (const [p, was] of v1) {
      const is = v2.get(p)!;
      if (!Array.isArray(was)) continue;
      if (!Array.isArray(is)) enums.push({ name, path: p, added: [], removed: was, now: is, verdict: "breaking" });
      else {
        const added = is.filter((v) => !was.includes(v));
        const removed = was.filter((v) => !is.includes(v));
        // GraphQL's rules: a removed value breaks clients that send or match it; an added one may surprise a client's switch.
        if (added.length || removed.length) enums.push({ name, path: p, added, removed, verdict: removed.length ? "breaking" : "dangerous" });
      }
    }
  }
  const byDescription = (a: { description: string }, b: { description: string }) => a.description.localeCompare(b.description);
  return { typesRemoved, typesAdded, fields, enums, breaking: breaking.sort(byDescription), dangerous: dangerous.sort(byDescription) };
}
