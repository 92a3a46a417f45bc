// The search query language of POST /contacts/search, /conversations/search and
// /tickets/search: a query compiled against a group's search model (its "Accepted Fields",
// in the group's search-model.ts), sorted and paged by cursor, with Intercom's 400s.
import { badRequest } from "./errors.js";
import { paginate, parsePerPage, type SortSpec } from "./paging.js";
import type { RouteContext } from "./router.js";
import { isObject, requireBody } from "./validate.js";

export const MAX_NESTING = 2; // "a limit of max 2 nested filters"
export const MAX_FILTERS_PER_GROUP = 15;

const OPERATORS = ["=", "!=", "IN", "NIN", "<", "<=", ">", ">=", "~", "!~", "^", "$"] as const;
type Operator = (typeof OPERATORS)[number];

/**
 * string/integer/boolean/date follow the "Accepted Fields" tables of the document.
 * `tag` is the contacts `tag_id` field (only = and !=). `any` is a field we do not
 * know the type of (custom attributes, undocumented paths): no operator checks.
 */
export type FieldType = "string" | "integer" | "boolean" | "date" | "tag" | "any";

export interface FieldSpec<T> {
  type: FieldType;
  /** Returns the value, or an array for multi-valued fields (contact_ids, tag_ids …). */
  get: (record: T) => unknown;
  /** source.body: `=`-style operators match single words, not the whole text. */
  words?: boolean;
}

export interface SearchModel<T> {
  name: string;
  fields: Record<string, FieldSpec<T>>;
  /** Contacts search matches dates by calendar day (UTC here) and rejects !=, <=, >=, IN, NIN on them. */
  dayTruncatedDates: boolean;
  defaultSort: { field: string; order: "ascending" | "descending" };
  defaultPerPage: number;
}

/** Reads a dotted path ("location.city") from a REST object. */
export function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split(".")) {
    if (value === null || value === undefined || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A field read at a dotted path of the record. */
export const at = <T>(type: FieldType, path: string): FieldSpec<T> => ({ type, get: (r) => readPath(r, path) });

/** Fields read at their own paths, by type. */
export function fieldsFor<T>(types: Partial<Record<FieldType, string[]>>): Record<string, FieldSpec<T>> {
  const out: Record<string, FieldSpec<T>> = {};
  for (const [type, paths] of Object.entries(types) as [FieldType, string[]][]) {
    for (const path of paths) out[path] = at<T>(type, path);
  }
  return out;
}

const ALLOWED_OPERATORS: Record<Exclude<FieldType, "any">, readonly Operator[]> = {
  string: ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"],
  integer: ["=", "!=", "IN", "NIN", "<", "<=", ">", ">="],
  boolean: ["=", "!=", "IN", "NIN"],
  date: ["=", "!=", "IN", "NIN", "<", "<=", ">", ">="],
  tag: ["=", "!="],
};
const DAY_TRUNCATED_DATE_OPERATORS: readonly Operator[] = ["=", "<", ">"];

type Predicate<T> = (record: T) => boolean;
type Scalar = string | number | boolean | null;

const invalid = (message: string) => badRequest("parameter_invalid", message);

/** Validates a search query (throwing Intercom-style 400s) and compiles it to a predicate. */
export function compileQuery<T>(query: unknown, model: SearchModel<T>): Predicate<T> {
  if (query === undefined || query === null) throw badRequest("parameter_not_found", "query is a required parameter", "query");
  return compileNode(query, model, 0);
}

function compileNode<T>(node: unknown, model: SearchModel<T>, depth: number): Predicate<T> {
  if (!isObject(node)) throw invalid("Each query filter must be an object");
  if ("field" in node) return compileFilter(node, model);
  const op = node.operator;
  if (op !== "AND" && op !== "OR") {
    throw invalid(`Invalid operator for a filter group: ${JSON.stringify(op)}; expected AND or OR`);
  }
  if (depth >= MAX_NESTING) throw invalid(`Search queries can be nested at most ${MAX_NESTING} levels deep`);
  if (!Array.isArray(node.value)) throw invalid(`The value of an ${op} group must be an array of filters`);
  if (node.value.length > MAX_FILTERS_PER_GROUP) {
    throw invalid(`An ${op} group can hold at most ${MAX_FILTERS_PER_GROUP} filters, got ${node.value.length}`);
  }
  const children = node.value.map((child) => compileNode(child, model, depth + 1));
  return op === "AND" ? (r) => children.every((c) => c(r)) : (r) => children.some((c) => c(r));
}

function compileFilter<T>(node: Record<string, unknown>, model: SearchModel<T>): Predicate<T> {
  const field = node.field;
  if (typeof field !== "string" || field === "") throw invalid("field must be a non-empty string");
  const operator = node.operator;
  if (typeof operator !== "string" || !(OPERATORS as readonly string[]).includes(operator)) {
    throw invalid(`Invalid operator ${JSON.stringify(operator)} for field ${field}`);
  }
  const op = operator as Operator;
  // Unknown fields (custom attributes, other model keys) are read straight off the object.
  const spec: FieldSpec<T> = model.fields[field] ?? { type: "any", get: (r) => readPath(r, field) };
  const dayDates = spec.type === "date" && model.dayTruncatedDates;
  if (spec.type !== "any") {
    const allowed = dayDates ? DAY_TRUNCATED_DATE_OPERATORS : ALLOWED_OPERATORS[spec.type];
    if (!allowed.includes(op)) throw invalid(`Operator ${op} is not supported for field ${field}`);
  }

  const multi = op === "IN" || op === "NIN";
  const raw = node.value;
  if (multi && !Array.isArray(raw)) throw invalid(`The value for operator ${op} must be an array (field ${field})`);
  if (!multi && Array.isArray(raw)) throw invalid(`The value for operator ${op} cannot be an array (field ${field})`);
  const values: Scalar[] = (multi ? (raw as unknown[]) : [raw]).map((v) => coerce(v, spec.type, field, op));

  if (dayDates) {
    const day = (n: number) => Math.floor(n / 86_400) * 86_400;
    const v = values[0] as number;
    return (r) => {
      const x = spec.get(r);
      if (typeof x !== "number") return false;
      if (op === "=") return day(x) === day(v);
      if (op === ">") return x >= day(v) + 86_400; // "matches from the start of the next day"
      return x < day(v); // "<": everything before the start of that day
    };
  }

  const get = (r: T): unknown[] => {
    const x = spec.words ? wordsOf(spec.get(r), op) : spec.get(r);
    return Array.isArray(x) ? x : [x];
  };
  const anyMatch = (r: T, test: (x: unknown) => boolean) => get(r).some(test);
  const eqAny = (x: unknown) => values.some((v) => equals(x, v));
  switch (op) {
    case "=":
      return values[0] === null ? (r) => get(r).every(isUnknown) : (r) => anyMatch(r, eqAny);
    case "!=":
      return values[0] === null ? (r) => !get(r).every(isUnknown) : (r) => !anyMatch(r, eqAny);
    case "IN":
      return (r) => anyMatch(r, eqAny);
    case "NIN":
      return (r) => !anyMatch(r, eqAny);
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const v = Number(values[0]);
      const cmp = { "<": (x: number) => x < v, "<=": (x: number) => x <= v, ">": (x: number) => x > v, ">=": (x: number) => x >= v }[op];
      return (r) => anyMatch(r, (x) => typeof x === "number" && cmp(x));
    }
    case "~":
    case "!~":
    case "^":
    case "$": {
      const needle = String(values[0] ?? "").toLowerCase();
      const test = {
        "~": (s: string) => s.includes(needle),
        "!~": (s: string) => s.includes(needle),
        "^": (s: string) => s.startsWith(needle),
        $: (s: string) => s.endsWith(needle),
      }[op];
      const hit = (r: T) => anyMatch(r, (x) => typeof x === "string" && test(x.toLowerCase()));
      return op === "!~" ? (r) => !hit(r) : hit;
    }
  }
}

/** source.body: `=`/`!=`/IN/NIN compare single words; the text operators see the whole body. */
function wordsOf(value: unknown, op: Operator): unknown {
  if (typeof value !== "string") return value;
  if (op === "~" || op === "!~" || op === "^" || op === "$") return value.replace(/\s+/g, " ").trim();
  return value.split(/[^\p{L}\p{N}_'-]+/u).filter(Boolean);
}

const isUnknown = (x: unknown) => x === null || x === undefined;

function equals(x: unknown, v: Scalar): boolean {
  if (isUnknown(x) || v === null) return isUnknown(x) && v === null;
  if (typeof x === "number" && typeof v === "number") return x === v;
  if (typeof x === "boolean") return x === (v === true || v === "true");
  // Ids and text compare as strings, case-insensitively (email, names …).
  return String(x).toLowerCase() === String(v).toLowerCase();
}

/** Checks the value against the field type ("the value has to match the accepted type"). */
function coerce(value: unknown, type: FieldType, field: string, op: Operator): Scalar {
  if (value === null || value === undefined) {
    if (op === "=" || op === "!=") return null;
    throw invalid(`A value is required for operator ${op} (field ${field})`);
  }
  if (typeof value === "object") throw invalid(`Invalid value for field ${field}`);
  switch (type) {
    case "integer":
    case "date": {
      const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw invalid(`The value for field ${field} must be ${type === "date" ? "a Unix timestamp" : "an integer"}`);
      return n;
    }
    case "boolean":
      if (value === true || value === "true") return true;
      if (value === false || value === "false") return false;
      throw invalid(`The value for field ${field} must be a boolean`);
    case "string":
    case "tag":
      if (typeof value === "boolean") throw invalid(`The value for field ${field} must be a string`);
      return String(value);
    case "any":
      return value as Scalar;
  }
}

// ---------------------------------------------------------------- sorting, paging

type SortValue = string | number | boolean | null;

export function sortSpec<T>(model: SearchModel<T>, sort: unknown): SortSpec<T> {
  let field = model.defaultSort.field;
  let order = model.defaultSort.order;
  if (sort !== undefined && sort !== null) {
    if (!isObject(sort) || typeof sort.field !== "string") throw invalid("sort must be an object with a field");
    if (!model.fields[sort.field]) throw invalid(`Cannot sort by ${sort.field}`);
    field = sort.field;
    if (sort.order !== undefined) {
      if (sort.order !== "ascending" && sort.order !== "descending") throw invalid("sort.order must be ascending or descending");
      order = sort.order;
    }
  }
  const spec = model.fields[field]!;
  return {
    value: (r) => {
      const v = spec.get(r);
      return Array.isArray(v) ? ((v[0] as SortValue) ?? null) : ((v as SortValue) ?? null);
    },
    descending: order === "descending",
  };
}

/** A search endpoint's body (query, pagination, sort) run over records, hiding ones written within the index lag. */
export function runSearch<T extends { id: string }>(
  ctx: RouteContext,
  model: SearchModel<T>,
  records: T[],
  lastWriteAt: Map<string, number>,
  rawBody: unknown,
) {
  const body = requireBody(rawBody);
  const predicate = compileQuery(body.query, model);
  const pagination = body.pagination ?? {};
  if (!isObject(pagination)) throw badRequest("parameter_invalid", "pagination must be an object", "pagination");
  const perPage = parsePerPage(pagination.per_page, model.defaultPerPage);
  const startingAfter = pagination.starting_after;
  if (startingAfter !== undefined && startingAfter !== null && typeof startingAfter !== "string") {
    throw badRequest("parameter_invalid", "starting_after must be a string", "starting_after");
  }
  const sort = sortSpec(model, body.sort);
  // Search index lag: records written less than searchIndexLagMs ago are not indexed yet.
  const now = ctx.now();
  const indexed = (r: T) => {
    const written = lastWriteAt.get(r.id);
    return written === undefined || now - written >= ctx.searchIndexLagMs;
  };
  return paginate(records.filter((r) => indexed(r) && predicate(r)), sort, perPage, startingAfter ?? undefined);
}
