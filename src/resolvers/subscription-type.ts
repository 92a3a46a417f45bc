import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import { AttachSubscriptionTypeInput, SubscriptionType, SubscriptionTypeConnection } from "../schema/subscription-type.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class SubscriptionTypePageArgs {
  @Field(() => Int, { nullable: true, description: "How many subscription types (default 50)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}


@Resolver(() => SubscriptionType)
export class SubscriptionTypeResolver {
  @Query(() => SubscriptionTypeConnection, { nullable: true, description: rest("List subscription types", "GET /subscription_types") })
  async subscriptionTypes(
    @Args(() => SubscriptionTypePageArgs) args: SubscriptionTypePageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<SubscriptionType>> {
    return arrayConnection(await loaders.allSubscriptionTypes(), args);
  }

  @Query(() => SubscriptionTypeConnection, {
    nullable: true,
    description: rest(
      "List subscriptions for a contact: the opt-out types the contact opted out of and the opt-in types the contact opted in to (types in their default state are not listed).",
      "GET /contacts/{contact_id}/subscriptions",
    ),
  })
  async contactSubscriptionTypes(
    @Arg("contactId", () => ID, { description: "The id of the contact." }) contactId: string,
    @Args(() => SubscriptionTypePageArgs) args: SubscriptionTypePageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<SubscriptionType>> {
    return arrayConnection(await loaders.contactSubscriptionTypes.load(contactId), args);
  }

  @Mutation(() => SubscriptionType, {
    nullable: true,
    description: rest(
      "Add subscription to a contact: opt the contact out of an opt-out type, or in to an opt-in type. Returns the subscription type.",
      "POST /contacts/{contact_id}/subscriptions",
    ),
  })
  async attachSubscriptionTypeToContact(
    @Arg("contactId", () => ID, { description: "The id of the contact." }) contactId: string,
    @Arg("input", () => AttachSubscriptionTypeInput, { description: "The subscription type and the consent given (opt-in or opt-out)." }) input: AttachSubscriptionTypeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<SubscriptionType> {
    return ctx.dataSources.subscriptionTypes.attachToContact(contactId, input);
  }

  @Mutation(() => SubscriptionType, {
    nullable: true,
    description: rest(
      "Remove subscription from a contact: the contact goes back to the type's default. Returns the subscription type.",
      "DELETE /contacts/{contact_id}/subscriptions/{subscription_id}",
    ),
  })
  async detachSubscriptionTypeFromContact(
    @Arg("contactId", () => ID, { description: "The id of the contact." }) contactId: string,
    @Arg("subscriptionTypeId", () => ID, { description: "The id of the subscription type to remove from the contact." }) subscriptionTypeId: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<SubscriptionType> {
    return ctx.dataSources.subscriptionTypes.detachFromContact(contactId, subscriptionTypeId);
  }
}

@Resolver(() => Contact)
export class ContactSubscriptionsResolver {
  @FieldResolver(() => SubscriptionTypeConnection, {
    description:
      "The subscription types this contact explicitly opted in to or out of. Costs one `GET /contacts/{id}/subscriptions` per contact (de-duplicated).",
  })
  async subscriptionTypes(
    @Root() contact: Contact,
    @Args(() => SubscriptionTypePageArgs) args: SubscriptionTypePageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<SubscriptionType>> {
    return arrayConnection(await loaders.contactSubscriptionTypes.load(contact.id), args);
  }
}

export const subscriptionTypeResolvers = [SubscriptionTypeResolver, ContactSubscriptionsResolver] as const;
