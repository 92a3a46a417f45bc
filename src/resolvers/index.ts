// Every resolver class of the graph, one module per resource.
import { adminResolvers } from "./admin.js";
import { teamResolvers } from "./team.js";
import { contactResolvers } from "./contact.js";
import { conversationResolvers } from "./conversation.js";
import { tagResolvers } from "./tag.js";
import { companyResolvers } from "./company.js";
import { segmentResolvers } from "./segment.js";
import { ticketResolvers } from "./ticket.js";
import { ticketTypeResolvers } from "./ticket-type.js";
import { articleResolvers } from "./article.js";
import { helpCenterResolvers } from "./help-center.js";
import { noteResolvers } from "./note.js";
import { newsResolvers } from "./news.js";
import { dataAttributeResolvers } from "./data-attribute.js";
import { dataEventResolvers } from "./data-event.js";
import { dataExportResolvers } from "./data-export.js";
import { subscriptionTypeResolvers } from "./subscription-type.js";
import { visitorResolvers } from "./visitor.js";
import { messageResolvers } from "./message.js";
import { phoneSwitchResolvers } from "./phone-switch.js";
import { eventResolvers } from "./events.js";

export const resolvers = [
  ...adminResolvers,
  ...teamResolvers,
  ...contactResolvers,
  ...conversationResolvers,
  ...tagResolvers,
  ...companyResolvers,
  ...segmentResolvers,
  ...ticketResolvers,
  ...ticketTypeResolvers,
  ...articleResolvers,
  ...helpCenterResolvers,
  ...noteResolvers,
  ...newsResolvers,
  ...dataAttributeResolvers,
  ...dataEventResolvers,
  ...dataExportResolvers,
  ...subscriptionTypeResolvers,
  ...visitorResolvers,
  ...messageResolvers,
  ...phoneSwitchResolvers,
  ...eventResolvers,
] as const;
