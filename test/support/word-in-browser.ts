/**
 * Stands in for office.js on a page, as Word would provide it: Office (onReady in Word,
 * requirement sets 1.3 and 1.4, the Common API's custom XML parts, the theme) and Word.run over our fake Word, holding the .docx
 * the test left in window.__nianbaoDocx (base64), with the options in window.__nianbaoWord and
 * Office's dark theme where window.__nianbaoDark is true. The fake stays reachable as
 * window.__word.
 */
import { fakeWord, type FakeWordOptions } from "./fake-word";

const scope = window as unknown as Record<string, unknown> & {
  __nianbaoDocx: string;
  /** The Word this page plays, e.g. { api: "1.3" } for Word 2021. */
  __nianbaoWord?: FakeWordOptions;
  __nianbaoDark?: boolean;
};
const bytes = Uint8Array.from(atob(scope.__nianbaoDocx), (c) => c.charCodeAt(0));
const word = fakeWord(bytes, scope.__nianbaoWord ?? {});
scope.__word = word;
scope.Word = { run: word.run };
scope.Office = {
  onReady: () => Promise.resolve({ host: "Word", platform: "PC" }),
  HostType: { Word: "Word" },
  context: {
    requirements: {
      isSetSupported: (name: string, version: string) => word.supports(name, version),
    },
    officeTheme: { bodyBackgroundColor: scope.__nianbaoDark === true ? "#262626" : "#FFFFFF" },
    document: { customXmlParts: word.commonParts },
  },
};
