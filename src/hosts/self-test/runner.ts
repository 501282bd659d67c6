/**
 * Runs the probes one after another. Each is independent: it gets its own scratch content,
 * is given a time limit, and whatever it does (throws, hangs, lies about its scratch) ends as
 * a result; its scratch content is removed in `finally`, even after a timeout.
 */
import { probesFor, type Probe } from "./probes";
import {
  ProbeUnsupported,
  type HostInfo,
  type ProbeContext,
  type ProbeResult,
  type Scratch,
} from "./types";

export const PROBE_TIMEOUT_MS = 10_000;

export interface SelfTestReport {
  info: HostInfo;
  results: ProbeResult[];
}

export interface RunOptions {
  timeoutMs?: number;
  /** The probes to run; by default every probe for this host. */
  probes?: Probe[];
  /** Told of each result as it arrives, for a view that fills in as it goes. */
  onResult?(result: ProbeResult): void;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

class Timeout extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`超时（${ms / 1000} 秒内未完成）`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function removeScratch(scratch: Scratch): Promise<string | undefined> {
  try {
    await scratch.remove();
    return undefined;
  } catch (error) {
    return `临时内容未能完全删除：${messageOf(error)}`;
  }
}

export async function runProbe(
  probe: Probe,
  context: ProbeContext,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const base = { id: probe.id, title: probe.title };
  const held: { scratch: Scratch | null } = { scratch: null };
  const creating = probe.scratch ? context.createScratch(probe.scratch()) : null;
  let result: ProbeResult;
  let cleanup: string | undefined;
  try {
    const work = (async () => {
      if (creating) held.scratch = await creating;
      return probe.run(context, held.scratch);
    })();
    result = { ...base, ...(await within(work, timeoutMs)) };
  } catch (error) {
    result =
      error instanceof ProbeUnsupported
        ? { ...base, status: "skipped", observed: error.message }
        : { ...base, status: "failed", observed: `出错：${messageOf(error)}` };
  } finally {
    if (held.scratch) cleanup = await removeScratch(held.scratch);
    // Timed out before the scratch existed: remove it whenever it arrives.
    else if (creating) creating.then(removeScratch, () => undefined);
  }
  return cleanup ? { ...result, cleanup } : result;
}

export async function runSelfTest(
  context: ProbeContext,
  options: RunOptions = {},
): Promise<SelfTestReport> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let info: HostInfo;
  try {
    info = await within(context.info(), timeoutMs);
  } catch (error) {
    info = { host: context.host, version: `未知（${messageOf(error)}）`, engine: "", apiSets: [] };
  }
  const results: ProbeResult[] = [];
  try {
    for (const probe of options.probes ?? probesFor(context)) {
      const result = await runProbe(probe, context, timeoutMs);
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await context.dispose?.().catch(() => undefined);
  }
  return { info, results };
}
