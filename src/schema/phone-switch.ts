import { Field, InputType } from "type-graphql";
import { JSONObject } from "./scalars.js";

// PhoneSwitch is generated from the document (scripts/graph-mapping.ts).
export * from "../generated/graph/phone-switch.js";

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
