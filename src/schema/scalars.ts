// Shared scalars from graphql-scalars: timestamps are DateTime, free-form maps JSONObject.
export { DateTimeResolver as DateTime, JSONObjectResolver as JSONObject, JSONResolver as JSON } from "graphql-scalars";

/** Intercom sends Unix seconds; the graph speaks DateTime. */
export function fromUnix(seconds: number | null | undefined): Date | null {
  return typeof seconds === "number" ? new Date(seconds * 1000) : null;
}

export function toUnix(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Builds a graph object as an instance of its class, so unions resolve by class. */
export function build<T extends object>(type: new () => T, fields: Partial<T>): T {
  return Object.assign(new type(), fields);
}
