import { Field, InputType, registerEnumType } from "type-graphql";
import { DataAttribute, DataAttributeDataType } from "../generated/graph/data-attributes.js";
import { ConnectionType } from "./common.js";

// DataAttribute, DataAttributeModel and DataAttributeDataType are generated from the document
// (scripts/graph-mapping.ts); the admin link is in src/resolvers/data-attribute.ts.
export * from "../generated/graph/data-attributes.js";

/** Models a custom attribute can be created for. */
export enum DataAttributeCreateModel {
  CONTACT = "contact",
  COMPANY = "company",
}
registerEnumType(DataAttributeCreateModel, {
  name: "DataAttributeCreateModel",
  description: "The model a new data attribute belongs to.",
  valuesConfig: {
    CONTACT: { description: "An attribute of contacts (users and leads)." },
    COMPANY: { description: "An attribute of companies." },
  },
});

export const DataAttributeConnection = ConnectionType(DataAttribute, "DataAttribute");

@InputType({ description: "A new custom data attribute." })
export class CreateDataAttributeInput {
  @Field(() => String, { description: "The name of the data attribute: letters, digits, spaces, currency symbols, hyphens and underscores." })
  name!: string;

  @Field(() => DataAttributeCreateModel, { description: "The model that the data attribute belongs to." })
  model!: DataAttributeCreateModel;

  @Field(() => DataAttributeDataType, { description: "The type of data stored for this attribute." })
  dataType!: DataAttributeDataType;

  @Field(() => String, { nullable: true, description: "The readable description you see in the UI for the attribute." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "To create a list attribute, the values it offers (`dataType` must be `STRING`)." })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Can this attribute be updated by the Messenger." })
  messengerWritable?: boolean | null;
}

@InputType({ description: "Changes to a custom data attribute. Its data type cannot be changed through the API." })
export class UpdateDataAttributeInput {
  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is to be archived or not." })
  archived?: boolean | null;

  @Field(() => String, { nullable: true, description: "The readable description you see in the UI for the attribute." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "The values of a list attribute (replaces the current ones)." })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Can this attribute be updated by the Messenger." })
  messengerWritable?: boolean | null;
}
