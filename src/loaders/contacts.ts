import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { Contact } from "../schema/contact.js";
import type { LoaderKit } from "./batch.js";

/** Per-request loaders of contacts (see DESIGN.md's loader catalogue). */
export interface ContactLoaders {
  /** Contacts by id: `POST /contacts/search` with `id IN [...]`, 150 a page, then a GET for each id the search missed. */
  contact: DataLoader<string, Contact>;
}

export function createContactLoaders(kit: LoaderKit, dataSources: DataSources): ContactLoaders {
  // Search lags behind writes and never shows merged contacts: what it missed is fetched by id.
  const contact = kit.bySearchThenGet<Contact>("contact", {
    search: (query, perPage) => dataSources.contacts.search(query, perPage),
    get: (id) => dataSources.contacts.getById(id),
  });
  return { contact };
}
