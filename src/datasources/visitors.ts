import type { Contact } from "../schema/contact.js";
import { build, fromUnix } from "../schema/scalars.js";
import { Tag } from "../schema/tag.js";
import { Visitor } from "../schema/visitor.js";
import { reduceContact } from "../generated/reducers/contacts.js";
import type { RestContact } from "../generated/rest/contacts.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

export interface RestVisitor {
  type?: "visitor";
  id: string;
  user_id: string;
  anonymous: boolean;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  pseudonym?: string | null;
  avatar?: { image_url?: string | null } | null;
  app_id: string;
  companies?: { companies?: Array<{ id: string | number }> } | null;
  location_data?: Record<string, string | null | undefined> | null;
  last_request_at?: number | null;
  las_request_at?: number | null;
  created_at: number;
  remote_created_at?: number | null;
  signed_up_at?: number | null;
  updated_at?: number | null;
  session_count?: number | null;
  social_profiles?: { social_profiles?: unknown[] } | null;
  owner_id?: string | number | null;
  unsubscribed_from_emails?: boolean | null;
  marked_email_as_spam?: boolean | null;
  has_hard_bounced?: boolean | null;
  tags?: { tags?: Array<{ id: string | number; name: string }> } | null;
  segments?: { segments?: Array<string | { id: string | number }> } | null;
  custom_attributes?: Record<string, unknown> | null;
  referrer?: string | null;
  utm_campaign?: string | null;
  utm_content?: string | null;
  utm_medium?: string | null;
  utm_source?: string | null;
  utm_term?: string | null;
  do_not_track?: boolean | null;
}

const idOf = (item: string | { id: string | number }) => (typeof item === "object" ? String(item.id) : String(item));
/** Social profiles are strings in the document and objects in practice: keep a readable string either way. */
const profileText = (p: unknown) =>
  typeof p === "string" ? p : typeof p === "object" && p !== null && "url" in p ? String((p as { url: unknown }).url) : JSON.stringify(p);

export function visitorReducer(rest: RestVisitor): Visitor {
  const loc = rest.location_data;
  const hasLocation = loc && Object.keys(loc).some((k) => k !== "type");
  const lastRequestAt = fromUnix(rest.last_request_at ?? rest.las_request_at);
  const companies = rest.companies?.companies ?? [];
  const tags = rest.tags?.tags ?? [];
  return build(Visitor, {
    id: rest.id,
    userId: rest.user_id,
    anonymous: rest.anonymous,
    email: rest.email ? rest.email : null,
    phone: rest.phone ?? null,
    name: rest.name ?? null,
    pseudonym: rest.pseudonym ?? null,
    avatar: rest.avatar ? { imageUrl: rest.avatar.image_url ?? null } : null,
    appId: rest.app_id,
    companyIds: companies.map(idOf),
    rawCompanies: companies,
    locationData: hasLocation
      ? {
          cityName: loc.city_name ?? null,
          continentCode: loc.continent_code ?? null,
          countryCode: loc.country_code ?? null,
          countryName: loc.country_name ?? null,
          postalCode: loc.postal_code ?? null,
          regionName: loc.region_name ?? null,
          timezone: loc.timezone ?? null,
        }
      : null,
    lastRequestAt,
    lasRequestAt: lastRequestAt,
    createdAt: fromUnix(rest.created_at)!,
    remoteCreatedAt: fromUnix(rest.remote_created_at),
    signedUpAt: fromUnix(rest.signed_up_at),
    updatedAt: fromUnix(rest.updated_at),
    sessionCount: rest.session_count ?? null,
    socialProfiles: (rest.social_profiles?.social_profiles ?? []).map(profileText),
    ownerId: rest.owner_id === null || rest.owner_id === undefined ? null : String(rest.owner_id),
    unsubscribedFromEmails: rest.unsubscribed_from_emails ?? null,
    markedEmailAsSpam: rest.marked_email_as_spam ?? null,
    hasHardBounced: rest.has_hard_bounced ?? null,
    tagIds: tags.map(idOf),
    tags: tags.map((t) => build(Tag, { id: String(t.id), name: t.name, appliedAt: null, appliedById: null })),
    segmentIds: (rest.segments?.segments ?? []).map(idOf),
    customAttributes: rest.custom_attributes ?? {},
    referrer: rest.referrer ?? null,
    utmCampaign: rest.utm_campaign ?? null,
    utmContent: rest.utm_content ?? null,
    utmMedium: rest.utm_medium ?? null,
    utmSource: rest.utm_source ?? null,
    utmTerm: rest.utm_term ?? null,
    doNotTrack: rest.do_not_track ?? null,
  });
}

type Identity = { id?: string | null; userId?: string | null; email?: string | null };

/** How many of the identities are set (an empty string is not an identity). */
const given = (...values: Array<string | null | undefined>) => values.filter((v) => v !== undefined && v !== null && v !== "").length;

/** Only the identifiers that were given, in Intercom's names. */
function identity(who: Identity): Record<string, string> {
  return {
    ...(who.id ? { id: who.id } : {}),
    ...(who.userId ? { user_id: who.userId } : {}),
    ...(who.email ? { email: who.email } : {}),
  };
}

/** Visitors: retrieve by user_id, update, convert to a contact. */
export class VisitorsAPI extends IntercomDataSource {
  async getByUserId(userId: string): Promise<Visitor> {
    return visitorReducer(await this.get<RestVisitor>(path`visitors`, { params: { user_id: userId } }));
  }

  async update(changes: { id?: string | null; userId?: string | null; name?: string | null; customAttributes?: Record<string, unknown> | null }): Promise<Visitor> {
    if (given(changes.id, changes.userId) !== 1) throw badInput("Identify the visitor with exactly one of id or userId", "input");
    const body = {
      ...identity({ id: changes.id, userId: changes.userId }),
      ...(changes.name !== undefined && changes.name !== null ? { name: changes.name } : {}),
      ...(changes.customAttributes ? { custom_attributes: changes.customAttributes } : {}),
    };
    return visitorReducer(await this.put<RestVisitor>(path`visitors`, { body }));
  }

  /** The visitor by exactly one of id, userId or email; the contact it becomes or merges into by exactly one of id or userId. */
  async convert(input: { type: "user" | "lead"; user: Identity; visitor: Identity }): Promise<Contact> {
    if (given(input.visitor.id, input.visitor.userId, input.visitor.email) !== 1) {
      throw badInput("Identify the visitor with exactly one of id, userId or email", "input.visitor");
    }
    if (given(input.user.id, input.user.userId) !== 1) throw badInput("Identify the contact with exactly one of id or userId", "input.user");
    const body = { type: input.type, user: identity(input.user), visitor: identity(input.visitor) };
    return this.write(WRITE_EFFECTS.convertVisitor, input, async () => reduceContact(await this.post<RestContact>(path`visitors/convert`, { body })));
  }
}
