/** Writes the nested-tables fixtures: `npx tsx test/support/generate-nested-fixtures.ts`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { NESTED_FIXTURES, NESTED_FIXTURES_DIR } from "./nested-fixtures";

for (const [name, build] of Object.entries(NESTED_FIXTURES)) {
  writeFileSync(join(NESTED_FIXTURES_DIR, name), build());
  console.log(`wrote ${join(NESTED_FIXTURES_DIR, name)}`);
}
