import type DataLoader from "dataloader";
import { MAX_COMPANIES_PER_PAGE, MAX_LISTED_COMPANIES, type NumberedList } from "../datasources/companies.js";
import type { DataSources } from "../datasources/index.js";
import type { Company } from "../schema/company.js";
import type { Contact } from "../schema/contact.js";
import type { Segment } from "../schema/segment.js";
import { once, type LoaderKit } from "./batch.js";

/** One page of a per-parent list: whose list, which page, how many a page. */
export interface ParentPageKey {
  parentId: string;
  page: number;
  perPage: number;
}

/** Per-request loaders of this resource group (see DESIGN.md's loader catalogue). */
export interface CompanyLoaders {
  /** The workspace's segments, from one `GET /segments` per request. */
  allSegments(): Promise<Segment[]>;
  /** Segments by id, answered from `allSegments` (budget 1). */
  segment: DataLoader<string, Segment>;
  /**
   * Companies by id. One id: `GET /companies/{id}`. Several: pages of `POST /companies/list` (60 a page;
   * it lists only companies with users), then a GET for each id no page held (see `byPagesThenGet`).
   */
  company: DataLoader<string, Company>;
  /** A page of a contact's companies: `GET /contacts/{id}/companies`, one per distinct contact and page. */
  contactCompanies: DataLoader<ParentPageKey, NumberedList<Company>, string>;
  /** A contact's segments: `GET /contacts/{id}/segments`, one per distinct contact. */
  contactSegments: DataLoader<string, Segment[]>;
  /** A page of a company's contacts: `GET /companies/{id}/contacts`, one per distinct company and page. */
  companyContacts: DataLoader<ParentPageKey, NumberedList<Contact>, string>;
  /** A company's segments: `GET /companies/{id}/segments`, one per distinct company. */
  companySegments: DataLoader<string, Segment[]>;
}

const parentPage = (k: ParentPageKey) => `${k.parentId}|${k.page}|${k.perPage}`;

/** Pages of a per-parent list of whole records, each record primed into `records`: later reads of it in this request make no call. */
function pageOfRecords<T extends { id: string }>(
  kit: LoaderKit,
  name: string,
  fetch: (key: ParentPageKey) => Promise<NumberedList<T>>,
  records: DataLoader<string, T>,
): DataLoader<ParentPageKey, NumberedList<T>, string> {
  return kit.byKey(
    name,
    async (key: ParentPageKey) => {
      const list = await fetch(key);
      for (const record of list.items) records.prime(record.id, record);
      return list;
    },
    parentPage,
  );
}

/** `contact` is the contacts group's loader: contacts a company's page holds are primed into it. */
export function createCompanyLoaders(kit: LoaderKit, dataSources: DataSources, contact: DataLoader<string, Contact>): CompanyLoaders {
  const allSegments = once(() => dataSources.segments.list());
  // POST /companies/list is the one endpoint that answers many companies by nothing but their id.
  const company = kit.byPagesThenGet<Company>("company", {
    list: (page) => dataSources.companies.list(page, MAX_COMPANIES_PER_PAGE),
    perPage: MAX_COMPANIES_PER_PAGE,
    get: (id) => dataSources.companies.getById(id),
    maxPages: Math.floor(MAX_LISTED_COMPANIES / MAX_COMPANIES_PER_PAGE),
  });
  return {
    allSegments,
    segment: kit.fromList("segment", allSegments, "Segment"),
    company,
    contactCompanies: pageOfRecords(kit, "contactCompanies", (k) => dataSources.companies.ofContact(k.parentId, k.page, k.perPage), company),
    contactSegments: kit.byGet("contactSegments", (id) => dataSources.segments.ofContact(id)),
    companyContacts: pageOfRecords(kit, "companyContacts", (k) => dataSources.companies.contactsOf(k.parentId, k.page, k.perPage), contact),
    companySegments: kit.byGet("companySegments", (id) => dataSources.companies.segmentsOf(id)),
  };
}
