// REST → graph reducers: the mechanical part of every mapping (renames, Unix seconds → Date,
// ids → strings, enums, nested value objects, lists read through their wrappers). Hand-written
// reducers in src/datasources add only what is not mechanical.
import type { Model, ModelField, ModelType, Step } from "./model.js";
import { banner } from "./text.js";

export const reducerName = (type: string) => `reduce${type}`;

export function emitReducers(model: Model, group: string): string {
  const types = model.types.filter((t) => t.group === group);
  const groupOf = new Map<string, string>([...model.types, ...model.enums].map((t) => [t.name, t.group]));
  const restGroup = new Map(model.rest.map((r) => [r.name, r.group]));
  const helpers = { scalars: new Set<string>(), ids: new Set<string>() };
  const converterModules = new Map<string, Set<string>>();
  const classes = new Map<string, Set<string>>();
  const enumTypes = new Map<string, Set<string>>();
  const reducers = new Map<string, Set<string>>();
  const restTypes = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, g: string, name: string) => (map.get(g) ?? map.set(g, new Set()).get(g)!).add(name);
  const ctx: Ctx = {
    helper: (name) => {
      if (name === "fromUnix") helpers.scalars.add(name);
      else if (name === "requiredId" || name === "idOrNull" || name === "knownIdOrNull" || name === "present") helpers.ids.add(name);
      else add(converterModules, model.handWritten[name]!.replace(/^src\//, "../../").replace(/\.ts$/, ".js"), name);
    },
    enumType: (name) => add(enumTypes, groupOf.get(name)!, name),
    reducer: (name) => {
      if (groupOf.get(name) !== group) add(reducers, groupOf.get(name)!, reducerName(name));
    },
  };
  const bodies = types.map((t) => {
    add(classes, t.group, t.name);
    for (const name of t.restType.match(/Rest\w+/g) ?? []) add(restTypes, restGroup.get(name)!, name);
    return emitReducer(t, ctx);
  });
  const sorted = (map: Map<string, Set<string>>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = helpers.scalars.size ? [`import { ${[...helpers.scalars].sort().join(", ")} } from "../../schema/scalars.js";`] : [];
  // The id helpers and the table's converters both live in hand-written modules.
  if (helpers.ids.size) add(converterModules, "../../datasources/reducers.js", [...helpers.ids].join(", "));
  for (const [m, names] of sorted(converterModules)) lines.push(`import { ${[...names].join(", ").split(", ").sort().join(", ")} } from "${m}";`);
  for (const [g, names] of sorted(classes)) {
    const enumNames = [...(enumTypes.get(g) ?? [])].map((n) => `type ${n}`);
    enumTypes.delete(g);
    lines.push(`import { ${[...[...names].sort(), ...enumNames.sort()].join(", ")} } from "../graph/${g}.js";`);
  }
  for (const [g, names] of sorted(enumTypes)) lines.push(`import type { ${[...names].sort().join(", ")} } from "../graph/${g}.js";`);
  for (const [g, names] of sorted(reducers)) lines.push(`import { ${[...names].sort().join(", ")} } from "./${g}.js";`);
  for (const [g, names] of sorted(restTypes)) lines.push(`import type { ${[...names].sort().join(", ")} } from "../rest/${g}.js";`);
  return `${banner(model.spec)}\n${lines.join("\n")}\n\n${bodies.join("\n")}`;
}

interface Ctx {
  helper(name: string): void;
  enumType(name: string): void;
  reducer(name: string): void;
}

function emitReducer(t: ModelType, ctx: Ctx): string {
  const members = t.fields.filter((f) => !f.computed).map((f) => `  graph.${f.name} = ${readField(f, ctx)};`);
  // Several shapes, not all with every property read: a shape without one reads it as undefined.
  const read = new Set(t.fields.filter((f) => !f.computed).map((f) => f.prop));
  const widen = t.shapes.some((s) => s.lacks.some((p) => read.has(p)));
  const param = widen ? "shape" : "rest";
  const lacking = t.shapes.map((s) => {
    const lacks = s.lacks.filter((p) => read.has(p));
    return lacks.length ? `(${s.restType} & { ${lacks.map((p) => `${p}?: undefined`).join("; ")} })` : s.restType;
  });
  const widened = widen ? `  const rest: ${lacking.join(" | ")} = shape;\n` : "";
  // An instance of its class (unions resolve by class), its fields set one by one: no object
  // literal built and then copied onto the instance (Object.assign) for every value.
  const built = `  const graph = new ${t.name}();\n${members.join("\n")}\n`;
  if (t.finish) ctx.helper(t.finish);
  // The hand-written finish gets the object built and the REST value it came from.
  const body = `${built}  return ${t.finish ? `${t.finish}(graph, ${param})` : "graph"};`;
  return `export function ${reducerName(t.name)}(${param}: ${t.restType}): ${t.name} {\n${widened}${body}\n}\n`;
}

/** The expression that reads field `f` from `rest`. */
function readField(f: ModelField, ctx: Ctx): string {
  const listAt = f.steps.indexOf("[]");
  if (listAt < 0) {
    const { expr, absent } = chain("rest", f.steps);
    return convert(f, expr, absent || f.nullable, ctx);
  }
  const { expr, absent } = chain("rest", f.steps.slice(0, listAt));
  if (f.nested) {
    // Lists of lists: each inner list item by item.
    const inner = convertItem(f, "chunk", ctx);
    const map = inner === "chunk" ? "" : inner.endsWith("(chunk)") ? `.map(${inner.slice(0, -"(chunk)".length)})` : `.map((chunk) => ${inner})`;
    return absent ? `(${expr} ?? []).map((item) => item${map})` : `${expr}.map((item) => item${map})`;
  }
  const itemSteps = f.steps.slice(listAt + 1);
  const item = itemSteps.length ? chain("item", itemSteps).expr : "item";
  const converted = convertItem(f, item, ctx);
  // `.map(String)` rather than `.map((item) => String(item))`.
  const direct = converted.endsWith("(item)") && !itemSteps.length ? converted.slice(0, -"(item)".length) : undefined;
  const map = converted === "item" ? "" : `.map(${direct ?? `(item) => ${converted}`})`;
  if (f.presentItems) {
    // present(list): the list without its null items ([] for none).
    ctx.helper("present");
    return f.nullable ? `${expr} ? present(${expr})${map} : null` : `present(${expr})${map}`;
  }
  if (f.nullable) return map ? `${expr}?${map} ?? null` : `${expr} ?? null`;
  return absent ? `(${expr} ?? [])${map}` : `${expr}${map}`;
}

/** `rest.a?.b.c`, and whether the value may be absent. */
function chain(base: string, steps: Step[]): { expr: string; absent: boolean } {
  let expr = base;
  let absent = false;
  for (const step of steps) {
    if (step === "[]") throw new Error("chain: unexpected list step");
    expr += `${absent ? "?." : "."}${step.prop}`;
    absent ||= step.optional;
  }
  return { expr: expr.replace(/^(\w+)\?\./, "$1."), absent };
}

function convert(f: ModelField, expr: string, mayBeNull: boolean, ctx: Ctx): string {
  if (f.via) {
    ctx.helper(f.via);
    return f.nullable ? `${expr} ? ${f.via}(${expr}) : null` : `${f.via}(${expr}${mayBeNull ? "!" : ""})`;
  }
  if (f.default !== undefined) return `${expr} ?? ${f.default}`;
  // Intercom's "none" for an object: one without an id (`plan: {}`).
  if (f.emptyIsNull && f.kind === "object") {
    ctx.reducer(f.type);
    return `${expr}?.id ? ${reducerName(f.type)}(${expr}) : null`;
  }
  // "" and 0 are Intercom's "not set" here.
  if (f.emptyIsNull && f.type === "ID") {
    ctx.helper("knownIdOrNull");
    return `knownIdOrNull(${expr})`;
  }
  if (f.emptyIsNull) {
    if (f.kind === "scalar" && !["ID", "DateTime", "JSONObject"].includes(f.type)) return `${expr} || null`;
    expr = `${expr} || null`;
  }
  const nullable = f.nullable;
  if (f.kind === "object") {
    ctx.reducer(f.type);
    const call = `${reducerName(f.type)}(${expr}${mayBeNull && !nullable ? "!" : ""})`;
    return nullable ? `${expr} ? ${reducerName(f.type)}(${expr}) : null` : call;
  }
  if (f.kind === "enum") {
    ctx.enumType(f.type);
    return nullable ? `(${expr} ?? null) as ${f.type} | null` : `${expr} as ${f.type}`;
  }
  switch (f.type) {
    case "ID":
      ctx.helper(nullable ? "idOrNull" : "requiredId");
      return nullable ? `idOrNull(${expr})` : `requiredId(${expr})`;
    case "DateTime":
      ctx.helper("fromUnix");
      return nullable ? `fromUnix(${expr})` : `fromUnix(${expr})!`;
    case "JSONObject":
      return nullable ? `${expr} ?? null` : `${expr} ?? {}`;
  }
  // A required field read from a property that may be absent: as declared, graphql-js reports a miss.
  if (mayBeNull) return nullable ? `${expr} ?? null` : `${expr}!`;
  return expr;
}

function convertItem(f: ModelField, item: string, ctx: Ctx): string {
  if (f.kind === "object") {
    ctx.reducer(f.type);
    return `${reducerName(f.type)}(${item})`;
  }
  if (f.kind === "enum") {
    ctx.enumType(f.type);
    return `${item} as ${f.type}`;
  }
  switch (f.type) {
    case "ID":
      if (item === "item") return "String(item)";
      ctx.helper("requiredId");
      return `requiredId(${item})`;
    case "DateTime":
      ctx.helper("fromUnix");
      return `fromUnix(${item})!`;
  }
  return item;
}
