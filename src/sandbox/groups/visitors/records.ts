// Visitors: anonymous people on the website.
import type { RestVisitor } from "../../../generated/rest/visitors.js";
import type { CustomAttributes, Sent } from "../../records.js";

/** PUT /visitors takes any flat custom attribute (strings, numbers, booleans, null, as a contact's); the document types a visitor's as strings. */
export interface VisitorCustomAttributes {
  custom_attributes: CustomAttributes;
}

/** A `visitor` as the sandbox answers it: with its custom attributes as PUT /visitors takes them. */
export type VisitorAnswer = Omit<RestVisitor, "custom_attributes"> & VisitorCustomAttributes;

type VisitorTags = NonNullable<RestVisitor["tags"]>;

/** The properties the record narrows itself (below). */
type Narrowed = "location_data" | "tags" | "custom_attributes";

/**
 * `visitor`, every property there, as the schema spells them: `las_request_at` (the document's
 * own visitor examples say `last_request_at`, which the sandbox does not send; the gateway reads
 * either), absent when the visitor made no request yet (the schema does not allow null). Its
 * location has only the parts the sandbox knows; its tags have type, id and name.
 */
export type VisitorRecord = Omit<Sent<RestVisitor, Exclude<keyof RestVisitor, "las_request_at" | "last_request_at" | Narrowed>>, Narrowed> &
  VisitorCustomAttributes & {
    location_data: Sent<NonNullable<RestVisitor["location_data"]>, "type">;
    tags: Omit<Required<VisitorTags>, "tags"> & { tags: Array<Required<NonNullable<VisitorTags["tags"]>[number]>> };
  };

/** The workspace collections this group owns. */
export interface VisitorsState {
  visitors: VisitorRecord[];
}
