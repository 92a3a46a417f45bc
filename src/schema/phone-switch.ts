import { Field, InputType, ObjectType } from "type-graphql";
import { JSONObject } from "./scalars.js";

/** The document's phone_switch has no id: a phone switch is an SMS sent, not a stored object. */
@ObjectType({ description: "Phone Switch Response: the SMS with a link to the Messenger was sent." })
export class PhoneSwitch {
  @Field(() => String, { description: "Phone number in E.164 format, that has received the SMS to continue the conversation in the Messenger." })
  phone!: string;

  @Field(() => String, { nullable: true, description: "The Messenger link sent in the SMS (Intercom sends it beside the schema's fields)." })
  url!: string | null;
}

@InputType({ description: "Deflect a phone call to the Intercom Messenger." })
export class CreatePhoneSwitchInput {
  @Field(() => String, { description: "Phone number in E.164 format, that will receive the SMS to continue the conversation in the Messenger." })
  phone!: string;

  @Field(() => JSONObject, {
    nullable: true,
    description:
      "Custom attributes added to the user or lead's custom data attributes (values: strings, numbers, booleans or null; the document references an undefined custom_attributes schema).",
  })
  customAttributes?: Record<string, unknown>;
}
