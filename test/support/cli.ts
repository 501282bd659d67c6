import { run } from "../../src/cli/main";

/** Runs the command line in-process and collects what it prints. */
export async function capture(
  argv: string[],
  isTty = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTty,
    progressStream: null,
  });
  return { code, stdout, stderr };
}
