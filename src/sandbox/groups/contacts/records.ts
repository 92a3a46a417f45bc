// Contacts (users and leads).
import type { RestAddressableList, RestContactTags } from "../../../generated/rest/common.js";
import type { RestContact, RestContactLocation } from "../../../generated/rest/contacts.js";
import type { Sent } from "../../records.js";

/** `addressable_list` item: a reference with its API url. */
export type AddressableRef = RestAddressableList;

/** `contact_tags` / `contact_notes`: references with the list's API url. */
export type ReferenceList = RestContactTags;

/** Intercom's contacts are users or leads; the document types `role` as any string. */
interface ContactRole {
  role: "user" | "lead";
}

/** What the sandbox does not send of a contact: the UTM parameters and referrer the gateway's patch adds (no seeded contact has them). */
type Unsent = "utm_campaign" | "utm_content" | "utm_medium" | "utm_source" | "utm_term" | "referrer";

/**
 * `contact` (full shape, as returned by GET /contacts/{id} and search), every property there but
 * the unsent ones; its location has country, region and city (no codes). Subscription choices
 * live in `subscriptionChoices`.
 */
export type Contact = Sent<RestContact, Exclude<keyof RestContact, Unsent | "location">> &
  ContactRole & { location: Sent<RestContactLocation, "country" | "region" | "city"> };

/** The workspace collections this group owns. */
export interface ContactsState {
  contacts: Contact[];
  /** Archived contacts: invisible to GET, list and search until unarchived. */
  archivedContacts: Contact[];
}
