import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
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
    return dataSources.phoneSwitch.create(input.phone, input.customAttributes);
  }
}

export const phoneSwitchResolvers = [PhoneSwitchResolver] as const;
