import { reduceDataAttribute } from "../generated/reducers/data-attributes.js";
import type { RestDataAttribute, RestDataAttributeList } from "../generated/rest/data-attributes.js";
import {
  type CreateDataAttributeInput,
  type DataAttribute,
  DataAttributeDataType,
  type DataAttributeModel,
  type UpdateDataAttributeInput,
} from "../schema/data-attribute.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Data attributes: GET/POST /data_attributes, PUT /data_attributes/{data_attribute_id}. */
export class DataAttributesAPI extends IntercomDataSource {
  /** One model's attributes (every model's when `model` is null), archived ones included when asked. */
  async list(model: DataAttributeModel | null, includeArchived: boolean): Promise<DataAttribute[]> {
    const params: Record<string, string> = { include_archived: String(includeArchived) };
    if (model) params.model = model;
    const body = await this.get<RestDataAttributeList>(path`data_attributes`, { params, cache: "data_attributes" });
    return body.data.map(reduceDataAttribute);
  }

  async create(input: CreateDataAttributeInput): Promise<DataAttribute> {
    if (input.name.trim() === "") throw badInput("name must not be blank", "input.name");
    if (input.options && input.dataType !== DataAttributeDataType.STRING) throw badInput("A list attribute (options) must have dataType STRING", "input.options");
    const body: Record<string, unknown> = { name: input.name, model: input.model, data_type: input.dataType };
    if (input.description != null) body.description = input.description;
    // The create request types options as strings (the update request as { value } hashes).
    if (input.options != null) body.options = input.options;
    if (input.messengerWritable != null) body.messenger_writable = input.messengerWritable;
    return this.write(WRITE_EFFECTS.createDataAttribute, input, async () => reduceDataAttribute(await this.post<RestDataAttribute>(path`data_attributes`, { body })));
  }

  async update(id: string, input: UpdateDataAttributeInput): Promise<DataAttribute> {
    const body: Record<string, unknown> = {};
    if (input.archived != null) body.archived = input.archived;
    if (input.description != null) body.description = input.description;
    if (input.options != null) body.options = input.options.map((value) => ({ value }));
    if (input.messengerWritable != null) body.messenger_writable = input.messengerWritable;
    return this.write(WRITE_EFFECTS.updateDataAttribute, { id }, async () => reduceDataAttribute(await this.put<RestDataAttribute>(path`data_attributes/${id}`, { body })));
  }
}
