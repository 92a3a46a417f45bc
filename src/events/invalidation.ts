// Events keep caches honest: a notification says which shared-cache resources it made stale.
import type { CachedResource } from "../datasources/cache.js";

/**
 * The cached resources (src/datasources/cache.ts) a topic changes: an admin's away mode or
 * membership changes `GET /admins` (and teams list their admins); a tagging may have created
 * the tag, so `GET /tags` may have a new entry. Other topics touch nothing cached (conversations,
 * contacts and tickets are never cached).
 */
export function staleResources(topic: string): CachedResource[] {
  if (topic === "admin.added_to_workspace" || topic === "admin.removed_from_workspace") return ["admins", "teams"];
  if (topic === "admin.away_mode_updated") return ["admins"];
  if (/\.tag\.(created|deleted)$/.test(topic)) return ["tags"];
  return [];
}
