// Search query evaluation (POST /contacts/search, POST /conversations/search) and the
// cursor pagination shared with GET /conversations.
import { badRequest } from "./errors.js";
import type { Contact, Conversation } from "./types.js";
import { isObject } from "./validate.js";

export const MAX_PER_PAGE = 150;
export const MAX_NESTING = 2; // "a limit of max 2 nested filters"
export const MAX_FILTERS_PER_GROUP = 15;

const OPERATORS = ["=", "!=", "IN", "NIN", "<", "<=", ">", ">=", "~", "!~", "^", "$"] as const;
type Operator = (typeof OPERATORS)[number];

/**
 * string/integer/boolean/date follow the "Accepted Fields" tables of the document.
 * `tag` is the contacts `tag_id` field (only = and !=). `any` is a field we do not
 * know the type of (custom attributes, undocumented paths): no operator checks.
 */
type FieldType = "string" | "integer" | "boolean" | "date" | "tag" | "any";

interface FieldSpec<T> {
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

const at = <T>(type: FieldType, path: string): FieldSpec<T> => ({ type, get: (r) => readPath(r, path) });

function fieldsFor<T>(types: Partial<Record<FieldType, string[]>>): Record<string, FieldSpec<T>> {
  const out: Record<string, FieldSpec<T>> = {};
  for (const [type, paths] of Object.entries(types) as [FieldType, string[]][]) {
    for (const path of paths) out[path] = at<T>(type, path);
  }
  return out;
}

const stripHtml = (html: string) => html.replace(/<[^>]*>/g, " ");

export const contactSearchModel: SearchModel<Contact> = {
  name: "contacts",
  dayTruncatedDates: true,
  defaultSort: { field: "created_at", order: "descending" },
  defaultPerPage: 50,
  fields: {
    ...fieldsFor<Contact>({
      string: [
        "id", "role", "name", "email", "email_domain", "phone", "external_id", "language_override", "browser",
        "browser_language", "os", "location.country", "location.region", "location.city", "ios_app_version",
        "ios_device", "ios_os_version", "ios_app_name", "ios_sdk_version", "android_app_version", "android_device",
        "android_app_name", "android_sdk_version", "android_os_version",
      ],
      integer: ["owner_id"],
      date: [
        "created_at", "signed_up_at", "updated_at", "last_seen_at", "last_contacted_at", "last_replied_at",
        "last_email_opened_at", "last_email_clicked_at", "ios_last_seen_at", "android_last_seen_at",
      ],
      boolean: ["unsubscribed_from_emails", "marked_email_as_spam", "has_hard_bounced"],
    }),
    avatar: { type: "string", get: (c) => c.avatar?.image_url ?? null },
    ios_app_device: at("string", "ios_device"),
    andoid_sdk_version: at("string", "android_sdk_version"), // the document's spelling
    tag_id: { type: "tag", get: (c) => c.tags.data.map((t) => t.id) },
    company_id: { type: "string", get: (c) => c.companies.data.map((t) => t.id) },
  },
};

/** The contacts model with `segment_id`, whose membership comes from the workspace's segment rules. */
export function withSegmentIds(model: SearchModel<Contact>, segmentIdsOf: (contact: Contact) => string[]): SearchModel<Contact> {
  return { ...model, fields: { ...model.fields, segment_id: { type: "string", get: segmentIdsOf } } };
}

export const conversationSearchModel: SearchModel<Conversation> = {
  name: "conversations",
  dayTruncatedDates: false,
  defaultSort: { field: "updated_at", order: "descending" },
  defaultPerPage: 20,
  fields: {
    ...fieldsFor<Conversation>({
      string: [
        "id", "source.type", "source.id", "source.delivered_as", "source.subject", "source.author.id",
        "source.author.type", "source.author.name", "source.author.email", "source.url", "state", "priority", "title",
        "statistics.last_closed_by_id", "conversation_rating.remark", "ai_agent.resolution_state",
        "ai_agent.last_answer_type", "ai_agent.rating_remark", "ai_agent.source_type", "ai_agent.source_title",
      ],
      integer: [
        "admin_assignee_id", "team_assignee_id", "statistics.time_to_assignment", "statistics.time_to_admin_reply",
        "statistics.time_to_first_close", "statistics.time_to_last_close", "statistics.median_time_to_reply",
        "statistics.count_reopens", "statistics.count_assignments", "statistics.count_conversation_parts",
        "ai_agent.rating",
      ],
      boolean: ["open", "read", "ai_agent_participated"],
      date: [
        "created_at", "updated_at", "waiting_since", "snoozed_until", "statistics.first_contact_reply_at",
        "statistics.first_assignment_at", "statistics.first_admin_reply_at", "statistics.first_close_at",
        "statistics.last_assignment_at", "statistics.last_assignment_admin_reply_at",
        "statistics.last_contact_reply_at", "statistics.last_admin_reply_at", "statistics.last_close_at",
      ],
    }),
    "source.body": { type: "string", get: (c) => stripHtml(c.source.body), words: true },
    contact_ids: { type: "string", get: (c) => c.contacts.contacts.map((x) => x.id) },
    teammate_ids: { type: "string", get: (c) => c.teammates.teammates.map((x) => x.id) },
    tag_ids: { type: "string", get: (c) => c.tags.tags.map((x) => x.id) },
    channel_initiated: { type: "string", get: () => null }, // not part of the REST shape
    "conversation_rating.score": at("integer", "conversation_rating.rating"),
    "conversation_rating.contact_id": at("string", "conversation_rating.contact.id"),
    "conversation_rating.admin_id": at("string", "conversation_rating.teammate.id"),
    "conversation_rating.admin_d": at("string", "conversation_rating.teammate.id"), // the document's spelling
    "conversation_rating.requested_at": at("date", "conversation_rating.created_at"),
    "conversation_rating.replied_at": at("date", "conversation_rating.created_at"),
  },
};

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

// ---------------------------------------------------------------- sorting & cursors

type SortValue = string | number | boolean | null;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

export interface SortSpec<T> {
  value: (record: T) => SortValue;
  descending: boolean;
}

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

export interface Page<T> {
  items: T[];
  pages: {
    type: "pages";
    page: number;
    per_page: number;
    total_pages: number;
    next?: { per_page: number; starting_after: string };
  };
  total_count: number;
}

/**
 * Keyset pagination: the cursor is base64 of `[sortValue, id]` of the last item served
 * (the shape of Intercom's own cursors), so a page after a concurrent update neither
 * repeats nor skips the records that did not move.
 */
export function paginate<T extends { id: string }>(records: T[], sort: SortSpec<T>, perPage: number, startingAfter?: string): Page<T> {
  const key = (r: T): [SortValue, string] => [sort.value(r), r.id];
  const compare = (a: [SortValue, string], b: [SortValue, string]) => {
    const c = compareValues(a[0], b[0]) || compareValues(a[1], b[1]);
    return sort.descending ? -c : c;
  };
  const sorted = [...records].sort((a, b) => compare(key(a), key(b)));
  let start = 0;
  if (startingAfter !== undefined && startingAfter !== "") {
    const cursor = decodeCursor(startingAfter);
    start = sorted.findIndex((r) => compare(key(r), cursor) > 0);
    if (start === -1) start = sorted.length;
  }
  const items = sorted.slice(start, start + perPage);
  const totalPages = Math.ceil(sorted.length / perPage);
  const page: Page<T> = {
    items,
    total_count: sorted.length,
    pages: { type: "pages", page: Math.min(Math.floor(start / perPage) + 1, Math.max(totalPages, 1)), per_page: perPage, total_pages: totalPages },
  };
  if (start + perPage < sorted.length) {
    page.pages.next = { per_page: perPage, starting_after: encodeCursor(key(items[items.length - 1]!)) };
  }
  return page;
}

function encodeCursor(key: [SortValue, string]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64");
}

function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string") return parsed as [SortValue, string];
  } catch {
    // fall through
  }
  throw invalid("starting_after is not a valid cursor");
}

/** per_page from a query string or a pagination object: integer 1..150. */
export function parsePerPage(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null || raw === "") return fallback;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw badRequest("parameter_invalid", "per_page must be a positive integer", "per_page");
  if (n > MAX_PER_PAGE) throw badRequest("parameter_invalid", `per_page must be at most ${MAX_PER_PAGE}`, "per_page");
  return n;
}
