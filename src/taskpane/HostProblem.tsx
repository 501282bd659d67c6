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
  tokens,
} from "@fluentui/react-components";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface Problem {
  title: string;
  cause: string;
  fix: string;
}

export function HostProblem({ problem, retry }: { problem: Problem; retry: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-host-problem="">
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
