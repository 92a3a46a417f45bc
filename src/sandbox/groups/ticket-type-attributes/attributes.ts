// A ticket type's attributes: their definitions as seeds and requests give them, and the
// deterministic ids of list items.
import type { Workspace } from "../../workspace.js";
import type { TicketTypeRecord } from "../ticket-types/records.js";
import type { AttributeDataType, TicketTypeAttributeRecord } from "./records.js";

export const DATA_TYPES: readonly AttributeDataType[] = ["string", "list", "integer", "decimal", "boolean", "datetime", "files"];

export interface AttributeDef {
  name: string;
  description: string;
  data_type: AttributeDataType;
  list?: string[];
  required?: boolean;
  multiline?: boolean;
}

export function newAttribute(ws: Workspace, type: TicketTypeRecord, def: AttributeDef & { default?: boolean; order: number }, at: number): TicketTypeAttributeRecord {
  const input_options: Record<string, unknown> =
    def.data_type === "list"
      ? { list_options: (def.list ?? []).map((label, i) => ({ id: listOptionId(type.id, def.name, i), label, archived: false })) }
      : def.data_type === "string"
        ? { multiline: def.multiline ?? false }
        : def.data_type === "files"
          ? { allow_multiple_values: false }
          : {};
  return {
    type: "ticket_type_attribute",
    id: String(ws.ticketCounters.attribute++),
    workspace_id: ws.app.id_code,
    name: def.name,
    description: def.description,
    data_type: def.data_type,
    input_options,
    order: def.order,
    required_to_create: def.required ?? false,
    required_to_create_for_contacts: false,
    visible_on_create: true,
    visible_to_contacts: type.category === "Customer",
    default: def.default ?? false,
    ticket_type_id: Number(type.id),
    archived: false,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Deterministic ids for list items, well-formed version-4 UUIDs as Intercom's are: 128 bits of
 * FNV-1a hashes of the item (four differently seeded 32-bit words), with the version and
 * variant bits set.
 */
export function listOptionId(typeId: string, name: string, index: number): string {
  const word = (seed: number) => {
    let h = (2166136261 ^ seed) >>> 0;
    for (const ch of `${typeId}/${name}/${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return h.toString(16).padStart(8, "0");
  };
  const hex = [0, 1, 2, 3].map((seed) => word(seed * 0x9e3779b9)).join("");
  const variant = "89ab"[Number.parseInt(hex[16]!, 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
