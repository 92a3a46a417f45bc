// The attributes of ticket types.
import type { RestTicketTypeAttribute } from "../../../generated/rest/ticket-types.js";
import type { Sent } from "../../records.js";

/** The data types the sandbox's attributes take (the document types data_type as any string). */
export type AttributeDataType = "string" | "list" | "integer" | "decimal" | "boolean" | "datetime" | "files";

/** `ticket_type_attribute`, always with updated_at; its data type one the sandbox checks values against. */
export type TicketTypeAttributeRecord = Sent<RestTicketTypeAttribute, "updated_at"> & { data_type: AttributeDataType };
