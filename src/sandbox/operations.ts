// Every operation the sandbox serves, by group: a group is the document's tag, and an operation
// belongs to the group of its first tag (test/sandbox-operations.test.ts holds the table to the
// document). The order here does not matter: the router orders routes by specificity.
import { adminsGroup } from "./groups/admins/routes.js";
import { articlesGroup } from "./groups/articles/routes.js";
import { companiesGroup } from "./groups/companies/routes.js";
import { contactsGroup } from "./groups/contacts/routes.js";
import { conversationsGroup } from "./groups/conversations/routes.js";
import { dataAttributesGroup } from "./groups/data-attributes/routes.js";
import { dataEventsGroup } from "./groups/data-events/routes.js";
import { dataExportGroup } from "./groups/data-export/routes.js";
import { helpCenterGroup } from "./groups/help-center/routes.js";
import { messagesGroup } from "./groups/messages/routes.js";
import { newsGroup } from "./groups/news/routes.js";
import { notesGroup } from "./groups/notes/routes.js";
import { phoneSwitchGroup } from "./groups/phone-switch/routes.js";
import { segmentsGroup } from "./groups/segments/routes.js";
import { subscriptionTypesGroup } from "./groups/subscription-types/routes.js";
import { tagsGroup } from "./groups/tags/routes.js";
import { teamsGroup } from "./groups/teams/routes.js";
import { ticketTypeAttributesGroup } from "./groups/ticket-type-attributes/routes.js";
import { ticketTypesGroup } from "./groups/ticket-types/routes.js";
import { ticketsGroup } from "./groups/tickets/routes.js";
import { visitorsGroup } from "./groups/visitors/routes.js";
import type { ApiGroup, Route } from "./router.js";

export const apiGroups: readonly ApiGroup[] = [
  adminsGroup,
  articlesGroup,
  companiesGroup,
  contactsGroup,
  conversationsGroup,
  dataAttributesGroup,
  dataEventsGroup,
  dataExportGroup,
  helpCenterGroup,
  messagesGroup,
  newsGroup,
  notesGroup,
  segmentsGroup,
  subscriptionTypesGroup,
  phoneSwitchGroup,
  tagsGroup,
  teamsGroup,
  ticketTypeAttributesGroup,
  ticketTypesGroup,
  ticketsGroup,
  visitorsGroup,
];

/** Every route, each named by the document's operationId. */
export const routeTable: readonly Route[] = apiGroups.flatMap((g) => g.routes);
