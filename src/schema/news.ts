import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A News Item is a content type in Intercom enabling you to announce product updates, company news, promotions, events and more with your customers." })
export class NewsItem {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A newsfeed is a collection of news items, targeted to a specific audience." })
export class Newsfeed {
  @Field(() => ID)
  id!: string;
}
