/**
 * Which file a path reaches, whatever the spelling: device and inode after following symbolic
 * links, so symlinks, hard links, `..`, case-insensitive names and bind mounts all compare equal.
 */
import { realpathSync, statSync } from "node:fs";

/** `dev:ino` of the file a path reaches, or null when nothing is there. */
export function fileIdentity(path: string | Buffer): string | null {
  try {
    const stats = statSync(path, { bigint: true });
    // Some file systems report no inode numbers: fall back to the resolved path.
    return stats.ino === 0n ? `path:${realpathSync(path)}` : `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

/** The identities of the paths that exist. */
export function identities(paths: Iterable<string | Buffer>): Set<string> {
  const found = new Set<string>();
  for (const path of paths) {
    const id = fileIdentity(path);
    if (id) found.add(id);
  }
  return found;
}
