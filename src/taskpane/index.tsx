import "./no-eval";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { detectHost } from "../hosts/detect";
import { FileCheck } from "./FileCheck";
import { Pane } from "./Pane";
import { STRINGS } from "./strings";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  void detectHost().then((detected) => {
    const dark =
      detected.kind === "host"
        ? detected.dark
        : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
    root.render(
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
        {detected.kind === "host" ? (
          <Pane host={detected.host} commands={detected.commands} />
        ) : (
          <FileCheck
            note={detected.kind === "unsupported" ? STRINGS.unsupportedHost : STRINGS.noHost}
          />
        )}
      </FluentProvider>,
    );
  });
}
