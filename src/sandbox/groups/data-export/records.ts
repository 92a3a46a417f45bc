// Data export: jobs exporting the deliveries of outbound content, and those deliveries.
import type { RestDataExport } from "../../../generated/rest/data-export.js";

export type DataExportStatus = RestDataExport["status"];

/** What the workspace keeps beside a job, never answered: the window it exports and what moves it along. */
interface ExportJob {
  created_at_after: number;
  created_at_before: number;
  /** Wall-clock ms of creation, and status reads so far: both move the job along. */
  created_ms: number;
  polls: number;
}

/** `data_export`, with its job. */
export type DataExportRecord = RestDataExport & ExportJob;

/**
 * One delivery of outbound content (email, post, bot, …) to a contact: a row of a data export's
 * gzipped CSV download (the document gives that 200 no schema).
 */
export interface OutboundReceipt {
  content_id: string;
  content_type: string;
  content_title: string;
  receipt_id: string;
  received_at: number;
  user_id: string;
  user_external_id: string | null;
  user_email: string;
  opened_at: number | null;
  clicked_at: number | null;
  replied_at: number | null;
  completed_at: number | null;
  dismissed_at: number | null;
  unsubscribed_at: number | null;
  bounced_at: number | null;
}

/** The workspace collections this group owns. */
export interface DataExportState {
  dataExports: DataExportRecord[];
  outboundReceipts: OutboundReceipt[];
}
