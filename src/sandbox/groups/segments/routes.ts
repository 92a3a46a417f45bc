// Segments: listed (with member counts when asked) and read.
import type { RestSegment, RestSegmentList } from "../../../generated/rest/segments.js";
import { badRequest, notFound } from "../../errors.js";
import type { ApiGroup } from "../../router.js";
import { segmentView } from "./membership.js";

export const segmentsGroup: ApiGroup = {
  tag: "Segments",
  routes: [
    {
      operationId: "listSegments",
      method: "GET",
      path: "/segments",
      handler: ({ ws }, { query }): RestSegmentList => {
        if (query.include_count !== undefined && query.include_count !== "true" && query.include_count !== "false") {
          throw badRequest("parameter_invalid", "include_count must be true or false", "include_count");
        }
        return { type: "segment.list", segments: ws.segments.map((s) => segmentView(ws, s, query.include_count === "true")), pages: {} };
      },
    },
    {
      operationId: "retrieveSegment",
      method: "GET",
      path: "/segments/:segment_id",
      handler: ({ ws }, { params }): RestSegment => {
        const segment = ws.segments.find((s) => s.id === params.segment_id);
        if (!segment) throw notFound("not_found", "Resource Not Found");
        return segment;
      },
    },
  ],
};
