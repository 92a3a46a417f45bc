import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Connection } from "../schema/common.js";
import {
  CreateTicketTypeAttributeInput,
  CreateTicketTypeInput,
  TicketType,
  TicketTypeAttribute,
  TicketTypeAttributeConnection,
  TicketTypeConnection,
  UpdateTicketTypeAttributeInput,
  UpdateTicketTypeInput,
} from "../schema/ticket-type.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class ListArgs {
  @Field(() => Int, { nullable: true, description: "How many (default 50, at most 1000)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}


@Resolver(() => TicketType)
export class TicketTypeResolver {
  @Query(() => TicketTypeConnection, { nullable: true, description: rest("List all ticket types", "GET /ticket_types") })
  async ticketTypes(@Args(() => ListArgs) args: ListArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<TicketType>> {
    return arrayConnection(await loaders.allTicketTypes(), args);
  }

  @Query(() => TicketType, { nullable: true, description: rest("Retrieve a ticket type", "GET /ticket_types/{ticket_type_id}") })
  ticketType(
    @Arg("id", () => ID, { description: "The id of the ticket type." }) id: string,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<TicketType> {
    return dataSources.ticketTypes.getById(id);
  }

  @Mutation(() => TicketType, { nullable: true, description: rest("Create a ticket type", "POST /ticket_types") })
  async createTicketType(
    @Arg("input", () => CreateTicketTypeInput, { description: "The new ticket type: name, description, category and icon." }) input: CreateTicketTypeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<TicketType> {
    return await ctx.dataSources.ticketTypes.create(input);
  }

  @Mutation(() => TicketType, { nullable: true, description: rest("Update a ticket type", "PUT /ticket_types/{ticket_type_id}") })
  async updateTicketType(
    @Arg("id", () => ID, { description: "The id of the ticket type to update." }) id: string,
    @Arg("input", () => UpdateTicketTypeInput, { description: "What to change; fields left out stay as they are." }) input: UpdateTicketTypeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<TicketType> {
    return await ctx.dataSources.ticketTypes.update(id, input);
  }

  @Mutation(() => TicketTypeAttribute, { nullable: true, description: rest("Create a new attribute for a ticket type", "POST /ticket_types/{ticket_type_id}/attributes") })
  async createTicketTypeAttribute(
    @Arg("ticketTypeId", () => ID, { description: "The id of the ticket type to add the attribute to." }) ticketTypeId: string,
    @Arg("input", () => CreateTicketTypeAttributeInput, { description: "The new attribute: its name, data type and how it shows on the ticket forms." }) input: CreateTicketTypeAttributeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<TicketTypeAttribute> {
    return ctx.dataSources.ticketTypes.createAttribute(ticketTypeId, input);
  }

  @Mutation(() => TicketTypeAttribute, {
    nullable: true,
    description: rest("Update an existing attribute for a ticket type", "PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}"),
  })
  async updateTicketTypeAttribute(
    @Arg("ticketTypeId", () => ID, { description: "The id of the ticket type the attribute belongs to." }) ticketTypeId: string,
    @Arg("id", () => ID, { description: "The id of the attribute to update." }) id: string,
    @Arg("input", () => UpdateTicketTypeAttributeInput, { description: "What to change; fields left out stay as they are." }) input: UpdateTicketTypeAttributeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<TicketTypeAttribute> {
    return ctx.dataSources.ticketTypes.updateAttribute(ticketTypeId, id, input);
  }

  @FieldResolver(() => TicketTypeAttributeConnection, { description: "The attributes of the ticket type, in their order (no extra call)." })
  ticketTypeAttributes(@Root() type: TicketType, @Args(() => ListArgs) args: ListArgs): Connection<TicketTypeAttribute> {
    return arrayConnection([...type.attributes].sort((a, b) => a.order - b.order), args);
  }
}

@Resolver(() => TicketTypeAttribute)
export class TicketTypeAttributeResolver {
  @FieldResolver(() => TicketType, { nullable: true, description: "The ticket type the attribute belongs to (one `GET /ticket_types` per request)." })
  ticketType(@Root() attribute: TicketTypeAttribute, @Ctx() { loaders }: GatewayContext): Promise<TicketType> {
    return loaders.ticketType.load(attribute.ticketTypeId);
  }
}

export const ticketTypeResolvers = [TicketTypeResolver, TicketTypeAttributeResolver] as const;
