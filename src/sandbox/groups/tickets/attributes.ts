// A ticket's attributes, checked against its type's attribute definitions.
import type { RestTicketCustomAttributes } from "../../../generated/rest/tickets.js";
import { badRequest } from "../../errors.js";
import { isObject } from "../../validate.js";
import type { TicketTypeRecord } from "../ticket-types/records.js";

export /** Checks ticket attributes against the type's attribute definitions. */
function checkAttributes(type: TicketTypeRecord, raw: unknown, field: string, creating: boolean): RestTicketCustomAttributes {
  if (raw === undefined || raw === null) raw = {};
  if (!isObject(raw)) throw badRequest("parameter_invalid", `${field} must be an object`, field);
  const defs = type.ticket_type_attributes.ticket_type_attributes;
  for (const [name, value] of Object.entries(raw)) {
    const def = defs.find((d) => d.name === name && !d.archived);
    if (!def) throw badRequest("parameter_invalid", `${name} is not an attribute of ticket type ${type.name}`, field);
    if (value === null) {
      if (def.required_to_create) throw badRequest("parameter_invalid", `${name} is required`, field);
      continue;
    }
    const fail = (what: string) => badRequest("parameter_invalid", `${name} must be ${what}`, field);
    switch (def.data_type) {
      case "string":
        if (typeof value !== "string") throw fail("a string");
        break;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) throw fail("an integer");
        break;
      case "decimal":
        if (typeof value !== "number") throw fail("a number");
        break;
      case "boolean":
        if (typeof value !== "boolean") throw fail("a boolean");
        break;
      case "datetime":
        if (typeof value !== "number" || !Number.isInteger(value)) throw fail("a Unix timestamp");
        break;
      case "list": {
        const options = (def.input_options.list_options as { id: string; archived: boolean }[] | undefined) ?? [];
        if (typeof value !== "string" || !options.some((o) => o.id === value && !o.archived)) throw fail("the id of one of its list items");
        break;
      }
      case "files":
        if (!Array.isArray(value)) throw fail("an array of files");
        break;
    }
  }
  if (creating) {
    for (const def of defs) {
      if (def.required_to_create && !def.archived && (raw[def.name] === undefined || raw[def.name] === null)) {
        throw badRequest("parameter_invalid", `${def.name} is required to create a ${type.name} ticket`, field);
      }
    }
  }
  // Every value was checked against its attribute's data type above.
  return raw as RestTicketCustomAttributes;
}
