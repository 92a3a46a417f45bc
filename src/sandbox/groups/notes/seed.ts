// Seeded notes: a few on some contacts (drawn with the contact), and long histories on a
// handful of long-standing accounts.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME, paragraph } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Admin } from "../admins/records.js";
import { adminView } from "../admins/views.js";
import type { Note } from "./records.js";
import { addNote, nextNoteId } from "./writes.js";

/** Note texts, shared with the notes admins leave in conversations. */
export const NOTE_TEXTS = [
  "Customer is on the annual plan, renewal next month.",
  "Looks related to the incident INC-2291.",
  "Checked logs: 502s come from their proxy, not from us.",
  "VIP account — keep response times short.",
  "Billing confirmed the duplicate charge.",
  "Asked engineering in #support-escalations.",
] as const;

/** The notes of a contact being seeded (one in five contacts has one or two), added to `notes`. */
export function seededContactNotes(rng: Rng, admins: Admin[], notes: Note[], contactId: string, updated: number): Note[] {
  const contactNotes: Note[] = [];
  if (rng.chance(0.2)) {
    for (let n = rng.int(1, 2); n > 0; n--) {
      const author = rng.pick(admins);
      contactNotes.push({
        type: "note",
        id: String(8800001 + notes.length + contactNotes.length),
        created_at: updated - rng.int(0, 30) * DAY,
        contact: { type: "contact", id: contactId },
        author: adminView(author),
        body: paragraph(rng.pick(NOTE_TEXTS)),
      });
    }
    notes.push(...contactNotes);
  }
  return contactNotes;
}

const HISTORY_NOTES = [
  "Walked them through the SSO setup on a call.",
  "Prefers email over chat; based in CET.",
  "Asked about volume discounts for 500+ seats.",
  "Reported the export bug again — linked to BUG-4312.",
  "Champion on their side; loop in for renewals.",
  "Trial extended by 14 days (approved by sales).",
  "Sent the security questionnaire answers.",
  "Follow up next week about the Slack integration.",
] as const;

/** A handful of long-standing accounts with long note histories (more than a page). */
export function seedNoteHistories(ws: Workspace, rng: Rng): void {
  const users = ws.contacts.filter((c) => c.role === "user" && c.created_at < SEED_BASE_TIME - 400 * DAY);
  for (const contact of rng.sample(users, 4)) {
    const count = rng.int(18, 40);
    let at = contact.created_at + rng.int(1, 10) * DAY;
    for (let i = 0; i < count && at < SEED_BASE_TIME; i++) {
      addNote(ws, contact, {
        type: "note",
        id: nextNoteId(ws),
        created_at: at,
        contact: { type: "contact", id: contact.id },
        author: adminView(rng.pick(ws.admins)),
        body: paragraph(rng.pick(HISTORY_NOTES)),
      });
      at += rng.int(1, 8) * DAY + rng.int(0, DAY);
    }
  }
}
