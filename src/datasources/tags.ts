import { IntercomDataSource } from "./intercom.js";

/** Tags: the REST operations of this resource group, each a small method with a reducer to the graph shape. */
export class TagsAPI extends IntercomDataSource {}
