import DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { notFound } from "../datasources/errors.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { TicketType } from "../schema/ticket-type.js";
import type { Ticket } from "../schema/ticket.js";
import { afterPendingResolvers, bySearchThenGet, type CoreLoaders } from "./index.js";

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

export function createTicketLoaders(dataSources: DataSources, _core: CoreLoaders): TicketLoaders {
  // Search lags behind writes: what it missed is fetched by id.
  const ticket = bySearchThenGet<Ticket>(
    (ids) => dataSources.tickets.search({ field: "id", operator: "IN", value: ids }, MAX_PAGE_SIZE),
    (id) => dataSources.tickets.getById(id),
  );

  let types: Promise<TicketType[]> | undefined;
  const allTicketTypes = () => (types ??= dataSources.ticketTypes.list());
  const ticketType = new DataLoader<string, TicketType>(
    async (ids) => {
      const byId = new Map((await allTicketTypes()).map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? notFound("TicketType", id));
    },
    { batchScheduleFn: afterPendingResolvers },
  );

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
