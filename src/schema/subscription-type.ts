import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";

export enum SubscriptionTypeState {
  LIVE = "live",
  DRAFT = "draft",
  ARCHIVED = "archived",
}
registerEnumType(SubscriptionTypeState, {
  name: "SubscriptionTypeState",
  description: "The state of a subscription type.",
  valuesConfig: {
    LIVE: { description: "In use: contacts can opt in or out of it." },
    DRAFT: { description: "Being prepared; not yet offered to contacts." },
    ARCHIVED: { description: "No longer in use." },
  },
});

export enum ConsentType {
  OPT_OUT = "opt_out",
  OPT_IN = "opt_in",
}
registerEnumType(ConsentType, {
  name: "ConsentType",
  description: "Opt-out types reach everyone until a contact opts out; opt-in types reach only contacts who opted in.",
  valuesConfig: {
    OPT_OUT: { description: "Contacts receive these messages until they opt out." },
    OPT_IN: { description: "Contacts receive these messages only after opting in." },
  },
});

export enum SubscriptionContentType {
  EMAIL = "email",
  SMS_MESSAGE = "sms_message",
}
registerEnumType(SubscriptionContentType, {
  name: "SubscriptionContentType",
  description: "A message type a subscription type applies to.",
  valuesConfig: {
    EMAIL: { description: "Email messages." },
    SMS_MESSAGE: { description: "SMS messages." },
  },
});

@ObjectType({ description: "A translation object contains the localised details of a subscription type." })
export class Translation {
  @Field(() => String, { description: "The localised name of the subscription type." })
  name!: string;

  @Field(() => String, { description: "The localised description of the subscription type." })
  description!: string;

  @Field(() => String, { description: "The two character identifier for the language of the translation object." })
  locale!: string;
}

@ObjectType({ description: "A subscription type lets customers easily opt out of non-essential communications without missing what’s important to them." })
export class SubscriptionType {
  @Field(() => ID, { description: "The unique identifier representing the subscription type." })
  id!: string;

  @Field(() => SubscriptionTypeState, { description: "The state of the subscription type." })
  state!: SubscriptionTypeState;

  @Field(() => Translation, { description: "The translation in the workspace's default locale." })
  defaultTranslation!: Translation;

  @Field(() => [Translation], {
    description: "The localised versions of the subscription type in each available locale within your translation settings.",
  })
  translations!: Translation[];

  @Field(() => ConsentType, { description: "Describes the type of consent." })
  consentType!: ConsentType;

  @Field(() => [SubscriptionContentType], { description: "The message types that this subscription supports." })
  contentTypes!: SubscriptionContentType[];
}

export const SubscriptionTypeConnection = ConnectionType(SubscriptionType, "SubscriptionType");

@InputType({ description: "Which subscription type to attach to a contact, and how." })
export class AttachSubscriptionTypeInput {
  @Field(() => ID, { description: "The unique identifier for the subscription type which is given by Intercom." })
  id!: string;

  @Field(() => ConsentType, {
    description: "OPT_OUT opts the contact out of an opt-out subscription type; OPT_IN opts the contact in to an opt-in one.",
  })
  consentType!: ConsentType;
}
