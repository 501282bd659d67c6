/**
 * Stands in for office.js on a page for the self-test: as word-in-browser.ts, over our fake
 * Word with the members the self-test's probes use (self-test-fakes.ts) and the Common API's
 * custom XML parts. The fake stays reachable as window.__word.
 */
import { fakeWord } from "./fake-word";
import { selfTestWord } from "./self-test-fakes";

const scope = window as unknown as Record<string, unknown> & { __nianbaoDocx: string };
const bytes = Uint8Array.from(atob(scope.__nianbaoDocx), (c) => c.charCodeAt(0));
const word = fakeWord(bytes);
const { run, office } = selfTestWord(word);
scope.__word = word;
scope.Word = { run };
scope.Office = {
  onReady: () => Promise.resolve({ host: "Word", platform: "PC" }),
  HostType: { Word: "Word" },
  context: { ...office.context, officeTheme: { bodyBackgroundColor: "#FFFFFF" } },
};
