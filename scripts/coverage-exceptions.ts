/**
 * Response-schema properties the graph deliberately does not expose, each with its reason.
 * The coverage test (test/openapi-coverage.test.ts) fails for any other missing property.
 * Key: "GraphQLType.rest_property".
 */
export const DELIBERATE_OMISSIONS: Record<string, string> = {
  "Tag.url": "The API url of a contact's embedded tag reference (/tags/{id}); Contact.tags resolves the tag itself.",
  "Note.url": "The API url of a contact's embedded note reference (/notes/{id}); Contact.notes resolves the note itself.",
  "Company.url": "The API url of a contact's embedded company reference; Contact.companies resolves the Company itself.",
  "ArticleSearchResult.data": "Flattened: the `articles` and `highlights` inside `data` are fields of ArticleSearchResult itself (each a connection).",
  "ArticleSearchResult.pages": "Article search answers in one response with no page parameters; each connection's pageInfo describes it.",
  "Admin.ip": "activity_log.performed_by.ip is exposed as ActivityLog.performedByIp; performedBy links to the whole Admin.",
  "Conversation.topics": "Required by the document but never defined in it (no schema); Intercom sends {}.",
};

/**
 * Operations whose request body is a oneOf of distinct actions, each exposed as its own
 * mutation with its own typed input (instead of one field taking a union-shaped input).
 * Key: "METHOD /path" exactly as in the document.
 */
export const SPLIT_OPERATIONS: Record<string, { fields: string[]; reason: string }> = {
  "POST /conversations/{conversation_id}/parts": {
    fields: ["closeConversation", "openConversation", "snoozeConversation", "assignConversation"],
    reason: "Manage a conversation is four actions (close, open, snooze, assign) with different required fields; one mutation each keeps every input typed and non-null where Intercom requires it.",
  },
};
