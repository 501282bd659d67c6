import "../taskpane/no-eval";
import { createRoot } from "react-dom/client";
import {
  Caption1,
  FluentProvider,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import sample from "../../examples/sample-ruian-2021.docx";
import { MemoryDocument } from "../hosts/memory/memory-document";
import { MemoryHost } from "../hosts/memory/memory-host";
import { Pane } from "../taskpane/Pane";
import { DocumentView } from "./DocumentView";
import { DEMO_STRINGS } from "./strings";

const useStyles = makeStyles({
  layout: { display: "grid", gridTemplateColumns: "1fr 340px", height: "100vh" },
  document: {
    overflowY: "auto",
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  pane: { overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** The bundled sample arrives as a data: URL; decoding it needs no request. */
function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function Demo({ document, host }: { document: MemoryDocument; host: MemoryHost }) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <div className={styles.document}>
        <Caption1 as="p">{DEMO_STRINGS.banner}</Caption1>
        <DocumentView document={document} />
      </div>
      <aside className={styles.pane}>
        <Pane host={host} />
      </aside>
    </div>
  );
}

const container = window.document.getElementById("root");
if (container) {
  const memory = MemoryDocument.fromDocx(bytesOf(sample));
  (window as unknown as { nianbaoDemo: MemoryDocument }).nianbaoDemo = memory;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Demo document={memory} host={new MemoryHost(memory)} />
    </FluentProvider>,
  );
}
