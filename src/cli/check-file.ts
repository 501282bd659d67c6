/** One file through the engine; every failure becomes a per-file error, never an exception. */
import { readFileSync, statSync } from "node:fs";
import {
  check,
  readDocument,
  DEFAULT_LIMITS,
  DocumentReadError,
  userMessageFor,
  type CheckOptions,
  type CheckResult,
} from "../core";
import type { InputFile } from "./files";

export interface FileOutcome {
  file: string;
  result: CheckResult | null;
  error: { code: string; message: string; detail: string } | null;
}

export function checkFile(input: InputFile, options: CheckOptions = {}): FileOutcome {
  const file = input.path;
  if (input.problem === "missing") {
    return {
      file,
      result: null,
      error: {
        code: "not-found",
        message: "找不到该文件或文件夹。",
        detail: "no such file or directory",
      },
    };
  }
  try {
    const size = statSync(file).size;
    if (size > DEFAULT_LIMITS.maxFileBytes)
      throw new DocumentReadError("too-large", `${size} bytes`);
    const bytes = new Uint8Array(readFileSync(file));
    return { file, result: check(readDocument(bytes), options), error: null };
  } catch (error) {
    if (error instanceof DocumentReadError) {
      return {
        file,
        result: null,
        error: { code: error.code, message: error.userMessage, detail: error.message },
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      file,
      result: null,
      error: { code: "unreadable", message: userMessageFor("unreadable"), detail },
    };
  }
}
