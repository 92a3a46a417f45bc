import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { reduceCompany } from "../generated/reducers/companies.js";
import type { RestCompany } from "../generated/rest/companies.js";
import { badInput } from "../datasources/errors.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import { Company } from "../schema/company.js";
import { Contact } from "../schema/contact.js";
import { Segment } from "../schema/segment.js";
import { ConvertVisitorInput, UpdateVisitorInput, Visitor } from "../schema/visitor.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => Visitor)
export class VisitorResolver {
  @Query(() => Visitor, { nullable: true, description: rest("Retrieve a visitor with User ID", "GET /visitors") })
  visitor(
    @Arg("userId", () => String, { description: "The `user_id` Intercom gave the visitor (visitors have no id of yours)." }) userId: string,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Visitor> {
    return dataSources.visitors.getByUserId(userId);
  }

  @Mutation(() => Visitor, { nullable: true, description: rest("Update a visitor (its name and custom attributes), found by id or userId.", "PUT /visitors") })
  updateVisitor(
    @Arg("input", () => UpdateVisitorInput, { description: "The visitor, by exactly one of id or userId, and what to change." }) input: UpdateVisitorInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Visitor> {
    return dataSources.visitors.update(input);
  }

  @Mutation(() => Contact, {
    nullable: true,
    description: rest(
      "Convert a visitor into a user or a lead. An existing user named by `user` absorbs the visitor; otherwise the visitor becomes the contact. The visitor is gone afterwards.",
      "POST /visitors/convert",
    ),
  })
  async convertVisitor(
    @Arg("input", () => ConvertVisitorInput, { description: "The visitor to convert, the role it takes, and the user it may merge into." }) input: ConvertVisitorInput,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Contact> {
    return dataSources.visitors.convert(input);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin that owns the visitor." })
  owner(@Root() visitor: Visitor, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return visitor.ownerId ? loaders.admin.load(visitor.ownerId) : null;
  }

  @FieldResolver(() => [Company], { description: "The companies the visitor belongs to (carried whole by the visitor: no extra call)." })
  companies(@Root() visitor: Visitor): Company[] {
    return visitor.rawCompanies.map((c) => reduceCompany(c as RestCompany));
  }

  @FieldResolver(() => [Segment], { description: "The segments the visitor is in (one `GET /segments` per request)." })
  segments(@Root() visitor: Visitor, @Ctx() { loaders }: GatewayContext): Promise<Segment[]> {
    return loadExisting(loaders.segment, visitor.segmentIds);
  }
}

export const visitorResolvers = [VisitorResolver] as const;
