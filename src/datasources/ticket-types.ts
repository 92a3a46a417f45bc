import { IntercomDataSource } from "./intercom.js";

/** TicketTypes: the REST operations of this resource group, each a small method with a reducer to the graph shape. */
export class TicketTypesAPI extends IntercomDataSource {}
