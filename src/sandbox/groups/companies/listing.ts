// Listing companies, with Intercom's limits: page-based lists stop at a depth ("please use scroll
// API"), and the workspace has one scroll at a time, which expires when unused.
import { randomUUID } from "node:crypto";
import type { RestCompanyList, RestCompanyScroll } from "../../../generated/rest/companies.js";
import { badRequest, notFound } from "../../errors.js";
import { pagesOf, pageSlice, parsePage, parsePerPage } from "../../paging.js";
import type { RouteContext, RouteInput } from "../../router.js";
import type { Workspace } from "../../workspace.js";
import type { Company, CompaniesSettings, CompanyScroll } from "./records.js";
import { companyView } from "./views.js";

export const DEFAULT_COMPANIES_SETTINGS: CompaniesSettings = { pageDepthLimit: 10_000, scrollTtlMs: 60_000, scrollPageSize: 15 };
/** Intercom's page size limit for company lists. */
export const MAX_COMPANIES_PER_PAGE = 60;
const DEFAULT_PER_PAGE = 15;

/** page and per_page of a company list: Intercom caps the page size silently. */
export function companyPageParams(query: Record<string, string>): { page: number; perPage: number } {
  const page = parsePage(query.page);
  return { page, perPage: parsePerPage(query.per_page, DEFAULT_PER_PAGE, { max: MAX_COMPANIES_PER_PAGE, overMax: "cap", overflow: "accept" }) };
}

/** Deep page-based listing stops at the depth limit, as Intercom's does at 10,000 companies. */
function checkDepth(ws: Workspace, page: number, perPage: number): void {
  if ((page - 1) * perPage >= ws.companiesSettings.pageDepthLimit) {
    throw badRequest("bad_request", "page limit reached, please use scroll API");
  }
}

function companyList(ws: Workspace, companies: Company[], query: Record<string, string>): RestCompanyList {
  const { page, perPage } = companyPageParams(query);
  checkDepth(ws, page, perPage);
  const { data, totalPages } = pageSlice(companies, page, perPage);
  return { type: "list", data: data.map((c) => companyView(ws, c)), total_count: companies.length, pages: pagesOf(page, perPage, totalPages) };
}

function byLastRequest(companies: Company[], order: string | undefined): Company[] {
  if (order !== undefined && order !== "asc" && order !== "desc") throw badRequest("parameter_invalid", "order must be asc or desc", "order");
  const sign = order === "asc" ? 1 : -1;
  return [...companies].sort((a, b) => sign * (a.last_request_at - b.last_request_at) || a.id.localeCompare(b.id));
}

/** GET /companies: one company by name or company_id, or the companies of a tag or segment. */
export function retrieveCompanies(ctx: RouteContext, { query }: RouteInput): RestCompanyList {
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
export function listCompanies(ctx: RouteContext, { query }: RouteInput): RestCompanyList {
  const withUsers = ctx.ws.companies.filter((c) => c.user_count > 0);
  return companyList(ctx.ws, byLastRequest(withUsers, query.order), query);
}

/** GET /companies/scroll: one open scroll per workspace; a param unused for scrollTtlMs expires. */
export function scrollCompanies(ctx: RouteContext, { query }: RouteInput): RestCompanyScroll {
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
