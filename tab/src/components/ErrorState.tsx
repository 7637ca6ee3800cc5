import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api/api-error';

export interface ErrorStateProps {
  error: ApiError | Error;
  /** What failed, in the user's words: "Could not load your actions". */
  title?: string;
  onRetry?: () => void;
}

/** Shows the API's own message, which says what to do, and a Retry button when one is given. */
export function ErrorState({ error, title = 'Something went wrong', onRetry }: ErrorStateProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            Retry
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
