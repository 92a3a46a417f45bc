import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { Company } from "../generated/graph/companies.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";

// Company, CompanyPlan and DeletedCompany are generated from the document (scripts/graph-mapping.ts);
// links are in src/resolvers/company.ts.
export * from "../generated/graph/companies.js";

export const CompanyConnection = ConnectionType(Company, "Company");
export type CompanyConnection = InstanceType<typeof CompanyConnection>;

export enum CompanyListOrder {
  ASC = "asc",
  DESC = "desc",
}
registerEnumType(CompanyListOrder, {
  name: "CompanyListOrder",
  description: "Order of companies by `lastRequestAt`.",
  valuesConfig: {
    ASC: { description: "Least recent `lastRequestAt` first." },
    DESC: { description: "Most recent `lastRequestAt` first (the default)." },
  },
});

/** Fields a company can be created or updated with (`create_or_update_company_request`). */
@InputType({ description: "The attributes of a company to update." })
export class UpdateCompanyInput {
  @Field(() => String, { nullable: true, description: "The name of the company." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "The name of the plan you have associated with the company." })
  plan?: string | null;

  @Field(() => Int, { nullable: true, description: "The number of employees in this company." })
  size?: number | null;

  @Field(() => String, { nullable: true, description: "The URL for this company's website (not validated; any string)." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "The industry that this company operates in." })
  industry?: string | null;

  @Field(() => JSONObject, {
    nullable: true,
    description: "Key/value pairs of any other data about the company you want Intercom to store (values are strings).",
  })
  customAttributes?: Record<string, unknown> | null;

  @Field(() => DateTime, { nullable: true, description: "The time the company was created by you." })
  remoteCreatedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "How much revenue the company generates for your business (whole units)." })
  monthlySpend?: number | null;
}

@InputType({ description: "A company to create, or to update when one with this `companyId` exists." })
export class CreateOrUpdateCompanyInput extends UpdateCompanyInput {
  @Field(() => String, {
    nullable: true,
    description: "The company id you have defined for the company; companies are looked up by it. It can't be changed once set.",
  })
  companyId?: string | null;
}

@InputType({ description: "Exactly one way to find companies." })
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: "The `name` of the company." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "The `companyId` you have defined for the company." })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Companies with this tag." })
  tagId?: string | null;

  @Field(() => ID, { nullable: true, description: "Companies in this segment." })
  segmentId?: string | null;
}
