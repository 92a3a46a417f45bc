import {
  DataAttribute,
  type CreateDataAttributeInput,
  DataAttributeDataType,
  type DataAttributeModel,
  type UpdateDataAttributeInput,
} from "../schema/data-attribute.js";
import { build, fromUnix } from "../schema/scalars.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";
import { idOrNull } from "./reducers.js";

export interface RestDataAttribute {
  type?: "data_attribute";
  id?: number | string | null;
  model?: string | null;
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: string;
  options?: string[] | null;
  api_writable?: boolean | null;
  messenger_writable?: boolean | null;
  ui_writable?: boolean | null;
  custom?: boolean | null;
  archived?: boolean | null;
  created_at?: number | null;
  updated_at?: number | null;
  admin_id?: string | number | null;
}


export function dataAttributeReducer(rest: RestDataAttribute): DataAttribute {
  return build(DataAttribute, {
    id: idOrNull(rest.id),
    model: (rest.model ?? null) as DataAttributeModel | null,
    name: rest.name,
    fullName: rest.full_name,
    label: rest.label,
    description: rest.description ?? "",
    dataType: rest.data_type as DataAttributeDataType,
    options: rest.options ?? null,
    apiWritable: rest.api_writable ?? null,
    messengerWritable: rest.messenger_writable ?? null,
    uiWritable: rest.ui_writable ?? null,
    custom: rest.custom ?? null,
    archived: rest.archived ?? null,
    createdAt: fromUnix(rest.created_at),
    updatedAt: fromUnix(rest.updated_at),
    adminId: idOrNull(rest.admin_id),
  });
}

/** Data attributes: GET/POST /data_attributes, PUT /data_attributes/{data_attribute_id}. */
export class DataAttributesAPI extends IntercomDataSource {
  /** One model's attributes (every model's when `model` is null), archived ones included when asked. */
  async list(model: DataAttributeModel | null, includeArchived: boolean): Promise<DataAttribute[]> {
    const params: Record<string, string> = { include_archived: String(includeArchived) };
    if (model) params.model = model;
    const body = await this.get<{ data: RestDataAttribute[] }>(path`data_attributes`, { params, cache: "data_attributes" });
    return body.data.map(dataAttributeReducer);
  }

  async create(input: CreateDataAttributeInput): Promise<DataAttribute> {
    if (input.name.trim() === "") throw badInput("name must not be blank", "input.name");
    if (input.options && input.dataType !== DataAttributeDataType.STRING) throw badInput("A list attribute (options) must have dataType STRING", "input.options");
    const body: Record<string, unknown> = { name: input.name, model: input.model, data_type: input.dataType };
    if (input.description != null) body.description = input.description;
    // The create request types options as strings (the update request as { value } hashes).
    if (input.options != null) body.options = input.options;
    if (input.messengerWritable != null) body.messenger_writable = input.messengerWritable;
    return this.write(WRITE_EFFECTS.createDataAttribute, input, async () => dataAttributeReducer(await this.post<RestDataAttribute>(path`data_attributes`, { body })));
  }

  async update(id: string, input: UpdateDataAttributeInput): Promise<DataAttribute> {
    const body: Record<string, unknown> = {};
    if (input.archived != null) body.archived = input.archived;
    if (input.description != null) body.description = input.description;
    if (input.options != null) body.options = input.options.map((value) => ({ value }));
    if (input.messengerWritable != null) body.messenger_writable = input.messengerWritable;
    return this.write(WRITE_EFFECTS.updateDataAttribute, { id }, async () => dataAttributeReducer(await this.put<RestDataAttribute>(path`data_attributes/${id}`, { body })));
  }
}
