// Companies: created or updated (by company_id), read, listed and scrolled, deleted, and
// attached to contacts.
import { randomUUID } from "node:crypto";
import type { RestCompany, RestCompanyAttachedContacts, RestCompanyAttachedSegments, RestDeletedCompanyObject } from "../../../generated/rest/companies.js";
import { ApiError, badRequest } from "../../errors.js";
import { findContact } from "../../lookups.js";
import { pagesOf, pageSlice } from "../../paging.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds } from "../../validate.js";
import type { Contact } from "../contacts/records.js";
import { companySegments } from "../segments/membership.js";
import { applyFields, companyFields } from "./fields.js";
import { companyPageParams, listCompanies, retrieveCompanies, scrollCompanies } from "./listing.js";
import type { Company } from "./records.js";
import { companyView, contactsOf, findCompany } from "./views.js";

const CONTACT_COMPANY_LIMIT = 1000;

/** POST /companies: upsert by company_id. */
function createOrUpdateCompany(ctx: RouteContext, { body }: RouteInput): RestCompany {
  const { ws } = ctx;
  const fields = companyFields(body);
  const at = nowSeconds(ctx);
  let company = fields.company_id !== undefined ? ws.companies.find((c) => c.company_id === fields.company_id) : undefined;
  if (!company) {
    if (fields.company_id === undefined && fields.name === undefined) {
      throw badRequest("parameter_not_found", "company_id or name is required to create a company", "company_id");
    }
    company = {
      type: "company",
      id: randomUUID().replace(/-/g, "").slice(0, 24),
      name: fields.name ?? "",
      app_id: ws.app.id_code,
      company_id: fields.company_id ?? randomUUID(),
      plan: { type: "plan", id: "", name: "" },
      remote_created_at: fields.remote_created_at ?? at,
      created_at: at,
      updated_at: at,
      last_request_at: at,
      size: 0,
      website: "",
      industry: "",
      monthly_spend: 0,
      session_count: 0,
      user_count: 0,
      custom_attributes: {},
      tags: { type: "tag.list", tags: [] },
      segments: { type: "segment.list", segments: [] },
    };
    ws.companies.push(company);
  }
  applyFields(ws, company, fields, at);
  return companyView(ws, company);
}

/** PUT /companies/{id}: the same fields, except that company_id can't change. */
function updateCompany(ctx: RouteContext, { params, body }: RouteInput): RestCompany {
  const fields = companyFields(body ?? {});
  const company = findCompany(ctx.ws, params.company_id!);
  if (fields.company_id !== undefined && fields.company_id !== company.company_id) {
    throw badRequest("parameter_invalid", "company_id can't be updated", "company_id");
  }
  applyFields(ctx.ws, company, fields, nowSeconds(ctx));
  return companyView(ctx.ws, company);
}

/** DELETE /companies/{id}: archives the company and detaches its contacts (they stay). */
function deleteCompany(ctx: RouteContext, { params }: RouteInput): RestDeletedCompanyObject {
  const { ws } = ctx;
  const company = findCompany(ws, params.company_id!);
  for (const contact of contactsOf(ws, company)) unlink(contact, company);
  ws.companies.splice(ws.companies.indexOf(company), 1);
  return { id: company.id, object: "company", deleted: true };
}

function unlink(contact: Contact, company: Company): void {
  const refs = contact.companies;
  refs.data = refs.data.filter((r) => r.id !== company.id);
  refs.total_count = refs.data.length;
  company.user_count = Math.max(0, company.user_count - 1);
}

/** POST /contacts/{id}/companies: attach (idempotent), keeping user_count and the contact's references in step. */
function attachContact(ctx: RouteContext, { params, body }: RouteInput): RestCompany {
  const { ws } = ctx;
  const raw = isObject(body) ? body.id : undefined;
  if (raw === undefined || raw === null || raw === "") throw badRequest("parameter_not_found", "company not specified", "id");
  if (typeof raw !== "string") throw badRequest("parameter_invalid", "id must be a string", "id");
  const contact = findContact(ws, params.contact_id!);
  const company = findCompany(ws, raw);
  const refs = contact.companies;
  if (!refs.data.some((r) => r.id === company.id)) {
    if (refs.data.length >= CONTACT_COMPANY_LIMIT) {
      throw new ApiError(400, "contact_company_limit_exceeded", `Contact has reached the maximum of ${CONTACT_COMPANY_LIMIT} company associations`);
    }
    refs.data.push({ type: "company", id: company.id, url: `/companies/${company.id}` });
    refs.total_count = refs.data.length;
    company.user_count++;
  }
  return companyView(ws, company);
}

/** DELETE /contacts/{id}/companies/{company_id}: detach (idempotent). */
function detachContact(ctx: RouteContext, { params }: RouteInput): RestCompany {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const company = findCompany(ws, params.company_id!);
  if (contact.companies.data.some((r) => r.id === company.id)) unlink(contact, company);
  return companyView(ws, company);
}

/** GET /companies/{id}/contacts. */
function companyContacts(ctx: RouteContext, { params, query }: RouteInput): RestCompanyAttachedContacts {
  const { ws } = ctx;
  const company = findCompany(ws, params.company_id!);
  const { page, perPage } = companyPageParams(query);
  const contacts = contactsOf(ws, company);
  const { data, totalPages } = pageSlice(contacts, page, perPage);
  return { type: "list", data, total_count: contacts.length, pages: pagesOf(page, perPage, totalPages) };
}

/** `company_attached_segments` requires total_count without defining it: the sandbox sends it. */
interface SegmentsCount {
  total_count: number;
}

export const companiesGroup: ApiGroup = {
  tag: "Companies",
  routes: [
    { operationId: "createOrUpdateCompany", method: "POST", path: "/companies", handler: createOrUpdateCompany },
    { operationId: "retrieveCompany", method: "GET", path: "/companies", handler: retrieveCompanies },
    { operationId: "listAllCompanies", method: "POST", path: "/companies/list", handler: listCompanies },
    { operationId: "scrollOverAllCompanies", method: "GET", path: "/companies/scroll", handler: scrollCompanies },
    { operationId: "RetrieveACompanyById", method: "GET", path: "/companies/:company_id", handler: ({ ws }, { params }): RestCompany => companyView(ws, findCompany(ws, params.company_id!)) },
    { operationId: "UpdateCompany", method: "PUT", path: "/companies/:company_id", handler: updateCompany },
    { operationId: "deleteCompany", method: "DELETE", path: "/companies/:company_id", handler: deleteCompany },
    { operationId: "ListAttachedContacts", method: "GET", path: "/companies/:company_id/contacts", handler: companyContacts },
    {
      operationId: "ListAttachedSegmentsForCompanies",
      method: "GET",
      path: "/companies/:company_id/segments",
      handler: ({ ws }, { params }): RestCompanyAttachedSegments & SegmentsCount => {
        const data = companySegments(ws, findCompany(ws, params.company_id!));
        return { type: "list", data, total_count: data.length };
      },
    },
    { operationId: "attachContactToACompany", method: "POST", path: "/contacts/:contact_id/companies", handler: attachContact },
    { operationId: "detachContactFromACompany", method: "DELETE", path: "/contacts/:contact_id/companies/:company_id", handler: detachContact },
  ],
};
