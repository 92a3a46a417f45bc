// Conversation parts and their authors.
import type { Reference } from "../../records.js";
import type { Workspace } from "../../workspace.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";
import type { ConversationPart, PartAuthor, PartType } from "./records.js";

export function adminAuthor(a: Admin): PartAuthor {
  return { type: "admin", id: a.id, name: a.name, email: a.email };
}

export function contactAuthor(c: Contact): PartAuthor {
  return { type: c.role, id: c.id, name: c.name, email: c.email };
}

/** A new part with the next workspace-wide part id (not yet added to any conversation). */
export function makePart(
  ws: Workspace,
  part_type: PartType,
  author: PartAuthor,
  at: number,
  body: string | null,
  assigned_to: Reference | null = null,
): ConversationPart {
  return {
    type: "conversation_part",
    id: String(ws.nextPartId++),
    part_type,
    body,
    created_at: at,
    updated_at: at,
    notified_at: at,
    assigned_to,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
  };
}
