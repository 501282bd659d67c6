// Imported first by the pane: its Content-Security-Policy forbids eval, and zod, whose schemas
// the core builds on import, must not even probe for it (a swallowed probe still reports a
// CSP violation).
import { z } from "zod";

z.config({ jitless: true });
