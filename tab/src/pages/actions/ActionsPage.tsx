import { ActionListView } from '../../components/ActionListView';
import { PageHeader } from '../../components/PageHeader';
import type { PageProps } from '../../router/pages';

/** The chair's outstanding actions: their panels', their agency's and their own. */
export default function ActionsPage({ query }: PageProps) {
  return (
    <>
      <PageHeader title="Outstanding actions" description="Actions from your panels, your agency and your own that are not yet done." />
      <ActionListView
        apiPath="/api/actions"
        pagePath="actions"
        query={query}
        label="Outstanding actions"
        byOwner
        nothingOutstanding={{
          title: 'No outstanding actions',
          whatToDo:
            'Actions agreed at panel meetings appear here until they are completed or cancelled. Record actions against a case during its agenda item.',
        }}
      />
    </>
  );
}
