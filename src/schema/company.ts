import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";
import { Tag } from "./tag.js";

@ObjectType({ description: "The plan a company is on." })
export class CompanyPlan {
  @Field(() => ID, { description: "The id of the plan." })
  id!: string;

  @Field(() => String, { description: "The name of the plan." })
  name!: string;
}

@ObjectType({
  description:
    "Companies allow you to represent organizations using your product. Each company will have its own description and be associated with contacts.",
})
export class Company {
  @Field(() => ID, { description: "The Intercom defined id representing the company." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The name of the company." })
  name!: string | null;

  @Field(() => String, { description: "The Intercom defined code of the workspace the company is associated to." })
  appId!: string;

  @Field(() => String, { description: "The company id you have defined for the company (not Intercom's `id`)." })
  companyId!: string;

  @Field(() => CompanyPlan, { nullable: true, description: "The plan the company is on." })
  plan!: CompanyPlan | null;

  @Field(() => DateTime, { nullable: true, description: "The time the company was created by you." })
  remoteCreatedAt!: Date | null;

  @Field(() => DateTime, { description: "The time the company was added in Intercom." })
  createdAt!: Date;

  @Field(() => DateTime, { description: "The last time the company was updated." })
  updatedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time the company last recorded making a request." })
  lastRequestAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The number of employees in the company." })
  size!: number | null;

  @Field(() => String, { nullable: true, description: "The URL for the company website." })
  website!: string | null;

  @Field(() => String, { nullable: true, description: "The industry that the company operates in." })
  industry!: string | null;

  @Field(() => Int, { description: "How much revenue the company generates for your business." })
  monthlySpend!: number;

  @Field(() => Int, { description: "How many sessions the company has recorded." })
  sessionCount!: number;

  @Field(() => Int, { description: "The number of users in the company." })
  userCount!: number;

  @Field(() => JSONObject, { description: "The custom attributes you have set on the company." })
  customAttributes!: Record<string, unknown>;

  @Field(() => [Tag], { description: "The tags associated with the company (embedded in the company: no extra call)." })
  tags!: Tag[];

  @Field(() => [ID], {
    description: "The ids of the segments embedded in the company object (see `segments` for the list from `GET /companies/{id}/segments`).",
  })
  segmentIds!: string[];
}

export const CompanyConnection = ConnectionType(Company, "Company");
export type CompanyConnection = InstanceType<typeof CompanyConnection>;

@ObjectType({ description: "The answer to deleting a company: Intercom archives it and detaches its contacts." })
export class DeletedCompany {
  @Field(() => ID, { description: "The unique identifier for the company which is given by Intercom." })
  id!: string;

  @Field(() => String, { description: "The type of object which was deleted: `company`." })
  object!: string;

  @Field(() => Boolean, { description: "Whether the company was deleted successfully or not." })
  deleted!: boolean;
}

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
