import { build, fromUnix } from "../schema/scalars.js";
import { Segment, SegmentPersonType } from "../schema/segment.js";
import { requiredId } from "./reducers.js";
import { IntercomDataSource, path } from "./intercom.js";

export interface RestSegment {
  type?: "segment";
  id: string;
  name: string;
  created_at: number;
  updated_at?: number | null;
  person_type: string;
  count?: number | null;
}

export function segmentReducer(rest: RestSegment): Segment {
  return build(Segment, {
    id: requiredId(rest.id),
    name: rest.name,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
    personType: rest.person_type === "contact" ? SegmentPersonType.CONTACT : SegmentPersonType.USER,
    count: rest.count ?? null,
  });
}

/** Segments: GET /segments, GET /segments/{id}, GET /contacts/{id}/segments. */
export class SegmentsAPI extends IntercomDataSource {
  async list(includeCount = false): Promise<Segment[]> {
    const body = await this.get<{ segments: RestSegment[] }>(path`segments`, {
      cache: "segments",
      params: includeCount ? { include_count: "true" } : {},
    });
    return body.segments.map(segmentReducer);
  }

  async getById(id: string): Promise<Segment> {
    return segmentReducer(await this.get<RestSegment>(path`segments/${id}`, { cache: "segments" }));
  }

  async ofContact(contactId: string): Promise<Segment[]> {
    const body = await this.get<{ data: RestSegment[] }>(path`contacts/${contactId}/segments`);
    return body.data.map(segmentReducer);
  }
}
