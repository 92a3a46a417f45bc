// Ticket types: listed, read, created and updated.
import type { RestTicketType, RestTicketTypeList } from "../../../generated/rest/ticket-types.js";
import { badRequest } from "../../errors.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { nowSeconds, optionalBoolean, optionalString, requireBody } from "../../validate.js";
import type { TicketCategory } from "./records.js";
import { CATEGORIES, findTicketType, newTicketType, ticketTypeView } from "./views.js";

function categoryParam(body: Record<string, unknown>): TicketCategory | undefined {
  const v = body.category;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || !(CATEGORIES as readonly string[]).includes(v)) {
    throw badRequest("parameter_invalid", `category must be one of ${CATEGORIES.join(", ")}`, "category");
  }
  return v as TicketCategory;
}

function uniqueTypeName(ctx: RouteContext, name: string, except?: string): void {
  if (ctx.ws.ticketTypes.some((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase())) {
    throw badRequest("parameter_invalid", `A ticket type named ${name} already exists`, "name");
  }
}

function createTicketType(ctx: RouteContext, { body: rawBody }: RouteInput): RestTicketType {
  const body = requireBody(rawBody);
  const name = optionalString(body, "name");
  if (name === undefined || name.trim() === "") throw badRequest("parameter_not_found", "name is a required parameter", "name");
  uniqueTypeName(ctx, name);
  const type = newTicketType(
    ctx.ws,
    {
      name,
      description: optionalString(body, "description") ?? "",
      icon: optionalString(body, "icon") ?? "🎟️",
      category: categoryParam(body) ?? "Customer",
      is_internal: optionalBoolean(body, "is_internal") ?? false,
    },
    nowSeconds(ctx),
  );
  ctx.ws.ticketTypes.push(type);
  return ticketTypeView(type);
}

function updateTicketType(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestTicketType {
  const body = requireBody(rawBody);
  const type = findTicketType(ctx.ws, params.ticket_type_id);
  const name = optionalString(body, "name");
  if (name !== undefined) {
    if (name.trim() === "") throw badRequest("parameter_invalid", "name cannot be blank", "name");
    uniqueTypeName(ctx, name, type.id);
  }
  const description = optionalString(body, "description");
  const icon = optionalString(body, "icon");
  const category = categoryParam(body);
  const archived = optionalBoolean(body, "archived");
  const isInternal = optionalBoolean(body, "is_internal");
  if (name !== undefined) type.name = name;
  if (description !== undefined) type.description = description;
  if (icon !== undefined) type.icon = icon;
  if (category !== undefined) type.category = category;
  if (archived !== undefined) type.archived = archived;
  if (isInternal !== undefined) type.is_internal = isInternal;
  type.updated_at = nowSeconds(ctx);
  return ticketTypeView(type);
}

export const ticketTypesGroup: ApiGroup = {
  tag: "Ticket Types",
  routes: [
    { operationId: "listTicketTypes", method: "GET", path: "/ticket_types", handler: (ctx): RestTicketTypeList => ({ type: "ticket_type_attributes.list", ticket_types: ctx.ws.ticketTypes.map(ticketTypeView) }) },
    { operationId: "createTicketType", method: "POST", path: "/ticket_types", handler: createTicketType },
    { operationId: "getTicketType", method: "GET", path: "/ticket_types/:ticket_type_id", handler: (ctx, { params }): RestTicketType => ticketTypeView(findTicketType(ctx.ws, params.ticket_type_id)) },
    { operationId: "updateTicketType", method: "PUT", path: "/ticket_types/:ticket_type_id", handler: updateTicketType },
  ],
};
