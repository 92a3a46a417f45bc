import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DataExportStatus } from "../generated/graph/data-export.js";
import { DateTime } from "./scalars.js";

// DataExport and DataExportStatus are generated from the document (scripts/graph-mapping.ts).
export * from "../generated/graph/data-export.js";

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
