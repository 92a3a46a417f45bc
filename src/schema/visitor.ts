import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ContactRole } from "./contact.js";
import { DateTime, JSONObject } from "./scalars.js";
import { Tag } from "./tag.js";

@ObjectType({ description: "The avatar of a visitor." })
export class VisitorAvatar {
  @Field(() => String, { nullable: true, description: "The URL of the avatar image associated with the visitor." })
  imageUrl!: string | null;
}

@ObjectType({ description: "Where a visitor is, as Intercom located them." })
export class VisitorLocationData {
  @Field(() => String, { nullable: true, description: "The city name of the visitor." })
  cityName!: string | null;

  @Field(() => String, { nullable: true, description: "The continent code of the visitor." })
  continentCode!: string | null;

  @Field(() => String, { nullable: true, description: "The country code of the visitor." })
  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: "The country name of the visitor." })
  countryName!: string | null;

  @Field(() => String, { nullable: true, description: "The postal code of the visitor." })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: "The region name of the visitor." })
  regionName!: string | null;

  @Field(() => String, { nullable: true, description: "The timezone of the visitor." })
  timezone!: string | null;
}

@ObjectType({
  description:
    "Visitors are useful for representing anonymous people that have not yet been identified. They usually represent website visitors.",
})
export class Visitor {
  @Field(() => ID, { description: "The Intercom defined id representing the Visitor." })
  id!: string;

  @Field(() => String, { description: "Automatically generated identifier for the Visitor." })
  userId!: string;

  @Field(() => Boolean, { description: "Identifies if this visitor is anonymous." })
  anonymous!: boolean;

  @Field(() => String, { nullable: true, description: "The email of the visitor (null when Intercom sends an empty one)." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The phone number of the visitor." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "The name of the visitor." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The pseudonym of the visitor." })
  pseudonym!: string | null;

  @Field(() => VisitorAvatar, { nullable: true, description: "The avatar associated with the visitor." })
  avatar!: VisitorAvatar | null;

  @Field(() => ID, { description: "The id of the app the visitor is associated with." })
  appId!: string;

  @Field(() => [ID], { description: "The ids of the companies the visitor belongs to." })
  companyIds!: string[];

  @Field(() => VisitorLocationData, { nullable: true, description: "Where the visitor is." })
  locationData!: VisitorLocationData | null;

  @Field(() => DateTime, { nullable: true, description: "The time the visitor last recorded making a request." })
  lastRequestAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: "The time the visitor last recorded making a request.",
    deprecationReason: "The document misspells `last_request_at` as `las_request_at`; use `lastRequestAt`.",
  })
  lasRequestAt!: Date | null;

  @Field(() => DateTime, { description: "The time the Visitor was added to Intercom." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time the Visitor was added to Intercom, as your system recorded it." })
  remoteCreatedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time the Visitor signed up for your product." })
  signedUpAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The last time the Visitor was updated." })
  updatedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The number of sessions the Visitor has had." })
  sessionCount!: number | null;

  @Field(() => [String], { description: "The social profiles of the visitor." })
  socialProfiles!: string[];

  @Field(() => ID, { nullable: true, description: "The id of the admin that owns the Visitor (see `owner`)." })
  ownerId!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the Visitor is unsubscribed from emails." })
  unsubscribedFromEmails!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Identifies if this visitor has marked an email as spam." })
  markedEmailAsSpam!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Identifies if this visitor has had a hard bounce." })
  hasHardBounced!: boolean | null;

  @Field(() => [ID], { description: "The ids of the tags on the visitor." })
  tagIds!: string[];

  @Field(() => [Tag], { description: "The tags on the visitor (from the visitor itself, no extra call)." })
  tags!: Tag[];

  @Field(() => [ID], { description: "The ids of the segments the visitor is in." })
  segmentIds!: string[];

  @Field(() => JSONObject, { description: "The custom attributes you have set on the Visitor." })
  customAttributes!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "The referer of the visitor." })
  referrer!: string | null;

  @Field(() => String, { nullable: true, description: "The utm_campaign of the visitor." })
  utmCampaign!: string | null;

  @Field(() => String, { nullable: true, description: "The utm_content of the visitor." })
  utmContent!: string | null;

  @Field(() => String, { nullable: true, description: "The utm_medium of the visitor." })
  utmMedium!: string | null;

  @Field(() => String, { nullable: true, description: "The utm_source of the visitor." })
  utmSource!: string | null;

  @Field(() => String, { nullable: true, description: "The utm_term of the visitor." })
  utmTerm!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Identifies if this visitor has do not track enabled." })
  doNotTrack!: boolean | null;

  /** The companies as the visitor carries them (REST shape), for the `companies` link. */
  rawCompanies!: unknown[];
}

@InputType({ description: "Changes to a visitor, identified by exactly one of id or userId." })
export class UpdateVisitorInput {
  @Field(() => ID, { nullable: true, description: "The unique identifier for the visitor which is given by Intercom." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The user_id of the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The visitor's name." })
  name?: string | null;

  @Field(() => JSONObject, { nullable: true, description: "Custom attributes to set on the visitor." })
  customAttributes?: Record<string, unknown> | null;
}

@InputType({ description: "Identifies the visitor to convert: exactly one of id, userId or email." })
export class ConvertVisitorFrom {
  @Field(() => ID, { nullable: true, description: "The Intercom id of the visitor." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The user_id of the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The visitor's email." })
  email?: string | null;
}

@InputType({
  description:
    "The contact the visitor becomes: exactly one of id (an existing contact to merge into) or userId (becomes the contact's external_id); email is kept.",
})
export class ConvertVisitorTo {
  @Field(() => ID, { nullable: true, description: "The Intercom id of an existing contact to merge the visitor into." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's user_id (external_id): an existing user with it absorbs the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's email, retained by default if one is present." })
  email?: string | null;
}

@InputType({ description: "Convert a visitor into a user or a lead." })
export class ConvertVisitorInput {
  @Field(() => ContactRole, { description: "The role of the resulting contact." })
  type!: ContactRole;

  @Field(() => ConvertVisitorTo, { description: "The identifiers of the resulting contact." })
  user!: ConvertVisitorTo;

  @Field(() => ConvertVisitorFrom, { description: "The visitor to convert." })
  visitor!: ConvertVisitorFrom;
}
