// The configuration page Teams shows when someone adds the tab to a channel, chat or meeting:
// saving points the tab at the meeting page in meetings and at the home page elsewhere.
import { useEffect } from 'react';
import { Body1 } from '@fluentui/react-components';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/session';
import { offerTabConfiguration } from '../../teams/host';

/** The path the meeting side panel's page registers in pages/index.ts. */
export const MEETING_PAGE_PATH = 'meeting';

export default function ConfigurePage() {
  const { host } = useSession();
  const inMeeting = host.kind === 'teams' && Boolean(host.meetingId);

  useEffect(() => {
    if (host.kind !== 'teams') return;
    const page = inMeeting ? MEETING_PAGE_PATH : '';
    offerTabConfiguration({
      contentUrl: `${window.location.origin}/tab/#/${page}`,
      entityId: inMeeting ? 'asb-panels-meeting' : 'asb-panels',
      suggestedDisplayName: 'ASB Panels',
    });
  }, [host, inMeeting]);

  return (
    <>
      <PageHeader title="Set up ASB Panels" />
      {host.kind === 'teams' ? (
        <Body1>
          {inMeeting
            ? 'Select Save to add the panel agenda to this meeting. Members see it in the meeting side panel and can open the case summaries they are allowed to see.'
            : 'Select Save to add ASB Panels to this conversation. Members see their panel actions and the partnership figures their roles allow.'}
        </Body1>
      ) : (
        <EmptyState
          title="This page is for Microsoft Teams"
          whatToDo="Teams shows it when someone adds ASB Panels to a channel, chat or meeting. In a browser, use the navigation to open a page."
        />
      )}
    </>
  );
}
