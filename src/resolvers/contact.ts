import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import { Contact } from "../schema/contact.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, { nullable: true, description: rest("Retrieve a contact.", "GET /contacts/{contact_id}") })
  contact(@Arg("id", () => ID) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Contact> {
    // By id, never by search: search lags behind writes.
    return dataSources.contacts.getById(id);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin that owns the contact." })
  owner(@Root() contact: Contact, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return contact.ownerId ? loaders.admin.load(contact.ownerId) : null;
  }
}

export const contactResolvers = [ContactResolver] as const;
