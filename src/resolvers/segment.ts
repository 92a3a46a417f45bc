import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from "type-graphql";
import type { Connection } from "../schema/common.js";
import { Segment, SegmentConnection } from "../schema/segment.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class SegmentListArgs {
  @Field(() => Int, { nullable: true, description: "How many segments (default 50)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@Resolver(() => Segment)
export class SegmentResolver {
  @Query(() => SegmentConnection, { nullable: true, description: rest("List all segments", "GET /segments") })
  async segments(
    @Arg("includeCount", () => Boolean, { nullable: true, description: "Fill each segment's `count` of contacts (a slower upstream call)." })
    includeCount: boolean | null,
    @Args(() => SegmentListArgs) args: SegmentListArgs,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<Connection<Segment>> {
    // Without counts, share the request's one `GET /segments` with the segment loader.
    const all = includeCount ? await dataSources.segments.list(true) : await loaders.allSegments();
    return arrayConnection(all, args);
  }

  @Query(() => Segment, { nullable: true, description: rest("Retrieve a segment", "GET /segments/{segment_id}") })
  segment(@Arg("id", () => ID, { description: "The id of the segment." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Segment> {
    return dataSources.segments.getById(id);
  }

  @Query(() => SegmentConnection, { nullable: true, description: rest("List attached segments for contact", "GET /contacts/{contact_id}/segments") })
  async contactSegments(
    @Arg("contactId", () => ID, { description: "The id of the contact whose segments to list." }) contactId: string,
    @Args(() => SegmentListArgs) args: SegmentListArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Segment>> {
    return arrayConnection(await loaders.contactSegments.load(contactId), args);
  }
}

export const segmentResolvers = [SegmentResolver] as const;
