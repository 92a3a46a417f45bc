import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Tag } from "../generated/graph/tags.js";
import { ConnectionType } from "./common.js";

// Tag is generated from the document (scripts/graph-mapping.ts); its links are in src/resolvers/tag.ts.
export * from "../generated/graph/tags.js";

export const TagConnection = ConnectionType(Tag, "Tag");

@ObjectType({ description: "The answer to deleting a tag." })
export class DeletedTag {
  @Field(() => ID, { description: "The id of the deleted tag." })
  id!: string;

  @Field(() => Boolean, { description: "Whether the tag was deleted." })
  deleted!: boolean;
}

@InputType({ description: "A company to tag or untag: its Intercom id or the company id you have defined (one of them)." })
export class TagCompanyInput {
  @Field(() => ID, { nullable: true, description: "The Intercom defined id representing the company." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The company id you have defined for the company." })
  companyId?: string | null;
}

@InputType({
  description:
    "Create a tag (name only), rename one (name and id), or tag/untag companies or tag contacts in bulk by tag name. " +
    "Set at most one of id, tagCompanies, untagCompanies and tagContacts.",
})
export class CreateOrUpdateTagInput {
  @Field(() => String, {
    description: "The name of the tag, which will be created if not found, or the new name for the tag if this is an update request. Names are case insensitive.",
  })
  name!: string;

  @Field(() => ID, { nullable: true, description: "The id of the tag to update (rename)." })
  id?: string | null;

  @Field(() => [TagCompanyInput], { nullable: true, description: "Companies to tag with the named tag (created if not found)." })
  tagCompanies?: TagCompanyInput[] | null;

  @Field(() => [TagCompanyInput], { nullable: true, description: "Companies to remove the named tag from." })
  untagCompanies?: TagCompanyInput[] | null;

  @Field(() => [ID], { nullable: true, description: "Ids of contacts (users) to tag with the named tag (created if not found)." })
  tagContacts?: string[] | null;
}

@InputType({ description: "The tag to add to a contact." })
export class AttachTagToContactInput {
  @Field(() => ID, { description: "The unique identifier for the tag which is given by Intercom." })
  tagId!: string;
}

@InputType({ description: "The tag to add to a conversation, and the admin who adds it." })
export class AttachTagToConversationInput {
  @Field(() => ID, { description: "The unique identifier for the tag which is given by Intercom." })
  tagId!: string;

  @Field(() => ID, { description: "The unique identifier for the admin which is given by Intercom." })
  adminId!: string;
}

@InputType({ description: "The admin who removes a tag from a conversation." })
export class DetachTagFromConversationInput {
  @Field(() => ID, { description: "The unique identifier for the admin which is given by Intercom." })
  adminId!: string;
}
