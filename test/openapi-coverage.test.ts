import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { gatewaySchema } from "../src/schema/index.js";
import { COVERAGE_DOC, renderCoverage } from "../scripts/coverage-doc.js";
import { missingProperties, operationCoverage, operationsOf, responseSchemaOf } from "../scripts/coverage-lib.js";
import { DELIBERATE_OMISSIONS } from "../scripts/coverage-exceptions.js";
import { loadSpec, specExists, warnIfSpecMissing } from "./support/openapi.js";

/** The graph against the Intercom 2.11 document: every operation a field, every response property a field. */
warnIfSpecMissing("openapi-coverage");

describe.skipIf(!specExists)("graph ⇄ Intercom 2.11 OpenAPI document", () => {
  let spec: any;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    spec = loadSpec();
    schema = await gatewaySchema();
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
      for (const gap of missingProperties(spec, response, field.field.type)) gaps.push(`${gap}  (${operation.method} ${operation.path} → ${field.name})`);
    }
    expect([...new Set(gaps)]).toEqual([]);
  });

  it("every deliberate omission has a reason", () => {
    for (const [key, reason] of Object.entries(DELIBERATE_OMISSIONS)) expect(reason.length, key).toBeGreaterThan(20);
  });

  it("docs/coverage.md is up to date (npm run docs:coverage)", () => {
    expect(readFileSync(COVERAGE_DOC, "utf8")).toBe(renderCoverage(spec, schema));
  });
});
