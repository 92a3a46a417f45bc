// What a contact has, each list in its own group's shape: its companies, segments,
// subscription choices and tags.
import type { RestContactAttachedCompanies, RestContactSegments } from "../../../generated/rest/contacts.js";
import type { RestSubscriptionTypeList } from "../../../generated/rest/subscription-types.js";
import type { RestTagList } from "../../../generated/rest/tags.js";
import { findContact, findTag } from "../../lookups.js";
import { pageSlice } from "../../paging.js";
import type { RouteContext, RouteInput } from "../../router.js";
import { companyPageParams } from "../companies/listing.js";
import { companyView } from "../companies/views.js";
import { contactSegments } from "../segments/membership.js";
import { applicationKey } from "../tags/lists.js";
import { tagView } from "../tags/views.js";

/** GET /contacts/{id}/companies: `contact_attached_companies` with `pages_link`. */
export function listCompaniesForAContact(ctx: RouteContext, { params, query }: RouteInput): RestContactAttachedCompanies {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const { page, perPage } = companyPageParams(query);
  const companies = contact.companies.data.flatMap((r) => ws.companies.filter((c) => c.id === r.id));
  const { data: slice, totalPages } = pageSlice(companies, page, perPage);
  const next = page < totalPages ? `/contacts/${contact.id}/companies?page=${page + 1}&per_page=${perPage}` : null;
  return {
    type: "list",
    companies: slice.map((c) => companyView(ws, c)),
    total_count: companies.length,
    pages: { type: "pages", page, per_page: perPage, total_pages: totalPages, next },
  };
}

export function listSegmentsForAContact({ ws }: RouteContext, { params }: RouteInput): RestContactSegments {
  return { type: "list", data: contactSegments(ws, findContact(ws, params.contact_id!)) };
}

/** The contact's explicit choices, in the order of the workspace's types. */
export function listSubscriptionsForAContact(ctx: RouteContext, { params }: RouteInput): RestSubscriptionTypeList {
  const contact = findContact(ctx.ws, params.contact_id);
  const chosen = new Set(ctx.ws.subscriptionChoices.get(contact.id));
  return { type: "list", data: ctx.ws.subscriptionTypes.filter((t) => chosen.has(t.id)) };
}

export function listTagsForAContact(ctx: RouteContext, { params }: RouteInput): RestTagList {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const data = contact.tags.data.flatMap((ref) => {
    const tag = findTag(ws, ref.id);
    return tag ? [tagView(tag, ws.contactTagApplications.get(applicationKey(contact.id, tag.id)) ?? null)] : [];
  });
  return { type: "list", data };
}
