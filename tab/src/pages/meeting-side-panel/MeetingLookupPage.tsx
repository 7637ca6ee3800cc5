import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApiQuery } from '../../api/use-api-query';
import { useNavigate } from 'react-router';
import { pageAddress } from '../../router/addresses';
import { useSession } from '../../session/session';

/**
 * Where the meeting tab's configuration points (`#/meeting`): finds the panel meeting of the Teams
 * meeting the side panel is open in, then shows its side panel page.
 */
export default function MeetingLookupPage() {
  const { host } = useSession();
  const navigate = useNavigate();
  const teamsMeetingId = host.kind === 'teams' ? (host.meetingId ?? null) : null;
  const found = useApiQuery('/api/meetings/for-teams-meeting', {
    params: { query: { teamsMeetingId: teamsMeetingId ?? '' } },
    skip: !teamsMeetingId,
  });
  const meetingId = found.status === 'ready' ? found.data.meetingId : null;
  useEffect(() => {
    if (meetingId) navigate(pageAddress(`meetings/${encodeURIComponent(meetingId)}/side-panel`));
  }, [meetingId, navigate]);

  if (!teamsMeetingId) {
    return (
      <>
        <PageHeader title="Panel meeting" />
        <EmptyState
          title="Open this in a Teams meeting"
          whatToDo="This page shows the agenda of the panel meeting it is opened in. Open the meeting in Teams and use the ASB Panels side panel."
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Panel meeting" />
      <QueryView query={found} loadingLabel="Finding the panel meeting" errorTitle="This Teams meeting is not a panel meeting you sit on">
        {() => null}
      </QueryView>
    </>
  );
}
