import { Router } from "express";
import type { IntercomClientOptions } from "../datasources/intercom.js";

/**
 * Gateway routes that stream upstream files (a data export's download) to the
 * client, so binaries never pass through a GraphQL response. Mounted at /downloads.
 */
export function createDownloadRouter(_client: IntercomClientOptions): Router {
  return Router();
}
