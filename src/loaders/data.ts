import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import { notFound } from "../datasources/errors.js";
import { DataAttributeModel, type DataAttribute } from "../schema/data-attribute.js";
import type { DataExport } from "../schema/data-export.js";
import { once, type LoaderKit } from "./batch.js";

/** Per-request loaders of this resource group (see DESIGN.md's loader catalogue). */
export interface DataLoaders {
  /**
   * A model's data attributes, archived ones included (callers filter): one
   * `GET /data_attributes?model=…&include_archived=true` per model per request;
   * `null` asks for contact and company attributes together, as Intercom lists them without a model.
   */
  dataAttributeList(model: DataAttributeModel | null): Promise<DataAttribute[]>;
  /** Custom data attributes by id: the contact and company list, then the conversation list for ids it lacks (≤ 2 calls). */
  dataAttribute: DataLoader<string, DataAttribute>;
  /** After a write: later reads in this request go upstream again. */
  forgetDataAttributes(): void;
  /** Data export jobs: `GET /export/content/data/{job_identifier}`, de-duplicated. */
  dataExport: DataLoader<string, DataExport>;
}

export function createDataLoaders(kit: LoaderKit, dataSources: DataSources): DataLoaders {
  let lists = new Map<string, () => Promise<DataAttribute[]>>();
  const dataAttributeList = (model: DataAttributeModel | null) => {
    const key = model ?? "*";
    let list = lists.get(key);
    if (!list) {
      list = once(() => dataSources.dataAttributes.list(model, true));
      lists.set(key, list);
    }
    return list();
  };

  const dataAttribute = kit.createLoader<string, DataAttribute>("dataAttribute", async (ids) => {
    const index = (list: DataAttribute[]) => list.filter((a) => a.id !== null).map((a) => [a.id!, a] as const);
    const byId = new Map(index(await dataAttributeList(null)));
    if (ids.some((id) => !byId.has(id))) for (const [id, a] of index(await dataAttributeList(DataAttributeModel.CONVERSATION))) byId.set(id, a);
    return ids.map((id) => byId.get(id) ?? notFound("Data attribute", id));
  });

  return {
    dataAttributeList,
    dataAttribute,
    forgetDataAttributes() {
      lists = new Map();
      dataAttribute.clearAll();
    },
    dataExport: kit.byGet("dataExport", (id) => dataSources.dataExport.getById(id)),
  };
}
