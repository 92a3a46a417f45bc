// Segments: named, rule-based selections of contacts or companies.
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import type { Workspace } from "../../workspace.js";

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

/** The workspace collections this group owns. */
export interface SegmentsState {
  segments: Segment[];
  /** Segment id → its membership rule. */
  segmentRules: Map<string, SegmentRule>;
}
