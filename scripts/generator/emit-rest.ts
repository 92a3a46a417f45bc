// REST interfaces: each component schema as the document declares it (required → present,
// nullable → `| null`), inline objects inline. What the datasources and the sandbox read and send.
import { restName, type Model } from "./model.js";
import { component, refName, type Json, type Spec } from "./spec.js";
import { banner, docComment, quoteKey } from "./text.js";

export function emitRest(model: Model, group: string): string {
  const own = model.rest.filter((r) => r.group === group);
  const groupOf = new Map(model.rest.map((r) => [r.component, r.group]));
  const imports = new Map<string, Set<string>>();
  const ctx: Ctx = {
    spec: model.spec,
    ref(name) {
      const g = groupOf.get(name);
      if (g === undefined) throw new Error(`REST component ${name} is referenced but not emitted`);
      if (g !== group) (imports.get(g) ?? imports.set(g, new Set()).get(g)!).add(restName(name));
      return restName(name);
    },
  };
  const bodies = own.map((r) => {
    const schema = component(model.spec, r.component);
    const doc = docComment(`\`${r.component}\`${schema.description ? `: ${schema.description}` : ""}`, "");
    const type = tsType(ctx, schema, "", true);
    return type.startsWith("{") ? `${doc}export interface ${r.name} ${type}\n` : `${doc}export type ${r.name} = ${type};\n`;
  });
  const importLines = [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([g, names]) => `import type { ${[...names].sort().join(", ")} } from "./${g}.js";`);
  return [banner(model.spec), importLines.join("\n"), bodies.join("\n")].filter(Boolean).join("\n\n").replace(/\n{3,}/g, "\n\n");
}

interface Ctx {
  spec: Spec;
  ref(name: string): string;
}

const orNull = (type: string, nullable: boolean) => (nullable ? `${type} | null` : type);

/** The TypeScript type of a schema node; `top` is a component's own schema (its nullability is its users'). */
function tsType(ctx: Ctx, node: Json, indent: string, top = false): string {
  const name = refName(node);
  if (name) return orNull(ctx.ref(name), node.nullable === true);
  const nullable = !top && node.nullable === true;
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((p: Json) => tsType(ctx, p, indent));
    const own = node.properties ? [objectType(ctx, node, indent)] : [];
    const type = [...parts, ...own].join(" & ");
    return orNull(parts.length + own.length > 1 && nullable ? `(${type})` : type, nullable);
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(node[key])) {
      const variants = [...new Set(node[key].map((p: Json) => tsType(ctx, p, indent)))] as string[];
      return orNull(variants.map((v) => (v.includes(" ") && !v.startsWith("{") ? `(${v})` : v)).join(" | "), nullable);
    }
  }
  if (Array.isArray(node.enum) && node.type !== "array") {
    const values = node.enum.filter((v: unknown) => v !== null).map((v: unknown) => JSON.stringify(v));
    return orNull(values.join(" | "), nullable || node.enum.includes(null));
  }
  switch (node.type) {
    case "string":
      return orNull("string", nullable);
    case "integer":
    case "number":
      return orNull("number", nullable);
    case "boolean":
      return orNull("boolean", nullable);
    case "array": {
      const item = node.items ? tsType(ctx, node.items, indent) : "unknown";
      return orNull(/^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`, nullable);
    }
  }
  if (node.properties) return orNull(objectType(ctx, node, indent), nullable);
  if (node.type === "object" || node.additionalProperties) {
    const values = typeof node.additionalProperties === "object" ? tsType(ctx, node.additionalProperties, indent) : "unknown";
    return orNull(`Record<string, ${values}>`, nullable);
  }
  return "unknown";
}

function objectType(ctx: Ctx, node: Json, indent: string): string {
  const required = new Set<string>(node.required ?? []);
  const inner = indent + "  ";
  const lines = Object.entries<Json>(node.properties ?? {}).map(([prop, p]) => {
    const key = `${inner}${quoteKey(prop)}${required.has(prop) ? "" : "?"}:`;
    const type = tsType(ctx, p, inner);
    // A long union of literals reads better one member a line.
    if (key.length + type.length > 120 && !type.includes("{")) return `${key}\n${type.split(" | ").map((v) => `${inner}  | ${v}`).join("\n")};`;
    return `${key} ${type};`;
  });
  return lines.length ? `{\n${lines.join("\n")}\n${indent}}` : "Record<string, unknown>";
}
