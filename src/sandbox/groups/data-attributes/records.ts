// Data attributes of contacts, companies and conversations.
import type { RestDataAttribute } from "../../../generated/rest/data-attributes.js";
import type { Sent } from "../../records.js";

export type DataAttributeModel = NonNullable<RestDataAttribute["model"]>;
export type DataAttributeType = RestDataAttribute["data_type"];

/**
 * `data_attribute`, always with its model and flags. Built-in attributes carry no id, admin or
 * timestamps (as in the document's list example); options only on list attributes.
 */
export type DataAttributeRecord = Sent<RestDataAttribute, "model" | "api_writable" | "ui_writable" | "messenger_writable" | "custom" | "archived">;

/** The workspace collections this group owns. */
export interface DataAttributesState {
  dataAttributes: DataAttributeRecord[];
  /** Custom attributes used by a workflow or report: archiving them answers 422 data_invalid. */
  dataAttributesInUse: number[];
}
