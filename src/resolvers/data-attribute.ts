import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import {
  CreateDataAttributeInput,
  DataAttribute,
  DataAttributeConnection,
  DataAttributeModel,
  UpdateDataAttributeInput,
} from "../schema/data-attribute.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class DataAttributeListArgs {
  @Field(() => DataAttributeModel, { nullable: true, description: "Specify the data attribute model to return (contact and company attributes when omitted)." })
  model?: DataAttributeModel;

  @Field(() => Boolean, { nullable: true, description: "Include archived attributes in the list. By default only non archived data attributes are returned." })
  includeArchived?: boolean;

  @Field(() => Int, { nullable: true, description: "How many attributes (default 50, at most 1000)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}


@Resolver(() => DataAttribute)
export class DataAttributeResolver {
  @Query(() => DataAttributeConnection, {
    nullable: true,
    description: rest("List all data attributes of the workspace for contacts, companies or conversations.", "GET /data_attributes"),
  })
  async dataAttributes(@Args(() => DataAttributeListArgs) args: DataAttributeListArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<DataAttribute>> {
    const all = await loaders.dataAttributeList(args.model ?? null);
    return arrayConnection(args.includeArchived ? all : all.filter((a) => !a.archived), args);
  }

  @Mutation(() => DataAttribute, { nullable: true, description: rest("Create a data attribute for a contact or a company.", "POST /data_attributes") })
  async createDataAttribute(
    @Arg("input", () => CreateDataAttributeInput, { description: "The new attribute: its name, model, data type and options." }) input: CreateDataAttributeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<DataAttribute> {
    return ctx.dataSources.dataAttributes.create(input);
  }

  @Mutation(() => DataAttribute, { nullable: true, description: rest("Update a data attribute: archive it, change its description, options or messenger access.", "PUT /data_attributes/{data_attribute_id}") })
  async updateDataAttribute(
    @Arg("id", () => ID, { description: "The id of the data attribute to update." }) id: string,
    @Arg("input", () => UpdateDataAttributeInput, { description: "What to change; fields left out stay as they are." }) input: UpdateDataAttributeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<DataAttribute> {
    return await ctx.dataSources.dataAttributes.update(id, input);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "Teammate who created the attribute (custom attributes only)." })
  admin(@Root() attribute: DataAttribute, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return attribute.adminId ? loaders.admin.load(attribute.adminId) : null;
  }
}

export const dataAttributeResolvers = [DataAttributeResolver] as const;
