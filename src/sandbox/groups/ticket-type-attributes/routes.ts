// The attributes of a ticket type: created and updated.
import type { RestTicketTypeAttribute } from "../../../generated/rest/ticket-types.js";
import { badRequest, notFound } from "../../errors.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { nowSeconds, optionalBoolean, optionalString, requireBody } from "../../validate.js";
import { findTicketType } from "../ticket-types/views.js";
import { DATA_TYPES, listOptionId, newAttribute } from "./attributes.js";
import type { AttributeDataType } from "./records.js";

function listItemsParam(body: Record<string, unknown>): string[] | undefined {
  const raw = optionalString(body, "list_items");
  if (raw === undefined) return undefined;
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw badRequest("parameter_invalid", "list_items must hold at least one item", "list_items");
  return items;
}

function createAttribute(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicketTypeAttribute {
  const body = requireBody(rawBody);
  for (const required of ["name", "description", "data_type"]) {
    if (body[required] === undefined || body[required] === null) throw badRequest("parameter_not_found", `${required} is a required parameter`, required);
  }
  const name = optionalString(body, "name")!;
  const description = optionalString(body, "description")!;
  const dataType = optionalString(body, "data_type")!;
  if (!(DATA_TYPES as readonly string[]).includes(dataType)) throw badRequest("parameter_invalid", `data_type must be one of ${DATA_TYPES.join(", ")}`, "data_type");
  const listItems = listItemsParam(body);
  if (dataType === "list" && !listItems) throw badRequest("parameter_not_found", "list_items is required for list attributes", "list_items");
  const type = findTicketType(ctx.ws, params.ticket_type_id);
  const attrs = type.ticket_type_attributes.ticket_type_attributes;
  if (attrs.some((a) => a.name.toLowerCase() === name.toLowerCase())) throw badRequest("parameter_invalid", `An attribute named ${name} already exists`, "name");
  const at = nowSeconds(ctx);
  const attr = newAttribute(ctx.ws, type, { name, description, data_type: dataType as AttributeDataType, list: listItems, multiline: optionalBoolean(body, "multiline"), required: optionalBoolean(body, "required_to_create"), order: Math.max(...attrs.map((a) => a.order)) + 1 }, at);
  attr.required_to_create_for_contacts = optionalBoolean(body, "required_to_create_for_contacts") ?? false;
  attr.visible_on_create = optionalBoolean(body, "visible_on_create") ?? true;
  attr.visible_to_contacts = optionalBoolean(body, "visible_to_contacts") ?? true;
  if (dataType === "files") attr.input_options = { allow_multiple_values: optionalBoolean(body, "allow_multiple_values") ?? false };
  attrs.push(attr);
  type.updated_at = at;
  return attr;
}

function updateAttribute(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicketTypeAttribute {
  const body = requireBody(rawBody);
  const type = findTicketType(ctx.ws, params.ticket_type_id);
  const attr = type.ticket_type_attributes.ticket_type_attributes.find((a) => a.id === params.attribute_id);
  if (!attr) throw notFound("not_found", "Ticket type attribute not found");
  const name = optionalString(body, "name");
  if (name !== undefined) {
    if (attr.default) throw badRequest("parameter_invalid", "Default attributes cannot be renamed", "name");
    if (type.ticket_type_attributes.ticket_type_attributes.some((a) => a.id !== attr.id && a.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest("parameter_invalid", `An attribute named ${name} already exists`, "name");
    }
  }
  const listItems = listItemsParam(body);
  if (listItems && attr.data_type !== "list") throw badRequest("parameter_invalid", "list_items only apply to list attributes", "list_items");
  const flags = ["required_to_create", "required_to_create_for_contacts", "visible_on_create", "visible_to_contacts", "archived"] as const;
  const values = Object.fromEntries(flags.map((f) => [f, optionalBoolean(body, f)]));
  const description = optionalString(body, "description");
  const multiline = optionalBoolean(body, "multiline");
  const allowMultiple = optionalBoolean(body, "allow_multiple_values");
  if (values.archived && attr.default) throw badRequest("parameter_invalid", "Default attributes cannot be archived", "archived");

  if (name !== undefined) attr.name = name;
  if (description !== undefined) attr.description = description;
  for (const f of flags) if (values[f] !== undefined) attr[f] = values[f]!;
  if (multiline !== undefined && attr.data_type === "string") attr.input_options = { ...attr.input_options, multiline };
  if (allowMultiple !== undefined && attr.data_type === "files") attr.input_options = { ...attr.input_options, allow_multiple_values: allowMultiple };
  if (listItems) {
    const options = (attr.input_options.list_options as { id: string; label: string; archived: boolean }[]) ?? [];
    for (const label of listItems) {
      if (!options.some((o) => o.label === label)) options.push({ id: listOptionId(type.id, `${attr.name}+`, options.length), label, archived: false });
    }
    attr.input_options = { ...attr.input_options, list_options: options };
  }
  attr.updated_at = nowSeconds(ctx);
  type.updated_at = attr.updated_at;
  return attr;
}

export const ticketTypeAttributesGroup: ApiGroup = {
  tag: "Ticket Type Attributes",
  routes: [
    { operationId: "createTicketTypeAttribute", method: "POST", path: "/ticket_types/:ticket_type_id/attributes", handler: createAttribute },
    { operationId: "updateTicketTypeAttribute", method: "PUT", path: "/ticket_types/:ticket_type_id/attributes/:attribute_id", handler: updateAttribute },
  ],
};
