/** The part of madge's API the cycle guard uses (madge ships no types). */
declare module "madge" {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    detectiveOptions?: Record<string, Record<string, unknown>>;
  }
  interface MadgeResult {
    /** Each module (relative to the base folder) with the modules it imports. */
    obj(): Record<string, string[]>;
    /** Each cycle as the modules on it, in import order. */
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
}
