// News: newsfeeds and news items.
import type { RestNewsfeed, RestNewsItem } from "../../../generated/rest/news.js";
import type { Sent } from "../../records.js";

/** `newsfeed`, always with updated_at. */
export type NewsfeedRecord = Sent<RestNewsfeed, "updated_at">;

/** `news_item`, every property there. */
export type NewsItemRecord = Sent<RestNewsItem, "newsfeed_assignments" | "labels" | "cover_image_url" | "reactions" | "deliver_silently" | "updated_at">;

/** The workspace collections this group owns. */
export interface NewsState {
  newsfeeds: NewsfeedRecord[];
  newsItems: NewsItemRecord[];
  /** Next id handed to a created news item. */
  nextNewsItemId: number;
}
