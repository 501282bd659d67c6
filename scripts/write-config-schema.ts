/** Writes schema/nianbao-config.schema.json from the core's schema: `npx tsx scripts/write-config-schema.ts`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchema } from "../src/core";

writeFileSync(
  join(__dirname, "../schema/nianbao-config.schema.json"),
  `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
);
