import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "./scalars.js";

export enum DataExportStatus {
  PENDING = "pending",
  IN_PROGRESS = "in_progress",
  FAILED = "failed",
  COMPLETED = "completed",
  NO_DATA = "no_data",
  CANCELED = "canceled",
}
registerEnumType(DataExportStatus, {
  name: "DataExportStatus",
  description: "The current state of a data export job.",
  valuesConfig: {
    PENDING: { description: "Queued, not started yet." },
    IN_PROGRESS: { description: "Being prepared." },
    FAILED: { description: "The export failed; create a new one." },
    COMPLETED: { description: "Ready to download until `downloadExpiresAt`." },
    NO_DATA: { description: "Finished, but there was nothing to export in the period." },
    CANCELED: { description: "Cancelled before it finished." },
  },
});

@ObjectType({
  description:
    "A data export job: message delivery and engagement statistics for outbound content (Emails, Posts, Custom Bots, Surveys, Tours, Series, and more) sent in a given timeframe.",
})
export class DataExport {
  @Field(() => ID, { description: "The identifier of the job (same as `jobIdentifier`)." })
  id!: string;

  @Field(() => ID, { description: "The identifier for your job." })
  jobIdentifier!: string;

  @Field(() => DataExportStatus, { description: "The current state of your job." })
  status!: DataExportStatus;

  @Field(() => DateTime, { nullable: true, description: "The time after which you will not be able to access the data (two days after the job completed)." })
  downloadExpiresAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Where to download the data once the job is completed: this gateway's streaming route (a path on the gateway's origin, serving the gzipped CSV), not Intercom's URL, which needs the access token. Null until then.",
  })
  downloadUrl!: string | null;
}

@ObjectType({ description: "Where to download a data export through this gateway, and whether it is ready." })
export class DataExportDownload {
  @Field(() => ID, { description: "The identifier of the export job." })
  jobIdentifier!: string;

  @Field(() => String, { description: "Path of the gateway's streaming route on the gateway's origin: `GET` it to receive the gzipped CSV (Content-Type application/octet-stream)." })
  url!: string;

  @Field(() => DataExportStatus, { description: "The current state of the job; only `COMPLETED` jobs can be downloaded." })
  status!: DataExportStatus;

  @Field(() => Boolean, { description: "True when the job is completed and `url` serves the file." })
  ready!: boolean;

  @Field(() => DateTime, { nullable: true, description: "The time after which the file is no longer available." })
  expiresAt!: Date | null;
}

@InputType({ description: "The time range of the messages to export (inclusive; messages sent in the range, not merely updated)." })
export class CreateDataExportInput {
  @Field(() => DateTime, { description: "The start date that you request data for (sent as whole Unix seconds)." })
  createdAtAfter!: Date;

  @Field(() => DateTime, { description: "The end date that you request data for (sent as whole Unix seconds)." })
  createdAtBefore!: Date;
}
