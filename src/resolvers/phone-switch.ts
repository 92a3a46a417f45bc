import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { badInput } from "../datasources/errors.js";
import { CreatePhoneSwitchInput, PhoneSwitch } from "../schema/phone-switch.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => PhoneSwitch)
export class PhoneSwitchResolver {
  @Mutation(() => PhoneSwitch, {
    nullable: true,
    description: rest(
      "Create a phone Switch: send an SMS with a link to the Messenger to a phone number, deflecting the call.",
      "POST /phone_call_redirects",
    ),
  })
  createPhoneSwitch(
    @Arg("input", () => CreatePhoneSwitchInput, { description: "The phone number that receives the SMS to continue in the Messenger, and optional custom attributes." }) input: CreatePhoneSwitchInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<PhoneSwitch> {
    // Custom attribute values are strings, numbers, booleans or null (the document leaves the schema undefined).
    for (const [key, value] of Object.entries(input.customAttributes ?? {})) {
      if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
        throw badInput(`customAttributes.${key} must be a string, number, boolean or null`, "input.customAttributes");
      }
    }
    return dataSources.phoneSwitch.create(input.phone, input.customAttributes);
  }
}

export const phoneSwitchResolvers = [PhoneSwitchResolver] as const;
