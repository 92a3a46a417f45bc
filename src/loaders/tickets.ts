import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { TicketType } from "../schema/ticket-type.js";
import type { Ticket } from "../schema/ticket.js";
import type { LoaderKit } from "./batch.js";

/** Per-request loaders of tickets and ticket types (see DESIGN.md's loader catalogue). */
export interface TicketLoaders {
  /** Tickets by id: `POST /tickets/search` with `id IN [...]`, 150 a page, then a GET for each id the search missed. */
  ticket: DataLoader<string, Ticket>;
  /** The workspace's ticket types, from one `GET /ticket_types` per request. */
  allTicketTypes(): Promise<TicketType[]>;
  /** Ticket types by id, answered from `allTicketTypes`. */
  ticketType: DataLoader<string, TicketType>;
  /** After a ticket type write: the next read lists the ticket types again. */
  forgetTicketTypes(): void;
}

export function createTicketLoaders(kit: LoaderKit, dataSources: DataSources): TicketLoaders {
  // Search lags behind writes: what it missed is fetched by id.
  const ticket = kit.bySearchThenGet<Ticket>("ticket", {
    search: (query, perPage) => dataSources.tickets.search(query, perPage),
    get: (id) => dataSources.tickets.getById(id),
  });

  let types: Promise<TicketType[]> | undefined;
  const allTicketTypes = () => (types ??= dataSources.ticketTypes.list());
  const ticketType = kit.fromList("ticketType", allTicketTypes, "TicketType");

  return {
    ticket,
    allTicketTypes,
    ticketType,
    forgetTicketTypes() {
      types = undefined;
      ticketType.clearAll();
    },
  };
}
