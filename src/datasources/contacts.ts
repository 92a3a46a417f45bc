import { ArchivedContact, CONTACT_DATE_FIELDS, CONTACT_NO_LIST_FIELDS, Contact, ContactRole, DeletedContact, UnarchivedContact } from "../schema/contact.js";
import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { requiredId } from "./reducers.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage, type RestPages } from "./paging.js";
import { badInput } from "./errors.js";
import { toIntercomQuery, type IntercomSearchQuery, type SearchQueryInput } from "./search-query.js";

interface RestRefList {
  data?: Array<{ type?: string; id: string | number; url?: string }> | null;
  total_count?: number;
  has_more?: boolean;
}

export interface RestContact {
  type?: "contact";
  id: string;
  external_id: string | null;
  workspace_id: string;
  role: string;
  email?: string | null;
  email_domain?: string | null;
  phone: string | null;
  formatted_phone?: string | null;
  name: string | null;
  owner_id: number | string | null;
  has_hard_bounced: boolean;
  marked_email_as_spam: boolean;
  unsubscribed_from_emails: boolean;
  created_at: number;
  updated_at: number;
  signed_up_at: number | null;
  last_seen_at: number | null;
  last_replied_at: number | null;
  last_contacted_at: number | null;
  last_email_opened_at: number | null;
  last_email_clicked_at: number | null;
  language_override: string | null;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  android_app_name?: string | null;
  android_app_version?: string | null;
  android_device?: string | null;
  android_os_version?: string | null;
  android_sdk_version?: string | null;
  android_last_seen_at?: number | null;
  ios_app_name?: string | null;
  ios_app_version?: string | null;
  ios_device?: string | null;
  ios_os_version?: string | null;
  ios_sdk_version?: string | null;
  ios_last_seen_at?: number | null;
  custom_attributes?: Record<string, unknown> | null;
  avatar?: { image_url?: string | null } | null;
  tags?: RestRefList | null;
  notes?: RestRefList | null;
  companies?: RestRefList | null;
  location?: {
    country?: string | null;
    region?: string | null;
    city?: string | null;
    country_code?: string | null;
    continent_code?: string | null;
  } | null;
  social_profiles?: { data?: Array<{ name: string; url: string }> } | null;
  utm_campaign?: string | null;
  utm_content?: string | null;
  utm_medium?: string | null;
  utm_source?: string | null;
  utm_term?: string | null;
  referrer?: string | null;
}

const ids = (list: RestRefList | null | undefined) => (list?.data ?? []).map((item) => String(item.id));
// Intercom answers "" for a contact without email (leads); the graph says null.
const text = (value: string | null | undefined) => (value === undefined || value === null || value === "" ? null : value);

export function contactReducer(rest: RestContact): Contact {
  return build(Contact, {
    id: rest.id,
    externalId: rest.external_id ?? null,
    workspaceId: rest.workspace_id,
    role: rest.role === "lead" ? ContactRole.LEAD : ContactRole.USER,
    email: text(rest.email),
    emailDomain: text(rest.email_domain),
    phone: rest.phone ?? null,
    formattedPhone: rest.formatted_phone ?? null,
    name: rest.name ?? null,
    ownerId: rest.owner_id === null || rest.owner_id === undefined ? null : String(rest.owner_id),
    hasHardBounced: rest.has_hard_bounced,
    markedEmailAsSpam: rest.marked_email_as_spam,
    unsubscribedFromEmails: rest.unsubscribed_from_emails,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at)!,
    signedUpAt: fromUnix(rest.signed_up_at),
    lastSeenAt: fromUnix(rest.last_seen_at),
    lastRepliedAt: fromUnix(rest.last_replied_at),
    lastContactedAt: fromUnix(rest.last_contacted_at),
    lastEmailOpenedAt: fromUnix(rest.last_email_opened_at),
    lastEmailClickedAt: fromUnix(rest.last_email_clicked_at),
    languageOverride: rest.language_override ?? null,
    browser: rest.browser ?? null,
    browserVersion: rest.browser_version ?? null,
    browserLanguage: rest.browser_language ?? null,
    os: rest.os ?? null,
    androidAppName: rest.android_app_name ?? null,
    androidAppVersion: rest.android_app_version ?? null,
    androidDevice: rest.android_device ?? null,
    androidOsVersion: rest.android_os_version ?? null,
    androidSdkVersion: rest.android_sdk_version ?? null,
    androidLastSeenAt: fromUnix(rest.android_last_seen_at),
    iosAppName: rest.ios_app_name ?? null,
    iosAppVersion: rest.ios_app_version ?? null,
    iosDevice: rest.ios_device ?? null,
    iosOsVersion: rest.ios_os_version ?? null,
    iosSdkVersion: rest.ios_sdk_version ?? null,
    iosLastSeenAt: fromUnix(rest.ios_last_seen_at),
    customAttributes: rest.custom_attributes ?? {},
    avatar: rest.avatar ? { imageUrl: rest.avatar.image_url ?? null } : null,
    tagIds: ids(rest.tags),
    noteIds: ids(rest.notes),
    companyIds: ids(rest.companies),
    location: rest.location
      ? {
          country: rest.location.country ?? null,
          region: rest.location.region ?? null,
          city: rest.location.city ?? null,
          countryCode: rest.location.country_code ?? null,
          continentCode: rest.location.continent_code ?? null,
        }
      : null,
    socialProfiles: (rest.social_profiles?.data ?? []).map((p) => ({ name: p.name, url: p.url })),
    utmCampaign: rest.utm_campaign ?? null,
    utmContent: rest.utm_content ?? null,
    utmMedium: rest.utm_medium ?? null,
    utmSource: rest.utm_source ?? null,
    utmTerm: rest.utm_term ?? null,
    referrer: rest.referrer ?? null,
  });
}

/** The writable attributes of a contact, as plain graph-side values. */
export interface ContactChanges {
  role?: ContactRole | null;
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  avatar?: string | null;
  signedUpAt?: Date | null;
  lastSeenAt?: Date | null;
  ownerId?: string | null;
  unsubscribedFromEmails?: boolean | null;
  customAttributes?: Record<string, unknown> | null;
}

/**
 * The REST body of a create or update: only the attributes given. For fields
 * the document marks nullable, an explicit null is sent (it clears them).
 */
export function contactBody(changes: ContactChanges): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown, nullable: boolean) => {
    if (value === undefined || (value === null && !nullable)) return;
    body[key] = value;
  };
  set("role", changes.role, false);
  set("external_id", changes.externalId, false);
  set("email", changes.email, false);
  set("phone", changes.phone, true);
  set("name", changes.name, true);
  set("avatar", changes.avatar, true);
  set("signed_up_at", changes.signedUpAt === undefined || changes.signedUpAt === null ? changes.signedUpAt : toUnix(changes.signedUpAt), true);
  set("last_seen_at", changes.lastSeenAt === undefined || changes.lastSeenAt === null ? changes.lastSeenAt : toUnix(changes.lastSeenAt), true);
  // owner_id is an integer in the document; admin ids are numeric strings in the graph.
  const owner = changes.ownerId;
  set("owner_id", owner === undefined || owner === null ? owner : /^\d+$/.test(owner) ? Number(owner) : owner, true);
  set("unsubscribed_from_emails", changes.unsubscribedFromEmails, false);
  set("custom_attributes", changes.customAttributes, false);
  return body;
}

interface RestContactState {
  id: string;
  external_id?: string | null;
  deleted?: boolean;
  archived?: boolean;
}

interface ContactListBody {
  data: RestContact[];
  total_count?: number;
  pages?: RestPages;
}

/** Contacts: create, read, update, delete, list, search, merge, archive. */
export class ContactsAPI extends IntercomDataSource {
  async getById(id: string): Promise<Contact> {
    return contactReducer(await this.get<RestContact>(path`contacts/${id}`));
  }

  async list(perPage: number, startingAfter?: string | null): Promise<CursorPage<Contact>> {
    const body = await this.get<ContactListBody>(path`contacts`, {
      params: { per_page: String(perPage), ...(startingAfter ? { starting_after: startingAfter } : {}) },
    });
    return this.page(body);
  }

  /**
   * The graph's contact search: checked against Intercom's rules (nesting, group sizes, which
   * fields take IN/NIN, dates as timestamps) and turned into Intercom's query before any call.
   */
  searchFor(query: ContactSearchInput, perPage: number, startingAfter?: string | null): Promise<CursorPage<Contact>> {
    return this.search(toContactQuery(query, { noListFields: CONTACT_NO_LIST_FIELDS, dateFields: CONTACT_DATE_FIELDS }), perPage, startingAfter);
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Contact>> {
    const body = await this.post<ContactListBody>(path`contacts/search`, {
      read: true,
      body: {
        query,
        pagination: paginationBody(perPage, startingAfter),
      },
    });
    return this.page(body);
  }

  /** Intercom needs at least one of role, email or external id to create a contact. */
  async create(input: ContactChanges): Promise<Contact> {
    if (!input.email && !input.externalId && !input.role) throw badInput("Set at least one of input.email, input.externalId or input.role", "input");
    return this.write(WRITE_EFFECTS.createContact, input, async () => contactReducer(await this.post<RestContact>(path`contacts`, { body: contactBody(input) })));
  }

  async update(id: string, changes: ContactChanges): Promise<Contact> {
    return this.write(WRITE_EFFECTS.updateContact, { id }, async () => contactReducer(await this.put<RestContact>(path`contacts/${id}`, { body: contactBody(changes) })));
  }

  async remove(id: string): Promise<DeletedContact> {
    return this.write(WRITE_EFFECTS.deleteContact, { id }, async () => {
      const body = await this.delete<RestContactState>(path`contacts/${id}`);
      return build(DeletedContact, { id: requiredId(body.id), externalId: body.external_id ?? null, deleted: body.deleted ?? true });
    });
  }

  /** Merges the lead `from` into the user `into`; answers the user. */
  async merge(from: string, into: string): Promise<Contact> {
    if (from === into) throw badInput("input.from and input.into must be different contacts", "input.into");
    return this.write(WRITE_EFFECTS.mergeContacts, { from, into }, async () => contactReducer(await this.post<RestContact>(path`contacts/merge`, { body: { from, into } })));
  }

  async archive(id: string): Promise<ArchivedContact> {
    return this.write(WRITE_EFFECTS.archiveContact, { id }, async () => {
      const body = await this.post<RestContactState>(path`contacts/${id}/archive`);
      return build(ArchivedContact, { id: requiredId(body.id), externalId: body.external_id ?? null, archived: body.archived ?? true });
    });
  }

  async unarchive(id: string): Promise<UnarchivedContact> {
    return this.write(WRITE_EFFECTS.unarchiveContact, { id }, async () => {
      const body = await this.post<RestContactState>(path`contacts/${id}/unarchive`);
      return build(UnarchivedContact, { id: requiredId(body.id), externalId: body.external_id ?? null, archived: body.archived ?? false });
    });
  }

  private page(body: ContactListBody): CursorPage<Contact> {
    return {
      items: (body.data ?? []).map(contactReducer),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }
}

/** The graph's contact search input: a `SearchQueryInput` whose condition may name a custom attribute. */
export interface ContactSearchInput extends Omit<SearchQueryInput, "and" | "or"> {
  customAttribute?: string | null;
  and?: ContactSearchInput[] | null;
  or?: ContactSearchInput[] | null;
}

function withCustomAttributes(input: ContactSearchInput, path: string): SearchQueryInput {
  const { customAttribute, and, or, ...rest } = input;
  const out: SearchQueryInput = { ...rest };
  if (customAttribute !== undefined && customAttribute !== null) {
    if (input.field !== undefined && input.field !== null) {
      throw badInput(`${path}: set either field or customAttribute, not both`, `${path}.customAttribute`);
    }
    if (customAttribute.trim() === "") throw badInput(`${path}.customAttribute must not be empty`, `${path}.customAttribute`);
    out.field = `custom_attributes.${customAttribute}`;
  }
  if (and) out.and = and.map((member, i) => withCustomAttributes(member, `${path}.and[${i}]`));
  if (or) out.or = or.map((member, i) => withCustomAttributes(member, `${path}.or[${i}]`));
  return out;
}

const DATE_OPERATORS = new Set(["=", "<", ">"]);
const TAG_OPERATORS = new Set(["=", "!="]);

function checkOperators(query: IntercomSearchQuery, dateFields: ReadonlySet<string>): void {
  if (!("field" in query)) {
    query.value.forEach((member) => checkOperators(member, dateFields));
    return;
  }
  if (dateFields.has(query.field) && !DATE_OPERATORS.has(query.operator)) {
    throw badInput(`${query.field} is a date, matched by calendar day: only EQ, LT and GT apply`, "query.operator");
  }
  if (query.field === "tag_id" && !TAG_OPERATORS.has(query.operator)) {
    throw badInput("tag_id accepts only EQ and NEQ", "query.operator");
  }
}

/**
 * Checks a contact search against the document's rules (nesting, group sizes,
 * IN/NIN, the operators dates and tag ids accept) and builds Intercom's query,
 * before any upstream call.
 */
export function toContactQuery(
  input: ContactSearchInput,
  rules: { noListFields: ReadonlySet<string>; dateFields: ReadonlySet<string> },
): IntercomSearchQuery {
  const query = toIntercomQuery(withCustomAttributes(input, "query"), rules.noListFields);
  checkOperators(query, rules.dateFields);
  return query;
}
