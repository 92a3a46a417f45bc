// Seeded segments and the rules that decide their members (evaluated live, so membership
// follows every write).
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import { continentOf } from "../contacts/seed.js";
import type { Segment, SegmentRule } from "./records.js";

const isContact = (r: Contact | Company): r is Contact => r.type === "contact";
const contactRule = (test: (c: Contact, ws: Workspace) => boolean): SegmentRule => ({
  appliesTo: "contacts",
  matches: (r, ws) => isContact(r) && test(r, ws),
});
const companyRule = (test: (c: Company, ws: Workspace) => boolean): SegmentRule => ({
  appliesTo: "companies",
  matches: (r, ws) => !isContact(r) && test(r, ws),
});
const hasTag = (ws: Workspace, refs: { id: string }[], name: string) => {
  const tag = ws.tags.find((t) => t.name === name);
  return tag !== undefined && refs.some((r) => r.id === tag.id);
};

const SEGMENT_DEFS: { name: string; person_type: Segment["person_type"]; rule: SegmentRule }[] = [
  { name: "Active in the last 30 days", person_type: "user", rule: contactRule((c) => c.role === "user" && (c.last_seen_at ?? 0) >= SEED_BASE_TIME - 30 * DAY) },
  { name: "All leads", person_type: "contact", rule: contactRule((c) => c.role === "lead") },
  { name: "Enterprise plan users", person_type: "user", rule: contactRule((c) => c.role === "user" && c.custom_attributes.plan === "enterprise") },
  { name: "Beta testers", person_type: "user", rule: contactRule((c) => c.custom_attributes.beta_tester === true) },
  { name: "EMEA users", person_type: "user", rule: contactRule((c) => c.role === "user" && ["EU", "AF"].includes(continentOf(c.location.country) ?? "")) },
  { name: "Unsubscribed from email", person_type: "user", rule: contactRule((c) => c.unsubscribed_from_emails) },
  // Tag-driven segments: the tags group refuses to delete the tags these depend on (same names).
  { name: "VIP customers", person_type: "user", rule: contactRule((c, ws) => hasTag(ws, c.tags.data, "VIP")) },
  { name: "At-risk accounts", person_type: "user", rule: contactRule((c, ws) => hasTag(ws, c.tags.data, "Churn risk")) },
  { name: "Enterprise accounts", person_type: "user", rule: companyRule((co, ws) => hasTag(ws, co.tags.tags, "Enterprise")) },
  { name: "Key accounts", person_type: "user", rule: companyRule((co) => co.monthly_spend >= 999) },
  { name: "Enterprise companies", person_type: "user", rule: companyRule((co) => co.plan.name === "Enterprise") },
];

export function seedSegments(ws: Workspace, rng: Rng): void {  for (const def of SEGMENT_DEFS) {
    const created = SEED_BASE_TIME - rng.int(60, 800) * DAY - rng.int(0, DAY);
    const segment: Segment = {
      type: "segment",
      id: rng.hex(24),
      name: def.name,
      created_at: created,
      updated_at: Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 300) * DAY),
      person_type: def.person_type,
    };
    ws.segments.push(segment);
    ws.segmentRules.set(segment.id, def.rule);
  }
}
