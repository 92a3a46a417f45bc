import type { ClassType } from "type-graphql";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page of a connection sits in the whole list (Relay's PageInfo)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page: pass `endCursor` as `after` to get them." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items come before this page (true when `after` was given). Connections page forward only." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first edge of this page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last edge of this page, to pass as `after` for the next page; null when the page is empty." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** Builds the `XConnection` and `XEdge` types of a Relay connection over `node`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this edge; pass it as `after`." })
    cursor!: string;

    @Field(() => node, { description: `The ${name} at this edge.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: `The ${name} objects of this page, each with its cursor.` })
    edges!: Edge<T>[];

    @Field(() => [node], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Whether there are more pages, and the cursors to get them." })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: "Total number of objects, where the API reports it." })
    totalCount!: number | null;
  }
  return ConnectionClass;
}
