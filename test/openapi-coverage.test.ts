import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { gatewaySchema } from "../src/schema/index.js";
import { COVERAGE_DOC, renderCoverage } from "../scripts/coverage-doc.js";
import { mappedNames, missingProperties, operationCoverage, operationsOf, responseSchemaOf, unmappedFields } from "../scripts/coverage-lib.js";
import { generate } from "../scripts/generate.js";
import type { Model } from "../scripts/generator/model.js";
import { GRAPH_MAPPING } from "../scripts/graph-mapping.js";
import { loadSpec as loadGeneratorSpec } from "../scripts/generator/spec.js";
import { loadSpec, SPEC_PATH, specExists, warnIfSpecMissing } from "./support/openapi.js";

/**
 * The graph against the Intercom 2.11 document, both ways: every operation a field, every response
 * property a field, and every field of a generated type a property of the document (or graph-only).
 */
warnIfSpecMissing("openapi-coverage");

describe.skipIf(!specExists)("graph ⇄ Intercom 2.11 OpenAPI document", () => {
  let spec: any;
  let schema: GraphQLSchema;
  let model: Model;
  beforeAll(async () => {
    spec = loadSpec();
    schema = await gatewaySchema();
    model = generate(loadGeneratorSpec(SPEC_PATH)).model;
  });

  it("the document has 108 operations", () => {
    expect(operationsOf(spec)).toHaveLength(108);
  });

  it("no root field names an operation the document lacks", () => {
    const { unknown } = operationCoverage(spec, schema);
    expect(unknown.map((f) => `${f.name}: ${f.rest}`)).toEqual([]);
  });

  it("no operation is named by two root fields", () => {
    const { duplicated } = operationCoverage(spec, schema);
    expect(duplicated.map((d) => `${d.operation.method} ${d.operation.path}: ${d.fields.map((f) => f.name).join(", ")}`)).toEqual([]);
  });

  it("every root field that wraps an operation carries the document's summary", () => {
    const { withoutSummary } = operationCoverage(spec, schema);
    expect(withoutSummary.map((w) => `${w.field.name} lacks "${w.operation.summary}"`)).toEqual([]);
  });

  it("every operation has a root field", () => {
    const { missing } = operationCoverage(spec, schema);
    expect(missing.map((op) => `${op.method} ${op.path} (${op.operationId})`)).toEqual([]);
  });

  it("every property of a wrapped operation's response schema has a field (or a documented omission)", () => {
    const gaps: string[] = [];
    for (const { operation, field } of operationCoverage(spec, schema).covered) {
      const response = responseSchemaOf(spec, operation);
      if (!response) continue;
      for (const gap of missingProperties(spec, response, field.field.type, mappedNames(model))) gaps.push(`${gap}  (${operation.method} ${operation.path} → ${field.name})`);
    }
    expect([...new Set(gaps)]).toEqual([]);
  });

  it("every field of a generated type is a property of the document, or named graph-only in the mapping table", () => {
    expect(unmappedFields(model, schema)).toEqual([]);
  });

  it("every deliberate omission, graph-only field, patch of the document and split operation has a reason", () => {
    const reasons: Array<[string, string]> = [
      ...Object.entries(GRAPH_MAPPING.omissions),
      ...Object.entries(GRAPH_MAPPING.patches).map(([key, { why }]): [string, string] => [key, why]),
      ...Object.entries(GRAPH_MAPPING.splitOperations).map(([key, { reason }]): [string, string] => [key, reason]),
      ...model.types.flatMap((t) => [...Object.entries(t.omitted), ...Object.entries(t.graphOnly)].map(([name, reason]): [string, string] => [`${t.name}.${name}`, reason])),
    ];
    for (const [key, reason] of reasons) expect(reason.length, key).toBeGreaterThan(20);
  });

  it("docs/coverage.md is up to date (npm run docs:coverage)", () => {
    expect(readFileSync(COVERAGE_DOC, "utf8")).toBe(renderCoverage(spec, schema));
  });
});
