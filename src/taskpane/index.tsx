import "./no-eval";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { detectHost, type Detected, type DetectOptions } from "../hosts/detect";
import { FileCheck } from "./FileCheck";
import { HostProblem } from "./HostProblem";
import { applyPageTheme } from "./page-theme";
import { Pane } from "./Pane";
import { STRINGS } from "./strings";

// taskpane.html shows a skeleton with 「正在连接 Word…」 until the first render replaces it;
// detectHost bounds every wait on the host, so that render always comes.
const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const build = document.documentElement.dataset.nianbaoTarget as DetectOptions["build"];
  void detectHost(globalThis, { build }).then((detected) => {
    const dark =
      detected.kind === "host"
        ? detected.dark
        : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
    const theme = dark ? webDarkTheme : webLightTheme;
    applyPageTheme(theme, dark);
    root.render(
      <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
        <Start detected={detected} />
      </FluentProvider>,
    );
  });
}

const retry = () => window.location.reload();

function Start({ detected }: { detected: Detected }) {
  switch (detected.kind) {
    case "host":
      return <Pane host={detected.host} commands={detected.commands} />;
    // The document cannot be read, but a saved copy of it can still be checked here.
    case "office-missing":
      return (
        <>
          <HostProblem problem={STRINGS.startup.officeMissing} retry={retry} />
          <FileCheck note={STRINGS.startup.savedFile} />
        </>
      );
    case "office-timeout":
      return (
        <>
          <HostProblem problem={STRINGS.startup.officeTimeout(detected.seconds)} retry={retry} />
          <FileCheck note={STRINGS.startup.savedFile} />
        </>
      );
    case "wps-missing":
      return (
        <>
          <HostProblem problem={STRINGS.startup.wpsMissing} retry={retry} />
          <FileCheck />
        </>
      );
    case "unsupported":
      return <FileCheck note={STRINGS.unsupportedHost} />;
    case "none":
      return <FileCheck note={STRINGS.noHost} />;
  }
}
