import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

export enum DataAttributeModel {
  CONTACT = "contact",
  COMPANY = "company",
  CONVERSATION = "conversation",
}
registerEnumType(DataAttributeModel, {
  name: "DataAttributeModel",
  description: "The model a data attribute describes: `contact` (users and leads), `company` or `conversation`.",
  valuesConfig: {
    CONTACT: { description: "An attribute of contacts (users and leads)." },
    COMPANY: { description: "An attribute of companies." },
    CONVERSATION: { description: "An attribute of conversations." },
  },
});

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

export enum DataAttributeDataType {
  STRING = "string",
  INTEGER = "integer",
  FLOAT = "float",
  BOOLEAN = "boolean",
  DATE = "date",
  DATETIME = "datetime",
}
registerEnumType(DataAttributeDataType, {
  name: "DataAttributeDataType",
  description: "The data type of an attribute. `datetime` is accepted on create; Intercom stores it as `date`.",
  valuesConfig: {
    STRING: { description: "Text; with `options`, one of a list." },
    INTEGER: { description: "A whole number." },
    FLOAT: { description: "A decimal number." },
    BOOLEAN: { description: "True or false." },
    DATE: { description: "A date, such as a renewal date." },
    DATETIME: { description: "Accepted when creating an attribute; Intercom stores it as DATE." },
  },
});

@ObjectType({
  description:
    "Data Attributes are metadata used to describe your contact, company and conversation models. These include standard and custom attributes.",
})
export class DataAttribute {
  @Field(() => ID, { nullable: true, description: "The unique identifier for the data attribute which is given by Intercom. Only available for custom attributes." })
  id!: string | null;

  @Field(() => DataAttributeModel, { nullable: true, description: "Value is `contact` for user/lead attributes, `company` for company attributes and `conversation` for conversation attributes." })
  model!: DataAttributeModel | null;

  @Field(() => String, { description: "Name of the attribute." })
  name!: string;

  @Field(() => String, {
    description: "Full name of the attribute. Should match the name unless it's a nested attribute. We can split full_name on `.` to access nested user object values.",
  })
  fullName!: string;

  @Field(() => String, { description: "Readable name of the attribute (i.e. name you see in the UI)." })
  label!: string;

  @Field(() => String, { description: "Readable description of the attribute." })
  description!: string;

  @Field(() => DataAttributeDataType, { description: "The data type of the attribute." })
  dataType!: DataAttributeDataType;

  @Field(() => [String], { nullable: true, description: "List of predefined options for attribute value." })
  options!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Can this attribute be updated through API." })
  apiWritable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Can this attribute be updated by the Messenger." })
  messengerWritable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Can this attribute be updated in the UI." })
  uiWritable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Set to true if this is a CDA (custom data attribute)." })
  custom!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Is this attribute archived. (Only applicable to CDAs.)" })
  archived!: boolean | null;

  @Field(() => DateTime, { nullable: true, description: "The time the attribute was created." })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time the attribute was last updated." })
  updatedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "Teammate who created the attribute (see `admin`). Only applicable to CDAs." })
  adminId!: string | null;
}

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
