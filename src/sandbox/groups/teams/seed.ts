// Seeded teams. Team membership is the source of admin.team_ids, so both sides agree.
import { FIRST_ADMIN_ID } from "../admins/seed.js";
import type { Team } from "./records.js";

/** Team name → indexes into ADMIN_DEFS (team membership is the source of admin.team_ids). */
export const TEAM_DEFS = [
  { name: "Support", members: [0, 1, 5, 7, 9] },
  { name: "Sales", members: [2, 3, 6] },
  { name: "Billing", members: [0, 4, 8] },
  { name: "Escalations", members: [1, 7] },
] as const;

export function seededTeams(): Team[] {
  const teams: Team[] = TEAM_DEFS.map((def, i) => ({
    type: "team",
    id: String(5017001 + i),
    name: def.name,
    admin_ids: def.members.map((m) => FIRST_ADMIN_ID + m),
  }));
  teams[0]!.admin_priority_level = { primary_admin_ids: [7350001, 7350002], secondary_admin_ids: [7350006] };
  return teams;
}
