/**
 * The pane on a page of its own over the demo's in-memory host, for browser tests: the .docx
 * the test left in window.__nianbaoDocx (base64), checked by the real engine (a 汇编 is listed
 * report by report), in the theme window.__nianbaoDark asks for. The document stays reachable as window.__doc.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { applyPageTheme } from "../../src/taskpane/page-theme";
import { Pane } from "../../src/taskpane/Pane";

const scope = window as unknown as {
  __nianbaoDocx: string;
  __nianbaoDark?: boolean;
  __doc?: MemoryDocument;
};
const bytes = Uint8Array.from(atob(scope.__nianbaoDocx), (c) => c.charCodeAt(0));
const memory = MemoryDocument.fromDocx(bytes);
scope.__doc = memory;
const dark = scope.__nianbaoDark === true;
const theme = dark ? webDarkTheme : webLightTheme;
applyPageTheme(theme, dark);
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
    <Pane host={new MemoryHost(memory)} />
  </FluentProvider>,
);
