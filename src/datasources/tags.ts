import { reduceTag } from "../generated/reducers/tags.js";
import type { RestTag, RestTagList } from "../generated/rest/tags.js";
import { build } from "../schema/scalars.js";
import { DeletedTag, type Tag } from "../schema/tag.js";
import { IntercomDataSource, path } from "./intercom.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";

/** A company to tag or untag: its Intercom id or your company_id. */
export interface CompanyRef {
  id?: string | null;
  companyId?: string | null;
}

/** The four payloads of POST /tags, as plain inputs (the resolver checks that at most one variant is set). */
export interface TagWrite {
  name: string;
  id?: string | null;
  tagCompanies?: CompanyRef[] | null;
  untagCompanies?: CompanyRef[] | null;
  tagContacts?: string[] | null;
}

function checkCompanies(companies: CompanyRef[], field: string): void {
  if (companies.length === 0) throw badInput(`${field} must name at least one company`, field);
  if (companies.some((c) => !c.id && !c.companyId)) throw badInput(`Each of ${field} needs an id or a companyId`, field);
}

const companyBody = (ref: CompanyRef, untag: boolean) => ({
  ...(ref.id ? { id: ref.id } : {}),
  ...(ref.companyId ? { company_id: ref.companyId } : {}),
  ...(untag ? { untag: true } : {}),
});

/** Tags: the workspace list, one tag, create/update/bulk tagging, delete, and tagging contacts and conversations. */
export class TagsAPI extends IntercomDataSource {
  async list(): Promise<Tag[]> {
    const body = await this.get<RestTagList>(path`tags`, { cache: "tags" });
    return (body.data ?? []).map(reduceTag);
  }

  async getById(id: string): Promise<Tag> {
    return reduceTag(await this.get<RestTag>(path`tags/${id}`, { cache: "tags" }));
  }

  /** One of: create (name), rename (id), tag or untag companies, tag contacts — Intercom's POST /tags takes one at a time. */
  async createOrUpdate(write: TagWrite): Promise<Tag> {
    if (write.name.trim() === "") throw badInput("input.name must not be empty", "input.name");
    const variants = (["id", "tagCompanies", "untagCompanies", "tagContacts"] as const).filter((key) => write[key] !== undefined && write[key] !== null);
    if (variants.length > 1) throw badInput(`Set at most one of input.${variants.join(", input.")}`, "input");
    if (write.tagCompanies) checkCompanies(write.tagCompanies, "input.tagCompanies");
    if (write.untagCompanies) checkCompanies(write.untagCompanies, "input.untagCompanies");
    if (write.tagContacts?.length === 0) throw badInput("input.tagContacts must name at least one contact", "input.tagContacts");
    const body: Record<string, unknown> = { name: write.name };
    if (write.id) body.id = write.id;
    if (write.tagCompanies) body.companies = write.tagCompanies.map((c) => companyBody(c, false));
    if (write.untagCompanies) body.companies = write.untagCompanies.map((c) => companyBody(c, true));
    if (write.tagContacts) body.users = write.tagContacts.map((id) => ({ id }));
    return this.write(WRITE_EFFECTS.createOrUpdateTag, write, async () => reduceTag(await this.post<RestTag>(path`tags`, { body })));
  }

  async remove(id: string): Promise<DeletedTag> {
    return this.write(WRITE_EFFECTS.deleteTag, { id }, async () => {
      await this.delete(path`tags/${id}`, { empty: 200 });
      return build(DeletedTag, { id, deleted: true });
    });
  }

  async listForContact(contactId: string): Promise<Tag[]> {
    const body = await this.get<{ data?: RestTag[] }>(path`contacts/${contactId}/tags`);
    return (body.data ?? []).map(reduceTag);
  }

  async attachToContact(contactId: string, tagId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.attachTagToContact, { contactId }, async () =>
      reduceTag(await this.post<RestTag>(path`contacts/${contactId}/tags`, { body: { id: tagId } })),
    );
  }

  async detachFromContact(contactId: string, tagId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.detachTagFromContact, { contactId }, async () =>
      reduceTag(await this.delete<RestTag>(path`contacts/${contactId}/tags/${tagId}`)),
    );
  }

  async attachToConversation(conversationId: string, tagId: string, adminId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.attachTagToConversation, { conversationId }, async () =>
      reduceTag(await this.post<RestTag>(path`conversations/${conversationId}/tags`, { body: { id: tagId, admin_id: adminId } })),
    );
  }

  async detachFromConversation(conversationId: string, tagId: string, adminId: string): Promise<Tag> {
    return this.write(WRITE_EFFECTS.detachTagFromConversation, { conversationId }, async () =>
      reduceTag(await this.delete<RestTag>(path`conversations/${conversationId}/tags/${tagId}`, { body: { admin_id: adminId } })),
    );
  }
}
