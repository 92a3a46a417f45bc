// Sandbox resource module: Companies and Segments. Companies are seeded by the core seed
// (ws.companies); this module adds rule-based segments and serves the companies, segments
// and contact⇄company operations of the 2.11 document, with Intercom's list limits: one
// open scroll per workspace that expires when unused, and a page-depth limit on listing.
import { randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput, Route } from "../routes.js";
import { continentOf, SEED_BASE_TIME } from "../seed.js";
import type { Company, Contact, Workspace } from "../types.js";
import { isObject, nowSeconds } from "../validate.js";
import { findContact } from "./contacts.js";

const DAY = 86_400;

/** `segment` schema. */
export interface Segment {
  type: "segment";
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
  person_type: "contact" | "user";
}

/** What a segment selects: contacts or companies matching a rule, evaluated live. */
export interface SegmentRule {
  appliesTo: "contacts" | "companies";
  matches(record: Contact | Company, ws: Workspace): boolean;
}

export interface CompanyScroll {
  param: string;
  /** Company ids in scroll order, fixed when the scroll opened. */
  ids: string[];
  position: number;
  /** Wall-clock ms of the last call that used the scroll. */
  lastUsedMs: number;
}

export interface CompaniesSettings {
  /** Page-based listing refuses offsets at or past this many companies ("please use scroll API"). Intercom: 10,000. */
  pageDepthLimit: number;
  /** A scroll unused for this long expires. Intercom: one minute. */
  scrollTtlMs: number;
  /** Companies per scroll page. */
  scrollPageSize: number;
}

/** The workspace collections this module owns. */
export interface CompaniesState {
  segments: Segment[];
  /** Segment id → its membership rule. */
  segmentRules: Map<string, SegmentRule>;
  /** The one open companies scroll of the workspace, if any. */
  companyScroll: CompanyScroll | null;
  /** Tests may change these on `sandbox.workspace` to reach the limits quickly. */
  companiesSettings: CompaniesSettings;
}

export const DEFAULT_COMPANIES_SETTINGS: CompaniesSettings = { pageDepthLimit: 10_000, scrollTtlMs: 60_000, scrollPageSize: 15 };
/** Intercom's page size limit for company lists. */
export const MAX_COMPANIES_PER_PAGE = 60;
const DEFAULT_PER_PAGE = 15;
const CONTACT_COMPANY_LIMIT = 1000;

// ---------------------------------------------------------------- seed

const isContact = (r: Contact | Company): r is Contact => r.type === "contact";
const contactRule = (test: (c: Contact, ws: Workspace) => boolean): SegmentRule => ({
  appliesTo: "contacts",
  matches: (r, ws) => isContact(r) && test(r, ws),
});
const companyRule = (test: (c: Company, ws: Workspace) => boolean): SegmentRule => ({
  appliesTo: "companies",
  matches: (r, ws) => !isContact(r) && test(r, ws),
});
const hasTag = (ws: Workspace, refs: { id: string }[], name: string) => {
  const tag = ws.tags.find((t) => t.name === name);
  return tag !== undefined && refs.some((r) => r.id === tag.id);
};

const SEGMENT_DEFS: { name: string; person_type: Segment["person_type"]; rule: SegmentRule }[] = [
  { name: "Active in the last 30 days", person_type: "user", rule: contactRule((c) => c.role === "user" && (c.last_seen_at ?? 0) >= SEED_BASE_TIME - 30 * DAY) },
  { name: "All leads", person_type: "contact", rule: contactRule((c) => c.role === "lead") },
  { name: "Enterprise plan users", person_type: "user", rule: contactRule((c) => c.role === "user" && c.custom_attributes.plan === "enterprise") },
  { name: "Beta testers", person_type: "user", rule: contactRule((c) => c.custom_attributes.beta_tester === true) },
  { name: "EMEA users", person_type: "user", rule: contactRule((c) => c.role === "user" && ["EU", "AF"].includes(continentOf(c.location.country) ?? "")) },
  { name: "Unsubscribed from email", person_type: "user", rule: contactRule((c) => c.unsubscribed_from_emails) },
  // Tag-driven segments: the tags module refuses to delete the tags these depend on (same names).
  { name: "VIP customers", person_type: "user", rule: contactRule((c, ws) => hasTag(ws, c.tags.data, "VIP")) },
  { name: "At-risk accounts", person_type: "user", rule: contactRule((c, ws) => hasTag(ws, c.tags.data, "Churn risk")) },
  { name: "Enterprise accounts", person_type: "user", rule: companyRule((co, ws) => hasTag(ws, co.tags.tags, "Enterprise")) },
  { name: "Key accounts", person_type: "user", rule: companyRule((co) => co.monthly_spend >= 999) },
  { name: "Enterprise companies", person_type: "user", rule: companyRule((co) => co.plan.name === "Enterprise") },
];

function seed(ws: Workspace, rng: Rng): void {
  ws.segments = [];
  ws.segmentRules = new Map();
  ws.companyScroll = null;
  ws.companiesSettings = { ...DEFAULT_COMPANIES_SETTINGS };
  for (const def of SEGMENT_DEFS) {
    const created = SEED_BASE_TIME - rng.int(60, 800) * DAY - rng.int(0, DAY);
    const segment: Segment = {
      type: "segment",
      id: rng.hex(24),
      name: def.name,
      created_at: created,
      updated_at: Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 300) * DAY),
      person_type: def.person_type,
    };
    ws.segments.push(segment);
    ws.segmentRules.set(segment.id, def.rule);
  }
}

// ---------------------------------------------------------------- membership and views

export function contactSegments(ws: Workspace, contact: Contact): Segment[] {
  return ws.segments.filter((s) => ws.segmentRules.get(s.id)?.matches(contact, ws));
}

export function companySegments(ws: Workspace, company: Company): Segment[] {
  return ws.segments.filter((s) => ws.segmentRules.get(s.id)?.matches(company, ws));
}

/** The `company` as served: its embedded segments evaluated now (membership is rule-based and live). */
export function companyView(ws: Workspace, company: Company): Company {
  return { ...company, segments: { type: "segment.list", segments: companySegments(ws, company) } };
}

function findCompany(ws: Workspace, id: string): Company {
  const company = ws.companies.find((c) => c.id === id);
  if (!company) throw notFound("company_not_found", "Company Not Found");
  return company;
}

const contactsOf = (ws: Workspace, company: Company) => ws.contacts.filter((c) => c.companies.data.some((r) => r.id === company.id));


// ---------------------------------------------------------------- paging

function pageParams(query: Record<string, string>): { page: number; perPage: number } {
  const int = (raw: string | undefined, field: string, fallback: number) => {
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest("parameter_invalid", `${field} must be a positive integer`, field);
    return Number(raw);
  };
  // Intercom caps the page size silently.
  return { page: int(query.page, "page", 1), perPage: Math.min(int(query.per_page, "per_page", DEFAULT_PER_PAGE), MAX_COMPANIES_PER_PAGE) };
}

function pageOf<T>(items: T[], page: number, perPage: number) {
  const totalPages = Math.ceil(items.length / perPage);
  return { slice: items.slice((page - 1) * perPage, page * perPage), totalPages };
}

/** `cursor_pages` of a page/per_page list. */
const cursorPages = (page: number, perPage: number, totalPages: number) => ({ type: "pages", page, per_page: perPage, total_pages: totalPages });

/** Deep page-based listing stops at the depth limit, as Intercom's does at 10,000 companies. */
function checkDepth(ws: Workspace, page: number, perPage: number): void {
  if ((page - 1) * perPage >= ws.companiesSettings.pageDepthLimit) {
    throw badRequest("bad_request", "page limit reached, please use scroll API");
  }
}

function companyList(ws: Workspace, companies: Company[], query: Record<string, string>) {
  const { page, perPage } = pageParams(query);
  checkDepth(ws, page, perPage);
  const { slice, totalPages } = pageOf(companies, page, perPage);
  return { type: "list", data: slice.map((c) => companyView(ws, c)), total_count: companies.length, pages: cursorPages(page, perPage, totalPages) };
}

function byLastRequest(companies: Company[], order: string | undefined): Company[] {
  if (order !== undefined && order !== "asc" && order !== "desc") throw badRequest("parameter_invalid", "order must be asc or desc", "order");
  const sign = order === "asc" ? 1 : -1;
  return [...companies].sort((a, b) => sign * (a.last_request_at - b.last_request_at) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------- writes

const WRITABLE = ["name", "company_id", "plan", "size", "website", "industry", "custom_attributes", "remote_created_at", "monthly_spend"] as const;
type CompanyFields = Partial<{
  name: string;
  company_id: string;
  plan: string;
  size: number;
  website: string;
  industry: string;
  custom_attributes: Record<string, string>;
  remote_created_at: number;
  monthly_spend: number;
}>;

/** Validates a create/update body per `create_or_update_company_request`. */
function companyFields(raw: unknown): CompanyFields {
  if (!isObject(raw)) throw badRequest("bad_request", "The request body must be a JSON object");
  const unknown = Object.keys(raw).find((k) => !(WRITABLE as readonly string[]).includes(k));
  if (unknown !== undefined) throw badRequest("bad_request", `bad '${unknown}' parameter`);
  const out: CompanyFields = {};
  for (const field of ["name", "company_id", "plan", "website", "industry"] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw badRequest("parameter_invalid", `${field} must be a string`, field);
    out[field] = v;
  }
  for (const field of ["size", "remote_created_at"] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw badRequest("parameter_invalid", `${field} must be a positive integer`, field);
    out[field] = v;
  }
  const spend = raw.monthly_spend;
  if (spend !== undefined && spend !== null) {
    if (typeof spend !== "number" || !Number.isFinite(spend) || spend < 0) throw badRequest("parameter_invalid", "monthly_spend must be a number", "monthly_spend");
    if (spend > 2_147_483_647) throw badRequest("parameter_invalid", "monthly_spend must be at most 2147483647", "monthly_spend");
    out.monthly_spend = Math.trunc(spend); // "this will truncate floats"
  }
  const attrs = raw.custom_attributes;
  if (attrs !== undefined && attrs !== null) {
    if (!isObject(attrs)) throw badRequest("parameter_invalid", "custom_attributes must be an object", "custom_attributes");
    for (const [k, v] of Object.entries(attrs)) {
      if (typeof v !== "string") throw badRequest("parameter_invalid", `custom_attributes.${k} must be a string`, "custom_attributes");
    }
    out.custom_attributes = attrs as Record<string, string>;
  }
  return out;
}

/** Plans are named by the client; a known name keeps its id, a new one gets the next id. */
function planFor(ws: Workspace, name: string): Company["plan"] {
  const known = ws.companies.find((c) => c.plan.name === name);
  if (known) return { ...known.plan };
  const next = Math.max(269314, ...ws.companies.map((c) => Number(c.plan.id) || 0)) + 1;
  return { type: "plan", id: String(next), name };
}

function applyFields(ws: Workspace, company: Company, fields: CompanyFields, at: number): void {
  if (fields.name !== undefined) company.name = fields.name;
  if (fields.plan !== undefined) company.plan = planFor(ws, fields.plan);
  if (fields.size !== undefined) company.size = fields.size;
  if (fields.website !== undefined) company.website = fields.website;
  if (fields.industry !== undefined) company.industry = fields.industry;
  if (fields.remote_created_at !== undefined) company.remote_created_at = fields.remote_created_at;
  if (fields.monthly_spend !== undefined) company.monthly_spend = fields.monthly_spend;
  if (fields.custom_attributes !== undefined) Object.assign(company.custom_attributes, fields.custom_attributes);
  company.updated_at = at;
}

/** POST /companies: upsert by company_id. */
function createOrUpdateCompany(ctx: RouteContext, { body }: RouteInput): Company {
  const { ws } = ctx;
  const fields = companyFields(body);
  const at = nowSeconds(ctx);
  let company = fields.company_id !== undefined ? ws.companies.find((c) => c.company_id === fields.company_id) : undefined;
  if (!company) {
    if (fields.company_id === undefined && fields.name === undefined) {
      throw badRequest("parameter_not_found", "company_id or name is required to create a company", "company_id");
    }
    company = {
      type: "company",
      id: randomUUID().replace(/-/g, "").slice(0, 24),
      name: fields.name ?? "",
      app_id: ws.app.id_code,
      company_id: fields.company_id ?? randomUUID(),
      plan: { type: "plan", id: "", name: "" },
      remote_created_at: fields.remote_created_at ?? at,
      created_at: at,
      updated_at: at,
      last_request_at: at,
      size: 0,
      website: "",
      industry: "",
      monthly_spend: 0,
      session_count: 0,
      user_count: 0,
      custom_attributes: {},
      tags: { type: "tag.list", tags: [] },
      segments: { type: "segment.list", segments: [] },
    };
    ws.companies.push(company);
  }
  applyFields(ws, company, fields, at);
  return companyView(ws, company);
}

/** PUT /companies/{id}: the same fields, except that company_id can't change. */
function updateCompany(ctx: RouteContext, { params, body }: RouteInput): Company {
  const fields = companyFields(body ?? {});
  const company = findCompany(ctx.ws, params.company_id!);
  if (fields.company_id !== undefined && fields.company_id !== company.company_id) {
    throw badRequest("parameter_invalid", "company_id can't be updated", "company_id");
  }
  applyFields(ctx.ws, company, fields, nowSeconds(ctx));
  return companyView(ctx.ws, company);
}

/** DELETE /companies/{id}: archives the company and detaches its contacts (they stay). */
function deleteCompany(ctx: RouteContext, { params }: RouteInput) {
  const { ws } = ctx;
  const company = findCompany(ws, params.company_id!);
  for (const contact of contactsOf(ws, company)) unlink(contact, company);
  ws.companies.splice(ws.companies.indexOf(company), 1);
  return { id: company.id, object: "company", deleted: true };
}

function unlink(contact: Contact, company: Company): void {
  const refs = contact.companies;
  refs.data = refs.data.filter((r) => r.id !== company.id);
  refs.total_count = refs.data.length;
  company.user_count = Math.max(0, company.user_count - 1);
}

/** POST /contacts/{id}/companies: attach (idempotent), keeping user_count and the contact's references in step. */
function attachContact(ctx: RouteContext, { params, body }: RouteInput): Company {
  const { ws } = ctx;
  const raw = isObject(body) ? body.id : undefined;
  if (raw === undefined || raw === null || raw === "") throw badRequest("parameter_not_found", "company not specified", "id");
  if (typeof raw !== "string") throw badRequest("parameter_invalid", "id must be a string", "id");
  const contact = findContact(ws, params.contact_id!);
  const company = findCompany(ws, raw);
  const refs = contact.companies;
  if (!refs.data.some((r) => r.id === company.id)) {
    if (refs.data.length >= CONTACT_COMPANY_LIMIT) {
      throw new ApiError(400, "contact_company_limit_exceeded", `Contact has reached the maximum of ${CONTACT_COMPANY_LIMIT} company associations`);
    }
    refs.data.push({ type: "company", id: company.id, url: `/companies/${company.id}` });
    refs.total_count = refs.data.length;
    company.user_count++;
  }
  return companyView(ws, company);
}

/** DELETE /contacts/{id}/companies/{company_id}: detach (idempotent). */
function detachContact(ctx: RouteContext, { params }: RouteInput): Company {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const company = findCompany(ws, params.company_id!);
  if (contact.companies.data.some((r) => r.id === company.id)) unlink(contact, company);
  return companyView(ws, company);
}

// ---------------------------------------------------------------- reads

/** GET /companies: one company by name or company_id, or the companies of a tag or segment. */
function retrieveCompanies(ctx: RouteContext, { query }: RouteInput) {
  const { ws } = ctx;
  let matches: Company[];
  if (query.company_id !== undefined) {
    matches = ws.companies.filter((c) => c.company_id === query.company_id);
    if (!matches.length) throw notFound("company_not_found", "Company Not Found");
  } else if (query.name !== undefined) {
    matches = ws.companies.filter((c) => c.name.toLowerCase() === query.name!.toLowerCase());
    if (!matches.length) throw notFound("company_not_found", "Company Not Found");
  } else if (query.tag_id !== undefined) {
    matches = ws.companies.filter((c) => c.tags.tags.some((t) => t.id === query.tag_id));
  } else if (query.segment_id !== undefined) {
    const rule = ws.segmentRules.get(query.segment_id);
    matches = rule ? ws.companies.filter((c) => rule.matches(c, ws)) : [];
  } else {
    matches = ws.companies;
  }
  return companyList(ws, byLastRequest(matches, undefined), query);
}

/** POST /companies/list: companies with at least one user, by last_request_at. */
function listCompanies(ctx: RouteContext, { query }: RouteInput) {
  const withUsers = ctx.ws.companies.filter((c) => c.user_count > 0);
  return companyList(ctx.ws, byLastRequest(withUsers, query.order), query);
}

/** GET /companies/scroll: one open scroll per workspace; a param unused for scrollTtlMs expires. */
function scrollCompanies(ctx: RouteContext, { query }: RouteInput) {
  const { ws } = ctx;
  const now = ctx.now();
  const open = ws.companyScroll && now - ws.companyScroll.lastUsedMs < ws.companiesSettings.scrollTtlMs ? ws.companyScroll : null;
  let scroll: CompanyScroll;
  if (query.scroll_param === undefined || query.scroll_param === "") {
    if (open) throw badRequest("bad_request", "scroll already exists for this app");
    scroll = { param: randomUUID(), ids: byLastRequest(ws.companies, undefined).map((c) => c.id), position: 0, lastUsedMs: now };
    ws.companyScroll = scroll;
  } else {
    if (!open || open.param !== query.scroll_param) throw notFound("not_found", "scroll parameter not found");
    scroll = open;
  }
  const ids = scroll.ids.slice(scroll.position, scroll.position + ws.companiesSettings.scrollPageSize);
  scroll.position += ids.length;
  scroll.lastUsedMs = now;
  // The end of the scroll answers an empty page and expires the param.
  if (!ids.length) ws.companyScroll = null;
  const data = ids.flatMap((id) => ws.companies.filter((c) => c.id === id)).map((c) => companyView(ws, c));
  return { type: "list", data, total_count: scroll.ids.length, scroll_param: scroll.param, pages: { type: "pages" } };
}

/** GET /companies/{id}/contacts. */
function companyContacts(ctx: RouteContext, { params, query }: RouteInput) {
  const { ws } = ctx;
  const company = findCompany(ws, params.company_id!);
  const { page, perPage } = pageParams(query);
  const contacts = contactsOf(ws, company);
  const { slice, totalPages } = pageOf(contacts, page, perPage);
  return { type: "list", data: slice, total_count: contacts.length, pages: cursorPages(page, perPage, totalPages) };
}

/** GET /contacts/{id}/companies: `contact_attached_companies` with `pages_link`. */
function contactCompanies(ctx: RouteContext, { params, query }: RouteInput) {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const { page, perPage } = pageParams(query);
  const companies = contact.companies.data.flatMap((r) => ws.companies.filter((c) => c.id === r.id));
  const { slice, totalPages } = pageOf(companies, page, perPage);
  const next = page < totalPages ? `/contacts/${contact.id}/companies?page=${page + 1}&per_page=${perPage}` : null;
  return {
    type: "list",
    companies: slice.map((c) => companyView(ws, c)),
    total_count: companies.length,
    pages: { type: "pages", page, per_page: perPage, total_pages: totalPages, next },
  };
}

const segmentView = (ws: Workspace, s: Segment, withCount: boolean) => {
  if (!withCount) return s;
  const rule = ws.segmentRules.get(s.id);
  const members = rule?.appliesTo === "companies" ? ws.companies : ws.contacts;
  return { ...s, count: rule ? members.filter((m) => rule.matches(m, ws)).length : 0 };
};

// ---------------------------------------------------------------- routes

const routes: Route[] = [
  { operationId: "createOrUpdateCompany", method: "POST", path: "/companies", handler: createOrUpdateCompany },
  { operationId: "retrieveCompany", method: "GET", path: "/companies", handler: retrieveCompanies },
  { operationId: "listAllCompanies", method: "POST", path: "/companies/list", handler: listCompanies },
  { operationId: "scrollOverAllCompanies", method: "GET", path: "/companies/scroll", handler: scrollCompanies },
  { operationId: "RetrieveACompanyById", method: "GET", path: "/companies/:company_id", handler: ({ ws }, { params }) => companyView(ws, findCompany(ws, params.company_id!)) },
  { operationId: "UpdateCompany", method: "PUT", path: "/companies/:company_id", handler: updateCompany },
  { operationId: "deleteCompany", method: "DELETE", path: "/companies/:company_id", handler: deleteCompany },
  { operationId: "ListAttachedContacts", method: "GET", path: "/companies/:company_id/contacts", handler: companyContacts },
  {
    operationId: "ListAttachedSegmentsForCompanies",
    method: "GET",
    path: "/companies/:company_id/segments",
    handler: ({ ws }, { params }) => {
      const data = companySegments(ws, findCompany(ws, params.company_id!));
      // `company_attached_segments` requires total_count without defining it.
      return { type: "list", data, total_count: data.length };
    },
  },
  { operationId: "attachContactToACompany", method: "POST", path: "/contacts/:contact_id/companies", handler: attachContact },
  { operationId: "listCompaniesForAContact", method: "GET", path: "/contacts/:contact_id/companies", handler: contactCompanies },
  { operationId: "detachContactFromACompany", method: "DELETE", path: "/contacts/:contact_id/companies/:company_id", handler: detachContact },
  {
    operationId: "listSegmentsForAContact",
    method: "GET",
    path: "/contacts/:contact_id/segments",
    handler: ({ ws }, { params }) => ({ type: "list", data: contactSegments(ws, findContact(ws, params.contact_id!)) }),
  },
  {
    operationId: "listSegments",
    method: "GET",
    path: "/segments",
    handler: ({ ws }, { query }) => {
      if (query.include_count !== undefined && query.include_count !== "true" && query.include_count !== "false") {
        throw badRequest("parameter_invalid", "include_count must be true or false", "include_count");
      }
      return { type: "segment.list", segments: ws.segments.map((s) => segmentView(ws, s, query.include_count === "true")), pages: {} };
    },
  },
  {
    operationId: "retrieveSegment",
    method: "GET",
    path: "/segments/:segment_id",
    handler: ({ ws }, { params }) => {
      const segment = ws.segments.find((s) => s.id === params.segment_id);
      if (!segment) throw notFound("not_found", "Resource Not Found");
      return segment;
    },
  },
];

export const companiesResource: ResourceModule = { name: "companies", seed, routes };
