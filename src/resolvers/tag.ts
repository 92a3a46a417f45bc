import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../datasources/errors.js";
import { loadExisting } from "../loaders/index.js";
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
  TagCompanyInput,
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

/** Intercom embeds at most 10 tag references in a contact; a full list may hold more. */
const EMBEDDED_REFERENCES = 10;

function checkCompanies(companies: TagCompanyInput[], field: string): void {
  if (companies.length === 0) throw badInput(`${field} must name at least one company`, field);
  if (companies.some((c) => !c.id && !c.companyId)) throw badInput(`Each of ${field} needs an id or a companyId`, field);
}

/** Every cached company (they embed their tags). */
function forgetCompanies(loaders: GatewayContext["loaders"]): void {
  loaders.company.clearAll();
  loaders.contactCompanies.clearAll();
}

/** Every cached conversation (they embed their tags). */
function forgetConversations(loaders: GatewayContext["loaders"]): void {
  loaders.conversation.clearAll();
  loaders.contactConversations.clearAll();
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
    if (input.name.trim() === "") throw badInput("input.name must not be empty", "input.name");
    const variants = (["id", "tagCompanies", "untagCompanies", "tagContacts"] as const).filter(
      (key) => input[key] !== undefined && input[key] !== null,
    );
    if (variants.length > 1) throw badInput(`Set at most one of input.${variants.join(", input.")}`, "input");
    if (input.tagCompanies) checkCompanies(input.tagCompanies, "input.tagCompanies");
    if (input.untagCompanies) checkCompanies(input.untagCompanies, "input.untagCompanies");
    if (input.tagContacts?.length === 0) throw badInput("input.tagContacts must name at least one contact", "input.tagContacts");

    const tag = await dataSources.tags.createOrUpdate(input);
    loaders.clearTags();
    for (const contactId of input.tagContacts ?? []) {
      loaders.contact.clear(contactId);
      loaders.contactTags.clear(contactId);
    }
    // Companies embed their tags; a company named by its own company_id has no id to clear by.
    if (input.tagCompanies || input.untagCompanies || input.id) forgetCompanies(loaders);
    // A rename shows in every copy of the tag a conversation holds.
    if (input.id) forgetConversations(loaders);
    return tag;
  }

  @Mutation(() => DeletedTag, { nullable: true, description: rest("Delete tag", "DELETE /tags/{tag_id}") })
  async deleteTag(
    @Arg("id", () => ID, { description: "The id of the tag to delete." }) id: string,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<DeletedTag> {
    const deleted = await dataSources.tags.remove(id);
    // The tag is gone from every contact and conversation that had it.
    loaders.clearTags();
    loaders.contactTags.clearAll();
    loaders.contact.clearAll();
    forgetCompanies(loaders);
    forgetConversations(loaders);
    return deleted;
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Add tag to a contact", "POST /contacts/{contact_id}/tags") })
  async attachTagToContact(
    @Arg("contactId", () => ID, { description: "The id of the contact to tag." }) contactId: string,
    @Arg("input", () => AttachTagToContactInput, { description: "The tag to add." }) input: AttachTagToContactInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    const tag = await dataSources.tags.attachToContact(contactId, input.tagId);
    loaders.contact.clear(contactId);
    loaders.contactTags.clear(contactId);
    return tag;
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Remove tag from a contact", "DELETE /contacts/{contact_id}/tags/{tag_id}") })
  async detachTagFromContact(
    @Arg("contactId", () => ID, { description: "The id of the contact to untag." }) contactId: string,
    @Arg("tagId", () => ID, { description: "The id of the tag to remove." }) tagId: string,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    const tag = await dataSources.tags.detachFromContact(contactId, tagId);
    loaders.contact.clear(contactId);
    loaders.contactTags.clear(contactId);
    return tag;
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Add tag to a conversation", "POST /conversations/{conversation_id}/tags") })
  async attachTagToConversation(
    @Arg("conversationId", () => ID, { description: "The id of the conversation to tag." }) conversationId: string,
    @Arg("input", () => AttachTagToConversationInput, { description: "The tag to add, and the admin who adds it." }) input: AttachTagToConversationInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Tag> {
    const tag = await dataSources.tags.attachToConversation(conversationId, input.tagId, input.adminId);
    loaders.conversation.clear(conversationId);
    loaders.contactConversations.clearAll();
    return tag;
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
    const tag = await dataSources.tags.detachFromConversation(conversationId, tagId, input.adminId);
    loaders.conversation.clear(conversationId);
    loaders.contactConversations.clearAll();
    return tag;
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
    // The embedded references stop at 10: a contact that shows 10 may have more.
    const tags =
      contact.tagIds.length >= EMBEDDED_REFERENCES
        ? await loaders.contactTags.load(contact.id)
        : await loadExisting(loaders.tag, contact.tagIds);
    return arrayConnection(tags, args);
  }
}

export const tagResolvers = [TagResolver, ContactTagsResolver] as const;
