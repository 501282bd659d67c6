/** The help page, shipped beside the pane (help.html); it opens in a window of its own. */
import { Link } from "@fluentui/react-components";
import { STRINGS } from "./strings";

export function HelpLink() {
  return (
    <Link href="help.html" target="_blank" rel="noreferrer">
      {STRINGS.help}
    </Link>
  );
}
