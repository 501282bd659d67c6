/**
 * Commands a ribbon gives the pane, whatever carries them: the pane watches a CommandSource
 * and runs each command as if its own button had been pressed. WPS carries them through
 * PluginStorage (wps/commands.ts); Word's ribbon only opens the pane, so it gives none.
 */
export type PaneCommand = "check" | "clear" | "insert";

export const PANE_COMMANDS: readonly PaneCommand[] = ["check", "clear", "insert"];

export interface CommandSource {
  /** Calls back with each command as it arrives; returns the function that stops watching. */
  watch(onCommand: (command: PaneCommand) => void): () => void;
}
