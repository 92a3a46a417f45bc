import { reduceSegment } from "../generated/reducers/segments.js";
import type { RestSegment, RestSegmentList } from "../generated/rest/segments.js";
import type { Segment } from "../schema/segment.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Segments: GET /segments, GET /segments/{id}, GET /contacts/{id}/segments. */
export class SegmentsAPI extends IntercomDataSource {
  async list(includeCount = false): Promise<Segment[]> {
    const body = await this.get<RestSegmentList>(path`segments`, {
      cache: "segments",
      params: includeCount ? { include_count: "true" } : {},
    });
    return body.segments.map(reduceSegment);
  }

  async getById(id: string): Promise<Segment> {
    return reduceSegment(await this.get<RestSegment>(path`segments/${id}`, { cache: "segments" }));
  }

  async ofContact(contactId: string): Promise<Segment[]> {
    const body = await this.get<{ data: RestSegment[] }>(path`contacts/${contactId}/segments`);
    return body.data.map(reduceSegment);
  }
}
