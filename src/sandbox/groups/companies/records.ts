// Companies, and the workspace's one companies scroll.
import type { RestCompany } from "../../../generated/rest/companies.js";
import type { Sent } from "../../records.js";
import type { Tag } from "../tags/records.js";

/** A company's tags are whole copies of the workspace's tags (renamed and removed with them), not just tag_basic. */
interface CompanyTags {
  tags: Omit<Required<NonNullable<RestCompany["tags"]>>, "tags"> & { tags: Tag[] };
}

/**
 * `company`, with the plan, attributes, tags and segments every sandbox company has. Its
 * `segments` are evaluated when served (membership is rule-based).
 */
export type Company = Omit<Sent<RestCompany, "type" | "plan" | "custom_attributes" | "segments">, "tags"> & CompanyTags;

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

/** The workspace collections this group owns. */
export interface CompaniesState {
  companies: Company[];
  /** The one open companies scroll of the workspace, if any. */
  companyScroll: CompanyScroll | null;
  /** Tests may change these on `sandbox.workspace` to reach the limits quickly. */
  companiesSettings: CompaniesSettings;
}
