import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { dataExportDownloadPath } from "../datasources/data-export.js";
import { CreateDataExportInput, DataExport, DataExportDownload, DataExportStatus } from "../schema/data-export.js";
import { build, toUnix } from "../schema/scalars.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";


@Resolver(() => DataExport)
export class DataExportResolver {
  @Mutation(() => DataExport, {
    nullable: true,
    description: rest(
      "Create content data export: message delivery and engagement data of outbound content sent in a time range. Only one job may be active per workspace (a second answers RATE_LIMITED).",
      "POST /export/content/data",
    ),
  })
  async createDataExport(
    @Arg("input", () => CreateDataExportInput, { description: "The period whose outbound content data to export." }) input: CreateDataExportInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<DataExport> {
    const after = toUnix(input.createdAtAfter);
    const before = toUnix(input.createdAtBefore);
    return await ctx.dataSources.dataExport.create(after, before);
  }

  @Query(() => DataExport, { nullable: true, description: rest("Show content data export: the status of a job.", "GET /export/content/data/{job_identifier}") })
  dataExport(
    @Arg("jobIdentifier", () => ID, { description: "The job identifier `createDataExport` answered." }) jobIdentifier: string,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<DataExport> {
    return loaders.dataExport.load(jobIdentifier);
  }

  @Mutation(() => DataExport, { nullable: true, description: rest("Cancel content data export.", "POST /export/cancel/{job_identifier}") })
  async cancelDataExport(
    @Arg("jobIdentifier", () => ID, { description: "The job identifier of the export to cancel." }) jobIdentifier: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DataExport> {
    return await ctx.dataSources.dataExport.cancel(jobIdentifier);
  }

  @Query(() => DataExportDownload, {
    nullable: true,
    description: rest(
      "Download content data export: the gzipped CSV is not loaded into GraphQL; this answers the gateway route that streams it (and the job's status, from one `GET /export/content/data/{job_identifier}`).",
      "GET /download/content/data/{job_identifier}",
    ),
  })
  async dataExportDownload(
    @Arg("jobIdentifier", () => ID, { description: "The job identifier of a completed export." }) jobIdentifier: string,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<DataExportDownload> {
    const job = await loaders.dataExport.load(jobIdentifier);
    return build(DataExportDownload, {
      jobIdentifier: job.jobIdentifier,
      url: dataExportDownloadPath(job.jobIdentifier),
      status: job.status,
      ready: job.status === DataExportStatus.COMPLETED,
      expiresAt: job.downloadExpiresAt,
    });
  }
}

export const dataExportResolvers = [DataExportResolver] as const;
