import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Whoever wrote a conversation part or started a conversation, resolved to
 * the real object. An interface rather than a union so `author { id name email }`
 * needs no fragments (Admin's non-null `name` and Contact's nullable one could
 * not share a field in a union selection).
 */
@InterfaceType({
  description: "The author of a conversation part or source: an Admin, a Contact (user or lead), a Team, or a Bot.",
})
export abstract class Author {
  @Field(() => ID, { description: "The id of the author, unique within its type (use `__typename` to tell an admin from a contact)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The author's name, where it has one." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The author's email, where it has one (teams never have one)." })
  email!: string | null;
}
