// On the agenda page, a case being heard or already heard opens the same outcome and assign forms
// the side panel shows, for a chair who keeps the record from a full window.
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { InlineAssignForm, ItemOutcomeForm } from '../../components/hearing/HearingForms';
import type { AgendaItemView } from './agenda-view';

const useStyles = makeStyles({
  forms: { paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export function ItemHearing({ meetingId, item, onRecorded }: { meetingId: string; item: AgendaItemView; onRecorded: () => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(item.status === 'CURRENT');
  const formsId = `hearing-${item.id}`;
  return (
    <>
      <div>
        <Button size="small" aria-expanded={open} aria-controls={open ? formsId : undefined} onClick={() => setOpen(!open)}>
          {open
            ? `Hide the outcome and actions of case ${item.case.reference}`
            : `Record the outcome and actions of case ${item.case.reference}`}
        </Button>
      </div>
      {open && (
        <div id={formsId} className={styles.forms}>
          <ItemOutcomeForm meetingId={meetingId} itemId={item.id} kase={item.case} onRecorded={onRecorded} />
          <InlineAssignForm meetingId={meetingId} itemId={item.id} kase={item.case} />
        </div>
      )}
    </>
  );
}
