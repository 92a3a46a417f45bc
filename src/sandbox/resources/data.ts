// The import path older tests use (test/support/events.ts); the records live in
// groups/data-*/records.ts and are exported by the sandbox's index.
export type * from "../groups/data-attributes/records.js";
export type * from "../groups/data-events/records.js";
export type * from "../groups/data-export/records.js";
