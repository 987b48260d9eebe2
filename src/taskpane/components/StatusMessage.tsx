/** One line of outcome or error above the results. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface Status {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
}

export function StatusMessage({ status }: { status: Status | null }) {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} data-testid="status">
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}
