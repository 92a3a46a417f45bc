// Data attributes of contacts, companies and conversations.

export type DataAttributeModel = "contact" | "company" | "conversation";
export type DataAttributeType = "string" | "integer" | "float" | "boolean" | "date";

/** `data_attribute`. Built-in attributes carry no id, admin or timestamps (as in the document's list example). */
export interface DataAttributeRecord {
  type: "data_attribute";
  id?: number;
  model: DataAttributeModel;
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: DataAttributeType;
  options?: string[];
  api_writable: boolean;
  ui_writable: boolean;
  messenger_writable: boolean;
  custom: boolean;
  archived: boolean;
  admin_id?: string;
  created_at?: number;
  updated_at?: number;
}

/** The workspace collections this group owns. */
export interface DataAttributesState {
  dataAttributes: DataAttributeRecord[];
  /** Custom attributes used by a workflow or report: archiving them answers 422 data_invalid. */
  dataAttributesInUse: number[];
}
