import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { clientSchema } from "../scripts/schema.js";
import { gatewaySchema } from "../src/schema/index.js";

/**
 * Every element of the published schema carries a description: GraphiQL's docs, codegen's
 * comments and Relay's editor hints show them, and a blank one leaves a frontend developer
 * guessing. Federation's own elements (`_service`, `_entities`, `_Any`, …) are described too.
 */

interface Element {
  /** `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`, `Input.field`, `@directive`, `@directive(arg)`. */
  path: string;
  name: string;
  description: string | null | undefined;
}

/** Every type, field, argument, enum value, input field and directive the schema defines (not graphql-js's own). */
function elements(schema: GraphQLSchema): Element[] {
  const out: Element[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ path: type.name, name: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, name: field.name, description: field.description });
        for (const arg of field.args) {
          out.push({ path: `${type.name}.${field.name}(${arg.name})`, name: arg.name, description: arg.description });
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, name: field.name, description: field.description });
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ path: `${type.name}.${value.name}`, name: value.name, description: value.description });
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    out.push({ path: `@${directive.name}`, name: directive.name, description: directive.description });
    for (const arg of directive.args) out.push({ path: `@${directive.name}(${arg.name})`, name: arg.name, description: arg.description });
  }
  return out;
}

const undescribed = (schema: GraphQLSchema) => elements(schema).filter((e) => !e.description?.trim()).map((e) => e.path);

const FILLER = new Set(["a", "an", "the", "of", "this", "its", "is", "it"]);
const words = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !FILLER.has(w));

/** Descriptions that only restate the element's name (`email: "The email."`, `OPEN: "Open"`). */
const restated = (schema: GraphQLSchema) =>
  elements(schema)
    .filter((e) => e.description?.trim() && words(e.description).join(" ") === words(e.name).join(" "))
    .map((e) => `${e.path}: ${JSON.stringify(e.description)}`);

let served: GraphQLSchema;
let client: GraphQLSchema;
beforeAll(async () => {
  served = await gatewaySchema();
  client = clientSchema(served);
});

describe("schema descriptions", () => {
  it("every type, field, argument, enum value, input field and directive of the served schema has a description", () => {
    expect(undescribed(served)).toEqual([]);
  });

  it("every element of the client schema (schema.client.graphql) has a description", () => {
    expect(undescribed(client)).toEqual([]);
  });

  it("federation's own elements are described, not exempted", () => {
    const federation = ["_Any", "_Entity", "_Service", "_Service.sdl", "Query._entities", "Query._entities(representations)", "Query._service", "link__Import", "link__Purpose", "@link", "@key"];
    const described = new Map(elements(served).map((e) => [e.path, e.description]));
    for (const path of federation) expect(described.get(path), path).toBeTruthy();
  });

  it("no description merely restates its element's name", () => {
    expect(restated(served)).toEqual([]);
  });

  it("the checks do catch a missing description and a restated one", () => {
    const schema = buildSchema(`
      """Things to read."""
      type Query {
        """The thing, by id."""
        thing(id: ID!): Thing
      }
      type Thing {
        """The email."""
        email: String
        """Whether it is open, closed or snoozed."""
        state: State
      }
      """Where a thing is in its lifecycle."""
      enum State {
        """Open"""
        OPEN
        CLOSED
      }
    `);
    expect(undescribed(schema)).toEqual(["Query.thing(id)", "Thing", "State.CLOSED"]);
    expect(restated(schema)).toEqual(['Thing.email: "The email."', 'State.OPEN: "Open"']);
  });
});
