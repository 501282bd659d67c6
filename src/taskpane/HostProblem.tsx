/**
 * The pane is inside Word or WPS but cannot reach it: what happened, the likely cause, what the
 * user can do (what only an administrator can do is folded away), and a button that loads the
 * page again.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useSharedStyles } from "./styles";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { alignItems: "flex-start" },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface Problem {
  title: string;
  cause: string;
  /** What the user can do. */
  fix: string;
  /** What only whoever deployed the add-in can do: folded away under 「给技术人员」. */
  detail?: string;
}

export function HostProblem({ problem, retry }: { problem: Problem; retry: () => void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    // A named section is a landmark: with the file check's <main> below it, all content is in one.
    <section
      className={mergeClasses(shared.page, styles.root)}
      aria-label={problem.title}
      data-host-problem=""
    >
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody className={styles.text}>
          <MessageBarTitle>{problem.title}</MessageBarTitle>
          <span>{problem.cause}</span>
          <span>{problem.fix}</span>
          {problem.detail && (
            <details>
              <summary>{STRINGS.startup.forAdministrators}</summary>
              <span>{problem.detail}</span>
            </details>
          )}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={retry}>
        {STRINGS.startup.retry}
      </Button>
    </section>
  );
}
