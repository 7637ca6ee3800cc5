import { ActionListView } from '../../components/ActionListView';
import { PageHeader } from '../../components/PageHeader';
import type { PageProps } from '../../router/pages';

/** An officer's own list: actions named to them, and their agency's that nobody is named on yet. */
export default function MyActionsPage({ query }: PageProps) {
  return (
    <>
      <PageHeader title="My actions" description="Actions named to you, and your agency's actions that nobody is named on yet." />
      <ActionListView
        apiPath="/api/actions/mine"
        pagePath="my-actions"
        query={query}
        label="My actions"
        byOwner={false}
        nothingOutstanding={{
          title: 'You have no outstanding actions',
          whatToDo:
            'When a panel gives you or your agency an action, it appears here and the ASB Panels bot sends you a card in Teams to accept it.',
        }}
      />
    </>
  );
}
