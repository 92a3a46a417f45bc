import { AdminsAPI } from "./admins.js";
import { ContactsAPI } from "./contacts.js";
import { ConversationsAPI } from "./conversations.js";
import type { IntercomClientOptions } from "./intercom.js";
import { TeamsAPI } from "./teams.js";

export interface DataSources {
  admins: AdminsAPI;
  teams: TeamsAPI;
  contacts: ContactsAPI;
  conversations: ConversationsAPI;
}

/** One set per GraphQL request: each carries that request's token. */
export function createDataSources(client: IntercomClientOptions): DataSources {
  return {
    admins: new AdminsAPI(client),
    teams: new TeamsAPI(client),
    contacts: new ContactsAPI(client),
    conversations: new ConversationsAPI(client),
  };
}
