import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import { Tag } from "../schema/tag.js";
import type { GatewayContext } from "../server/context.js";

@Resolver(() => Tag)
export class TagResolver {
  @FieldResolver(() => Admin, { nullable: true, description: "The admin who applied the tag." })
  appliedBy(@Root() tag: Tag, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return tag.appliedById ? loaders.admin.load(tag.appliedById) : null;
  }
}

export const tagResolvers = [TagResolver] as const;
