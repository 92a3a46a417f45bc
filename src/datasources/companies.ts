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
import type { RestContactAttachedCompanies } from "../generated/rest/contacts.js";
import { CompanyListOrder, type Company, type CreateOrUpdateCompanyInput, type DeletedCompany, type UpdateCompanyInput } from "../schema/company.js";
import type { Contact } from "../schema/contact.js";
import { toUnix } from "../schema/scalars.js";
import type { Segment } from "../schema/segment.js";
import { UpstreamError } from "./errors.js";
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
  /** The scroll param Intercom answered (it stays the same for the whole scroll). */
  scrollParam: string | null;
  /** False once the scroll has ended (and Intercom has released it). */
  hasMore: boolean;
  totalCount: number | null;
}

export interface CompanyFilterParams {
  name?: string | null;
  companyId?: string | null;
  tagId?: string | null;
  segmentId?: string | null;
}

/** What a numbered page says of the whole list. */
type RestPages = { total_pages?: number } | null | undefined;

function numbered<T>(items: T[], totalCount: number | null | undefined, pages: RestPages): NumberedList<T> {
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
export class CompaniesAPI extends IntercomDataSource {
  async getById(id: string): Promise<Company> {
    return reduceCompany(await this.get<RestCompany>(path`companies/${id}`));
  }

  async createOrUpdate(input: CreateOrUpdateCompanyInput): Promise<Company> {
    return reduceCompany(await this.post<RestCompany>(path`companies`, { body: companyBody(input) }));
  }

  async update(id: string, input: UpdateCompanyInput): Promise<Company> {
    return reduceCompany(await this.put<RestCompany>(path`companies/${id}`, { body: companyBody(input) }));
  }

  async remove(id: string): Promise<DeletedCompany> {
    return reduceDeletedCompany(await this.delete<RestDeletedCompanyObject>(path`companies/${id}`));
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
  async scroll(resumeFrom: string | null, servedBefore: number): Promise<ScrollPage> {
    const body = await this.scrollRequest(resumeFrom);
    const items = body.data.map(reduceCompany);
    const totalCount = body.total_count ?? null;
    const scrollParam = body.scroll_param ?? null;
    let hasMore = items.length > 0 && scrollParam !== null;
    if (hasMore && totalCount !== null && servedBefore + items.length >= totalCount) {
      await this.scrollRequest(scrollParam).catch(() => undefined);
      hasMore = false;
    }
    return { items, scrollParam, hasMore, totalCount };
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
    return reduceCompany(
      await this.post<RestCompany>(path`contacts/${contactId}/companies`, { body: { id: companyId } }),
    );
  }

  async detachContact(contactId: string, companyId: string): Promise<Company> {
    return reduceCompany(await this.delete<RestCompany>(path`contacts/${contactId}/companies/${companyId}`));
  }
}
