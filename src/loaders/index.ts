import type { DataSources } from "../datasources/index.js";
import type { Admin } from "../schema/admin.js";
import type { Contact } from "../schema/contact.js";
import { Bot, type AuthorReference } from "../schema/conversation.js";
import { build } from "../schema/scalars.js";
import type { Team } from "../schema/team.js";
import { createAdminLoaders, type AdminLoaders } from "./admins.js";
import { loaderKit, once, type BatchObserver } from "./batch.js";
import { createCompanyLoaders, type CompanyLoaders } from "./companies.js";
import { createContactLoaders, type ContactLoaders } from "./contacts.js";
import { createConversationLoaders, type ConversationLoaders } from "./conversations.js";
import { createDataLoaders, type DataLoaders } from "./data.js";
import { createHelpCenterLoaders, type HelpCenterLoaders } from "./help-center.js";
import { createNewsLoaders, type NewsLoaders } from "./news.js";
import { createNoteLoaders, type NoteLoaders } from "./notes.js";
import { createSubscriptionLoaders, type SubscriptionLoaders } from "./subscriptions.js";
import { createTagLoaders, type TagLoaders } from "./tags.js";
import { createTicketLoaders, type TicketLoaders } from "./tickets.js";

export { loadExisting, type BatchObserver } from "./batch.js";

export interface AuthorLoaders {
  /** Resolves a part or source author to its Admin, Team, Contact, or a Bot built from the reference. */
  author(ref: AuthorReference): Promise<Admin | Team | Contact | Bot>;
}

/**
 * Every loader of one request: each resource group's, and `author` across them. Built fresh in
 * each request's context, never shared between requests or tokens, so nothing cached here
 * outlives one request.
 */
export type Loaders = AdminLoaders &
  ContactLoaders &
  ConversationLoaders &
  CompanyLoaders &
  TicketLoaders &
  HelpCenterLoaders &
  TagLoaders &
  NoteLoaders &
  NewsLoaders &
  DataLoaders &
  SubscriptionLoaders &
  AuthorLoaders;

/**
 * One request's loaders. Each resource group is built on the first use of any of its loaders,
 * so a request pays only for the groups it touches (most touch a few of eleven); `observe`
 * hears the size of every batch any of them dispatches. The getters are written here once, on
 * the class, so a request's loaders cost a few closures, not forty property definitions.
 */
class RequestLoaders implements Loaders {
  readonly #admins: () => AdminLoaders;
  readonly #contacts: () => ContactLoaders;
  readonly #conversations: () => ConversationLoaders;
  readonly #companies: () => CompanyLoaders;
  readonly #tickets: () => TicketLoaders;
  readonly #helpCenter: () => HelpCenterLoaders;
  readonly #tags: () => TagLoaders;
  readonly #notes: () => NoteLoaders;
  readonly #news: () => NewsLoaders;
  readonly #data: () => DataLoaders;
  readonly #subscriptions: () => SubscriptionLoaders;

  constructor(dataSources: DataSources, observe: BatchObserver | undefined) {
    const kit = loaderKit(observe);
    this.#admins = once(() => createAdminLoaders(kit, dataSources));
    this.#contacts = once(() => createContactLoaders(kit, dataSources));
    this.#conversations = once(() => createConversationLoaders(kit, dataSources));
    this.#companies = once(() => createCompanyLoaders(kit, dataSources, this.contact));
    this.#tickets = once(() => createTicketLoaders(kit, dataSources));
    this.#helpCenter = once(() => createHelpCenterLoaders(kit, dataSources));
    this.#tags = once(() => createTagLoaders(kit, dataSources));
    this.#notes = once(() => createNoteLoaders(kit, dataSources));
    this.#news = once(() => createNewsLoaders(kit, dataSources));
    this.#data = once(() => createDataLoaders(kit, dataSources));
    this.#subscriptions = once(() => createSubscriptionLoaders(kit, dataSources));
  }

  get allAdmins() { return this.#admins().allAdmins; }
  get allTeams() { return this.#admins().allTeams; }
  get admin() { return this.#admins().admin; }
  get team() { return this.#admins().team; }

  get contact() { return this.#contacts().contact; }

  get conversation() { return this.#conversations().conversation; }
  get conversationWithoutParts() { return this.#conversations().conversationWithoutParts; }
  get contactConversations() { return this.#conversations().contactConversations; }

  get allSegments() { return this.#companies().allSegments; }
  get segment() { return this.#companies().segment; }
  get company() { return this.#companies().company; }
  get contactCompanies() { return this.#companies().contactCompanies; }
  get contactSegments() { return this.#companies().contactSegments; }
  get companyContacts() { return this.#companies().companyContacts; }
  get companySegments() { return this.#companies().companySegments; }

  get ticket() { return this.#tickets().ticket; }
  get allTicketTypes() { return this.#tickets().allTicketTypes; }
  get ticketType() { return this.#tickets().ticketType; }
  get forgetTicketTypes() { return this.#tickets().forgetTicketTypes; }

  get allHelpCenters() { return this.#helpCenter().allHelpCenters; }
  get helpCenter() { return this.#helpCenter().helpCenter; }
  get collection() { return this.#helpCenter().collection; }
  get article() { return this.#helpCenter().article; }
  get articleWithoutStatistics() { return this.#helpCenter().articleWithoutStatistics; }

  get allTags() { return this.#tags().allTags; }
  get tag() { return this.#tags().tag; }
  get contactTags() { return this.#tags().contactTags; }
  get tagsOfContact() { return this.#tags().tagsOfContact; }
  get clearTags() { return this.#tags().clearTags; }

  get note() { return this.#notes().note; }
  get contactNotes() { return this.#notes().contactNotes; }

  get allNewsfeeds() { return this.#news().allNewsfeeds; }
  get newsfeed() { return this.#news().newsfeed; }
  get newsItem() { return this.#news().newsItem; }

  get dataAttributeList() { return this.#data().dataAttributeList; }
  get dataAttribute() { return this.#data().dataAttribute; }
  get forgetDataAttributes() { return this.#data().forgetDataAttributes; }
  get dataExport() { return this.#data().dataExport; }

  get allSubscriptionTypes() { return this.#subscriptions().allSubscriptionTypes; }
  get subscriptionType() { return this.#subscriptions().subscriptionType; }
  get contactSubscriptionTypes() { return this.#subscriptions().contactSubscriptionTypes; }

  author(ref: AuthorReference): Promise<Admin | Team | Contact | Bot> {
    switch (ref.type) {
      case "admin":
        return this.admin.load(ref.id);
      case "team":
        return this.team.load(ref.id);
      case "user":
      case "lead":
      case "contact":
        return this.contact.load(ref.id);
      default:
        // Bots (and any author type Intercom adds later) have no endpoint of their own.
        return Promise.resolve(build(Bot, { id: ref.id, name: ref.name, email: ref.email }));
    }
  }
}

export function createLoaders(dataSources: DataSources, observe?: BatchObserver): Loaders {
  return new RequestLoaders(dataSources, observe);
}
