// The shape of scripts/graph-mapping.ts: what the generator cannot read from the document.

/** One GraphQL object type generated from one REST object schema. */
export interface TypeMapping {
  /** Output file: src/generated/{rest,graph,reducers}/<group>.ts. */
  group: string;
  /**
   * The REST schema: a component ("admin"), or a path into one ("admin.avatar", "ticket_type.attributes[]").
   * Several when Intercom sends the same object in more than one shape: the first gives the order and
   * the descriptions, a property absent from one of them is optional.
   */
  schema: string | string[];
  /** A generated type this one extends: the fields it shares are declared (and described) there. */
  extends?: string;
  /**
   * A hand-written function (see GraphMapping.handWritten), `(built, rest) => built`, the generated
   * reducer ends with: what is not mechanical (computed fields, Intercom's quirks).
   */
  finish?: string;
  /** Replaces the document's description (required where the document has none). */
  description?: string;
  /** Hand-written interfaces the type implements (see GraphMapping.interfaces). */
  implements?: string[];
  /** By REST property: how it becomes a field (or fields). Unlisted properties map by the default rules. */
  fields?: Record<string, FieldMapping | FieldMapping[]>;
  /** REST property → why the graph leaves it out. `type` is left out by default (it is `__typename`). */
  omit?: Record<string, string>;
  /** Field → the field it comes before, where the published order differs from the document's. */
  before?: Record<string, string>;
  /**
   * Fields declared here but set by hand-written code (what no property gives mechanically: a map
   * keyed by locale read as a list, the locale itself): graph-only, exempt from the document ⇄ graph
   * check. Appended after the document's fields, or placed by `before`.
   */
  computed?: Record<string, { type: string; list?: boolean | "nested"; nullable?: boolean; description: string; why: string }>;
  /** Hand-written field (a link, a computed field) → what it is. Exempt from the document ⇄ graph check. */
  graphOnly?: Record<string, string>;
}

export interface FieldMapping {
  /** The field's name (default: the property in camelCase). */
  name?: string;
  /** A path inside the property's value to read instead ("id", "tags", "contacts[].id"). */
  pick?: string;
  /** The graph type, where the default rules pick the wrong one: a scalar name, a mapped type or enum. */
  type?: string;
  /** Nullability, where the document's schema and what Intercom sends disagree; needs `why`. */
  nullable?: boolean;
  why?: string;
  /** TypeScript expression used when Intercom leaves the property out ("false"). */
  default?: string;
  /** Why "" or 0 means "not set" here (Intercom sends them for unset values): they become null. */
  emptyIsNull?: string;
  /** Why the value is kept on the object for hand-written links but not published: no @Field. */
  hidden?: string;
  /** A hand-written converter (see GraphMapping.handWritten) that reads the value, for hidden fields. */
  via?: string;
  /** Replaces the document's description. */
  description?: string;
  /** Why the field is deprecated (its deprecationReason): what to use instead. */
  deprecated?: string;
  /** The hand-written link field beside this raw id (the description then says "see `link`"). */
  link?: string;
}

/** A GraphQL enum over a REST string enum; values map both ways by the TypeScript enum. */
export interface EnumMapping {
  group: string;
  /** Where the document declares the values: schema paths of the properties this enum types. */
  schema: string[];
  description: string;
  /** REST value → its description. The document's values must be exactly these. */
  values: Record<string, string>;
  /** REST value → enum value name, where it is not the value in UPPER_SNAKE_CASE. */
  names?: Record<string, string>;
  /** Why the values are the table's, where the document types the property as a plain string. */
  why?: string;
}

export interface GraphMapping {
  /**
   * What the document gets wrong, fixed before anything is read from it: a component it references
   * but never defines ("custom_attributes"), or a property Intercom sends that a schema lacks
   * ("contact_location.country_code"), as `schema`; or what a property's schema gets wrong, merged
   * into it as `amend` ("conversation.teammates": null in the document's own examples). Each with why.
   */
  patches: Record<string, { why: string; schema?: Record<string, unknown>; amend?: Record<string, unknown> }>;
  /** Hand-written functions the generated reducers call (`via` converters, `finish` hooks), and the module (from src/) of each. */
  handWritten: Record<string, string>;
  types: Record<string, TypeMapping>;
  enums: Record<string, EnumMapping>;
  /** Hand-written interfaces generated types implement, and the module (from src/) that defines each. */
  interfaces: Record<string, string>;
  /** Component schemas emitted as REST types only (list wrappers the datasources read), by group. */
  restOnly: Record<string, string[]>;
  /** Hand-written object types with no REST schema of their own → why. */
  graphOnlyTypes: Record<string, string>;
  /** REST property names that are not Intercom ids although they end in `_id` (default rule: ID). */
  notIds: string[];
  /** "GraphQLType.rest_property" → why the graph leaves it out, for REST shapes no mapped type reads (embedded references). */
  omissions: Record<string, string>;
  /**
   * Operations ("METHOD /path" as in the document) whose request body is a oneOf of distinct
   * actions, each exposed as its own mutation with its own typed input.
   */
  splitOperations: Record<string, { fields: string[]; reason: string }>;
}
