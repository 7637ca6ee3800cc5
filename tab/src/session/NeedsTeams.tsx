import { Body1 } from '@fluentui/react-components';
import { GateFrame } from './GateFrame';

/** Entra ID sign-in comes from Teams, so a plain browser cannot sign in when the server asks for it. */
export function NeedsTeams() {
  return (
    <GateFrame title="Open ASB Panels in Microsoft Teams">
      <Body1>
        This server signs people in with their Microsoft 365 work account through Teams. Open the ASB Panels app in Teams, or ask your
        administrator for the development sign-in on a test server.
      </Body1>
    </GateFrame>
  );
}
