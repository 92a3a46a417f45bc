// Seeded tags: the workspace's tag list, when and by whom each contact's tags were applied,
// the tags segments depend on, and the companies' tags.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Tag } from "./records.js";
import { addCompanyTag, applicationKey } from "./lists.js";

export const TAG_NAMES = [
  "VIP",
  "Bug",
  "Feature request",
  "Billing",
  "Refund",
  "Onboarding",
  "Churn risk",
  "Enterprise",
  "Urgent",
  "Feedback",
] as const;

export const seededTags = (): Tag[] => TAG_NAMES.map((name, i) => ({ type: "tag", id: String(9100001 + i), name }));

/** Contacts' reference lists carry no application time: record when and by whom each was applied. */
export function seedTagApplications(ws: Workspace, rng: Rng): void {
  ws.contactTagApplications = new Map();
  for (const contact of ws.contacts) {
    for (const ref of contact.tags.data) {
      const at = Math.min(SEED_BASE_TIME - 1, contact.created_at + rng.int(0, 60) * DAY + rng.int(0, DAY));
      ws.contactTagApplications.set(applicationKey(contact.id, ref.id), {
        applied_at: at,
        applied_by: { type: "admin", id: rng.pick(ws.admins).id },
      });
    }
  }
}

/** Tag name → the segment whose rule uses it (the segments group's rules match the same names). */
const SEGMENT_RULES: Record<string, string> = { VIP: "VIP customers", Enterprise: "Enterprise accounts", "Churn risk": "At-risk accounts" };

/** A few tags drive segments, so deleting them is refused like Intercom does. */
export function seedTagSegments(ws: Workspace): void {
  ws.tagSegments = new Map();
  for (const tag of ws.tags) {
    const segment = SEGMENT_RULES[tag.name];
    if (segment) ws.tagSegments.set(tag.id, [segment]);
  }
}

/** Companies get tags unless something seeded before already tagged them. */
export function seedCompanyTags(ws: Workspace, rng: Rng): void {
  if (ws.companies.every((c) => c.tags.tags.length === 0)) {
    const companyTags = ws.tags.filter((t) => ["VIP", "Enterprise", "Churn risk", "Onboarding", "Billing"].includes(t.name));
    for (const company of ws.companies) {
      for (const tag of rng.sample(companyTags, rng.weighted([[0, 3], [1, 4], [2, 2]] as const))) addCompanyTag(company, tag);
    }
  }
}
