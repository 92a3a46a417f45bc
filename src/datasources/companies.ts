import { reduceCompany, reduceDeletedCompany } from "../generated/reducers/companies.js";
import { reduceSegment } from "../generated/reducers/segments.js";
import type {
  RestCompany,
  RestCompanyAttachedContacts,
  RestCompanyAttachedSegments,
  RestCompanyList,
  RestCompanyScroll,
  RestDeletedCompanyObject,
} from "../generated/rest/companies.js";
import { reduceContact } from "../generated/reducers/contacts.js";
import type { RestCursorPages } from "../generated/rest/common.js";
import type { RestContactAttachedCompanies } from "../generated/rest/contacts.js";
import { CompanyListOrder, type Company, type CreateOrUpdateCompanyInput, type DeletedCompany, type UpdateCompanyInput } from "../schema/company.js";
import type { Contact } from "../schema/contact.js";
import { toUnix } from "../schema/scalars.js";
import type { Segment } from "../schema/segment.js";
import { UpstreamError } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Intercom serves at most 60 companies a page. */
export const MAX_COMPANIES_PER_PAGE = 60;

/** Page-based listing stops at 10,000 companies ("page limit reached, please use scroll API"). */
export const MAX_LISTED_COMPANIES = 10_000;

/** The generated reducer ends here: Intercom sends a monthly spend with cents where the document (and the graph) say integer. */
export function finishCompany(company: Company, rest: RestCompany): Company {
  company.monthlySpend = Math.trunc(rest.monthly_spend ?? 0);
  return company;
}

/** One page of a page/per_page list (the shape `numberedPageConnection` pages over). */
export interface NumberedList<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

export interface ScrollPage {
  items: Company[];
  /**
   * Where the next page starts (opaque: Intercom's scroll param and how many companies the scroll
   * has served). After the end it still names the (now expired) scroll, so using it explains itself.
   */
  cursor: string | null;
  /** False once the scroll has ended (and Intercom has released it). */
  hasMore: boolean;
  totalCount: number | null;
}

/** A scroll cursor: Intercom's scroll param and how many companies the scroll has served so far. */
interface ScrollPosition {
  s: string;
  n: number;
}
const encodeScroll = (position: ScrollPosition) => Buffer.from(JSON.stringify(position)).toString("base64url");
function decodeScroll(cursor: string): ScrollPosition {
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as ScrollPosition;
    if (typeof position.s === "string" && position.s !== "" && Number.isInteger(position.n) && position.n >= 0) return position;
  } catch {
    // fall through
  }
  throw badInput("`after` is not a cursor `scrollCompanies` returned", "after");
}

export interface CompanyFilterParams {
  name?: string | null;
  companyId?: string | null;
  tagId?: string | null;
  segmentId?: string | null;
}

/** What a numbered page (the document's cursor_pages) says of the whole list. */
function numbered<T>(items: T[], totalCount: number | null | undefined, pages: Pick<RestCursorPages, "total_pages"> | null | undefined): NumberedList<T> {
  return { items, totalPages: pages?.total_pages ?? null, totalCount: totalCount ?? null };
}

/** The request body of POST /companies and PUT /companies/{id}, from the graph's input. */
function companyBody(input: UpdateCompanyInput & { companyId?: string | null }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) body[key] = value;
  };
  set("company_id", input.companyId);
  set("name", input.name);
  set("plan", input.plan);
  set("size", input.size);
  set("website", input.website);
  set("industry", input.industry);
  set("custom_attributes", input.customAttributes);
  set("remote_created_at", input.remoteCreatedAt ? toUnix(input.remoteCreatedAt) : undefined);
  set("monthly_spend", input.monthlySpend);
  return body;
}

const errorMessages = (error: UpstreamError): string =>
  ((error.extensions.intercom as { errors?: Array<{ message: string | null }> } | undefined)?.errors ?? [])
    .map((e) => e.message ?? "")
    .join(" ");

/** Re-words an Intercom error the client can act on, keeping its status, request id and Intercom's errors. */
function explained(error: UpstreamError, code: "BAD_USER_INPUT" | "CONFLICT", message: string): UpstreamError {
  return new UpstreamError(message, error.status, { ...error.extensions, code });
}

/** Deep page-based listing ends in "page limit reached, please use scroll API". */
function explainPageLimit(error: unknown): never {
  if (error instanceof UpstreamError && /page limit/i.test(errorMessages(error))) {
    throw explained(
      error,
      "BAD_USER_INPUT",
      "Intercom lists at most 10,000 companies page by page; to read past that, iterate with `scrollCompanies`.",
    );
  }
  throw error;
}

/**
 * Companies: the companies endpoints and the contact⇄company links.
 * Regular connections page by number; the scroll is only behind `scrollCompanies`
 * because a workspace can have one open scroll at a time.
 */
/** Intercom stores company custom attributes as strings. */
function checkCustomAttributes(input: UpdateCompanyInput): void {
  for (const [key, value] of Object.entries(input.customAttributes ?? {})) {
    if (typeof value !== "string") throw badInput(`customAttributes.${key} must be a string`, "input.customAttributes");
  }
}

export class CompaniesAPI extends IntercomDataSource {
  async getById(id: string): Promise<Company> {
    return reduceCompany(await this.get<RestCompany>(path`companies/${id}`));
  }

  async createOrUpdate(input: CreateOrUpdateCompanyInput): Promise<Company> {
    if (!input.companyId && !input.name) throw badInput("Set input.companyId (or at least input.name to create a company)", "input");
    checkCustomAttributes(input);
    return this.write(WRITE_EFFECTS.createOrUpdateCompany, input, async () => reduceCompany(await this.post<RestCompany>(path`companies`, { body: companyBody(input) })));
  }

  async update(id: string, input: UpdateCompanyInput): Promise<Company> {
    checkCustomAttributes(input);
    return this.write(WRITE_EFFECTS.updateCompany, { id }, async () => reduceCompany(await this.put<RestCompany>(path`companies/${id}`, { body: companyBody(input) })));
  }

  async remove(id: string): Promise<DeletedCompany> {
    return this.write(WRITE_EFFECTS.deleteCompany, { id }, async () => reduceDeletedCompany(await this.delete<RestDeletedCompanyObject>(path`companies/${id}`)));
  }

  /** POST /companies/list: companies with at least one user, by last request. */
  async list(page: number, perPage: number, order: CompanyListOrder = CompanyListOrder.DESC): Promise<NumberedList<Company>> {
    const body = await this.post<RestCompanyList>(path`companies/list`, {
      params: { page: String(page), per_page: String(perPage), order },
      read: true,
    }).catch(explainPageLimit);
    return numbered(body.data.map(reduceCompany), body.total_count, body.pages);
  }

  /** GET /companies with one filter. */
  async find(filter: CompanyFilterParams, page: number, perPage: number): Promise<NumberedList<Company>> {
    const params: Record<string, string> = { page: String(page), per_page: String(perPage) };
    if (filter.name != null) params.name = filter.name;
    if (filter.companyId != null) params.company_id = filter.companyId;
    if (filter.tagId != null) params.tag_id = filter.tagId;
    if (filter.segmentId != null) params.segment_id = filter.segmentId;
    const body = await this.get<RestCompanyList | RestCompany>(path`companies`, { params }).catch(explainPageLimit);
    // Live Intercom answers a lookup by name or company_id with the company itself, not a list.
    if (!("data" in body)) return numbered([reduceCompany(body)], 1, { total_pages: 1 });
    return numbered(body.data.map(reduceCompany), body.total_count, body.pages);
  }

  /**
   * GET /companies/scroll. When a page brings the count served up to the total, the
   * (empty) end page is read too, so the workspace's one scroll is released at once
   * instead of blocking every other scroll for a minute.
   */
  async scroll(after: string | null): Promise<ScrollPage> {
    const start = after ? decodeScroll(after) : null;
    const servedBefore = start?.n ?? 0;
    const body = await this.scrollRequest(start?.s ?? null);
    const items = body.data.map(reduceCompany);
    const totalCount = body.total_count ?? null;
    const scrollParam = body.scroll_param ?? null;
    let hasMore = items.length > 0 && scrollParam !== null;
    if (hasMore && totalCount !== null && servedBefore + items.length >= totalCount) {
      await this.scrollRequest(scrollParam).catch(() => undefined);
      hasMore = false;
    }
    const cursor = scrollParam ? encodeScroll({ s: scrollParam, n: servedBefore + items.length }) : null;
    return { items, cursor, hasMore, totalCount };
  }

  private async scrollRequest(scrollParam: string | null) {
    try {
      return await this.get<RestCompanyScroll>(path`companies/scroll`, {
        params: scrollParam ? { scroll_param: scrollParam } : {},
        // Scroll pages are a sequence: two identical in-flight scroll requests must both go upstream.
        deduplicate: false,
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const text = errorMessages(error);
      if (/scroll already exists/i.test(text)) {
        throw explained(
          error,
          "CONFLICT",
          "Another scroll over all companies is open in this workspace (Intercom allows one at a time). " +
            "Finish it, or wait until it expires about a minute after its last use, then start again.",
        );
      }
      if (/scroll parameter not found/i.test(text)) {
        throw explained(
          error,
          "BAD_USER_INPUT",
          "This scroll has expired (a scroll expires about a minute after its last use) or has ended. " +
            "Start a new scroll by calling `scrollCompanies` without `after`.",
        );
      }
      throw error;
    }
  }

  /** GET /companies/{id}/contacts. */
  async contactsOf(companyId: string, page: number, perPage: number): Promise<NumberedList<Contact>> {
    const body = await this.get<RestCompanyAttachedContacts>(path`companies/${companyId}/contacts`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return numbered(body.data.map(reduceContact), body.total_count, body.pages);
  }

  /** GET /companies/{id}/segments. */
  async segmentsOf(companyId: string): Promise<Segment[]> {
    const body = await this.get<RestCompanyAttachedSegments>(path`companies/${companyId}/segments`);
    return body.data.map(reduceSegment);
  }

  /** GET /contacts/{id}/companies. */
  async ofContact(contactId: string, page: number, perPage: number): Promise<NumberedList<Company>> {
    const body = await this.get<RestContactAttachedCompanies>(path`contacts/${contactId}/companies`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return numbered(body.companies.map(reduceCompany), body.total_count, body.pages);
  }

  async attachContact(contactId: string, companyId: string): Promise<Company> {
    return this.write(WRITE_EFFECTS.attachContactToCompany, { contactId, companyId }, async () =>
      reduceCompany(await this.post<RestCompany>(path`contacts/${contactId}/companies`, { body: { id: companyId } })),
    );
  }

  async detachContact(contactId: string, companyId: string): Promise<Company> {
    return this.write(WRITE_EFFECTS.detachContactFromCompany, { contactId, companyId }, async () => reduceCompany(await this.delete<RestCompany>(path`contacts/${contactId}/companies/${companyId}`)));
  }
}
