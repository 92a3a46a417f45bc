import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { Admin } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import {
  ArchivedContact,
  Contact,
  ContactConnection,
  ContactSearchQuery,
  CreateContactInput,
  DeletedContact,
  MergeContactsInput,
  UnarchivedContact,
  UpdateContactInput,
} from "../schema/contact.js";
import type { GatewayContext } from "../server/context.js";
import { cursorConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class ContactPageArgs {
  @Field(() => Int, { nullable: true, description: `How many contacts (default 50, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 50, maxSize: MAX_PAGE_SIZE };

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, { nullable: true, description: rest("Get a contact", "GET /contacts/{contact_id}") })
  contact(@Arg("id", () => ID, { description: "The id of the contact." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Contact> {
    // By id, never by search: search lags behind writes.
    return dataSources.contacts.getById(id);
  }

  @Query(() => ContactConnection, { nullable: true, description: rest("List all contacts", "GET /contacts") })
  contacts(@Args(() => ContactPageArgs) args: ContactPageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<Contact>> {
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.contacts.list(perPage, after));
  }

  @Query(() => ContactConnection, { nullable: true, description: rest("Search contacts", "POST /contacts/search") })
  searchContacts(
    @Arg("query", () => ContactSearchQuery, { description: "The conditions contacts must match: one condition, or `and`/`or` groups of them." }) query: ContactSearchQuery,
    @Args(() => ContactPageArgs) args: ContactPageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Contact>> {
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.contacts.searchFor(query, perPage, after));
  }

  @Mutation(() => Contact, { nullable: true, description: rest("Create contact", "POST /contacts") })
  async createContact(
    @Arg("input", () => CreateContactInput, { description: "The new contact; set at least one of role, email or externalId." }) input: CreateContactInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Contact> {
    return ctx.dataSources.contacts.create(input);
  }

  @Mutation(() => Contact, { nullable: true, description: rest("Update a contact", "PUT /contacts/{contact_id}") })
  async updateContact(
    @Arg("id", () => ID, { description: "The id of the contact to update." }) id: string,
    @Arg("input", () => UpdateContactInput, { description: "What to change; fields left out stay as they are." }) input: UpdateContactInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Contact> {
    return ctx.dataSources.contacts.update(id, input);
  }

  @Mutation(() => DeletedContact, { nullable: true, description: rest("Delete a contact", "DELETE /contacts/{contact_id}") })
  async deleteContact(
    @Arg("id", () => ID, { description: "The id of the contact to delete." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeletedContact> {
    return ctx.dataSources.contacts.remove(id);
  }

  @Mutation(() => Contact, { nullable: true, description: rest("Merge a lead and a user", "POST /contacts/merge") })
  async mergeContacts(
    @Arg("input", () => MergeContactsInput, { description: "The lead to merge (`from`) and the user it is merged into (`into`)." }) input: MergeContactsInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Contact> {
    return ctx.dataSources.contacts.merge(input.from, input.into);
  }

  @Mutation(() => ArchivedContact, { nullable: true, description: rest("Archive contact", "POST /contacts/{contact_id}/archive") })
  async archiveContact(
    @Arg("id", () => ID, { description: "The id of the contact to archive." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArchivedContact> {
    return ctx.dataSources.contacts.archive(id);
  }

  @Mutation(() => UnarchivedContact, { nullable: true, description: rest("Unarchive contact", "POST /contacts/{contact_id}/unarchive") })
  async unarchiveContact(
    @Arg("id", () => ID, { description: "The id of the archived contact to restore." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<UnarchivedContact> {
    return ctx.dataSources.contacts.unarchive(id);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin that owns the contact." })
  owner(@Root() contact: Contact, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return contact.ownerId ? loaders.admin.load(contact.ownerId) : null;
  }
}

@Resolver(() => UnarchivedContact)
export class UnarchivedContactResolver {
  @FieldResolver(() => Contact, { nullable: true, description: "The whole contact, read by id (`GET /contacts/{id}`): search lags behind the unarchive." })
  contact(@Root() unarchived: UnarchivedContact, @Ctx() { dataSources }: GatewayContext): Promise<Contact> {
    return dataSources.contacts.getById(unarchived.id);
  }
}

export const contactResolvers = [ContactResolver, UnarchivedContactResolver] as const;
