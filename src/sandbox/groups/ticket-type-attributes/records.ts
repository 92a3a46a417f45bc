// The attributes of ticket types.
import type { UnixSeconds } from "../../records.js";

export type AttributeDataType = "string" | "list" | "integer" | "decimal" | "boolean" | "datetime" | "files";

/** `ticket_type_attribute`. */
export interface TicketTypeAttributeRecord {
  type: "ticket_type_attribute";
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  data_type: AttributeDataType;
  input_options: Record<string, unknown>;
  order: number;
  required_to_create: boolean;
  required_to_create_for_contacts: boolean;
  visible_on_create: boolean;
  visible_to_contacts: boolean;
  default: boolean;
  ticket_type_id: number;
  archived: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
}
