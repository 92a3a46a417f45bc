import { Segment } from "../generated/graph/segments.js";
import { ConnectionType } from "./common.js";

// Segment and SegmentPersonType are generated from the document (scripts/graph-mapping.ts).
export * from "../generated/graph/segments.js";

export const SegmentConnection = ConnectionType(Segment, "Segment");
export type SegmentConnection = InstanceType<typeof SegmentConnection>;
