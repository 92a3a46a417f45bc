// The Intercom 2.11 OpenAPI document, read from ../shared, and what tests check against it:
// ajv validators of its response and request schemas (strict: an object schema that lists its
// properties admits no others), which operation a request is, whether an answer's content type
// and body are what the operation declares, and whether a request is one it accepts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2019, type ValidateFunction } from "ajv/dist/2019.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { afterAll, beforeAll, expect } from "vitest";
import { startSandbox, type RecordedRequest, type Sandbox } from "../../src/sandbox/index.js";

export const SPEC_PATH = path.resolve(process.cwd(), "../shared/intercom-openapi-2.11.yaml");
export const specExists = existsSync(SPEC_PATH);

// ajv-formats is CommonJS; under NodeNext its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => Ajv2019;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { [key: string]: Json };

const REF_PREFIX = "#/components/schemas/";
/** Formats checked (by ajv-formats); others (the document's "timestamp") carry no rule and are dropped. */
const KNOWN_FORMATS = new Set(["email", "uuid", "date-time", "uri", "float"]);

const isSchema = (v: Json | undefined): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * OpenAPI 3.0 → JSON Schema (draft 2019-09) for ajv:
 * - strict objects: a schema that lists `properties` (or composes them with `allOf`) admits no
 *   other property unless it says `additionalProperties` itself (`unevaluatedProperties: false`,
 *   which sees through `allOf` and `$ref`; a schema used as an `allOf` part is left open, since
 *   the composite closes over all its parts); a property it requires counts as declared;
 * - `nullable: true` becomes a "null" type (or an anyOf with null around $ref/allOf/oneOf);
 * - a `$ref` keeps no siblings but `nullable` (OpenAPI 3.0 ignores them; 2019-09 would apply them);
 * - `example(s)` are dropped, enums de-duplicated (some list null next to nullable);
 * - refs point into one "openapi" schema holding all components as definitions (closed) and as
 *   `open` (the same schemas, not closed at their top, for `allOf` parts);
 * - formats are checked with ajv-formats; `format: uri` as uri-reference: the document's own
 *   examples use relative urls ("/contacts/…/tags") and `addressable_list.type` ("tag") is
 *   wrongly marked uri; `format: uuid` with a 24-character length is a contact id (known
 *   defect 4: real contact ids are 24 hex characters), so its format is dropped;
 * - unknown formats (e.g. "timestamp") are dropped.
 */
export function toJsonSchema(node: Json, { open = false }: { open?: boolean } = {}): Json {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n));
  if (!isSchema(node)) return node;
  if (typeof node.$ref === "string" && node.$ref.startsWith(REF_PREFIX)) {
    const ref: Schema = { $ref: `openapi#/${open ? "open" : "definitions"}/${node.$ref.slice(REF_PREFIX.length)}` };
    return node.nullable === true ? { anyOf: [{ type: "null" }, ref] } : ref;
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "nullable") continue;
    if (key === "format" && typeof value === "string") {
      const contactId = value === "uuid" && node.maxLength === 24;
      if (KNOWN_FORMATS.has(value) && !contactId) out.format = value === "uri" ? "uri-reference" : value;
    } else if (key === "enum" && Array.isArray(value)) {
      out.enum = [...new Set(value)];
    } else if (key === "properties" && isSchema(value)) {
      // Property names are not schema keywords: transform each property's schema only.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
      // A property the schema requires is one it declares, whatever its value, where `properties`
      // forgets it (article_list_item.statistics, company_attached_segments.total_count,
      // conversation.topics): else strictness would forbid what `required` demands.
      for (const name of Array.isArray(node.required) ? node.required : []) {
        if (typeof name === "string" && !(name in value)) (out.properties as Schema)[name] = {};
      }
    } else if (key === "allOf" && Array.isArray(value)) {
      // The parts of a composite stay open: the composite closes over all of them.
      out.allOf = value.map((part) => toJsonSchema(part, { open: true }));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  const composesProperties = isSchema(node.properties) || Array.isArray(node.allOf);
  if (!open && composesProperties && node.additionalProperties === undefined) out.unevaluatedProperties = false;
  if (node.nullable === true) {
    if (typeof out.type === "string" && !out.allOf && !out.oneOf && !out.anyOf) {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum.push(null);
      return out;
    }
    return { anyOf: [{ type: "null" }, out] };
  }
  return out;
}

export interface SpecParameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Json;
}
export interface SpecResponse {
  description?: string;
  content?: Record<string, { schema?: Json }>;
}
export interface SpecOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  responses: Record<string, SpecResponse>;
}
export interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, Json> };
}

/** Says clearly, once per suite, why a suite that needs the document is skipped. */
export function warnIfSpecMissing(suite: string): void {
  if (!specExists) console.warn(`[${suite}] skipped: OpenAPI document not found at ${SPEC_PATH}`);
}

export function loadSpec(): Spec {
  return parse(readFileSync(SPEC_PATH, "utf8")) as Spec;
}

const METHODS = ["get", "post", "put", "delete", "patch"];

/** One operation of the document, as a request matched it. */
export interface MatchedOperation {
  method: string;
  /** The document's path template, e.g. "/contacts/{contact_id}". */
  apiPath: string;
  operation: SpecOperation;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

/**
 * The operation a request is: its method and a path template of the document whose segments
 * match (a literal segment beats a parameter, so /contacts/search is not /contacts/{contact_id}).
 */
export function findOperation(spec: Spec, method: string, urlPath: string): MatchedOperation | undefined {
  const segments = urlPath.split("?")[0]!.split("/").slice(1);
  let best: { score: number; match: MatchedOperation } | undefined;
  for (const [apiPath, item] of Object.entries(spec.paths)) {
    const operation = item[method.toLowerCase()];
    if (!operation) continue;
    const template = apiPath.split("/").slice(1);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    template.forEach((part, i) => {
      const segment = segments[i]!;
      const param = /^\{(.+)\}$/.exec(part);
      if (param) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(segment);
        } catch {
          decoded = "";
        }
        if (decoded === "") ok = false;
        params[param[1]!] = decoded;
      } else if (part === segment) score++;
      else ok = false;
    });
    if (ok && (!best || score > best.score)) best = { score, match: { method: method.toUpperCase(), apiPath, operation, params } };
  }
  return best?.match;
}

/**
 * Exceptions to "a response without declared content has no body", each with its reason:
 * the operation's description documents the body its response section leaves out.
 */
export const UNDECLARED_BODIES: Record<string, { contentType: string; reason: string }> = {
  "GET /download/content/data/{job_identifier}": {
    contentType: "application/octet-stream",
    reason: "the operation's description says the export streams as a gzipped CSV (with Accept: application/octet-stream); its 200 declares no content",
  },
};

/**
 * What is wrong with an answer, judged by the document alone: a success status the operation
 * does not declare; a body or a JSON content type where the declared response has no content;
 * a content type the declared response does not list, or a body that does not parse as its JSON.
 * Statuses the document does not list for an operation (most errors) must still be JSON.
 * Answers to requests that are no operation of the document are not judged here.
 */
export function answerProblems(spec: Spec, method: string, urlPath: string, status: number, contentType: string | null, text: string): string[] {
  const matched = findOperation(spec, method, urlPath);
  if (!matched) return [];
  const label = `${matched.method} ${matched.apiPath} → ${status}`;
  const mediaType = contentType?.split(";")[0]!.trim().toLowerCase() ?? null;
  const isJson = mediaType !== null && /^application\/(.+\+)?json$/.test(mediaType);
  const problems: string[] = [];
  const parses = () => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const declared = matched.operation.responses[String(status)];
  if (!declared) {
    if (status < 400) return [`${label}: the document declares no ${status} for this operation`];
    if (!isJson) problems.push(`${label}: an error answer must be JSON, its content type is ${contentType ?? "absent"}`);
    else if (!parses()) problems.push(`${label}: the error body is not JSON`);
    return problems;
  }
  const declaredTypes = Object.keys(declared.content ?? {});
  if (declaredTypes.length === 0) {
    const exception = UNDECLARED_BODIES[`${matched.method} ${matched.apiPath}`];
    if (exception && status < 300) {
      if (mediaType !== exception.contentType) problems.push(`${label}: content type ${contentType ?? "absent"}, not ${exception.contentType}`);
      return problems;
    }
    if (text !== "") problems.push(`${label}: the document declares no content, the answer has a body (${JSON.stringify(text.slice(0, 60))})`);
    if (contentType !== null) problems.push(`${label}: the document declares no content, the answer says Content-Type: ${contentType}`);
    return problems;
  }
  if (mediaType === null || !declaredTypes.includes(mediaType)) {
    problems.push(`${label}: content type ${contentType ?? "absent"}, the document declares ${declaredTypes.join(", ")}`);
  } else if (isJson && !parses()) {
    problems.push(`${label}: the body is not JSON (${JSON.stringify(text.slice(0, 60))})`);
  }
  return problems;
}

export interface ResponseValidators {
  /** The validator of the response schema the document declares for an operation and status. */
  validatorFor(method: string, apiPath: string, status?: string): ValidateFunction;
  /** The validator of the `error` schema. */
  errorValidator(): ValidateFunction;
  /** The validator of an operation's JSON request body, undefined when it takes none. */
  requestBodyValidator(method: string, apiPath: string): ValidateFunction | undefined;
  /** A validator of any schema written as the document writes them (refs into its components). */
  schemaValidator(schema: Json): ValidateFunction;
}

export function createValidators(spec: Spec): ResponseValidators {
  const schemas: Record<string, Json> = { ...spec.components.schemas };
  // Known defect: referenced four times but never defined. Free-form object.
  schemas.custom_attributes ??= { type: "object", additionalProperties: { type: ["string", "number", "boolean", "null"] } };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const convert = (open: boolean) => Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema, { open })]));
  ajv.addSchema({ $id: "openapi", definitions: convert(false), open: convert(true) } as Schema);
  const compiled = new Map<string, ValidateFunction>();
  const memo = (key: string, schema: () => Json): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema() as Schema);
      compiled.set(key, validate);
    }
    return validate;
  };
  return {
    validatorFor(method, apiPath, status = "200") {
      return memo(`response ${method} ${apiPath} ${status}`, () => {
        const schema = spec.paths[apiPath]?.[method.toLowerCase()]?.responses[status]?.content?.["application/json"]?.schema;
        if (!schema) throw new Error(`no ${status} schema for ${method} ${apiPath}`);
        return toJsonSchema(schema);
      });
    },
    errorValidator() {
      return memo("error", () => ({ $ref: "openapi#/definitions/error" }));
    },
    requestBodyValidator(method, apiPath) {
      const schema = spec.paths[apiPath]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"]?.schema;
      if (!schema) return undefined;
      return memo(`request ${method} ${apiPath}`, () => toJsonSchema(schema));
    },
    schemaValidator(schema) {
      return memo(`schema ${JSON.stringify(schema)}`, () => toJsonSchema(schema));
    },
  };
}

/** ajv's errors, one short line each. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((e) => `${e.instancePath || "/"} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`)
    .join("; ");
}

/**
 * Request bodies the document leaves out, each with the schema it should have named and why:
 * such a body is checked against that schema instead of being refused.
 */
export const UNDECLARED_REQUEST_BODIES: Record<string, { schema: Json; reason: string }> = {
  "PUT /companies/{company_id}": {
    schema: { allOf: [{ $ref: "#/components/schemas/create_or_update_company_request" }], not: { required: ["company_id"] } },
    reason:
      "\"Update a company\" declares no request body, though it updates the company's fields: they are create_or_update_company_request's, but company_id (\"it is not possible to update company_id\")",
  },
};

/** A query value as the schema's type reads it (query strings carry text only). */
function queryValue(raw: string, schema: Json | undefined): unknown {
  const type = isSchema(schema) ? schema.type : undefined;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/**
 * What the document would refuse in a request the sandbox recorded: no operation of the
 * document has its method and path; a path or query parameter the operation does not declare,
 * lacks although required, or whose value breaks its schema (a `style: form, explode: true`
 * object parameter is the set of its properties' query keys); a JSON body that breaks the
 * operation's request schema (required fields included; a missing body is checked as `{}`),
 * or a body sent to an operation that takes none (but UNDECLARED_REQUEST_BODIES); an
 * Intercom-Version header outside the document's versions.
 */
export function requestProblems(spec: Spec, validators: ResponseValidators, request: Pick<RecordedRequest, "method" | "path" | "query" | "body" | "intercomVersion">): string[] {
  const matched = findOperation(spec, request.method, request.path);
  if (!matched) return [`${request.method} ${request.path}: no operation of the document has this method and path`];
  const label = `${matched.method} ${matched.apiPath} (${request.path})`;
  const problems: string[] = [];
  const check = (validate: ValidateFunction, value: unknown, what: string) => {
    if (!validate(value)) problems.push(`${label}: ${what} ${JSON.stringify(value)}: ${describeErrors(validate)}`);
  };
  const parameters = matched.operation.parameters ?? [];

  for (const p of parameters.filter((p) => p.in === "path")) {
    const value = matched.params[p.name];
    if (value === undefined) problems.push(`${label}: path parameter ${p.name} is not in the template`);
    else if (p.schema) check(validators.schemaValidator(p.schema), queryValue(value, p.schema), `path parameter ${p.name}`);
  }

  const seen = new Set<string>();
  for (const p of parameters.filter((p) => p.in === "query")) {
    const schema = p.schema;
    if (isSchema(schema) && schema.type === "object" && p.style === "form" && p.explode !== false) {
      const objectKeys = objectParameterKeys(schema);
      const present = Object.fromEntries(
        Object.entries(request.query).filter(([key]) => objectKeys.has(key)).map(([key, raw]) => [key, queryValue(raw, propertySchema(schema, key))]),
      );
      for (const key of Object.keys(present)) seen.add(key);
      if (Object.keys(present).length === 0) {
        if (p.required) problems.push(`${label}: query parameter ${p.name} (one of ${[...objectKeys].join(", ")}) is required`);
      } else check(validators.schemaValidator(schema), present, `query parameter ${p.name}`);
      continue;
    }
    const raw = request.query[p.name];
    if (raw === undefined) {
      if (p.required) problems.push(`${label}: query parameter ${p.name} is required`);
      continue;
    }
    seen.add(p.name);
    if (schema) check(validators.schemaValidator(schema), queryValue(raw, schema), `query parameter ${p.name}`);
  }
  for (const key of Object.keys(request.query)) {
    if (!seen.has(key)) problems.push(`${label}: query parameter ${key} is not one the operation declares`);
  }

  const versionHeader = parameters.find((p) => p.in === "header" && p.name.toLowerCase() === "intercom-version");
  if (versionHeader?.schema && request.intercomVersion !== null) {
    check(validators.schemaValidator(versionHeader.schema), request.intercomVersion, "Intercom-Version");
  }

  const undeclared = UNDECLARED_REQUEST_BODIES[`${matched.method} ${matched.apiPath}`];
  const bodyValidator =
    validators.requestBodyValidator(matched.method, matched.apiPath) ?? (undeclared ? validators.schemaValidator(undeclared.schema) : undefined);
  if (bodyValidator) check(bodyValidator, request.body === undefined ? {} : request.body, "body");
  else if (request.body !== undefined) problems.push(`${label}: sends a body (${JSON.stringify(request.body).slice(0, 80)}) to an operation that takes none`);
  return problems;
}

/** The query keys of a form-exploded object parameter: its properties, or its oneOf/anyOf members'. */
function objectParameterKeys(schema: Schema): Set<string> {
  const keys = new Set<string>();
  const add = (s: Json | undefined) => {
    if (!isSchema(s)) return;
    if (isSchema(s.properties)) for (const key of Object.keys(s.properties)) keys.add(key);
    for (const member of [...((s.oneOf as Json[]) ?? []), ...((s.anyOf as Json[]) ?? []), ...((s.allOf as Json[]) ?? [])]) add(member);
  };
  add(schema);
  return keys;
}

function propertySchema(schema: Schema, key: string): Json | undefined {
  if (isSchema(schema.properties) && schema.properties[key] !== undefined) return schema.properties[key];
  for (const member of [...((schema.oneOf as Json[]) ?? []), ...((schema.anyOf as Json[]) ?? [])]) {
    if (isSchema(member)) {
      const found = propertySchema(member, key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Asserts a body is valid, printing ajv's errors when it is not. */
export function expectValid(validate: ValidateFunction, body: unknown, label: string): void {
  const ok = validate(body);
  if (!ok) console.error(`[${label}] schema errors:`, JSON.stringify(validate.errors, null, 2));
  expect(validate.errors ?? [], label).toEqual([]);
  expect(ok, label).toBe(true);
}

export const CONTRACT_HEADERS = { Authorization: "Bearer contract-test-token", "Content-Type": "application/json", "Intercom-Version": "2.11" };

/**
 * `call` an operation on a sandbox (every answer's status, content type and body are checked
 * against what the operation declares, see answerProblems); `check` that it answers 200 with a
 * body valid against the document's response schema for `METHOD apiPath`; `checkError` that it
 * answers an error.list with the given status and first error code, valid against the
 * document's error schema (it returns that error.list). Getters, because suites create the
 * sandbox and validators in beforeAll.
 */
export function contractClient(sandbox: () => { url: string }, validators: () => ResponseValidators, spec: () => Spec) {
  /** `body` is the parsed JSON, undefined when the answer is empty or not JSON (`text` has it as sent). */
  async function call(
    method: string,
    urlPath: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; text: string; contentType: string | null }> {
    const res = await fetch(sandbox().url + urlPath, {
      method,
      headers: { ...CONTRACT_HEADERS, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get("content-type");
    // Text as sent, but for a binary answer: its length (what matters is that there is one).
    const text = /octet-stream/.test(contentType ?? "") ? `<${bytes.length} bytes>` : bytes.toString("utf8");
    expect(answerProblems(spec(), method, urlPath, res.status, contentType, text), `${method} ${urlPath}`).toEqual([]);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, contentType };
  }
  async function check(method: string, apiPath: string, urlPath: string, body?: unknown): Promise<any> {
    const res = await call(method, urlPath, body);
    expect(res.status, `${method} ${urlPath}: ${res.text}`).toBe(200);
    expectValid(validators().validatorFor(method, apiPath), res.body, `${method} ${urlPath}`);
    return res.body;
  }
  async function checkError(method: string, urlPath: string, status: number, code: string, body?: unknown): Promise<any> {
    const res = await call(method, urlPath, body);
    expect(res.status, `${method} ${urlPath}: ${res.text}`).toBe(status);
    expectValid(validators().errorValidator(), res.body, `${status} ${method} ${urlPath}`);
    expect(res.body.errors[0].code).toBe(code);
    return res.body;
  }
  return { call, check, checkError };
}

/**
 * A contract suite, called inside its `describe`: a fresh sandbox and the document's validators,
 * made before its tests and closed after them, and the contract client over them.
 */
export function contractSuite() {
  let sandbox: Sandbox | undefined;
  let spec: Spec | undefined;
  let validators: ResponseValidators | undefined;
  beforeAll(async () => {
    spec = loadSpec();
    validators = createValidators(spec);
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return {
    get sandbox(): Sandbox {
      return sandbox!;
    },
    get spec(): Spec {
      return spec!;
    },
    get validators(): ResponseValidators {
      return validators!;
    },
    ...contractClient(() => sandbox!, () => validators!, () => spec!),
  };
}
