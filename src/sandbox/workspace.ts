// The live data of one sandbox: every group's collections, plus what the workspace shares.
// Arrays are the source of truth (tests may read and mutate them on `sandbox.workspace`).
import type { AdminsState } from "./groups/admins/records.js";
import type { ArticlesState } from "./groups/articles/records.js";
import type { CompaniesState } from "./groups/companies/records.js";
import type { ContactsState } from "./groups/contacts/records.js";
import type { ConversationsState } from "./groups/conversations/records.js";
import type { DataAttributesState } from "./groups/data-attributes/records.js";
import type { DataEventsState } from "./groups/data-events/records.js";
import type { DataExportState } from "./groups/data-export/records.js";
import type { HelpCenterState } from "./groups/help-center/records.js";
import type { MessagesState } from "./groups/messages/records.js";
import type { NewsState } from "./groups/news/records.js";
import type { NotesState } from "./groups/notes/records.js";
import type { PhoneSwitchState } from "./groups/phone-switch/records.js";
import type { SegmentsState } from "./groups/segments/records.js";
import type { SubscriptionTypesState } from "./groups/subscription-types/records.js";
import type { TagsState } from "./groups/tags/records.js";
import type { TeamsState } from "./groups/teams/records.js";
import type { TicketTypesState } from "./groups/ticket-types/records.js";
import type { TicketsState } from "./groups/tickets/records.js";
import type { VisitorsState } from "./groups/visitors/records.js";
import type { App } from "./records.js";

export interface Workspace
  extends AdminsState,
    TeamsState,
    TagsState,
    CompaniesState,
    NotesState,
    ContactsState,
    ConversationsState,
    SegmentsState,
    SubscriptionTypesState,
    HelpCenterState,
    ArticlesState,
    NewsState,
    TicketTypesState,
    TicketsState,
    MessagesState,
    PhoneSwitchState,
    DataAttributesState,
    DataEventsState,
    DataExportState,
    VisitorsState {
  app: App;
  /**
   * Per id, the wall-clock ms of the last create or update of a contact or conversation, so
   * search can hide recently written records (searchIndexLagMs).
   */
  lastWriteAt: { contacts: Map<string, number>; conversations: Map<string, number> };
  /** Next id handed to a new conversation or ticket part (parts have workspace-wide numeric ids). */
  nextPartId: number;
}
