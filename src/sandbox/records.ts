// Record types every group uses. The records of the sandbox are REST-shaped (snake_case):
// each group's records.ts takes its types from src/generated/rest (the component schemas of the
// Intercom 2.11 document), so the objects held in the workspace are what the HTTP API serialises
// (minus a few view-only transformations, e.g. conversation_parts are stripped from list items).
import type { RestApp } from "../generated/rest/admins.js";
import type { RestReference } from "../generated/rest/common.js";
import type { RestCustomAttributes } from "../generated/rest/conversations.js";

/** Unix seconds. */
export type UnixSeconds = number;

/** `reference`: the sandbox always sends the id (null where there is none). */
export type Reference = RestReference & Required<Pick<RestReference, "id">>;

export type CustomAttributes = RestCustomAttributes;

/** The workspace's app, as GET /me answers it. */
export type App = RestApp;

/**
 * A REST type with the named properties always there, and their objects' own properties too:
 * what the sandbox always sends where the document leaves it optional.
 */
export type Sent<T, K extends keyof T> = T & { [P in K]-?: Required<Exclude<T[P], undefined>> };
