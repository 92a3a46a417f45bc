import { reduceDataExport } from "../generated/reducers/data-export.js";
import type { RestDataExport } from "../generated/rest/data-export.js";
import { type DataExport, DataExportStatus } from "../schema/data-export.js";
import { fromUnix } from "../schema/scalars.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";

/** The gateway route that streams a completed export (see src/server/downloads.ts). */
export const dataExportDownloadPath = (jobIdentifier: string) => `/downloads/data-exports/${encodeURIComponent(jobIdentifier)}`;

/** Intercom sends the expiry as a string of Unix seconds, "" until the job completes. */
function expiry(raw: string | number | null | undefined): Date | null {
  if (raw === null || raw === undefined || raw === "") return null;
  const seconds = Number(raw);
  return Number.isFinite(seconds) ? fromUnix(seconds) : null;
}

/** The generated reducer ends here: the expiry Intercom sends as a string, and the gateway's download route. */
export function finishDataExport(dataExport: DataExport, rest: RestDataExport): DataExport {
  // The job's only identifier is its job_identifier.
  dataExport.id = rest.job_identifier;
  dataExport.downloadExpiresAt = expiry(rest.download_expires_at);
  // Intercom's own URL needs the token: clients get the gateway's streaming route instead.
  dataExport.downloadUrl = dataExport.status === DataExportStatus.COMPLETED ? dataExportDownloadPath(rest.job_identifier) : null;
  return dataExport;
}

/** Data export: create, show, cancel (the download is streamed by the /downloads route, not here). */
export class DataExportAPI extends IntercomDataSource {
  async create(createdAtAfter: number, createdAtBefore: number): Promise<DataExport> {
    if (createdAtAfter > createdAtBefore) throw badInput("createdAtAfter must not be later than createdAtBefore", "input.createdAtAfter");
    const body = { created_at_after: createdAtAfter, created_at_before: createdAtBefore };
    return this.write(WRITE_EFFECTS.createDataExport, {}, async () => reduceDataExport(await this.post<RestDataExport>(path`export/content/data`, { body })));
  }

  async getById(jobIdentifier: string): Promise<DataExport> {
    return reduceDataExport(await this.get<RestDataExport>(path`export/content/data/${jobIdentifier}`));
  }

  async cancel(jobIdentifier: string): Promise<DataExport> {
    return this.write(WRITE_EFFECTS.cancelDataExport, { jobIdentifier }, async () => reduceDataExport(await this.post<RestDataExport>(path`export/cancel/${jobIdentifier}`)));
  }
}
