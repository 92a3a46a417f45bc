import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { Connection } from "../schema/common.js";
import {
  Collection,
  CollectionConnection,
  CreateCollectionInput,
  DeletedCollection,
  HelpCenter,
  HelpCenterConnection,
  UpdateCollectionInput,
} from "../schema/help-center.js";
import type { GatewayContext } from "../server/context.js";
import { numberedPageConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class HelpCenterPageArgs {
  @Field(() => Int, { nullable: true, description: `How many (default 20, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 20, maxSize: MAX_PAGE_SIZE };


@Resolver(() => Collection)
export class CollectionResolver {
  @Query(() => CollectionConnection, { nullable: true, description: rest("List all collections", "GET /help_center/collections") })
  async collections(@Args(() => HelpCenterPageArgs) args: HelpCenterPageArgs, @Ctx() { dataSources, loaders }: GatewayContext): Promise<Connection<Collection>> {
    const connection = await numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.helpCenter.listCollections(page, perPage));
    for (const c of connection.nodes) loaders.collection.prime(c.id, c);
    return connection;
  }

  @Query(() => Collection, { nullable: true, description: rest("Retrieve a collection", "GET /help_center/collections/{collection_id}") })
  collection(@Arg("id", () => ID, { description: "The id of the collection." }) id: string, @Ctx() { loaders }: GatewayContext): Promise<Collection> {
    return loaders.collection.load(id);
  }

  @Mutation(() => Collection, { nullable: true, description: rest("Create a collection", "POST /help_center/collections") })
  async createCollection(
    @Arg("input", () => CreateCollectionInput, { description: "The new collection: its name, description and place in a Help Center." }) input: CreateCollectionInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Collection> {
    return await ctx.dataSources.helpCenter.createCollection(input);
  }

  @Mutation(() => Collection, { nullable: true, description: rest("Update a collection", "PUT /help_center/collections/{collection_id}") })
  async updateCollection(
    @Arg("id", () => ID, { description: "The id of the collection to update." }) id: string,
    @Arg("input", () => UpdateCollectionInput, { description: "What to change; fields left out stay as they are." }) input: UpdateCollectionInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Collection> {
    return await ctx.dataSources.helpCenter.updateCollection(id, input);
  }

  @Mutation(() => DeletedCollection, { nullable: true, description: rest("Delete a collection", "DELETE /help_center/collections/{collection_id}") })
  async deleteCollection(
    @Arg("id", () => ID, { description: "The id of the collection to delete." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeletedCollection> {
    return ctx.dataSources.helpCenter.removeCollection(id);
  }

  @FieldResolver(() => HelpCenter, { nullable: true, description: "The help center the collection is in." })
  helpCenter(@Root() collection: Collection, @Ctx() { loaders }: GatewayContext): Promise<HelpCenter> | null {
    return collection.helpCenterId ? loaders.helpCenter.load(collection.helpCenterId) : null;
  }

  @FieldResolver(() => Collection, { nullable: true, description: "The parent collection of a section; null for a first level collection." })
  parent(@Root() collection: Collection, @Ctx() { loaders }: GatewayContext): Promise<Collection> | null {
    return collection.parentId ? loaders.collection.load(collection.parentId) : null;
  }
}

@Resolver(() => HelpCenter)
export class HelpCenterResolver {
  @Query(() => HelpCenterConnection, { nullable: true, description: rest("List all Help Centers", "GET /help_center/help_centers") })
  helpCenters(@Args(() => HelpCenterPageArgs) args: HelpCenterPageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<HelpCenter>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.helpCenter.listHelpCenters(page, perPage));
  }

  @Query(() => HelpCenter, { nullable: true, description: rest("Retrieve a Help Center", "GET /help_center/help_centers/{help_center_id}") })
  helpCenter(
    @Arg("id", () => ID, { description: "The id of the Help Center." }) id: string,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<HelpCenter> {
    return dataSources.helpCenter.getHelpCenter(id);
  }
}

export const helpCenterResolvers = [CollectionResolver, HelpCenterResolver] as const;
