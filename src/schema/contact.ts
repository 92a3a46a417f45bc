import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Author } from "./author.js";
import { DateTime, JSONObject } from "./scalars.js";

export enum ContactRole {
  USER = "user",
  LEAD = "lead",
}
registerEnumType(ContactRole, { name: "ContactRole", description: "Whether a contact is a user or a lead." });

@ObjectType({ description: "The avatar of a contact." })
export class ContactAvatar {
  @Field(() => String, { nullable: true, description: "An image URL containing the avatar of a contact." })
  imageUrl!: string | null;
}

@ObjectType({ description: "The location of a contact." })
export class ContactLocation {
  @Field(() => String, { nullable: true, description: "The country that the contact is located in." })
  country!: string | null;

  @Field(() => String, { nullable: true, description: "The overal region that the contact is located in." })
  region!: string | null;

  @Field(() => String, { nullable: true, description: "The city that the contact is located in." })
  city!: string | null;
}

@ObjectType({ description: "A social profile of a contact." })
export class SocialProfile {
  @Field(() => String, { description: "The name of the social network." })
  name!: string;

  @Field(() => String, { description: "The user's homepage on the social network." })
  url!: string;
}

@ObjectType({ description: "Contacts are the objects that represent your leads and users in Intercom.", implements: Author })
export class Contact implements Author {
  @Field(() => ID, { description: "The unique identifier for the contact which is given by Intercom." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The unique identifier for the contact which is provided by the Client." })
  externalId!: string | null;

  @Field(() => ID, { description: "The id of the workspace which the contact belongs to." })
  workspaceId!: string;

  @Field(() => ContactRole, { description: "The role of the contact." })
  role!: ContactRole;

  @Field(() => String, { nullable: true, description: "The contact's email." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The contact's email domain." })
  emailDomain!: string | null;

  @Field(() => String, { nullable: true, description: "The contact's phone." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "The contact's phone number normalized to the E164 format." })
  formattedPhone!: string | null;

  @Field(() => String, { nullable: true, description: "The contact's name." })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the admin that owns the contact (see `owner`)." })
  ownerId!: string | null;

  @Field(() => Boolean, { description: "Whether the contact has had an email sent to them hard bounce." })
  hasHardBounced!: boolean;

  @Field(() => Boolean, { description: "Whether the contact has marked an email sent to them as spam." })
  markedEmailAsSpam!: boolean;

  @Field(() => Boolean, { description: "Whether the contact is unsubscribed from emails." })
  unsubscribedFromEmails!: boolean;

  @Field(() => DateTime, { description: "The time when the contact was created." })
  createdAt!: Date;

  @Field(() => DateTime, { description: "The time when the contact was last updated." })
  updatedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time specified for when a contact signed up." })
  signedUpAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact was last seen." })
  lastSeenAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact last messaged in." })
  lastRepliedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact was last messaged." })
  lastContactedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact last opened an email." })
  lastEmailOpenedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the contact last clicked a link in an email." })
  lastEmailClickedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "A preferred language setting for the contact." })
  languageOverride!: string | null;

  @Field(() => String, { nullable: true, description: "The name of the browser which the contact is using." })
  browser!: string | null;

  @Field(() => String, { nullable: true, description: "The version of the browser which the contact is using." })
  browserVersion!: string | null;

  @Field(() => String, { nullable: true, description: "The language set by the browser which the contact is using." })
  browserLanguage!: string | null;

  @Field(() => String, { nullable: true, description: "The operating system which the contact is using." })
  os!: string | null;

  @Field(() => JSONObject, { description: "The custom attributes which are set for the contact." })
  customAttributes!: Record<string, unknown>;

  @Field(() => ContactAvatar, { nullable: true, description: "The avatar of the contact." })
  avatar!: ContactAvatar | null;

  @Field(() => ContactLocation, { nullable: true, description: "The location of the contact." })
  location!: ContactLocation | null;

  @Field(() => [SocialProfile], { description: "The social profiles of the contact." })
  socialProfiles!: SocialProfile[];
}
