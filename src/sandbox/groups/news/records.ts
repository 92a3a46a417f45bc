// News: newsfeeds and news items.

/** `newsfeed` schema. */
export interface NewsfeedRecord {
  type: "newsfeed";
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

/** `news_item` schema. */
export interface NewsItemRecord {
  type: "news-item";
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  sender_id: number;
  state: "draft" | "live";
  newsfeed_assignments: Array<{ newsfeed_id: number; published_at: number }>;
  labels: string[];
  cover_image_url: string | null;
  reactions: Array<string | null>;
  deliver_silently: boolean;
  created_at: number;
  updated_at: number;
}

/** The workspace collections this group owns. */
export interface NewsState {
  newsfeeds: NewsfeedRecord[];
  newsItems: NewsItemRecord[];
  /** Next id handed to a created news item. */
  nextNewsItemId: number;
}
