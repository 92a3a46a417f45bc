import { Contact, ContactRole } from "../schema/contact.js";
import { build, fromUnix } from "../schema/scalars.js";
import { IntercomDataSource } from "./intercom.js";
import { nextCursorOf, paginationBody, type CursorPage, type RestPages } from "./paging.js";
import type { IntercomSearchQuery } from "./search-query.js";

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
  custom_attributes?: Record<string, unknown> | null;
  avatar?: { image_url?: string | null } | null;
  location?: { country?: string | null; region?: string | null; city?: string | null } | null;
  social_profiles?: { data?: Array<{ name: string; url: string }> } | null;
}

export function contactReducer(rest: RestContact): Contact {
  return build(Contact, {
    id: rest.id,
    externalId: rest.external_id ?? null,
    workspaceId: rest.workspace_id,
    role: rest.role === "lead" ? ContactRole.LEAD : ContactRole.USER,
    email: rest.email ?? null,
    emailDomain: rest.email_domain ?? null,
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
    customAttributes: rest.custom_attributes ?? {},
    avatar: rest.avatar ? { imageUrl: rest.avatar.image_url ?? null } : null,
    location: rest.location
      ? { country: rest.location.country ?? null, region: rest.location.region ?? null, city: rest.location.city ?? null }
      : null,
    socialProfiles: rest.social_profiles?.data ?? [],
  });
}

/** Contacts: GET /contacts/{contact_id}, POST /contacts/search. */
export class ContactsAPI extends IntercomDataSource {
  async getById(id: string): Promise<Contact> {
    return contactReducer(await this.get<RestContact>(`contacts/${this.segment(id)}`));
  }

  async search(query: IntercomSearchQuery, perPage: number, startingAfter?: string | null): Promise<CursorPage<Contact>> {
    const body = await this.post<{ data: RestContact[]; total_count?: number; pages?: RestPages }>("contacts/search", {
      body: {
        query,
        pagination: paginationBody(perPage, startingAfter),
      },
    });
    return {
      items: body.data.map(contactReducer),
      nextCursor: nextCursorOf(body.pages),
      totalCount: body.total_count ?? null,
    };
  }
}
