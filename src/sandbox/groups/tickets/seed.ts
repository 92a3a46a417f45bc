// Seeded tickets: 120 tickets of the seeded types, with parts, states, assignees and tags,
// linked to seeded conversations.
import type { RestTicketCustomAttributes } from "../../../generated/rest/tickets.js";
import type { Rng } from "../../rng.js";
import { DAY, HOUR, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { TicketTypeAttributeRecord } from "../ticket-type-attributes/records.js";
import { TYPE_DEFS } from "../ticket-types/seed.js";
import { DESCRIPTION, TITLE } from "../ticket-types/views.js";
import { adminAuthor, blankTicket, botAuthor, contactAuthor, linkObjects, newPart, setState } from "./writes.js";

const ADMIN_NOTES = [
  "Checked the logs, this looks related to the deploy on Tuesday.",
  "Engineering is aware, linking the incident.",
  "Waiting for the customer to confirm the order number.",
  "Refund approved by finance.",
  "Reproduced on staging, adding details.",
];
const ADMIN_COMMENTS = [
  "Thanks for the report! We're looking into it.",
  "We've shipped a fix, could you try again?",
  "Could you share the exact time you saw this?",
  "Your refund has been processed.",
];

function seedAttributeValue(rng: Rng, def: TicketTypeAttributeRecord, at: number): RestTicketCustomAttributes[string] {
  switch (def.data_type) {
    case "list": {
      const options = def.input_options.list_options as { id: string }[];
      return rng.pick(options).id;
    }
    case "integer":
      return rng.int(1, 500);
    case "decimal":
      return rng.pick([19.99, 49, 99.5, 120, 299, 1250.75]);
    case "boolean":
      return rng.chance(0.5);
    case "datetime":
      return at - rng.int(1, 20) * DAY;
    case "files":
      return rng.chance(0.5)
        ? [{ type: "upload", name: "receipt.pdf", url: "https://files.northwind.example/receipts/receipt.pdf", content_type: "application/pdf", filesize: rng.int(20_000, 400_000), width: 0, height: 0 }]
        : [];
    case "string":
      return def.name === "Status page URL" ? "https://status.northwind.example/incidents/" + rng.hex(8) : def.name === "Order number" ? `INV-${rng.int(10000, 99999)}` : rng.pick(ADMIN_NOTES);
  }
}

export function seedTickets(ws: Workspace, rng: Rng): void {
  const contactsWithEmail = ws.contacts.filter((c) => c.role === "user");
  const weights = ws.ticketTypes.map((t) => [t, t.archived ? 1 : t.category === "Tracker" ? 2 : 4] as const);
  for (let i = 0; i < 120; i++) {
    const type = rng.weighted(weights);
    const def = TYPE_DEFS[ws.ticketTypes.indexOf(type)]!;
    const created = SEED_BASE_TIME - rng.int(1, 180) * DAY - rng.int(0, DAY);
    const contacts = type.category === "Tracker" ? rng.sample(contactsWithEmail, rng.int(0, 3)) : [rng.pick(contactsWithEmail)];
    const attributes: RestTicketCustomAttributes = { [TITLE]: rng.pick(def.titles), [DESCRIPTION]: rng.chance(0.85) ? rng.pick(ADMIN_NOTES) : null };
    for (const attr of type.ticket_type_attributes.ticket_type_attributes) {
      if (attr.default) continue;
      if (attr.required_to_create || rng.chance(0.7)) attributes[attr.name] = seedAttributeValue(rng, attr, created);
    }
    const t = blankTicket(ws, type, contacts, created, attributes);
    const bot = botAuthor(ws);
    let at = created;
    const step = () => (at += rng.int(5, 6 * 60) * 60);
    if (contacts[0] && type.category === "Customer") newPart(ws, t, "comment", contactAuthor(contacts[0]), at, `<p>${attributes[DESCRIPTION] ?? def.titles[0]}</p>`);
    newPart(ws, t, "ticket_state_updated_by_admin", bot, at, null, { previous_ticket_state: "submitted" });

    const admin = rng.chance(0.75) ? rng.pick(ws.admins) : null;
    const team = rng.chance(0.55) ? rng.pick(ws.teams) : null;
    if (admin) {
      t.admin_assignee_id = admin.id;
      newPart(ws, t, "assignment", bot, step(), null, { assigned_to: { type: "admin", id: admin.id } });
    }
    if (team) {
      t.team_assignee_id = team.id;
      newPart(ws, t, "assignment", bot, step(), null, { assigned_to: { type: "team", id: team.id } });
    }
    const writer = admin ?? rng.pick(ws.admins);
    for (let n = rng.int(0, 3); n > 0; n--) {
      const note = type.category !== "Customer" || rng.chance(0.5);
      newPart(ws, t, note ? "note" : "comment", adminAuthor(writer), step(), `<p>${rng.pick(note ? ADMIN_NOTES : ADMIN_COMMENTS)}</p>`);
    }
    const state = rng.weighted([["submitted", 2], ["in_progress", 4], ["waiting_on_customer", 2], ["resolved", 3]] as const);
    if (state !== "submitted") {
      const previous = t.ticket_state;
      setState(t, state);
      newPart(ws, t, "ticket_state_updated_by_admin", adminAuthor(writer), step(), null, { previous_ticket_state: previous });
    }
    t.open = state !== "resolved";
    if (t.open && rng.chance(0.1)) {
      t.snoozed_until = SEED_BASE_TIME + rng.int(1, 14) * DAY;
      newPart(ws, t, "snoozed", adminAuthor(writer), step(), null);
    }
    for (const tag of rng.sample(ws.tags, rng.weighted([[0, 4], [1, 3], [2, 2]] as const))) {
      t.tags.tags.push({ ...tag, applied_at: created + HOUR, applied_by: { type: "admin", id: writer.id } });
    }
    if (type.category !== "Customer" && rng.chance(0.2)) t.is_shared = true;
    t.updated_at = Math.min(at, SEED_BASE_TIME - 1);
    ws.tickets.push(t);
  }

  // Link conversations to tickets: customer tickets to one conversation of their contact,
  // back-office and tracker tickets to one to four conversations.
  const conversations = rng.shuffle(ws.conversations);
  let next = 0;
  for (const t of ws.tickets) {
    if (next >= conversations.length || !rng.chance(t.category === "Customer" ? 0.4 : 0.7)) continue;
    const count = t.category === "Customer" ? 1 : rng.int(1, 4);
    for (let n = 0; n < count && next < conversations.length; n++) linkObjects(t, conversations[next++]!);
  }
}
