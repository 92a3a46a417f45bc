import { reduceArchivedContact, reduceContact, reduceDeletedContact, reduceUnarchivedContact } from "../generated/reducers/contacts.js";
import type { RestContact, RestContactArchived, RestContactDeleted, RestContactList, RestContactUnarchived } from "../generated/rest/contacts.js";
import { CONTACT_DATE_FIELDS, CONTACT_NO_LIST_FIELDS, type ArchivedContact, type Contact, type ContactRole, type DeletedContact, type UnarchivedContact } from "../schema/contact.js";
import { toUnix } from "../schema/scalars.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage } from "./paging.js";
import { badInput } from "./errors.js";
import { toIntercomQuery, type IntercomSearchQuery, type SearchQueryInput } from "./search-query.js";

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

/** Contacts: create, read, update, delete, list, search, merge, archive. */
export class ContactsAPI extends IntercomDataSource {
  async getById(id: string): Promise<Contact> {
    return reduceContact(await this.get<RestContact>(path`contacts/${id}`));
  }

  async list(perPage: number, startingAfter?: string | null): Promise<CursorPage<Contact>> {
    const body = await this.get<RestContactList>(path`contacts`, {
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
    const body = await this.post<RestContactList>(path`contacts/search`, {
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
    return this.write(WRITE_EFFECTS.createContact, input, async () => reduceContact(await this.post<RestContact>(path`contacts`, { body: contactBody(input) })));
  }

  async update(id: string, changes: ContactChanges): Promise<Contact> {
    return this.write(WRITE_EFFECTS.updateContact, { id }, async () => reduceContact(await this.put<RestContact>(path`contacts/${id}`, { body: contactBody(changes) })));
  }

  async remove(id: string): Promise<DeletedContact> {
    return this.write(WRITE_EFFECTS.deleteContact, { id }, async () => reduceDeletedContact(await this.delete<RestContactDeleted>(path`contacts/${id}`)));
  }

  /** Merges the lead `from` into the user `into`; answers the user. */
  async merge(from: string, into: string): Promise<Contact> {
    if (from === into) throw badInput("input.from and input.into must be different contacts", "input.into");
    return this.write(WRITE_EFFECTS.mergeContacts, { from, into }, async () => reduceContact(await this.post<RestContact>(path`contacts/merge`, { body: { from, into } })));
  }

  async archive(id: string): Promise<ArchivedContact> {
    return this.write(WRITE_EFFECTS.archiveContact, { id }, async () => reduceArchivedContact(await this.post<RestContactArchived>(path`contacts/${id}/archive`)));
  }

  async unarchive(id: string): Promise<UnarchivedContact> {
    return this.write(WRITE_EFFECTS.unarchiveContact, { id }, async () => reduceUnarchivedContact(await this.post<RestContactUnarchived>(path`contacts/${id}/unarchive`)));
  }

  private page(body: RestContactList): CursorPage<Contact> {
    return {
      items: (body.data ?? []).map(reduceContact),
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
