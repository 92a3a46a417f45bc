import { IntercomDataSource } from "./intercom.js";

/** Tickets: the REST operations of this resource group, each a small method with a reducer to the graph shape. */
export class TicketsAPI extends IntercomDataSource {}
