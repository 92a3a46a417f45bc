import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "./scalars.js";

@ObjectType({ description: "A tag allows you to label your contacts, companies, and conversations and list them using that tag." })
export class Tag {
  @Field(() => ID, { description: "The id of the tag." })
  id!: string;

  @Field(() => String, { description: "The name of the tag." })
  name!: string;

  @Field(() => DateTime, { nullable: true, description: "The time when the tag was applied to the object (only on applied tags)." })
  appliedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The id of the admin who applied the tag (see `appliedBy`)." })
  appliedById!: string | null;
}
