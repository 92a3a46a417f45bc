// Data attributes: listed (by model, archived ones when asked), created and updated (archived).
import type { RestDataAttribute, RestDataAttributeList } from "../../../generated/rest/data-attributes.js";
import { ApiError, badRequest } from "../../errors.js";
import type { ApiGroup, RouteContext } from "../../router.js";
import { isObject, nowSeconds } from "../../validate.js";
import type { DataAttributeRecord, DataAttributeType } from "./records.js";

const MODELS = ["contact", "company", "conversation"];
const CREATE_TYPES = ["string", "integer", "float", "boolean", "datetime", "date"];
/** Letters, digits, spaces, currency symbols, hyphens and underscores (`paid_subscriber`, `Mithril Shirt`). */
const VALID_NAME = /^[\p{L}\p{N}\p{Sc} _-]+$/u;
const modelWord = (model: string) => (model === "contact" ? "people" : "company");

function listDataAttributes(ctx: RouteContext, query: Record<string, string>): RestDataAttributeList {
  const model = query.model;
  if (model !== undefined && !MODELS.includes(model)) {
    throw badRequest("parameter_invalid", "model must be one of contact, company, conversation", "model");
  }
  const includeArchived = query.include_archived === "true";
  // Without a model: people and company data (conversation attributes only when asked for by model).
  const wanted = model === undefined ? ["contact", "company"] : [model];
  const data = ctx.ws.dataAttributes.filter((a) => wanted.includes(a.model) && (includeArchived || !a.archived));
  return { type: "list", data };
}

/** `options` as strings (create request) or `{ value }` hashes (update request and examples). */
function optionsFrom(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest("parameter_invalid", "Options isn't an array", "options");
  const values = raw.map((o) => (typeof o === "string" ? o : isObject(o) && typeof o.value === "string" ? o.value : null));
  if (values.some((v) => v === null || v.trim() === "")) throw badRequest("parameter_invalid", "Each option must have a value", "options");
  if (values.length < 2) throw badRequest("parameter_invalid", "A list attribute needs at least two options", "options");
  return values as string[];
}

function createDataAttribute(ctx: RouteContext, body: unknown): RestDataAttribute {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { name, model, data_type: dataType, description, messenger_writable: messengerWritable } = body;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("parameter_not_found", "Name is a required parameter", "name");
  if (typeof model !== "string" || !["contact", "company"].includes(model)) {
    throw badRequest("parameter_invalid", "The Data Attribute model field must be either contact or company", "model");
  }
  if (typeof dataType !== "string" || !CREATE_TYPES.includes(dataType)) throw badRequest("parameter_invalid", "Data Type isn't an option", "data_type");
  if (!VALID_NAME.test(name)) {
    throw badRequest("parameter_invalid", "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens", "name");
  }
  if (description !== undefined && typeof description !== "string") throw badRequest("parameter_invalid", "description must be a string", "description");
  if (messengerWritable !== undefined && typeof messengerWritable !== "boolean") {
    throw badRequest("parameter_invalid", "messenger_writable must be a boolean", "messenger_writable");
  }
  const options = optionsFrom(body.options);
  if (options && dataType !== "string") throw badRequest("parameter_invalid", "List attributes must have the data type string", "options");
  // Names are unique across people and company data (the document's "Same name already exists").
  const clash = ctx.ws.dataAttributes.find((a) => a.model !== "conversation" && a.name.toLowerCase() === name.trim().toLowerCase());
  if (clash) {
    throw badRequest(
      "parameter_invalid",
      `You already have '${clash.name}' in your ${modelWord(clash.model)} data. To save this as new ${modelWord(model)} data, use a different name.`,
      "name",
    );
  }
  const at = nowSeconds(ctx);
  const id = Math.max(12800, ...ctx.ws.dataAttributes.map((a) => a.id ?? 0)) + 1;
  const record: DataAttributeRecord = {
    type: "data_attribute", id, model: model as "contact" | "company", name: name.trim(), full_name: `custom_attributes.${name.trim()}`,
    label: name.trim(), description: description ?? "",
    // `datetime` is accepted on create and stored as a date attribute.
    data_type: (dataType === "datetime" ? "date" : dataType) as DataAttributeType,
    ...(options ? { options } : {}),
    api_writable: true, ui_writable: false, messenger_writable: messengerWritable ?? false,
    custom: true, archived: false, admin_id: ctx.ws.admins[0]!.id, created_at: at, updated_at: at,
  };
  ctx.ws.dataAttributes.push(record);
  return record;
}

function updateDataAttribute(ctx: RouteContext, id: string, body: unknown): RestDataAttribute {
  const record = ctx.ws.dataAttributes.find((a) => a.id !== undefined && String(a.id) === id);
  if (!record) throw new ApiError(404, "field_not_found", "We couldn't find that data attribute to update");
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { archived, description, messenger_writable: messengerWritable } = body;
  if (archived !== undefined && typeof archived !== "boolean") throw badRequest("parameter_invalid", "archived must be a boolean", "archived");
  if (description !== undefined && typeof description !== "string") throw badRequest("parameter_invalid", "description must be a string", "description");
  if (messengerWritable !== undefined && typeof messengerWritable !== "boolean") {
    throw badRequest("parameter_invalid", "messenger_writable must be a boolean", "messenger_writable");
  }
  const options = optionsFrom(body.options);
  if (options && record.data_type !== "string") throw badRequest("parameter_invalid", "List attributes must have the data type string", "options");
  if (archived === true && !record.archived && ctx.ws.dataAttributesInUse.includes(record.id!)) {
    throw new ApiError(422, "data_invalid", "The Data Attribute you are trying to archive has a dependant object");
  }
  if (archived !== undefined) record.archived = archived;
  if (description !== undefined) record.description = description;
  if (messengerWritable !== undefined) record.messenger_writable = messengerWritable;
  if (options) record.options = options;
  record.updated_at = Math.max(nowSeconds(ctx), (record.created_at ?? 0) + 1);
  return record;
}

export const dataAttributesGroup: ApiGroup = {
  tag: "Data Attributes",
  routes: [
    { operationId: "listDataAttributes", method: "GET", path: "/data_attributes", handler: (ctx, { query }) => listDataAttributes(ctx, query) },
    { operationId: "createDataAttribute", method: "POST", path: "/data_attributes", handler: (ctx, { body }) => createDataAttribute(ctx, body) },
    {
      operationId: "updateDataAttribute",
      method: "PUT",
      path: "/data_attributes/:data_attribute_id",
      handler: (ctx, { params, body }) => updateDataAttribute(ctx, params.data_attribute_id!, body),
    },
  ],
};
