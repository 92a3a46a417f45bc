import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import {
  AttachTagToContactInput,
  AttachTagToConversationInput,
  CreateOrUpdateTagInput,
  DeletedTag,
  DetachTagFromConversationInput,
  Tag,
  TagConnection,
} from "../schema/tag.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class TagPageArgs {
  @Field(() => Int, { nullable: true, description: "How many tags (default 50, at most 1000)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}


@Resolver(() => Tag)
export class TagResolver {
  @Query(() => TagConnection, { nullable: true, description: rest("List all tags", "GET /tags") })
  async tags(@Args(() => TagPageArgs) args: TagPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Tag>> {
    return arrayConnection(await loaders.allTags(), args);
  }

  @Query(() => Tag, { nullable: true, description: rest("Find a specific tag", "GET /tags/{tag_id}") })
  tag(@Arg("id", () => ID, { description: "The id of the tag." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Tag> {
    return dataSources.tags.getById(id);
  }

  @Query(() => TagConnection, {
    nullable: true,
    description: rest("List tags attached to a contact", "GET /contacts/{contact_id}/tags"),
  })
  async contactTags(
    @Arg("contactId", () => ID, { description: "The id of the contact whose tags to list." }) contactId: string,
    @Args(() => TagPageArgs) args: TagPageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Tag>> {
    return arrayConnection(await loaders.contactTags.load(contactId), args);
  }

  @Mutation(() => Tag, {
    nullable: true,
    description: rest(
      "Create or update a tag, Tag or untag companies, Tag contacts. With `name` alone: create (or find) a tag; with `id`: rename it; " +
        "with `tagCompanies`, `untagCompanies` or `tagContacts`: tag or untag them in bulk.",
      "POST /tags",
    ),
  })
  async createOrUpdateTag(
    @Arg("input", () => CreateOrUpdateTagInput, { description: "The tag's name, and what to do with it: create, rename, or tag/untag companies or contacts." }) input: CreateOrUpdateTagInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    return dataSources.tags.createOrUpdate(input);
  }

  @Mutation(() => DeletedTag, { nullable: true, description: rest("Delete tag", "DELETE /tags/{tag_id}") })
  async deleteTag(
    @Arg("id", () => ID, { description: "The id of the tag to delete." }) id: string,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<DeletedTag> {
    return dataSources.tags.remove(id);
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Add tag to a contact", "POST /contacts/{contact_id}/tags") })
  async attachTagToContact(
    @Arg("contactId", () => ID, { description: "The id of the contact to tag." }) contactId: string,
    @Arg("input", () => AttachTagToContactInput, { description: "The tag to add." }) input: AttachTagToContactInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    return dataSources.tags.attachToContact(contactId, input.tagId);
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Remove tag from a contact", "DELETE /contacts/{contact_id}/tags/{tag_id}") })
  async detachTagFromContact(
    @Arg("contactId", () => ID, { description: "The id of the contact to untag." }) contactId: string,
    @Arg("tagId", () => ID, { description: "The id of the tag to remove." }) tagId: string,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    return dataSources.tags.detachFromContact(contactId, tagId);
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Add tag to a conversation", "POST /conversations/{conversation_id}/tags") })
  async attachTagToConversation(
    @Arg("conversationId", () => ID, { description: "The id of the conversation to tag." }) conversationId: string,
    @Arg("input", () => AttachTagToConversationInput, { description: "The tag to add, and the admin who adds it." }) input: AttachTagToConversationInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    return dataSources.tags.attachToConversation(conversationId, input.tagId, input.adminId);
  }

  @Mutation(() => Tag, {
    nullable: true,
    description: rest("Remove tag from a conversation", "DELETE /conversations/{conversation_id}/tags/{tag_id}"),
  })
  async detachTagFromConversation(
    @Arg("conversationId", () => ID, { description: "The id of the conversation to untag." }) conversationId: string,
    @Arg("tagId", () => ID, { description: "The id of the tag to remove." }) tagId: string,
    @Arg("input", () => DetachTagFromConversationInput, { description: "The admin who removes the tag." }) input: DetachTagFromConversationInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    return dataSources.tags.detachFromConversation(conversationId, tagId, input.adminId);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin who applied the tag." })
  appliedBy(@Root() tag: Tag, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return tag.appliedById ? loaders.admin.load(tag.appliedById) : null;
  }
}

@Resolver(() => Contact)
export class ContactTagsResolver {
  @FieldResolver(() => TagConnection, {
    description:
      "The tags attached to the contact, from the workspace's tag list (one `GET /tags` per request, for any number of contacts; " +
      "`appliedAt`/`appliedBy` are filled by `contactTags` only). A contact with 10 or more tags costs one `GET /contacts/{id}/tags`.",
  })
  async tags(@Root() contact: Contact, @Args(() => TagPageArgs) args: TagPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Tag>> {
    return arrayConnection(await loaders.tagsOfContact(contact), args);
  }
}

export const tagResolvers = [TagResolver, ContactTagsResolver] as const;
