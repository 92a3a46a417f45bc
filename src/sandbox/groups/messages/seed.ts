// Seeded messages: the ones that started the admin-initiated seeded conversations.
import { findAdmin } from "../../lookups.js";
import type { Workspace } from "../../workspace.js";

/** The admin-initiated seeded conversations were started by a message: record those messages. */
export function seedMessages(ws: Workspace): void {
  for (const c of ws.conversations) {
    if (c.source.delivered_as !== "admin_initiated" || c.source.author.type !== "admin") continue;
    const admin = findAdmin(ws, c.source.author.id);
    const contact = ws.contacts.find((x) => x.id === c.contacts.contacts[0]?.id);
    if (!admin || !contact) continue;
    ws.messages.push({
      type: "admin_message",
      id: c.source.id,
      created_at: c.created_at,
      subject: c.source.subject,
      body: c.source.body,
      message_type: c.source.type === "email" ? "email" : "inapp",
      conversation_id: c.id,
      owner: { type: "admin", id: admin.id, name: admin.name, email: admin.email, away_mode_enabled: admin.away_mode_enabled, away_mode_reassign: admin.away_mode_reassign },
      to: { type: contact.role, id: contact.id },
    });
  }
}
