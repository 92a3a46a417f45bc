// Data events: what contacts did, one by one or summarised.
import type { RestDataEvent } from "../../../generated/rest/data-events.js";
import type { Sent } from "../../records.js";

/** Metadata as submitted: POST /events keeps any JSON values (the document says strings; no operation answers events back). */
interface SubmittedMetadata {
  metadata: Record<string, unknown>;
}

/**
 * One submitted event (`data_event`), always with its type, id and contact. GET /events answers
 * only their summary per event name (`data_event_summary`, the operation's one documented 200):
 * the document lists no operation that answers the events themselves.
 */
export type DataEventRecord = Omit<Sent<RestDataEvent, "type" | "id" | "intercom_user_id">, "metadata"> & SubmittedMetadata;

/**
 * A summary submitted through POST /events/summaries (counts without individual events): an item
 * of `create_data_event_summaries_request`, a request schema the generator does not emit, with its
 * contact; GET /events folds it into `data_event_summary_item`s.
 */
export interface EventSummaryRecord {
  intercom_user_id: string;
  event_name: string;
  count: number;
  first: number;
  last: number;
}

/** The workspace collections this group owns. */
export interface DataEventsState {
  dataEvents: DataEventRecord[];
  dataEventSummaries: EventSummaryRecord[];
}
