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

/**
 * One request's datasources, each carrying that request's token. Each is built on first use: a
 * request pays only for the ones it uses. The getters are on the class, so a request's set costs
 * one object, not twenty property definitions.
 */
export class DataSources {
  readonly #client: IntercomClient;
  readonly #built = new Map<string, object>();

  constructor(client: IntercomClient) {
    this.#client = client;
  }

  #made<T extends object>(group: string, DataSource: new (client: IntercomClient) => T): T {
    let source = this.#built.get(group) as T | undefined;
    if (!source) this.#built.set(group, (source = answersChecked(group, new DataSource(this.#client), this.#client)));
    return source;
  }

  get admins(): AdminsAPI { return this.#made("admins", AdminsAPI); }
  get teams(): TeamsAPI { return this.#made("teams", TeamsAPI); }
  get contacts(): ContactsAPI { return this.#made("contacts", ContactsAPI); }
  get conversations(): ConversationsAPI { return this.#made("conversations", ConversationsAPI); }
  get companies(): CompaniesAPI { return this.#made("companies", CompaniesAPI); }
  get segments(): SegmentsAPI { return this.#made("segments", SegmentsAPI); }
  get tags(): TagsAPI { return this.#made("tags", TagsAPI); }
  get notes(): NotesAPI { return this.#made("notes", NotesAPI); }
  get news(): NewsAPI { return this.#made("news", NewsAPI); }
  get articles(): ArticlesAPI { return this.#made("articles", ArticlesAPI); }
  get helpCenter(): HelpCenterAPI { return this.#made("helpCenter", HelpCenterAPI); }
  get tickets(): TicketsAPI { return this.#made("tickets", TicketsAPI); }
  get ticketTypes(): TicketTypesAPI { return this.#made("ticketTypes", TicketTypesAPI); }
  get dataAttributes(): DataAttributesAPI { return this.#made("dataAttributes", DataAttributesAPI); }
  get dataEvents(): DataEventsAPI { return this.#made("dataEvents", DataEventsAPI); }
  get dataExport(): DataExportAPI { return this.#made("dataExport", DataExportAPI); }
  get subscriptionTypes(): SubscriptionTypesAPI { return this.#made("subscriptionTypes", SubscriptionTypesAPI); }
  get visitors(): VisitorsAPI { return this.#made("visitors", VisitorsAPI); }
  get messages(): MessagesAPI { return this.#made("messages", MessagesAPI); }
  get phoneSwitch(): PhoneSwitchAPI { return this.#made("phoneSwitch", PhoneSwitchAPI); }
}

export function createDataSources(client: IntercomClient): DataSources {
  return new DataSources(client);
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
