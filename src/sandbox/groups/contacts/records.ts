// Contacts (users and leads).
import type { CustomAttributes, UnixSeconds } from "../../records.js";

/** `addressable_list` item: a reference with its API url. */
export interface AddressableRef {
  type: string;
  id: string;
  url: string;
}

/** `contact_tags` / `contact_notes`: references with the list's API url (their schemas declare no `type`). */
export interface ReferenceList<T> {
  data: T[];
  url: string;
  total_count: number;
  has_more: boolean;
}

/**
 * `contact` schema (full shape, as returned by GET /contacts/{id} and search): exactly the
 * properties the document declares. Subscription choices live in `subscriptionChoices`.
 */
export interface Contact {
  type: "contact";
  id: string; // 24 hex chars
  workspace_id: string;
  external_id: string | null;
  role: "user" | "lead";
  email: string;
  email_domain: string;
  phone: string | null;
  formatted_phone: string | null;
  name: string | null;
  owner_id: number | null; // integer admin id
  has_hard_bounced: boolean;
  marked_email_as_spam: boolean;
  unsubscribed_from_emails: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  signed_up_at: UnixSeconds | null;
  last_seen_at: UnixSeconds | null;
  last_replied_at: UnixSeconds | null;
  last_contacted_at: UnixSeconds | null;
  last_email_opened_at: UnixSeconds | null;
  last_email_clicked_at: UnixSeconds | null;
  language_override: string | null;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  android_app_name: string | null;
  android_app_version: string | null;
  android_device: string | null;
  android_os_version: string | null;
  android_sdk_version: string | null;
  android_last_seen_at: UnixSeconds | null;
  ios_app_name: string | null;
  ios_app_version: string | null;
  ios_device: string | null;
  ios_os_version: string | null;
  ios_sdk_version: string | null;
  ios_last_seen_at: UnixSeconds | null;
  custom_attributes: CustomAttributes;
  avatar: { type: "avatar"; image_url: string | null } | null;
  tags: ReferenceList<AddressableRef>;
  notes: ReferenceList<AddressableRef>;
  /** `contact_companies` declares a `type`, unlike the tags and notes lists. */
  companies: ReferenceList<AddressableRef> & { type: "list" };
  location: { type: "location"; country: string | null; region: string | null; city: string | null };
  social_profiles: { data: { type: "social_profile"; name: string; url: string }[] };
}

/** The workspace collections this group owns. */
export interface ContactsState {
  contacts: Contact[];
  /** Archived contacts: invisible to GET, list and search until unarchived. */
  archivedContacts: Contact[];
}
