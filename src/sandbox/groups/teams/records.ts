// Teams.

/** `team` schema. */
export interface Team {
  type: "team";
  id: string; // numeric string
  name: string;
  admin_ids: number[]; // integers per the schema
  admin_priority_level?: { primary_admin_ids: number[] | null; secondary_admin_ids: number[] | null };
}

/** The workspace collections this group owns. */
export interface TeamsState {
  teams: Team[];
}
