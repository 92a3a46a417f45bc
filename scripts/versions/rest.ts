// The REST side of the version report: the operations of two documents, matched by method and
// path (path parameter names aside: 2.12 renames most of them to {id}, the URLs stay the same),
// and whose request body or success response schema changed.
import { collectRefs } from "../generator/model.js";
import { operations, type Json, type Spec, type SpecOperation } from "../generator/spec.js";

export interface RestOperation {
  operationId: string;
  method: string;
  path: string;
}

export interface ChangedOperation {
  before: RestOperation;
  after: RestOperation;
  /** "operationId listDataAttributes → lisDataAttributes", "response 200: `ticket`, `ticket_part` changed". */
  changes: string[];
}

export interface ComponentChange {
  name: string;
  propertiesAdded: string[];
  propertiesRemoved: string[];
  /** Properties whose schema differs (beyond documentation). */
  propertiesChanged: string[];
  noLongerRequired: string[];
  nowRequired: string[];
  /** Its other keywords that differ ("nullable", "allOf", "enum"). */
  otherwise: string[];
}

export interface RestDiff {
  componentsAdded: string[];
  componentsRemoved: string[];
  componentsChanged: ComponentChange[];
  added: RestOperation[];
  removed: RestOperation[];
  /** Same operation, its path parameters renamed only. */
  renamedParameters: ChangedOperation[];
  changed: ChangedOperation[];
}

/** "GET /tickets/{}": an operation whatever its path parameters are called. */
export const operationKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, "{}")}`;

// What documents a schema rather than constrains it: a change to it is no schema change.
const DOCUMENTATION = new Set(["description", "example", "examples", "title", "summary", "externalDocs"]);

/** A schema as canonical JSON: documentation left out, keys sorted, $refs kept as names. */
function canonical(node: Json): string {
  const strip = (n: Json): Json => {
    if (Array.isArray(n)) return n.map(strip);
    if (!n || typeof n !== "object") return n;
    return Object.fromEntries(
      Object.keys(n)
        .filter((k) => n[k] !== undefined && !DOCUMENTATION.has(k) && !k.startsWith("x-"))
        .sort()
        .map((k) => [k, k === "properties" ? Object.fromEntries(Object.entries(n[k]).map(([p, v]) => [p, strip(v)])) : strip(n[k])]),
    );
  };
  return JSON.stringify(strip(node ?? null));
}

/** The components a schema reaches, transitively (a missing one counts: 2.11 references one it lacks). */
function reach(spec: Spec, node: Json): Set<string> {
  const seen = new Set<string>();
  const visit = (n: Json) => {
    const refs = new Set<string>();
    collectRefs(n, refs);
    for (const ref of refs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      visit(spec.doc.components?.schemas?.[ref]);
    }
  };
  visit(node);
  return seen;
}

/** The components, reached from either side, whose definitions differ; empty when the schemas are the same. */
function schemaChange(a: Spec, b: Spec, nodeA: Json, nodeB: Json): string[] | undefined {
  const names = [...new Set([...reach(a, nodeA), ...reach(b, nodeB)])].sort();
  const differ = names.filter((n) => canonical(a.doc.components.schemas[n]) !== canonical(b.doc.components.schemas[n]));
  if (!differ.length && canonical(nodeA) === canonical(nodeB)) return undefined;
  return differ;
}

const jsonSchema = (content: Json) => content?.["application/json"]?.schema;

function describe(kind: string, differ: string[] | undefined, a: Json, b: Json): string | undefined {
  if (!differ) return undefined;
  if (a === undefined) return `${kind}: added`;
  if (b === undefined) return `${kind}: removed`;
  return `${kind}: ${differ.length ? differ.map((n) => `\`${n}\``).join(", ") + " changed" : "its inline schema changed"}`;
}

function operationChanges(a: Spec, b: Spec, opA: SpecOperation, opB: SpecOperation): string[] {
  const changes: string[] = [];
  if (opA.operationId !== opB.operationId) changes.push(`operationId ${opA.operationId} → ${opB.operationId}`);
  const bodyA = jsonSchema(opA.node.requestBody?.content);
  const bodyB = jsonSchema(opB.node.requestBody?.content);
  const body = describe("request body", schemaChange(a, b, bodyA, bodyB), bodyA, bodyB);
  if (body) changes.push(body);
  // Success answers only: every error answer is Intercom's error list, in either version.
  const statuses = [...new Set([...Object.keys(opA.node.responses ?? {}), ...Object.keys(opB.node.responses ?? {})])].filter((s) => s.startsWith("2")).sort();
  for (const status of statuses) {
    const ra = jsonSchema(opA.node.responses?.[status]?.content);
    const rb = jsonSchema(opB.node.responses?.[status]?.content);
    const response = describe(`response ${status}`, schemaChange(a, b, ra, rb), ra, rb);
    if (response) changes.push(response);
  }
  return changes;
}

const short = (op: SpecOperation): RestOperation => ({ operationId: op.operationId, method: op.method, path: op.path });
const byPath = (x: RestOperation, y: RestOperation) => x.path.localeCompare(y.path) || x.method.localeCompare(y.method);

export function diffRest(a: Spec, b: Spec): RestDiff {
  const opsA = new Map(operations(a).map((op) => [operationKey(op.method, op.path), op]));
  const opsB = new Map(operations(b).map((op) => [operationKey(op.method, op.path), op]));
  const diff: RestDiff = { ...diffComponents(a, b), added: [], removed: [], renamedParameters: [], changed: [] };
  for (const [key, op] of opsA) if (!opsB.has(key)) diff.removed.push(short(op));
  for (const [key, op] of opsB) if (!opsA.has(key)) diff.added.push(short(op));
  for (const [key, opA] of opsA) {
    const opB = opsB.get(key);
    if (!opB) continue;
    const changes = operationChanges(a, b, opA, opB);
    const entry = { before: short(opA), after: short(opB), changes };
    if (changes.length) diff.changed.push(entry);
    if (opA.path !== opB.path) diff.renamedParameters.push(entry);
  }
  diff.added.sort(byPath);
  diff.removed.sort(byPath);
  diff.changed.sort((x, y) => byPath(x.before, y.before));
  diff.renamedParameters.sort((x, y) => byPath(x.before, y.before));
  return diff;
}

/** Component schemas of the two documents: which are new, gone, and what differs in the rest (own definition, $refs as names). */
function diffComponents(a: Spec, b: Spec): Pick<RestDiff, "componentsAdded" | "componentsRemoved" | "componentsChanged"> {
  const ca: Record<string, Json> = a.doc.components?.schemas ?? {};
  const cb: Record<string, Json> = b.doc.components?.schemas ?? {};
  const changed: ComponentChange[] = [];
  for (const name of Object.keys(ca).filter((n) => n in cb).sort()) {
    const [x, y] = [ca[name], cb[name]];
    if (canonical(x) === canonical(y)) continue;
    const px: Record<string, Json> = x.properties ?? {};
    const py: Record<string, Json> = y.properties ?? {};
    const rx = new Set<string>(x.required ?? []);
    const ry = new Set<string>(y.required ?? []);
    const keywords = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => k !== "properties" && k !== "required" && !DOCUMENTATION.has(k) && !k.startsWith("x-"));
    changed.push({
      name,
      propertiesAdded: Object.keys(py).filter((p) => !(p in px)).sort(),
      propertiesRemoved: Object.keys(px).filter((p) => !(p in py)).sort(),
      propertiesChanged: Object.keys(px).filter((p) => p in py && canonical(px[p]) !== canonical(py[p])).sort(),
      noLongerRequired: [...rx].filter((p) => !ry.has(p)).sort(),
      nowRequired: [...ry].filter((p) => !rx.has(p)).sort(),
      otherwise: keywords.filter((k) => canonical({ v: x[k] }) !== canonical({ v: y[k] })).sort(),
    });
  }
  return {
    componentsAdded: Object.keys(cb).filter((n) => !(n in ca)).sort(),
    componentsRemoved: Object.keys(ca).filter((n) => !(n in cb)).sort(),
    componentsChanged: changed,
  };
}
