// Redaction of a part or source, and the workspace's assignment rules.
import { ApiError, badRequest } from "../../errors.js";
import { findConversation } from "../../lookups.js";
import type { RouteContext, RouteInput } from "../../router.js";
import type { Reference } from "../../records.js";
import { nowSeconds, requireBody, requireId, requireString } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Conversation } from "./records.js";
import { conversationView, type ConversationAnswer } from "./views.js";
import { appendPart, countAssignment, touchConversation } from "./writes.js";

/** What Intercom puts in place of a redacted body (the document's example). */
export const REDACTED_BODY = "<p><i>This message was deleted</i></p>";

const partOrMessageNotFound = () => new ApiError(404, "conversation_part_or_message_not_found", "Conversation part or message not found");
const notRedactable = (why: string) => new ApiError(400, "conversation_part_not_redactable", why);

/** POST /conversations/redact — a part with a body, or a source written by a contact. */
export function redactConversation(ctx: RouteContext, { body: raw }: RouteInput): ConversationAnswer {
  const body = requireBody(raw);
  const type = requireString(body, "type");
  if (type !== "conversation_part" && type !== "source") throw badRequest("parameter_invalid", "type must be one of conversation_part, source", "type");
  const conversationId = requireId(body, "conversation_id");
  const targetId = type === "source" ? requireId(body, "source_id") : requireId(body, "conversation_part_id");
  const c = ctx.ws.conversations.find((x) => x.id === conversationId);
  if (!c) throw partOrMessageNotFound();
  const at = nowSeconds(ctx);
  if (type === "source") {
    if (c.source.id !== targetId) throw partOrMessageNotFound();
    if (c.source.author.type !== "user" && c.source.author.type !== "lead") throw notRedactable("Only a source message written by a contact can be redacted");
    c.source = { ...c.source, body: REDACTED_BODY, attachments: [], redacted: true };
  } else {
    const part = c.conversation_parts.conversation_parts.find((x) => x.id === targetId);
    if (!part) throw partOrMessageNotFound();
    if (part.body === null) throw notRedactable("Only a conversation part with a body can be redacted");
    part.body = REDACTED_BODY;
    part.attachments = [];
    part.redacted = true;
    part.updated_at = at;
  }
  touchConversation(ctx, c, at);
  return conversationView(c);
}

/**
 * The demo workspace's assignment rules, first match wins: Billing-tagged or billing issues
 * go to Billing, urgent or priority ones to Escalations, everything else to Support.
 */
export function assignmentRuleTeam(ws: Workspace, c: Conversation): string | null {
  const teamNamed = (name: string) => ws.teams.find((t) => t.name === name)?.id ?? null;
  const tagNames = c.tags.tags.map((t) => t.name);
  if (c.custom_attributes.issue_type === "Billing" || tagNames.includes("Billing") || tagNames.includes("Refund")) return teamNamed("Billing");
  if (c.priority === "priority" || tagNames.includes("Urgent")) return teamNamed("Escalations");
  return teamNamed("Support");
}

/** POST /conversations/{id}/run_assignment_rules — the Operator bot assigns by the rules above. */
export function autoAssignConversation(ctx: RouteContext, { params }: RouteInput): ConversationAnswer {
  const c = findConversation(ctx.ws, params.conversation_id!);
  const teamId = assignmentRuleTeam(ctx.ws, c);
  const at = nowSeconds(ctx);
  const assignedTo: Reference = teamId ? { type: "team", id: teamId } : { type: "nobody_admin", id: null };
  appendPart(ctx, c, "default_assignment", { ...ctx.ws.bot }, at, null, { assigned_to: assignedTo });
  c.team_assignee_id = teamId ? Number(teamId) : null;
  countAssignment(c, at);
  return conversationView(c);
}
