/**
 * The WPS ribbon's callbacks (ribbon.xml names them ribbon.OnAddinLoad, ribbon.OnAction and
 * ribbon.GetImage). The buttons show the task pane and pass it their command.
 */
import type { PaneCommand } from "../hosts/commands";
import { PANE_KEY, postCommand } from "../hosts/wps/commands";
import type { WpsApplication } from "../hosts/wps/wps-api";

/** CustomTaskpane.DockPosition: msoCTPDockPositionRight. */
const DOCK_RIGHT = 2;
const PANE_WIDTH = 360;

const ACTIONS: Record<string, PaneCommand | null> = {
  nianbaoCheck: "check",
  nianbaoClear: "clear",
  nianbaoInsert: "insert",
  nianbaoShowPane: null,
};

const IMAGE = "images/icon-32.png";

export function createRibbon(app: WpsApplication, baseUrl: string) {
  const showPane = () => {
    const id = app.PluginStorage?.getItem(PANE_KEY);
    const existing = id ? app.GetTaskPane?.(id) : undefined;
    if (existing) {
      existing.Visible = true;
      return;
    }
    const pane = app.CreateTaskPane?.(new URL("taskpane.html", baseUrl).href, "年报校核");
    if (!pane) return;
    Object.assign(pane, { DockPosition: DOCK_RIGHT, Width: PANE_WIDTH });
    pane.Visible = true;
    app.PluginStorage?.setItem(PANE_KEY, String(pane.ID));
  };
  return {
    OnAddinLoad: () => true,
    OnAction(control: { Id: string }) {
      if (!(control.Id in ACTIONS)) return true;
      const command = ACTIONS[control.Id];
      if (command) postCommand(app, command);
      showPane();
      return true;
    },
    GetImage: () => IMAGE,
  };
}
