// Data events: what contacts did, one by one or summarised.

/**
 * One submitted event (`data_event`). GET /events answers only their summary per event name
 * (`data_event_summary`, the operation's one documented 200): the document lists no operation
 * that answers the events themselves.
 */
export interface DataEventRecord {
  type: "event";
  id: string;
  event_name: string;
  created_at: number;
  intercom_user_id: string;
  metadata: Record<string, unknown>;
}

/** A summary submitted through POST /events/summaries (counts without individual events). */
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
