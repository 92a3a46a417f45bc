// The "Accepted Fields" of POST /contacts/search, as the search engine reads them.
import { at, fieldsFor, type SearchModel } from "../../search.js";
import type { Contact } from "./records.js";

export const contactSearchModel: SearchModel<Contact> = {
  name: "contacts",
  dayTruncatedDates: true,
  defaultSort: { field: "created_at", order: "descending" },
  defaultPerPage: 50,
  fields: {
    ...fieldsFor<Contact>({
      string: [
        "id", "role", "name", "email", "email_domain", "phone", "external_id", "language_override", "browser",
        "browser_language", "os", "location.country", "location.region", "location.city", "ios_app_version",
        "ios_device", "ios_os_version", "ios_app_name", "ios_sdk_version", "android_app_version", "android_device",
        "android_app_name", "android_sdk_version", "android_os_version",
      ],
      integer: ["owner_id"],
      date: [
        "created_at", "signed_up_at", "updated_at", "last_seen_at", "last_contacted_at", "last_replied_at",
        "last_email_opened_at", "last_email_clicked_at", "ios_last_seen_at", "android_last_seen_at",
      ],
      boolean: ["unsubscribed_from_emails", "marked_email_as_spam", "has_hard_bounced"],
    }),
    avatar: { type: "string", get: (c) => c.avatar?.image_url ?? null },
    ios_app_device: at("string", "ios_device"),
    andoid_sdk_version: at("string", "android_sdk_version"), // the document's spelling
    tag_id: { type: "tag", get: (c) => c.tags.data.map((t) => t.id) },
    company_id: { type: "string", get: (c) => c.companies.data.map((t) => t.id) },
  },
};

/** The contacts model with `segment_id`, whose membership comes from the workspace's segment rules. */
export function withSegmentIds(model: SearchModel<Contact>, segmentIdsOf: (contact: Contact) => string[]): SearchModel<Contact> {
  return { ...model, fields: { ...model.fields, segment_id: { type: "string", get: segmentIdsOf } } };
}
