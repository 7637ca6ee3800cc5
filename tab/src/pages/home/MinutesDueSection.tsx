// The chair's reminder on home: minutes of meetings held that still wait for approval, each with its
// due date (3 working days after the meeting) and whether it has passed. Each opens the minutes page.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { formatLongDate } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

const useStyles = makeStyles({
  due: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function MinutesDueSection() {
  const styles = useStyles();
  const waiting = useApiQuery('/api/minutes/awaiting-approval');
  return (
    <Section id="minutes-due" title="Minutes awaiting approval">
      <QueryView
        query={waiting}
        loadingLabel="Loading the minutes awaiting approval"
        errorTitle="Could not load the minutes awaiting approval"
      >
        {(rows) => (
          <DataTable
            label="Minutes awaiting approval and when each is due"
            rows={rows}
            rowKey={(row) => row.meetingId}
            empty={
              <EmptyState
                headingLevel={3}
                title="No minutes are waiting for you"
                whatToDo="Minutes of your panels' meetings show here once the meeting has happened, until you approve them."
              />
            }
            columns={[
              {
                id: 'meeting',
                header: 'Meeting',
                cell: (row) => (
                  <RouteLink to={pageAddress(`meetings/${encodeURIComponent(row.meetingId)}/minutes`)}>
                    {row.panelName}, {formatLongDate(row.meetingDate)}
                  </RouteLink>
                ),
              },
              { id: 'minutes', header: 'Minutes', cell: (row) => (row.minutes === 'DRAFT' ? 'Drafted' : 'Not drafted yet') },
              {
                id: 'due',
                header: 'Due by',
                cell: (row) => (
                  <span className={styles.due}>
                    {formatLongDate(row.dueBy)}
                    {row.overdue && (
                      <Badge appearance="tint" color="danger">
                        Overdue
                      </Badge>
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </Section>
  );
}
