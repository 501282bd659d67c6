/**
 * The pane is inside Word or WPS but cannot reach it: what happened, the likely cause, what to
 * do, and a button that loads the page again.
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
  fix: string;
}

export function HostProblem({ problem, retry }: { problem: Problem; retry: () => void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <div className={mergeClasses(shared.page, styles.root)} data-host-problem="">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody className={styles.text}>
          <MessageBarTitle>{problem.title}</MessageBarTitle>
          <span>{problem.cause}</span>
          <span>{problem.fix}</span>
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={retry}>
        {STRINGS.startup.retry}
      </Button>
    </div>
  );
}
