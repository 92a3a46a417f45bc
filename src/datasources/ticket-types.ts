import { build, fromUnix } from "../schema/scalars.js";
import { TicketType, TicketTypeAttribute, type TicketCategory, type TicketTypeAttributeDataType } from "../schema/ticket-type.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { defined, requiredId } from "./reducers.js";

export interface RestTicketTypeAttribute {
  id: string | number;
  workspace_id: string;
  name: string;
  description?: string | null;
  data_type: string;
  input_options?: Record<string, unknown> | null;
  order?: number | null;
  required_to_create?: boolean | null;
  required_to_create_for_contacts?: boolean | null;
  visible_on_create?: boolean | null;
  visible_to_contacts?: boolean | null;
  default?: boolean | null;
  ticket_type_id: string | number;
  archived?: boolean | null;
  created_at: number;
  updated_at?: number | null;
}

/**
 * The schema says `{type: "ticket_type_attributes.list", ticket_type_attributes: [...]}`;
 * Intercom's own examples send `{type: "list", data: [...]}`. Both are read.
 */
interface RestAttributeList {
  ticket_type_attributes?: RestTicketTypeAttribute[] | null;
  data?: RestTicketTypeAttribute[] | null;
}

export interface RestTicketType {
  id: string | number;
  category: string;
  name: string;
  description?: string | null;
  icon?: string | null;
  workspace_id: string;
  ticket_type_attributes?: RestAttributeList | null;
  archived?: boolean | null;
  created_at: number;
  updated_at?: number | null;
  is_internal?: boolean | null;
}

/** Same two shapes as the attribute list: `ticket_types` per the schema, `data` per the examples. */
interface RestTicketTypeList {
  ticket_types?: RestTicketType[] | null;
  data?: RestTicketType[] | null;
}

export function ticketTypeAttributeReducer(rest: RestTicketTypeAttribute): TicketTypeAttribute {
  return build(TicketTypeAttribute, {
    id: requiredId(rest.id),
    workspaceId: rest.workspace_id,
    name: rest.name,
    description: rest.description ?? "",
    dataType: rest.data_type as TicketTypeAttributeDataType,
    inputOptions: rest.input_options ?? {},
    order: rest.order ?? 0,
    requiredToCreate: rest.required_to_create ?? false,
    requiredToCreateForContacts: rest.required_to_create_for_contacts ?? false,
    visibleOnCreate: rest.visible_on_create ?? true,
    visibleToContacts: rest.visible_to_contacts ?? true,
    default: rest.default ?? false,
    ticketTypeId: String(rest.ticket_type_id),
    archived: rest.archived ?? false,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
  });
}

export function ticketTypeReducer(rest: RestTicketType): TicketType {
  const attributes = rest.ticket_type_attributes?.ticket_type_attributes ?? rest.ticket_type_attributes?.data ?? [];
  return build(TicketType, {
    id: requiredId(rest.id),
    category: rest.category as TicketCategory,
    name: rest.name,
    description: rest.description ?? "",
    icon: rest.icon ?? "",
    workspaceId: rest.workspace_id,
    archived: rest.archived ?? false,
    isInternal: rest.is_internal ?? null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
    attributes: attributes.map(ticketTypeAttributeReducer),
  });
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
    const body = await this.get<RestTicketTypeList>(path`ticket_types`, { cache: "ticket_types" });
    return (body.ticket_types ?? body.data ?? []).map(ticketTypeReducer);
  }

  async getById(id: string): Promise<TicketType> {
    return ticketTypeReducer(await this.get<RestTicketType>(path`ticket_types/${id}`, { cache: "ticket_types" }));
  }

  async create(input: TicketTypeChanges & { name: string }): Promise<TicketType> {
    const body = defined({ name: input.name, description: input.description, category: input.category, icon: input.icon, is_internal: input.isInternal });
    return this.write(WRITE_EFFECTS.createTicketType, input, async () => ticketTypeReducer(await this.post<RestTicketType>(path`ticket_types`, { body })));
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
    return this.write(WRITE_EFFECTS.updateTicketType, { id }, async () => ticketTypeReducer(await this.put<RestTicketType>(path`ticket_types/${id}`, { body })));
  }

  async createAttribute(ticketTypeId: string, input: AttributeChanges): Promise<TicketTypeAttribute> {
    const body = attributeBody(input);
    return this.write(WRITE_EFFECTS.createTicketTypeAttribute, {}, async () => ticketTypeAttributeReducer(await this.post<RestTicketTypeAttribute>(path`ticket_types/${ticketTypeId}/attributes`, { body })));
  }

  async updateAttribute(ticketTypeId: string, attributeId: string, changes: AttributeChanges): Promise<TicketTypeAttribute> {
    const body = attributeBody(changes);
    const at = path`ticket_types/${ticketTypeId}/attributes/${attributeId}`;
    return this.write(WRITE_EFFECTS.updateTicketTypeAttribute, {}, async () => ticketTypeAttributeReducer(await this.put<RestTicketTypeAttribute>(at, { body })));
  }
}
