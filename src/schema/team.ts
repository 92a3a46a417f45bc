// Team and AdminPriorityLevel are generated from the document (scripts/graph-mapping.ts);
// links and the Author interface's `email` are in src/resolvers/team.ts.
export * from "../generated/graph/teams.js";
