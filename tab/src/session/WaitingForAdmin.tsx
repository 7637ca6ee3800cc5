import { Body1, Button } from '@fluentui/react-components';
import { GateFrame } from './GateFrame';

/** An empty deployment, and the person signing in is not the one named to set it up. */
export function WaitingForAdmin({ onRetry }: { onRetry: () => void }) {
  return (
    <GateFrame title="ASB Panels is not set up yet">
      <Body1>
        Your partnership’s administrator has not set ASB Panels up yet. Once they have, they will add you as a member; then open the app
        again. You do not need to do anything else.
      </Body1>
      <div>
        <Button onClick={onRetry}>Check again</Button>
      </div>
    </GateFrame>
  );
}
