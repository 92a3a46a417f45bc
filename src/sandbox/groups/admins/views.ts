// Admins as the API serves them.
import type { RestAdmin } from "../../../generated/rest/admins.js";
import type { Admin } from "./records.js";

/** The `admin` object: without its avatar (GET /admins renders it only with display_avatar=true, and GET /me). */
export function adminView(a: Admin): RestAdmin {
  const { avatar: _avatar, ...rest } = a;
  return rest;
}
