// Companies as the API serves them, found by id, and their contacts.
import type { RestCompany } from "../../../generated/rest/companies.js";
import { notFound } from "../../errors.js";
import type { Workspace } from "../../workspace.js";
import { companySegments } from "../segments/membership.js";
import type { Company } from "./records.js";

/** The `company` as served: its embedded segments evaluated now (membership is rule-based and live). */
export function companyView(ws: Workspace, company: Company): RestCompany {
  return { ...company, segments: { type: "segment.list", segments: companySegments(ws, company) } };
}

export function findCompany(ws: Workspace, id: string): Company {
  const company = ws.companies.find((c) => c.id === id);
  if (!company) throw notFound("company_not_found", "Company Not Found");
  return company;
}

/** The contacts attached to a company. */
export const contactsOf = (ws: Workspace, company: Company) => ws.contacts.filter((c) => c.companies.data.some((r) => r.id === company.id));
