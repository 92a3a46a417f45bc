import { badInput } from "./errors.js";

/** Intercom's search body: one filter, or an AND/OR group of filters. */
export type IntercomSearchQuery =
  | { field: string; operator: string; value: unknown }
  | { operator: "AND" | "OR"; value: IntercomSearchQuery[] };

/** The graph's typed search input, as plain data. */
export interface SearchQueryInput {
  field?: string;
  operator?: string;
  value?: {
    string?: string | null;
    strings?: string[] | null;
    int?: number | null;
    ints?: number[] | null;
    boolean?: boolean | null;
    dateTime?: Date | null;
    null?: boolean | null;
  } | null;
  and?: SearchQueryInput[] | null;
  or?: SearchQueryInput[] | null;
}

/** The document's limits: 2 levels of nested groups, 15 filters a group. */
export const MAX_GROUP_DEPTH = 2;
export const MAX_FILTERS_PER_GROUP = 15;

const LIST_OPERATORS = new Set(["IN", "NIN"]);
const ORDER_OPERATORS = new Set(["<", "<=", ">", ">="]);
const STRING_OPERATORS = new Set(["~", "!~", "^", "$"]);

function searchValue(input: SearchQueryInput, path: string): unknown {
  const value = input.value ?? {};
  // `boolean: false` is a value; `null: false` is not.
  const members = Object.entries(value).filter(([k, v]) => v !== undefined && v !== null && !(k === "null" && v === false));
  if (members.length !== 1) {
    throw badInput(`${path}.value must set exactly one of string, strings, int, ints, boolean, dateTime, null`, `${path}.value`);
  }
  const [kind, raw] = members[0]!;
  const isList = kind === "strings" || kind === "ints";
  const operator = input.operator!;
  if (LIST_OPERATORS.has(operator) !== isList) {
    throw badInput(`${path}: operator ${operator} ${isList ? "does not take" : "needs"} a list value`, `${path}.value`);
  }
  if (ORDER_OPERATORS.has(operator) && kind !== "int" && kind !== "dateTime") {
    throw badInput(`${path}: operator ${operator} compares integers and dates only`, `${path}.operator`);
  }
  if (STRING_OPERATORS.has(operator) && kind !== "string") {
    throw badInput(`${path}: operator ${operator} compares strings only`, `${path}.operator`);
  }
  if (kind === "dateTime") return Math.floor((raw as Date).getTime() / 1000);
  if (kind === "null") return null;
  return raw;
}

/**
 * Checks a search input against the document's rules and turns it into
 * Intercom's query body, before any upstream call is made.
 * `noListFields` names the fields that reject IN/NIN (dates and tag ids, per the document).
 */
export function toIntercomQuery(
  input: SearchQueryInput,
  noListFields: ReadonlySet<string> = new Set(),
  path = "query",
  depth = 0,
): IntercomSearchQuery {
  const groups = [input.and ? "and" : null, input.or ? "or" : null].filter(Boolean) as Array<"and" | "or">;
  const isCondition = input.field !== undefined || input.operator !== undefined || input.value !== undefined;
  if (groups.length + (isCondition ? 1 : 0) !== 1) {
    throw badInput(`${path} must be either a condition (field, operator, value) or one group (and / or)`, path);
  }
  if (groups.length === 1) {
    const kind = groups[0]!;
    const members = input[kind]!;
    if (depth >= MAX_GROUP_DEPTH) {
      throw badInput(`${path}.${kind}: search groups nest at most ${MAX_GROUP_DEPTH} levels deep`, `${path}.${kind}`);
    }
    if (members.length === 0 || members.length > MAX_FILTERS_PER_GROUP) {
      throw badInput(`${path}.${kind} must hold 1 to ${MAX_FILTERS_PER_GROUP} filters, got ${members.length}`, `${path}.${kind}`);
    }
    return {
      operator: kind === "and" ? "AND" : "OR",
      value: members.map((member, i) => toIntercomQuery(member, noListFields, `${path}.${kind}[${i}]`, depth + 1)),
    };
  }
  if (!input.field || !input.operator || !input.value) {
    throw badInput(`${path} needs field, operator and value`, path);
  }
  if (noListFields.has(input.field) && LIST_OPERATORS.has(input.operator)) {
    throw badInput(`${path}: IN and NIN do not apply to ${input.field}`, `${path}.operator`);
  }
  return { field: input.field, operator: input.operator, value: searchValue(input, path) };
}
