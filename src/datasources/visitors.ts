import type { Contact } from "../schema/contact.js";
import { fromUnix } from "../schema/scalars.js";
import type { Visitor } from "../schema/visitor.js";
import { reduceContact } from "../generated/reducers/contacts.js";
import { reduceVisitor } from "../generated/reducers/visitors.js";
import type { RestContact } from "../generated/rest/contacts.js";
import type { RestVisitor } from "../generated/rest/visitors.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Social profiles are strings in the document and objects in practice: keep a readable string either way. */
const profileText = (p: unknown) =>
  typeof p === "string" ? p : typeof p === "object" && p !== null && "url" in p ? String((p as { url: unknown }).url) : JSON.stringify(p);

/** The generated reducer ends here: what Intercom sends otherwise than the document says. */
export function finishVisitor(visitor: Visitor, rest: RestVisitor): Visitor {
  // Intercom sends location_data: {type: "location_data"} for a visitor it has not located.
  const located = rest.location_data && Object.keys(rest.location_data).some((k) => k !== "type");
  if (!located) visitor.locationData = null;
  // Intercom sends last_request_at; the document's las_request_at is read where it is absent.
  visitor.lastRequestAt = visitor.lasRequestAt = fromUnix(rest.last_request_at ?? rest.las_request_at);
  visitor.socialProfiles = (rest.social_profiles?.social_profiles ?? ([] as unknown[])).map(profileText);
  return visitor;
}

type Identity = { id?: string | null; userId?: string | null; email?: string | null };

/** How many of the identities are set (an empty string is not an identity). */
const given = (...values: Array<string | null | undefined>) => values.filter((v) => v !== undefined && v !== null && v !== "").length;

/** Only the identifiers that were given, in Intercom's names. */
function identity(who: Identity): Record<string, string> {
  return {
    ...(who.id ? { id: who.id } : {}),
    ...(who.userId ? { user_id: who.userId } : {}),
    ...(who.email ? { email: who.email } : {}),
  };
}

/** Visitors: retrieve by user_id, update, convert to a contact. */
export class VisitorsAPI extends IntercomDataSource {
  async getByUserId(userId: string): Promise<Visitor> {
    return reduceVisitor(await this.get<RestVisitor>(path`visitors`, { params: { user_id: userId } }));
  }

  async update(changes: { id?: string | null; userId?: string | null; name?: string | null; customAttributes?: Record<string, unknown> | null }): Promise<Visitor> {
    if (given(changes.id, changes.userId) !== 1) throw badInput("Identify the visitor with exactly one of id or userId", "input");
    const body = {
      ...identity({ id: changes.id, userId: changes.userId }),
      ...(changes.name !== undefined && changes.name !== null ? { name: changes.name } : {}),
      ...(changes.customAttributes ? { custom_attributes: changes.customAttributes } : {}),
    };
    return reduceVisitor(await this.put<RestVisitor>(path`visitors`, { body }));
  }

  /** The visitor by exactly one of id, userId or email; the contact it becomes or merges into by exactly one of id or userId. */
  async convert(input: { type: "user" | "lead"; user: Identity; visitor: Identity }): Promise<Contact> {
    if (given(input.visitor.id, input.visitor.userId, input.visitor.email) !== 1) {
      throw badInput("Identify the visitor with exactly one of id, userId or email", "input.visitor");
    }
    if (given(input.user.id, input.user.userId) !== 1) throw badInput("Identify the contact with exactly one of id or userId", "input.user");
    const body = { type: input.type, user: identity(input.user), visitor: identity(input.visitor) };
    return this.write(WRITE_EFFECTS.convertVisitor, input, async () => reduceContact(await this.post<RestContact>(path`visitors/convert`, { body })));
  }
}
