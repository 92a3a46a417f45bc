import { AdminsAPI } from "./admins.js";
import { ContactsAPI } from "./contacts.js";
import { ConversationsAPI } from "./conversations.js";
import type { IntercomClient } from "./upstream.js";
import { TeamsAPI } from "./teams.js";
import { CompaniesAPI } from "./companies.js";
import { SegmentsAPI } from "./segments.js";
import { TagsAPI } from "./tags.js";
import { NotesAPI } from "./notes.js";
import { NewsAPI } from "./news.js";
import { ArticlesAPI } from "./articles.js";
import { HelpCenterAPI } from "./help-center.js";
import { TicketsAPI } from "./tickets.js";
import { TicketTypesAPI } from "./ticket-types.js";
import { DataAttributesAPI } from "./data-attributes.js";
import { DataEventsAPI } from "./data-events.js";
import { DataExportAPI } from "./data-export.js";
import { SubscriptionTypesAPI } from "./subscription-types.js";
import { VisitorsAPI } from "./visitors.js";
import { MessagesAPI } from "./messages.js";
import { PhoneSwitchAPI } from "./phone-switch.js";

export interface DataSources {
  admins: AdminsAPI;
  teams: TeamsAPI;
  contacts: ContactsAPI;
  conversations: ConversationsAPI;
  companies: CompaniesAPI;
  segments: SegmentsAPI;
  tags: TagsAPI;
  notes: NotesAPI;
  news: NewsAPI;
  articles: ArticlesAPI;
  helpCenter: HelpCenterAPI;
  tickets: TicketsAPI;
  ticketTypes: TicketTypesAPI;
  dataAttributes: DataAttributesAPI;
  dataEvents: DataEventsAPI;
  dataExport: DataExportAPI;
  subscriptionTypes: SubscriptionTypesAPI;
  visitors: VisitorsAPI;
  messages: MessagesAPI;
  phoneSwitch: PhoneSwitchAPI;
}

const DATASOURCES: { [K in keyof DataSources]: new (client: IntercomClient) => DataSources[K] } = {
  admins: AdminsAPI,
  teams: TeamsAPI,
  contacts: ContactsAPI,
  conversations: ConversationsAPI,
  companies: CompaniesAPI,
  segments: SegmentsAPI,
  tags: TagsAPI,
  notes: NotesAPI,
  news: NewsAPI,
  articles: ArticlesAPI,
  helpCenter: HelpCenterAPI,
  tickets: TicketsAPI,
  ticketTypes: TicketTypesAPI,
  dataAttributes: DataAttributesAPI,
  dataEvents: DataEventsAPI,
  dataExport: DataExportAPI,
  subscriptionTypes: SubscriptionTypesAPI,
  visitors: VisitorsAPI,
  messages: MessagesAPI,
  phoneSwitch: PhoneSwitchAPI,
};

/**
 * One set per GraphQL request, each carrying that request's token. Built
 * lazily: a request pays only for the datasources it actually uses.
 */
export function createDataSources(client: IntercomClient): DataSources {
  const sources = {} as DataSources;
  for (const [key, DataSource] of Object.entries(DATASOURCES)) {
    let instance: object | undefined;
    Object.defineProperty(sources, key, { enumerable: true, get: () => (instance ??= new DataSource(client)) });
  }
  return sources;
}
