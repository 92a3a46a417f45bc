// The demo workspace, deterministic: everything derives from one seed and a fixed base time,
// so two sandboxes with the same seed hold identical data (and tests rely on it). Each group
// seeds its own records (groups/*/seed.ts); this file fixes the order in which they draw.
import { seedActivityLogs, seededAdmins, seededBot, ADMIN_DEFS } from "./groups/admins/seed.js";
import { seedUncollectedArticles } from "./groups/articles/seed.js";
import { DEFAULT_COMPANIES_SETTINGS } from "./groups/companies/listing.js";
import { COMPANY_NAMES, seededCompanies } from "./groups/companies/seed.js";
import { CONTACT_COUNT, seedArchivedContacts, seededContacts } from "./groups/contacts/seed.js";
import { CONVERSATION_COUNT, seedConversations } from "./groups/conversations/seed.js";
import { seedDataAttributes } from "./groups/data-attributes/seed.js";
import { seedDataEvents } from "./groups/data-events/seed.js";
import { seedOutboundReceipts } from "./groups/data-export/seed.js";
import { seedHelpCenters } from "./groups/help-center/seed.js";
import { seedMessages } from "./groups/messages/seed.js";
import { FIRST_NEWS_ITEM_ID, seedNews } from "./groups/news/seed.js";
import type { Note } from "./groups/notes/records.js";
import { seedNoteHistories } from "./groups/notes/seed.js";
import { seedSegments } from "./groups/segments/seed.js";
import { seedSubscriptionTypes } from "./groups/subscription-types/seed.js";
import { seedCompanyTags, seededTags, seedTagApplications, seedTagSegments, TAG_NAMES } from "./groups/tags/seed.js";
import { seededTeams, TEAM_DEFS } from "./groups/teams/seed.js";
import { seedTicketTypes } from "./groups/ticket-types/seed.js";
import { seedTickets } from "./groups/tickets/seed.js";
import { seedVisitors } from "./groups/visitors/seed.js";
import type { App } from "./records.js";
import { Rng } from "./rng.js";
import { DAY, SEED_BASE_TIME } from "./seeding.js";
import type { Workspace } from "./workspace.js";

export { SEED_BASE_TIME } from "./seeding.js";

export const DEFAULT_SEED = 20261001;

export interface SeedSizes {
  admins: number;
  teams: number;
  tags: number;
  companies: number;
  contacts: number;
  conversations: number;
}

export const DEFAULT_SEED_SIZES: SeedSizes = {
  admins: ADMIN_DEFS.length,
  teams: TEAM_DEFS.length,
  tags: TAG_NAMES.length,
  companies: COMPANY_NAMES.length,
  contacts: CONTACT_COUNT,
  conversations: CONVERSATION_COUNT,
};

type Step = (ws: Workspace, rng: Rng) => void;

/**
 * What is seeded after the core records, in this order. Each stage draws from its own Rng,
 * seeded `seed + 7919 * stream`, its steps one after the other: so adding a stage never changes
 * another's data. The stream numbers are the ones these stages have always had (they were
 * resource modules 1 to 12); never renumber one, give a new stage the next free number.
 */
const STAGES: { stream: number; steps: Step[] }[] = [
  { stream: 1, steps: [seedActivityLogs] },
  { stream: 2, steps: [seedArchivedContacts] },
  { stream: 3, steps: [seedSegments] },
  { stream: 4, steps: [seedTagApplications, seedTagSegments, seedCompanyTags] },
  { stream: 5, steps: [seedNoteHistories] },
  { stream: 6, steps: [seedSubscriptionTypes] },
  { stream: 7, steps: [seedHelpCenters, seedUncollectedArticles] },
  { stream: 8, steps: [seedNews] },
  { stream: 9, steps: [seedTicketTypes, seedTickets] },
  { stream: 10, steps: [seedMessages] },
  { stream: 11, steps: [seedDataAttributes, seedDataEvents, seedOutboundReceipts] },
  { stream: 12, steps: [seedVisitors] },
];

const APP: App = {
  type: "app",
  id_code: "nw7k2q9x",
  name: "Northwind Cloud",
  region: "US",
  timezone: "Etc/UTC", // search truncates dates to calendar days in this zone
  created_at: SEED_BASE_TIME - 900 * DAY,
  identity_verification: false,
};

/** Builds a fresh workspace. Same seed → identical data. */
export function seedWorkspace(seed = DEFAULT_SEED): Workspace {
  // The core records draw from the seed's own stream, in this order.
  const rng = new Rng(seed);
  const app = { ...APP };
  const teams = seededTeams();
  const admins = seededAdmins(teams);
  const tags = seededTags();
  const companies = seededCompanies(rng, app);
  const notes: Note[] = [];
  const contacts = seededContacts(rng, { app, admins, tags, companies, notes });

  // Every collection of the workspace, in one place; the stages fill them.
  const ws: Workspace = {
    app,
    admins,
    bot: seededBot(app),
    teams,
    tags,
    companies,
    notes,
    contacts,
    conversations: [],
    lastWriteAt: { contacts: new Map(), conversations: new Map() },
    nextPartId: 50000001,
    activityLogs: [],
    archivedContacts: [],
    segments: [],
    segmentRules: new Map(),
    companyScroll: null,
    companiesSettings: { ...DEFAULT_COMPANIES_SETTINGS },
    contactTagApplications: new Map(),
    tagSegments: new Map(),
    subscriptionTypes: [],
    subscriptionChoices: new Map(),
    helpCenters: [],
    collections: [],
    articles: [],
    helpCenterNextIds: { collection: 9100001, article: 9200001 },
    newsfeeds: [],
    newsItems: [],
    nextNewsItemId: FIRST_NEWS_ITEM_ID,
    ticketTypes: [],
    tickets: [],
    ticketWrites: new Map(),
    ticketCounters: { ticket: 20001, inboxNumber: 101, ticketType: 301, attribute: 4001 },
    messages: [],
    phoneSwitches: [],
    dataAttributes: [],
    dataAttributesInUse: [],
    dataEvents: [],
    dataEventSummaries: [],
    dataExports: [],
    outboundReceipts: [],
    visitors: [],
  };
  seedConversations(ws, rng);

  for (const stage of STAGES) {
    const stageRng = new Rng(seed + 7919 * stage.stream);
    for (const step of stage.steps) step(ws, stageRng);
  }
  return ws;
}
