import { AdminsAPI } from "./admins.js";
import { ContactsAPI } from "./contacts.js";
import { ConversationsAPI } from "./conversations.js";
import { UpstreamError } from "./errors.js";
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
    Object.defineProperty(sources, key, { enumerable: true, get: () => (instance ??= answersChecked(key, new DataSource(client), client)) });
  }
  return sources;
}

/**
 * A datasource whose methods fail with UPSTREAM_ERROR, not INTERNAL_SERVER_ERROR, when Intercom's
 * answer lacks what its reducer reads (`{"type":"admin.list"}` without `admins`): a malformed
 * answer is the upstream's fault, and the log keeps the original error.
 */
function answersChecked<T extends object>(group: string, source: T, client: IntercomClient): T {
  const checked = new Map<PropertyKey, unknown>();
  const malformed = (method: string, error: unknown): never => {
    // A TypeError is a reducer reading what the answer lacks; anything else stays an internal error.
    if (!(error instanceof TypeError)) throw error;
    client.options.logger?.warn("upstream answer did not have the expected shape", { requestId: client.options.requestId, method: `${group}.${method}`, error });
    throw new UpstreamError(`Intercom's answer to ${group}.${method} did not have the shape the 2.11 document gives it`, undefined, { code: "UPSTREAM_ERROR" });
  };
  return new Proxy(source, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      let wrapped = checked.get(property);
      if (!wrapped) {
        wrapped = (...args: unknown[]) => {
          try {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            return result instanceof Promise ? result.catch((error: unknown) => malformed(property, error)) : result;
          } catch (error) {
            return malformed(property, error);
          }
        };
        checked.set(property, wrapped);
      }
      return wrapped;
    },
  });
}
