import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { Article } from "../schema/article.js";
import type { Collection, HelpCenter } from "../schema/help-center.js";
import { clearsWith, once, readAllPages, type LoaderKit } from "./batch.js";

/** Per-request loaders of this resource group (see DESIGN.md's loader catalogue). */
export interface HelpCenterLoaders {
  /** Every help center: `GET /help_center/help_centers`, paged until a short page (usually one call). */
  allHelpCenters(): Promise<HelpCenter[]>;
  /** Help centers by id, from `allHelpCenters`. */
  helpCenter: DataLoader<string, HelpCenter>;
  /**
   * Collections (and sections) by id. One id: `GET /help_center/collections/{id}`.
   * Several: pages of `GET /help_center/collections` (150 a page), then a GET for each id the list did not hold
   * (see `byPagesThenGet`).
   */
  collection: DataLoader<string, Collection>;
  /** Articles by id, with their statistics: `GET /articles/{id}`, de-duplicated (only the GET has statistics). */
  article: DataLoader<string, Article>;
  /**
   * Articles without their statistics (`article_list_item`, the shape `GET /articles` lists). One id: its GET.
   * Several: pages of `GET /articles` (150 a page), then `article` for each id the list did not hold.
   * For readers that select no statistics (`_entities`). Clearing `article` clears this too.
   */
  articleWithoutStatistics: DataLoader<string, Article>;
}

export function createHelpCenterLoaders(kit: LoaderKit, dataSources: DataSources): HelpCenterLoaders {
  const api = () => dataSources.helpCenter;

  // The list has no pages object: a page shorter than per_page is the last one.
  const allHelpCenters = once(() => readAllPages((page) => api().listHelpCenters(page, MAX_PAGE_SIZE), MAX_PAGE_SIZE));

  // A workspace holds few collections: one page of the list answers many ids at once, where a GET answers one.
  const collection = kit.byPagesThenGet<Collection>("collection", {
    list: (page) => api().listCollections(page, MAX_PAGE_SIZE),
    perPage: MAX_PAGE_SIZE,
    get: (id) => api().getCollection(id),
  });

  const article = kit.byGet("article", (id) => dataSources.articles.getById(id));
  // List items are `article_list_item`: an article without its statistics. Misses go through `article`.
  const articleWithoutStatistics = kit.byPagesThenGet<Article>("articleWithoutStatistics", {
    list: (page) => dataSources.articles.list(page, MAX_PAGE_SIZE),
    perPage: MAX_PAGE_SIZE,
    get: (id) => article.load(id),
  });
  clearsWith(article, articleWithoutStatistics);

  return {
    allHelpCenters,
    helpCenter: kit.fromList("helpCenter", allHelpCenters, "Help Center"),
    collection,
    article,
    articleWithoutStatistics,
  };
}
