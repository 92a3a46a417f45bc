// The writable fields of a company (`create_or_update_company_request`), checked and applied.
import { badRequest } from "../../errors.js";
import { isObject } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Company } from "./records.js";

const WRITABLE = ["name", "company_id", "plan", "size", "website", "industry", "custom_attributes", "remote_created_at", "monthly_spend"] as const;
export type CompanyFields = Partial<{
  name: string;
  company_id: string;
  plan: string;
  size: number;
  website: string;
  industry: string;
  custom_attributes: Record<string, string>;
  remote_created_at: number;
  monthly_spend: number;
}>;

/** Validates a create/update body per `create_or_update_company_request`. */
export function companyFields(raw: unknown): CompanyFields {
  if (!isObject(raw)) throw badRequest("bad_request", "The request body must be a JSON object");
  const unknown = Object.keys(raw).find((k) => !(WRITABLE as readonly string[]).includes(k));
  if (unknown !== undefined) throw badRequest("bad_request", `bad '${unknown}' parameter`);
  const out: CompanyFields = {};
  for (const field of ["name", "company_id", "plan", "website", "industry"] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw badRequest("parameter_invalid", `${field} must be a string`, field);
    out[field] = v;
  }
  for (const field of ["size", "remote_created_at"] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw badRequest("parameter_invalid", `${field} must be a positive integer`, field);
    out[field] = v;
  }
  const spend = raw.monthly_spend;
  if (spend !== undefined && spend !== null) {
    if (typeof spend !== "number" || !Number.isFinite(spend) || spend < 0) throw badRequest("parameter_invalid", "monthly_spend must be a number", "monthly_spend");
    if (spend > 2_147_483_647) throw badRequest("parameter_invalid", "monthly_spend must be at most 2147483647", "monthly_spend");
    out.monthly_spend = Math.trunc(spend); // "this will truncate floats"
  }
  const attrs = raw.custom_attributes;
  if (attrs !== undefined && attrs !== null) {
    if (!isObject(attrs)) throw badRequest("parameter_invalid", "custom_attributes must be an object", "custom_attributes");
    for (const [k, v] of Object.entries(attrs)) {
      if (typeof v !== "string") throw badRequest("parameter_invalid", `custom_attributes.${k} must be a string`, "custom_attributes");
    }
    out.custom_attributes = attrs as Record<string, string>;
  }
  return out;
}

/** Plans are named by the client; a known name keeps its id, a new one gets the next id. */
function planFor(ws: Workspace, name: string): Company["plan"] {
  const known = ws.companies.find((c) => c.plan.name === name);
  if (known) return { ...known.plan };
  const next = Math.max(269314, ...ws.companies.map((c) => Number(c.plan.id) || 0)) + 1;
  return { type: "plan", id: String(next), name };
}

export function applyFields(ws: Workspace, company: Company, fields: CompanyFields, at: number): void {
  if (fields.name !== undefined) company.name = fields.name;
  if (fields.plan !== undefined) company.plan = planFor(ws, fields.plan);
  if (fields.size !== undefined) company.size = fields.size;
  if (fields.website !== undefined) company.website = fields.website;
  if (fields.industry !== undefined) company.industry = fields.industry;
  if (fields.remote_created_at !== undefined) company.remote_created_at = fields.remote_created_at;
  if (fields.monthly_spend !== undefined) company.monthly_spend = fields.monthly_spend;
  if (fields.custom_attributes !== undefined) Object.assign(company.custom_attributes, fields.custom_attributes);
  company.updated_at = at;
}
