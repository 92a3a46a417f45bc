import DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { Article } from "../schema/article.js";
import type { Collection, HelpCenter } from "../schema/help-center.js";
import { afterPendingResolvers, byGet, fromList, once, type CoreLoaders } from "./index.js";

/** Per-request loaders of this resource group (see DESIGN.md's loader catalogue). */
export interface HelpCenterLoaders {
  /** Every help center: `GET /help_center/help_centers`, paged until a short page (usually one call). */
  allHelpCenters(): Promise<HelpCenter[]>;
  /** Help centers by id, from `allHelpCenters`. */
  helpCenter: DataLoader<string, HelpCenter>;
  /**
   * Collections (and sections) by id. One id: `GET /help_center/collections/{id}`.
   * Several: pages of `GET /help_center/collections` (150 a page), then a GET for each id the list did not hold.
   */
  collection: DataLoader<string, Collection>;
  /** Articles by id: `GET /articles/{id}`, de-duplicated (no batch endpoint). */
  article: DataLoader<string, Article>;
}

export function createHelpCenterLoaders(dataSources: DataSources, _core: CoreLoaders): HelpCenterLoaders {
  const api = () => dataSources.helpCenter;

  // The list has no pages object: a page shorter than per_page is the last one.
  const allHelpCenters = once(async () => {
    const all: HelpCenter[] = [];
    for (let page = 1; ; page++) {
      const { items } = await api().listHelpCenters(page, MAX_PAGE_SIZE);
      all.push(...items);
      if (items.length < MAX_PAGE_SIZE) return all;
    }
  });

  const collection: DataLoader<string, Collection> = new DataLoader<string, Collection>(
    async (ids) => {
      const found = new Map<string, Collection>();
      // A workspace holds few collections: one page of the list answers many ids at once,
      // where a GET answers one. For a single id the GET is as cheap, and exact. Page on only
      // while the pages left are fewer than the ids still missing; GET the rest.
      if (ids.length > 1) {
        for (let page = 1; ; page++) {
          const list = await api().listCollections(page, MAX_PAGE_SIZE);
          for (const c of list.items) {
            found.set(c.id, c);
            if (!ids.includes(c.id)) collection.prime(c.id, c);
          }
          const missing = ids.filter((id) => !found.has(id)).length;
          const totalPages = list.totalPages ?? (list.items.length < MAX_PAGE_SIZE ? page : Infinity);
          const pagesLeft = totalPages - page;
          if (missing === 0 || pagesLeft <= 0 || pagesLeft >= missing) break;
        }
      }
      const missed = ids.filter((id) => !found.has(id));
      const fetched = await Promise.all(missed.map((id) => api().getCollection(id).catch((error: Error) => error)));
      const byId = new Map<string, Collection | Error>(found);
      missed.forEach((id, i) => byId.set(id, fetched[i]!));
      return ids.map((id) => byId.get(id)!);
    },
    { batchScheduleFn: afterPendingResolvers },
  );

  return {
    allHelpCenters,
    helpCenter: fromList(allHelpCenters, "Help Center"),
    collection,
    article: byGet((id) => dataSources.articles.getById(id)),
  };
}
