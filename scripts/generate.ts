// `npm run generate`: the Intercom OpenAPI document + scripts/graph-mapping.ts → src/generated/
// (rest/: REST interfaces, graph/: TypeGraphQL types and enums, reducers/: REST → graph).
//   npm run generate                                   # from ../shared/intercom-openapi-2.11.yaml
//   npm run generate -- --spec ../shared/intercom-openapi-2.12.yaml --out /tmp/x
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GRAPH_MAPPING } from "./graph-mapping.js";
import { emitGraph } from "./generator/emit-graph.js";
import { emitReducers } from "./generator/emit-reducers.js";
import { emitRest } from "./generator/emit-rest.js";
import { buildModel, type Model } from "./generator/model.js";
import { DEFAULT_SPEC, loadSpec, ROOT, type Spec } from "./generator/spec.js";

export const GENERATED_DIR = path.join(ROOT, "src/generated");

/** Every generated file, by path relative to the output folder. */
export function generate(spec: Spec, { mapping = GRAPH_MAPPING, strict = true } = {}): { model: Model; files: Map<string, string> } {
  const model = buildModel(spec, mapping, { strict });
  const files = new Map<string, string>();
  const groups = new Set([...model.types, ...model.enums, ...model.rest].map((t) => t.group));
  for (const group of [...groups].sort()) {
    if (model.rest.some((r) => r.group === group)) files.set(`rest/${group}.ts`, emitRest(model, group));
    if ([...model.types, ...model.enums].some((t) => t.group === group)) {
      files.set(`graph/${group}.ts`, emitGraph(model, group, `src/generated/graph/${group}.ts`));
    }
    if (model.types.some((t) => t.group === group)) files.set(`reducers/${group}.ts`, emitReducers(model, group));
  }
  for (const [name, text] of files) files.set(name, text.trimEnd() + "\n");
  return { model, files };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const specFile = arg("--spec");
  const out = path.resolve(arg("--out") ?? GENERATED_DIR);
  try {
    // Another version than the gateway's is generated to be looked at: disagreements are warnings.
    const spec = loadSpec(specFile ? path.resolve(specFile) : undefined);
    const strict = !specFile || path.resolve(specFile) === DEFAULT_SPEC;
    const { files, model } = generate(spec, { strict });
    for (const problem of model.problems) console.warn(`warning: ${problem}`);
    // The folder holds generated files only: what the table no longer maps goes.
    for (const sub of ["rest", "graph", "reducers"]) rmSync(path.join(out, sub), { recursive: true, force: true });
    for (const [name, text] of files) {
      mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
      writeFileSync(path.join(out, name), text);
    }
    const count = (sub: string) => readdirSync(path.join(out, sub)).length;
    console.log(`wrote ${files.size} files to ${path.relative(process.cwd(), out) || "."} (rest ${count("rest")}, graph ${count("graph")}, reducers ${count("reducers")})`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
