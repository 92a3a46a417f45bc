// TypeGraphQL object types and enums: one class per mapped REST schema, descriptions from the
// document (or the table). Links, connections and inputs stay hand-written in src/schema.
import path from "node:path";
import type { Model, ModelEnum, ModelField, ModelType } from "./model.js";
import { banner, str } from "./text.js";

const TS_SCALAR: Record<string, string> = {
  ID: "string",
  String: "string",
  Int: "number",
  Float: "number",
  Boolean: "boolean",
  DateTime: "Date",
  JSON: "unknown",
  JSONObject: "Record<string, unknown>",
};
const BUILT_IN = new Set(["String", "Boolean", "Number"]);
const FROM_TYPE_GRAPHQL = new Set(["ID", "Int", "Float"]);
const FROM_SCALARS = new Set(["DateTime", "JSON", "JSONObject"]);

export function emitGraph(model: Model, group: string, file: string): string {
  const enums = model.enums.filter((e) => e.group === group);
  const types = model.types.filter((t) => t.group === group);
  const groupOf = new Map<string, string>([...model.types, ...model.enums].map((t) => [t.name, t.group]));
  const typeGraphQL = new Set<string>();
  const scalars = new Set<string>();
  const others = new Map<string, Set<string>>();
  const converters = new Map<string, Set<string>>();
  const use = (name: string) => {
    if (name.startsWith("converter:")) {
      const fn = name.slice("converter:".length);
      const module = rel(file, model.handWritten[fn]!);
      return void (converters.get(module) ?? converters.set(module, new Set()).get(module)!).add(fn);
    }
    if (FROM_TYPE_GRAPHQL.has(name)) typeGraphQL.add(name);
    else if (FROM_SCALARS.has(name)) scalars.add(name);
    else if (!BUILT_IN.has(name) && groupOf.get(name) !== group) {
      const module = groupOf.has(name) ? `./${groupOf.get(name)}.js` : hand(model, name, file);
      (others.get(module) ?? others.set(module, new Set()).get(module)!).add(name);
    }
  };
  if (types.length) typeGraphQL.add("Field").add("ObjectType");
  if (enums.length) typeGraphQL.add("registerEnumType");
  const body = [...enums.map(emitEnum), ...types.map((t) => emitType(t, use))];
  const imports = [
    `import { ${[...typeGraphQL].sort().join(", ")} } from "type-graphql";`,
    ...[...others.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, names]) => `import { ${[...names].sort().join(", ")} } from "${m}";`),
  ];
  if (scalars.size) imports.push(`import { ${[...scalars].sort().join(", ")} } from "${rel(file, "src/schema/scalars.ts")}";`);
  for (const [m, names] of converters) imports.push(`import type { ${[...names].sort().join(", ")} } from "${m}";`);
  return `${banner(model.spec)}\n${imports.join("\n")}\n\n${body.join("\n")}`;
}

/** The module of a hand-written interface, relative to the generated file. */
function hand(model: Model, name: string, file: string): string {
  const module = model.interfaces[name];
  if (!module) throw new Error(`${name} is neither generated nor a known hand-written interface`);
  return rel(file, module);
}

const rel = (from: string, to: string) => {
  const r = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, ".js");
  return r.startsWith(".") ? r : `./${r}`;
};

function emitEnum(e: ModelEnum): string {
  const members = e.values.map((v) => `  ${v.name} = ${str(v.value)},`).join("\n");
  const values = e.values.map((v) => `    ${v.name}: { description: ${str(v.description)} },`).join("\n");
  return [
    `export enum ${e.name} {\n${members}\n}`,
    `registerEnumType(${e.name}, {\n  name: ${str(e.name)},\n  description: ${str(e.description)},\n  valuesConfig: {\n${values}\n  },\n});\n`,
  ].join("\n");
}

function emitType(t: ModelType, use: (name: string) => void): string {
  t.implements.forEach(use);
  if (t.extends) use(t.extends);
  const options = [`description: ${str(t.description)}`, ...(t.implements.length ? [`implements: ${t.implements.length === 1 ? t.implements[0] : `[${t.implements.join(", ")}]`}`] : [])];
  const fields = t.fields.filter((f) => !f.inherited).map((f) => emitField(f, use)).join("\n\n");
  return `${wrapCall("@ObjectType", options, "")}\nexport class ${t.name}${t.extends ? ` extends ${t.extends}` : ""} {\n${fields}\n}\n`;
}

function emitField(f: ModelField, use: (name: string) => void): string {
  if (f.hidden) {
    // Kept for a hand-written link, not published.
    if (f.via) use(`converter:${f.via}`);
    else use(f.type);
    const ts = `${TS_SCALAR[f.type] ?? f.type}${f.list ? "[]" : ""}${f.nullable ? " | null" : ""}`;
    return `  /** Not in the graph: ${f.hidden} */\n  ${f.name}!: ${ts};`;
  }
  use(f.type);
  const graphType = f.nested ? `[[${f.type}]]` : f.list ? `[${f.type}]` : f.type;
  const options = [
    ...(f.nullable ? ["nullable: true"] : []),
    `description: ${str(f.description)}`,
    ...(f.deprecated ? [`deprecationReason: ${str(f.deprecated)}`] : []),
  ];
  const ts = `${TS_SCALAR[f.type] ?? f.type}${f.nested ? "[][]" : f.list ? "[]" : ""}${f.nullable ? " | null" : ""}`;
  return `${wrapCall("@Field", options, "  ", `() => ${graphType}`)}\n  ${f.name}!: ${ts};`;
}

/** `@Decorator(first, { a, b })` on one line when it fits in 140 columns, else one option a line. */
function wrapCall(decorator: string, options: string[], indent: string, first?: string): string {
  const lead = first ? `${first}, ` : "";
  const one = `${indent}${decorator}(${lead}{ ${options.join(", ")} })`;
  if (one.length <= 140) return one;
  return `${indent}${decorator}(${lead}{\n${options.map((o) => `${indent}  ${o},`).join("\n")}\n${indent}})`;
}
