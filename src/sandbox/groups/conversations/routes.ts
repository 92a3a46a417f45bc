// Conversations: listed, searched, read, started by a contact, replied to and managed, their
// participants, redaction, assignment rules and conversion to a ticket.
import type { RestPaginatedConversationResponse } from "../../../generated/rest/conversations.js";
import type { RestMessage } from "../../../generated/rest/messages.js";
import { badRequest } from "../../errors.js";
import { findConversation } from "../../lookups.js";
import { parsePerPage, paginate } from "../../paging.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { runSearch, sortSpec } from "../../search.js";
import { isObject, requireBody } from "../../validate.js";
import { contactMessage, messageView } from "../messages/compose.js";
import { convertConversationToTicket } from "./convert.js";
import { attachContactToConversation, detachContactFromConversation } from "./participants.js";
import { manageConversation, replyToConversation, updateConversation } from "./replies.js";
import { autoAssignConversation, redactConversation } from "./rules.js";
import { conversationSearchModel } from "./search-model.js";
import { conversationView, listItem, type ConversationAnswer } from "./views.js";

function listConversations({ ws }: RouteContext, { query }: RouteInput): RestPaginatedConversationResponse {
  const perPage = parsePerPage(query.per_page, 20);
  const page = paginate(ws.conversations, sortSpec(conversationSearchModel, undefined), perPage, query.starting_after);
  return { type: "conversation.list", conversations: page.items.map(listItem), total_count: page.total_count, pages: page.pages };
}

function searchConversations(ctx: RouteContext, { body }: RouteInput): RestPaginatedConversationResponse {
  const page = runSearch(ctx, conversationSearchModel, ctx.ws.conversations, ctx.ws.lastWriteAt.conversations, body);
  return { type: "conversation.list", conversations: page.items.map(listItem), total_count: page.total_count, pages: page.pages };
}

/** POST /conversations — a contact (user or lead) starts an in-app conversation. */
function createConversation(ctx: RouteContext, { body: raw }: RouteInput): RestMessage {
  const body = requireBody(raw);
  const from = body.from;
  if (from === undefined || from === null) throw badRequest("parameter_not_found", "from is a required parameter", "from");
  if (!isObject(from)) throw badRequest("parameter_invalid", "from must be an object", "from");
  if (from.type === undefined || from.type === null) throw badRequest("parameter_not_found", "from.type is a required parameter", "from.type");
  return messageView(contactMessage(ctx, body, from));
}

export const conversationsGroup: ApiGroup = {
  tag: "Conversations",
  routes: [
    { operationId: "listConversations", method: "GET", path: "/conversations", handler: listConversations },
    { operationId: "createConversation", method: "POST", path: "/conversations", handler: createConversation },
    { operationId: "searchConversations", method: "POST", path: "/conversations/search", handler: searchConversations },
    { operationId: "redactConversation", method: "POST", path: "/conversations/redact", handler: redactConversation },
    {
      operationId: "retrieveConversation",
      method: "GET",
      path: "/conversations/:conversation_id",
      handler: ({ ws }, { params, query }): ConversationAnswer => conversationView(findConversation(ws, params.conversation_id!), query.display_as === "plaintext"),
    },
    { operationId: "updateConversation", method: "PUT", path: "/conversations/:conversation_id", handler: updateConversation },
    { operationId: "replyConversation", method: "POST", path: "/conversations/:conversation_id/reply", handler: replyToConversation },
    { operationId: "manageConversation", method: "POST", path: "/conversations/:conversation_id/parts", handler: manageConversation },
    { operationId: "autoAssignConversation", method: "POST", path: "/conversations/:conversation_id/run_assignment_rules", handler: autoAssignConversation },
    { operationId: "attachContactToConversation", method: "POST", path: "/conversations/:conversation_id/customers", handler: attachContactToConversation },
    { operationId: "detachContactFromConversation", method: "DELETE", path: "/conversations/:conversation_id/customers/:contact_id", handler: detachContactFromConversation },
    { operationId: "convertConversationToTicket", method: "POST", path: "/conversations/:conversation_id/convert", handler: convertConversationToTicket },
  ],
};
