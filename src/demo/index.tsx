import "../taskpane/no-eval";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  Caption1,
  FluentProvider,
  Switch,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import sample from "../../examples/sample-ruian-2021.docx";
import { MemoryDocument } from "../hosts/memory/memory-document";
import { MemoryHost } from "../hosts/memory/memory-host";
import { applyPageTheme } from "../taskpane/page-theme";
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
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    maxWidth: "800px",
    margin: `0 auto ${tokens.spacingVerticalM}`,
  },
  pane: {
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The bundled sample arrives as a data: URL; decoding it needs no request. */
function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function Demo({ document, host }: { document: MemoryDocument; host: MemoryHost }) {
  const styles = useStyles();
  const [dark, setDark] = useState(
    () => window.matchMedia?.("(prefers-color-scheme: dark)").matches === true,
  );
  const theme = dark ? webDarkTheme : webLightTheme;
  useEffect(() => applyPageTheme(theme, dark), [theme, dark]);
  return (
    <FluentProvider theme={theme}>
      <div className={styles.layout}>
        {/* Landmarks: the document side is a labelled region (focusable, so the keyboard can
            scroll it); the pane brings its own top-level <main>. */}
        <section className={styles.document} aria-label={DEMO_STRINGS.demoLabel} tabIndex={0}>
          <div className={styles.bar}>
            <Caption1 as="p">{DEMO_STRINGS.banner}</Caption1>
            <Switch
              label={DEMO_STRINGS.darkTheme}
              checked={dark}
              onChange={(_e, data) => setDark(data.checked)}
            />
          </div>
          <DocumentView document={document} />
        </section>
        <div className={styles.pane}>
          <Pane host={host} />
        </div>
      </div>
    </FluentProvider>
  );
}

const container = window.document.getElementById("root");
if (container) {
  const memory = MemoryDocument.fromDocx(bytesOf(sample));
  (window as unknown as { nianbaoDemo: MemoryDocument }).nianbaoDemo = memory;
  createRoot(container).render(<Demo document={memory} host={new MemoryHost(memory)} />);
}
