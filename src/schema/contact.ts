import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { Contact, ContactRole } from "../generated/graph/contacts.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";
import { SearchOperator, SearchValueInput } from "./search.js";

// Contact, its parts and the answers to delete/archive/unarchive are generated from the document
// (scripts/graph-mapping.ts); links are in src/resolvers/contact.ts.
export * from "../generated/graph/contacts.js";

export const ContactConnection = ConnectionType(Contact, "Contact");
export type ContactConnection = InstanceType<typeof ContactConnection>;

// ---- Mutation inputs -------------------------------------------------------

@InputType({ description: "A new contact: set at least one of `email`, `externalId` or `role` (role defaults to user)." })
export class CreateContactInput {
  @Field(() => ContactRole, { nullable: true, description: "The role of the contact." })
  role?: ContactRole;

  @Field(() => String, { nullable: true, description: "A unique identifier for the contact which is given to Intercom." })
  externalId?: string;

  @Field(() => String, { nullable: true, description: "The contact's email." })
  email?: string;

  @Field(() => String, { nullable: true, description: "The contact's phone." })
  phone?: string;

  @Field(() => String, { nullable: true, description: "The contact's name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "An image URL containing the avatar of a contact." })
  avatar?: string;

  @Field(() => DateTime, { nullable: true, description: "The time specified for when a contact signed up." })
  signedUpAt?: Date;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact was last seen." })
  lastSeenAt?: Date;

  @Field(() => ID, { nullable: true, description: "The id of an admin that has been assigned account ownership of the contact." })
  ownerId?: string;

  @Field(() => Boolean, { nullable: true, description: "Whether the contact is unsubscribed from emails." })
  unsubscribedFromEmails?: boolean;

  @Field(() => JSONObject, { nullable: true, description: "The custom attributes which are set for the contact (strings, numbers, booleans or null)." })
  customAttributes?: Record<string, unknown>;
}

@InputType({ description: "Changes to a contact: fields left out stay as they are; `null` clears a nullable field." })
export class UpdateContactInput {
  @Field(() => ContactRole, { nullable: true, description: "The role of the contact (a lead can become a user)." })
  role?: ContactRole;

  @Field(() => String, { nullable: true, description: "A unique identifier for the contact which is given to Intercom." })
  externalId?: string;

  @Field(() => String, { nullable: true, description: "The contact's email." })
  email?: string;

  @Field(() => String, { nullable: true, description: "The contact's phone." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "An image URL containing the avatar of a contact." })
  avatar?: string | null;

  @Field(() => DateTime, { nullable: true, description: "The time specified for when a contact signed up." })
  signedUpAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact was last seen." })
  lastSeenAt?: Date | null;

  @Field(() => ID, { nullable: true, description: "The id of an admin that has been assigned account ownership of the contact." })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the contact is unsubscribed from emails." })
  unsubscribedFromEmails?: boolean;

  @Field(() => JSONObject, { nullable: true, description: "Custom attributes to set (strings, numbers, booleans or null)." })
  customAttributes?: Record<string, unknown>;
}

@InputType({ description: "Merge a lead into a user: the lead disappears and its data moves to the user." })
export class MergeContactsInput {
  @Field(() => ID, { description: "The unique identifier for the contact to merge away from. Must be a lead." })
  from!: string;

  @Field(() => ID, { description: "The unique identifier for the contact to merge into. Must be a user." })
  into!: string;
}

// ---- Search ----------------------------------------------------------------

/** Searchable contact fields, from the 2.11 document's "Accepted Fields" table (its spellings kept). */
export enum ContactSearchField {
  ID = "id",
  ROLE = "role",
  NAME = "name",
  AVATAR = "avatar",
  OWNER_ID = "owner_id",
  EMAIL = "email",
  EMAIL_DOMAIN = "email_domain",
  PHONE = "phone",
  EXTERNAL_ID = "external_id",
  CREATED_AT = "created_at",
  SIGNED_UP_AT = "signed_up_at",
  UPDATED_AT = "updated_at",
  LAST_SEEN_AT = "last_seen_at",
  LAST_CONTACTED_AT = "last_contacted_at",
  LAST_REPLIED_AT = "last_replied_at",
  LAST_EMAIL_OPENED_AT = "last_email_opened_at",
  LAST_EMAIL_CLICKED_AT = "last_email_clicked_at",
  LANGUAGE_OVERRIDE = "language_override",
  BROWSER = "browser",
  BROWSER_LANGUAGE = "browser_language",
  OS = "os",
  LOCATION_COUNTRY = "location.country",
  LOCATION_REGION = "location.region",
  LOCATION_CITY = "location.city",
  UNSUBSCRIBED_FROM_EMAILS = "unsubscribed_from_emails",
  MARKED_EMAIL_AS_SPAM = "marked_email_as_spam",
  HAS_HARD_BOUNCED = "has_hard_bounced",
  IOS_LAST_SEEN_AT = "ios_last_seen_at",
  IOS_APP_VERSION = "ios_app_version",
  IOS_DEVICE = "ios_device",
  IOS_APP_DEVICE = "ios_app_device",
  IOS_OS_VERSION = "ios_os_version",
  IOS_APP_NAME = "ios_app_name",
  IOS_SDK_VERSION = "ios_sdk_version",
  ANDROID_LAST_SEEN_AT = "android_last_seen_at",
  ANDROID_APP_VERSION = "android_app_version",
  ANDROID_DEVICE = "android_device",
  ANDROID_APP_NAME = "android_app_name",
  /** The document spells it `andoid_sdk_version`; that is what Intercom accepts. */
  ANDROID_SDK_VERSION = "andoid_sdk_version",
  SEGMENT_ID = "segment_id",
  TAG_ID = "tag_id",
}
registerEnumType(ContactSearchField, {
  name: "ContactSearchField",
  description: "A searchable contact field. Dates match by calendar day in the workspace's timezone.",
  valuesConfig: {
    ID: { description: "`id` (string): the contact's id." },
    ROLE: { description: "`role` (string): `user` or `lead`." },
    NAME: { description: "`name` (string): the contact's name." },
    AVATAR: { description: "`avatar` (string): the URL of the contact's avatar image." },
    OWNER_ID: { description: "`owner_id` (integer): the id of the admin who owns the contact." },
    EMAIL: { description: "`email` (string): the contact's email." },
    EMAIL_DOMAIN: { description: "`email_domain` (string): the domain of the contact's email." },
    PHONE: { description: "`phone` (string): the contact's phone number." },
    EXTERNAL_ID: { description: "`external_id` (string): your identifier for the contact." },
    CREATED_AT: { description: "`created_at` (date): when the contact was created." },
    SIGNED_UP_AT: { description: "`signed_up_at` (date): when the user signed up." },
    UPDATED_AT: { description: "`updated_at` (date): when the contact was last updated." },
    LAST_SEEN_AT: { description: "`last_seen_at` (date): when the contact was last seen." },
    LAST_CONTACTED_AT: { description: "`last_contacted_at` (date): when the contact was last messaged." },
    LAST_REPLIED_AT: { description: "`last_replied_at` (date): when the contact last messaged in." },
    LAST_EMAIL_OPENED_AT: { description: "`last_email_opened_at` (date): when the contact last opened an email." },
    LAST_EMAIL_CLICKED_AT: { description: "`last_email_clicked_at` (date): when the contact last clicked a link in an email." },
    LANGUAGE_OVERRIDE: { description: "`language_override` (string): the contact's preferred Messenger language, kept even when their browser's changes." },
    BROWSER: { description: "`browser` (string): the browser the contact last used." },
    BROWSER_LANGUAGE: { description: "`browser_language` (string): the language of that browser." },
    OS: { description: "`os` (string): the operating system the contact last used." },
    LOCATION_COUNTRY: { description: "`location.country` (string): the country the contact is in." },
    LOCATION_REGION: { description: "`location.region` (string): the region the contact is in." },
    LOCATION_CITY: { description: "`location.city` (string): the city the contact is in." },
    UNSUBSCRIBED_FROM_EMAILS: { description: "`unsubscribed_from_emails` (boolean): whether the contact unsubscribed from emails." },
    MARKED_EMAIL_AS_SPAM: { description: "`marked_email_as_spam` (boolean): whether the contact marked an email as spam." },
    HAS_HARD_BOUNCED: { description: "`has_hard_bounced` (boolean): whether an email to the contact hard-bounced." },
    IOS_LAST_SEEN_AT: { description: "`ios_last_seen_at` (date): when the contact was last seen on iOS." },
    IOS_APP_VERSION: { description: "`ios_app_version` (string): the version of your iOS app the contact last used." },
    IOS_DEVICE: { description: "`ios_device` (string): the iOS device the contact last used." },
    IOS_APP_DEVICE: { description: "`ios_app_device` (string): the device running your iOS app (a field of the search table; the contact model has only `ios_device`)." },
    IOS_OS_VERSION: { description: "`ios_os_version` (string): the iOS version the contact last used." },
    IOS_APP_NAME: { description: "`ios_app_name` (string): the name of your iOS app the contact last used." },
    IOS_SDK_VERSION: { description: "`ios_sdk_version` (string): the Intercom iOS SDK version the contact last used." },
    ANDROID_LAST_SEEN_AT: { description: "`android_last_seen_at` (date): when the contact was last seen on Android." },
    ANDROID_APP_VERSION: { description: "`android_app_version` (string): the version of your Android app the contact last used." },
    ANDROID_DEVICE: { description: "`android_device` (string): the Android device the contact last used." },
    ANDROID_APP_NAME: { description: "`android_app_name` (string): the name of your Android app the contact last used." },
    ANDROID_SDK_VERSION: { description: "`andoid_sdk_version` (string, Intercom's spelling): the Intercom Android SDK version the contact last used." },
    SEGMENT_ID: { description: "`segment_id` (string): the id of a segment the contact is in." },
    TAG_ID: { description: "`tag_id` (string): the id of a tag applied to the contact (EQ and NEQ only)." },
  },
});

/** Date fields: matched by calendar day; only =, < and > apply. */
export const CONTACT_DATE_FIELDS: ReadonlySet<string> = new Set(
  Object.values(ContactSearchField).filter((f) => f.endsWith("_at")),
);

/** Fields that reject IN/NIN, per the document: dates and tag ids. */
export const CONTACT_NO_LIST_FIELDS: ReadonlySet<string> = new Set([...CONTACT_DATE_FIELDS, ContactSearchField.TAG_ID]);

@InputType({
  description:
    "A contact search: either one condition (`field` or `customAttribute`, `operator`, `value`) or a group (`and` or `or`) of nested queries. At most 2 levels of groups and 15 members per group. Dates match by calendar day and accept only EQ, LT and GT; `TAG_ID` accepts only EQ and NEQ. Contacts created or updated in the last few minutes may be missing from results; merged and archived ones never appear.",
})
export class ContactSearchQuery {
  @Field(() => ContactSearchField, { nullable: true, description: "The field a condition compares (or set `customAttribute`)." })
  field?: ContactSearchField;

  @Field(() => String, { nullable: true, description: "Search a custom attribute by name instead of a `field` (`custom_attributes.{name}`)." })
  customAttribute?: string;

  @Field(() => SearchOperator, { nullable: true, description: "How a condition compares the field with `value`." })
  operator?: SearchOperator;

  @Field(() => SearchValueInput, { nullable: true, description: "The value a condition compares the field with." })
  value?: SearchValueInput;

  @Field(() => [ContactSearchQuery], { nullable: true, description: "All of these must match." })
  and?: ContactSearchQuery[];

  @Field(() => [ContactSearchQuery], { nullable: true, description: "Any of these must match." })
  or?: ContactSearchQuery[];
}
