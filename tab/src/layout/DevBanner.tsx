import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { SignedInMember } from '../api/types';

/** Always visible while the development sign-in is used, so nobody mistakes it for a real account. */
export function DevBanner({ member, onSwitch }: { member: SignedInMember; onSwitch: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="development-sign-in-banner">
      <MessageBarBody>
        Development sign-in: {member.displayName}, {member.agency.name}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onSwitch}>
          Switch member
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
