/**
 * The WPS ribbon runs in a page of its own: its buttons reach the pane through
 * Application.PluginStorage, which all of the add-in's pages share. The ribbon writes a
 * command; the pane takes it (and clears it) on its next look.
 */
import { PANE_COMMANDS, type CommandSource, type PaneCommand } from "../commands";
import type { WpsApplication } from "./wps-api";

export const COMMAND_KEY = "nianbao.command";
export const PANE_KEY = "nianbao.taskpane";

export function pluginStorageCommands(app: WpsApplication, intervalMs = 300): CommandSource {
  return {
    watch(onCommand) {
      const take = () => {
        const storage = app.PluginStorage;
        const command = storage?.getItem(COMMAND_KEY);
        if (!storage || !command) return;
        storage.setItem(COMMAND_KEY, "");
        const known = PANE_COMMANDS.find((c) => c === command);
        if (known) onCommand(known);
      };
      take();
      const timer = setInterval(take, intervalMs);
      return () => clearInterval(timer);
    },
  };
}

export function postCommand(app: WpsApplication, command: PaneCommand): void {
  app.PluginStorage?.setItem(COMMAND_KEY, command);
}
