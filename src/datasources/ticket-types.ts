import { reduceTicketType, reduceTicketTypeAttribute } from "../generated/reducers/ticket-types.js";
import type { RestTicketType, RestTicketTypeAttribute } from "../generated/rest/ticket-types.js";
import type { TicketType, TicketTypeAttribute } from "../schema/ticket-type.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { defined } from "./reducers.js";

/**
 * The schema lists attributes as `{type: "ticket_type_attributes.list", ticket_type_attributes: [...]}`
 * and ticket types as `{ticket_types: [...]}`; Intercom's own examples send `{type: "list", data: [...]}`.
 * Both are read.
 */
type EitherList<K extends string, T> = { [key in K]?: T[] | null } & { data?: T[] | null };

/** The generated reducer ends here: the attributes, from either list. */
export function finishTicketType(type: TicketType, rest: RestTicketType): TicketType {
  const list = rest.ticket_type_attributes as EitherList<"ticket_type_attributes", RestTicketTypeAttribute> | null | undefined;
  type.attributes = (list?.ticket_type_attributes ?? list?.data ?? []).map(reduceTicketTypeAttribute);
  return type;
}

/** Plain inputs of the ticket type writes. */
export interface TicketTypeChanges {
  name?: string | null;
  description?: string | null;
  category?: string | null;
  icon?: string | null;
  archived?: boolean | null;
  isInternal?: boolean | null;
}

export interface AttributeChanges {
  name?: string | null;
  description?: string | null;
  dataType?: string | null;
  requiredToCreate?: boolean | null;
  requiredToCreateForContacts?: boolean | null;
  visibleOnCreate?: boolean | null;
  visibleToContacts?: boolean | null;
  multiline?: boolean | null;
  listItems?: string[] | null;
  allowMultipleValues?: boolean | null;
  archived?: boolean | null;
}


function attributeBody(changes: AttributeChanges): Record<string, unknown> {
  if (changes.listItems?.some((item) => item.includes(","))) {
    // Intercom takes list items as one comma-delimited string.
    throw badInput("A list item may not contain a comma", "input.listItems");
  }
  return defined({
    name: changes.name,
    description: changes.description,
    data_type: changes.dataType,
    required_to_create: changes.requiredToCreate,
    required_to_create_for_contacts: changes.requiredToCreateForContacts,
    visible_on_create: changes.visibleOnCreate,
    visible_to_contacts: changes.visibleToContacts,
    multiline: changes.multiline,
    list_items: changes.listItems?.join(","),
    allow_multiple_values: changes.allowMultipleValues,
    archived: changes.archived,
  });
}

/** Ticket types and their attributes. */
export class TicketTypesAPI extends IntercomDataSource {
  async list(): Promise<TicketType[]> {
    const body = await this.get<EitherList<"ticket_types", RestTicketType>>(path`ticket_types`, { cache: "ticket_types" });
    return (body.ticket_types ?? body.data ?? []).map(reduceTicketType);
  }

  async getById(id: string): Promise<TicketType> {
    return reduceTicketType(await this.get<RestTicketType>(path`ticket_types/${id}`, { cache: "ticket_types" }));
  }

  async create(input: TicketTypeChanges & { name: string }): Promise<TicketType> {
    const body = defined({ name: input.name, description: input.description, category: input.category, icon: input.icon, is_internal: input.isInternal });
    return this.write(WRITE_EFFECTS.createTicketType, input, async () => reduceTicketType(await this.post<RestTicketType>(path`ticket_types`, { body })));
  }

  async update(id: string, changes: TicketTypeChanges): Promise<TicketType> {
    const body = defined({
      name: changes.name,
      description: changes.description,
      category: changes.category,
      icon: changes.icon,
      archived: changes.archived,
      is_internal: changes.isInternal,
    });
    return this.write(WRITE_EFFECTS.updateTicketType, { id }, async () => reduceTicketType(await this.put<RestTicketType>(path`ticket_types/${id}`, { body })));
  }

  async createAttribute(ticketTypeId: string, input: AttributeChanges): Promise<TicketTypeAttribute> {
    const body = attributeBody(input);
    return this.write(WRITE_EFFECTS.createTicketTypeAttribute, {}, async () => reduceTicketTypeAttribute(await this.post<RestTicketTypeAttribute>(path`ticket_types/${ticketTypeId}/attributes`, { body })));
  }

  async updateAttribute(ticketTypeId: string, attributeId: string, changes: AttributeChanges): Promise<TicketTypeAttribute> {
    const body = attributeBody(changes);
    const at = path`ticket_types/${ticketTypeId}/attributes/${attributeId}`;
    return this.write(WRITE_EFFECTS.updateTicketTypeAttribute, {}, async () => reduceTicketTypeAttribute(await this.put<RestTicketTypeAttribute>(at, { body })));
  }
}
