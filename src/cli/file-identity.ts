/**
 * Which file a path reaches, whatever the spelling: device and inode after following symbolic
 * links, so symlinks, hard links, `..`, case-insensitive names and bind mounts all compare equal.
 */
import { realpathSync, statSync } from "node:fs";

/** `dev:ino` of the file a path reaches, or null when nothing is there. */
export function fileIdentity(path: string | Buffer): string | null {
  try {
    const stats = statSync(path, { bigint: true });
    // Some file systems report no inode numbers: fall back to the resolved path, as bytes, so
    // that names which are not valid UTF-8 stay apart (decoded, they would all read alike).
    return stats.ino === 0n ? `path:${resolvedBytes(path)}` : `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

/**
 * The resolved path's bytes, in hex. The native call keeps a name's raw bytes (Node's own
 * realpathSync decodes them and then cannot find the file); the other is the fallback where the
 * native one fails (some Windows drives).
 */
function resolvedBytes(path: string | Buffer): string {
  try {
    return realpathSync.native(path, { encoding: "buffer" }).toString("hex");
  } catch {
    return realpathSync(path, { encoding: "buffer" }).toString("hex");
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
