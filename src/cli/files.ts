/** Expanding command-line paths into the .docx files to check. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface InputFile {
  path: string;
  /** Set when the path itself cannot be used (missing, unreadable). */
  problem?: "missing";
}

export function expandInputs(paths: string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      files.push({ path, problem: "missing" });
      continue;
    }
    if (isDirectory) files.push(...walk(path).map((p) => ({ path: p })));
    else files.push({ path });
  }
  return files;
}

function walk(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".docx")) found.push(path);
  }
  return found;
}
