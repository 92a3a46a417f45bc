// Companies, and the workspace's one companies scroll.
import type { UnixSeconds } from "../../records.js";
import type { Tag } from "../tags/records.js";

/** `company` schema. Its `segments` are evaluated when served (membership is rule-based). */
export interface Company {
  type: "company";
  id: string; // 24 hex chars
  name: string;
  app_id: string;
  company_id: string; // the customer's own id
  plan: { type: "plan"; id: string; name: string };
  remote_created_at: UnixSeconds;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  last_request_at: UnixSeconds;
  size: number;
  website: string;
  industry: string;
  monthly_spend: number;
  session_count: number;
  user_count: number;
  custom_attributes: Record<string, string>;
  tags: { type: "tag.list"; tags: Tag[] };
  segments: { type: "segment.list"; segments: unknown[] };
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

/** The workspace collections this group owns. */
export interface CompaniesState {
  companies: Company[];
  /** The one open companies scroll of the workspace, if any. */
  companyScroll: CompanyScroll | null;
  /** Tests may change these on `sandbox.workspace` to reach the limits quickly. */
  companiesSettings: CompaniesSettings;
}
