import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { NewsItem, Newsfeed } from "../schema/news.js";
import { once, readAllPages, type LoaderKit } from "./batch.js";

/** Per-request loaders of news (see DESIGN.md's loader catalogue). */
export interface NewsLoaders {
  /** The workspace's newsfeeds: `GET /news/newsfeeds`, 150 a page (one call unless a workspace has more). */
  allNewsfeeds(): Promise<Newsfeed[]>;
  newsfeed: DataLoader<string, Newsfeed>;
  /**
   * News items by id. One id: `GET /news/news_items/{id}`. Several: pages of `GET /news/news_items`
   * (150 a page), then a GET for each id no page held (see `byPagesThenGet`).
   */
  newsItem: DataLoader<string, NewsItem>;
}

export function createNewsLoaders(kit: LoaderKit, dataSources: DataSources): NewsLoaders {
  // The list is paged (10 a page by default): read pages of 150 until the last one.
  const allNewsfeeds = once(() => readAllPages((page) => dataSources.news.listNewsfeeds(page, MAX_PAGE_SIZE), MAX_PAGE_SIZE));
  return {
    allNewsfeeds,
    newsfeed: kit.fromList("newsfeed", allNewsfeeds, "Newsfeed"),
    newsItem: kit.byPagesThenGet<NewsItem>("newsItem", {
      list: (page) => dataSources.news.listNewsItems(page, MAX_PAGE_SIZE),
      perPage: MAX_PAGE_SIZE,
      get: (id) => dataSources.news.getNewsItem(id),
    }),
  };
}
