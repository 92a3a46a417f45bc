import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { NewsItem, Newsfeed } from "../schema/news.js";
import { byGet, fromList, once, type CoreLoaders } from "./index.js";

/** Per-request loaders of news (see DESIGN.md's loader catalogue). */
export interface NewsLoaders {
  /** The workspace's newsfeeds, from one `GET /news/newsfeeds` per request. */
  allNewsfeeds(): Promise<Newsfeed[]>;
  newsfeed: DataLoader<string, Newsfeed>;
  /** News items by id: `GET /news/news_items/{id}`, de-duplicated (no batch endpoint). */
  newsItem: DataLoader<string, NewsItem>;
}

export function createNewsLoaders(dataSources: DataSources, _core: CoreLoaders): NewsLoaders {
  const allNewsfeeds = once(() => dataSources.news.listNewsfeeds());
  return {
    allNewsfeeds,
    newsfeed: fromList(allNewsfeeds, "Newsfeed"),
    newsItem: byGet((id) => dataSources.news.getNewsItem(id)),
  };
}
