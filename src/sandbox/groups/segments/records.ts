// Segments: named, rule-based selections of contacts or companies.
import type { RestSegment } from "../../../generated/rest/segments.js";
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import type { Workspace } from "../../workspace.js";

/** `segment`, as the workspace keeps it: without its count (computed when asked), always with updated_at. */
export type Segment = Omit<RestSegment, "count"> & Required<Pick<RestSegment, "updated_at">>;

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
