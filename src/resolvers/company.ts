import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_COMPANIES_PER_PAGE } from "../datasources/companies.js";
import { badInput } from "../datasources/errors.js";
import type { Connection } from "../schema/common.js";
import {
  Company,
  CompanyConnection,
  CompanyFilter,
  CompanyListOrder,
  CreateOrUpdateCompanyInput,
  DeletedCompany,
  UpdateCompanyInput,
} from "../schema/company.js";
import { Contact, ContactConnection } from "../schema/contact.js";
import { Segment, SegmentConnection } from "../schema/segment.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, numberedPageConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class CompanyPageArgs {
  @Field(() => Int, { nullable: true, description: `How many items (default 15, at most ${MAX_COMPANIES_PER_PAGE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@ArgsType()
class SegmentPageArgs {
  @Field(() => Int, { nullable: true, description: "How many segments (default 50)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 15, maxSize: MAX_COMPANIES_PER_PAGE };




@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => Company, { nullable: true, description: rest("Retrieve a company by ID", "GET /companies/{company_id}") })
  company(
    @Arg("id", () => ID, { description: "The id Intercom gave the company (not your `companyId`)." }) id: string,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Company> {
    return loaders.company.load(id);
  }

  @Query(() => CompanyConnection, {
    nullable: true,
    description: rest(
      "List all companies. Sorted by last request, most recent first; companies without users are not listed. " +
        "Page-based listing stops at 10,000 companies: use `scrollCompanies` to read them all.",
      "POST /companies/list",
    ),
  })
  companies(
    @Args(() => CompanyPageArgs) args: CompanyPageArgs,
    @Arg("order", () => CompanyListOrder, { nullable: true, description: "By `lastRequestAt`; default DESC." }) order: CompanyListOrder | null,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Company>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.companies.list(page, perPage, order ?? undefined));
  }

  @Query(() => CompanyConnection, {
    nullable: true,
    description: rest("Retrieve companies: by name or your company id, or those with a tag or in a segment.", "GET /companies"),
  })
  findCompanies(
    @Arg("filter", () => CompanyFilter, { description: "What to look companies up by: exactly one of name, companyId, tagId or segmentId." }) filter: CompanyFilter,
    @Args(() => CompanyPageArgs) args: CompanyPageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Company>> {
    const set = [filter.name, filter.companyId, filter.tagId, filter.segmentId].filter((v) => v !== undefined && v !== null);
    if (set.length !== 1) throw badInput("Set exactly one of filter.name, filter.companyId, filter.tagId or filter.segmentId", "filter");
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.companies.find(filter, page, perPage));
  }

  @Query(() => CompanyConnection, {
    nullable: true,
    description: rest(
      "Scroll over all companies, for jobs that must read every company. Intercom allows one open scroll per workspace " +
        "and expires it a minute after its last use: pass `endCursor` as `after` promptly. A scroll resumes only at page " +
        "boundaries, so every edge of a page carries the cursor of the next page.",
      "GET /companies/scroll",
    ),
  })
  async scrollCompanies(
    @Arg("after", () => String, { nullable: true, description: "`endCursor` of the previous page; omit to start a scroll." }) after: string | null,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Company>> {
    const { items, cursor, hasMore, totalCount } = await dataSources.companies.scroll(after);
    // A scroll resumes only at page boundaries: every edge carries the next page's cursor.
    return {
      edges: items.map((node) => ({ node, cursor: cursor ?? "" })),
      nodes: items,
      totalCount,
      pageInfo: { hasNextPage: hasMore, hasPreviousPage: after !== null, startCursor: cursor, endCursor: cursor },
    };
  }

  @Query(() => ContactConnection, { nullable: true, description: rest("List attached contacts: the contacts of a company.", "GET /companies/{company_id}/contacts") })
  companyContacts(
    @Arg("companyId", () => ID, { description: "The id Intercom gave the company." }) companyId: string,
    @Args(() => CompanyPageArgs) args: CompanyPageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Contact>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => loaders.companyContacts.load({ parentId: companyId, page, perPage }));
  }

  @Query(() => SegmentConnection, {
    nullable: true,
    description: rest("List attached segments for companies: the segments a company is in.", "GET /companies/{company_id}/segments"),
  })
  async companySegments(
    @Arg("companyId", () => ID, { description: "The id Intercom gave the company." }) companyId: string,
    @Args(() => SegmentPageArgs) args: SegmentPageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Segment>> {
    return arrayConnection(await loaders.companySegments.load(companyId), args);
  }

  @Query(() => CompanyConnection, { nullable: true, description: rest("List attached companies for contact", "GET /contacts/{contact_id}/companies") })
  contactCompanies(
    @Arg("contactId", () => ID, { description: "The id of the contact." }) contactId: string,
    @Args(() => CompanyPageArgs) args: CompanyPageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Company>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => loaders.contactCompanies.load({ parentId: contactId, page, perPage }));
  }

  @Mutation(() => Company, {
    nullable: true,
    description: rest(
      "Create or Update a company: looked up by `companyId`, created when none has it. A company shows in lists once a contact is attached.",
      "POST /companies",
    ),
  })
  async createOrUpdateCompany(
    @Arg("input", () => CreateOrUpdateCompanyInput, { description: "The company, matched by `companyId`: created when no company has it, updated otherwise." }) input: CreateOrUpdateCompanyInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Company> {
    return ctx.dataSources.companies.createOrUpdate(input);
  }

  @Mutation(() => Company, { nullable: true, description: rest("Update a company (its `companyId` can't change).", "PUT /companies/{company_id}") })
  async updateCompany(
    @Arg("id", () => ID, { description: "The id Intercom gave the company to update (not your `companyId`)." }) id: string,
    @Arg("input", () => UpdateCompanyInput, { description: "What to change; fields left out stay as they are." }) input: UpdateCompanyInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Company> {
    return ctx.dataSources.companies.update(id, input);
  }

  @Mutation(() => DeletedCompany, {
    nullable: true,
    description: rest("Delete a company: Intercom archives it and detaches its contacts (the contacts stay).", "DELETE /companies/{company_id}"),
  })
  async deleteCompany(
    @Arg("id", () => ID, { description: "The id Intercom gave the company to delete." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeletedCompany> {
    return ctx.dataSources.companies.remove(id);
  }

  @Mutation(() => Company, { nullable: true, description: rest("Attach a Contact to a Company", "POST /contacts/{contact_id}/companies") })
  async attachContactToCompany(
    @Arg("contactId", () => ID, { description: "The id of the contact to attach." }) contactId: string,
    @Arg("companyId", () => ID, { description: "The id Intercom gave the company (not your `companyId`)." }) companyId: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<Company> {
    return await ctx.dataSources.companies.attachContact(contactId, companyId);
  }

  @Mutation(() => Company, { nullable: true, description: rest("Detach a contact from a company", "DELETE /contacts/{contact_id}/companies/{company_id}") })
  async detachContactFromCompany(
    @Arg("contactId", () => ID, { description: "The id of the contact to detach." }) contactId: string,
    @Arg("companyId", () => ID, { description: "The id Intercom gave the company (not your `companyId`)." }) companyId: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<Company> {
    return await ctx.dataSources.companies.detachContact(contactId, companyId);
  }

  @FieldResolver(() => ContactConnection, {
    description: "The contacts of the company (`GET /companies/{id}/contacts`, one call per company and page).",
  })
  contacts(@Root() company: Company, @Args(() => CompanyPageArgs) args: CompanyPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Contact>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => loaders.companyContacts.load({ parentId: company.id, page, perPage }));
  }

  @FieldResolver(() => SegmentConnection, {
    description: "The segments the company is in (`GET /companies/{id}/segments`, one call per company).",
  })
  async segments(@Root() company: Company, @Args(() => SegmentPageArgs) args: SegmentPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Segment>> {
    return arrayConnection(await loaders.companySegments.load(company.id), args);
  }
}

/** The links from a contact to its companies and segments. */
@Resolver(() => Contact)
export class ContactCompaniesResolver {
  @FieldResolver(() => CompanyConnection, {
    description: "The companies the contact belongs to (`GET /contacts/{id}/companies`, one call per contact and page).",
  })
  companies(@Root() contact: Contact, @Args(() => CompanyPageArgs) args: CompanyPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Company>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => loaders.contactCompanies.load({ parentId: contact.id, page, perPage }));
  }

  @FieldResolver(() => SegmentConnection, {
    description: "The segments the contact is in (`GET /contacts/{id}/segments`, one call per contact).",
  })
  async segments(@Root() contact: Contact, @Args(() => SegmentPageArgs) args: SegmentPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Segment>> {
    return arrayConnection(await loaders.contactSegments.load(contact.id), args);
  }
}

export const companyResolvers = [CompanyResolver, ContactCompaniesResolver] as const;
