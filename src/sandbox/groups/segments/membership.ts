// Who is in a segment: its rule, asked now.
import type { RestSegment } from "../../../generated/rest/segments.js";
import type { Workspace } from "../../workspace.js";
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import type { Segment } from "./records.js";

export function contactSegments(ws: Workspace, contact: Contact): Segment[] {
  return ws.segments.filter((s) => ws.segmentRules.get(s.id)?.matches(contact, ws));
}

export function companySegments(ws: Workspace, company: Company): Segment[] {
  return ws.segments.filter((s) => ws.segmentRules.get(s.id)?.matches(company, ws));
}

/** A segment, with its member count when asked (include_count=true). */
export const segmentView = (ws: Workspace, s: Segment, withCount: boolean): RestSegment => {
  if (!withCount) return s;
  const rule = ws.segmentRules.get(s.id);
  const members = rule?.appliesTo === "companies" ? ws.companies : ws.contacts;
  return { ...s, count: rule ? members.filter((m) => rule.matches(m, ws)).length : 0 };
};
