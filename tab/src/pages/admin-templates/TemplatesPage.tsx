// Risk templates for the partnership administrator: pick one in use, edit its questions, help text,
// answer weights, bands and threshold, try sample answers, and publish it as the next version. New
// referrals use the newest version; earlier assessments keep the version they were scored with.
import { useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Answer } from '../../api/answers';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { TemplateEditor } from './TemplateEditor';

type TemplateRow = Answer<'/api/risk-templates'>['templates'][number];

const SUBJECT: Record<TemplateRow['subjectType'], string> = { VICTIM: 'Victim', PERPETRATOR: 'Perpetrator', LOCATION: 'Location' };

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  notice: { marginBottom: tokens.spacingVerticalM },
});

export default function TemplatesPage() {
  const styles = useStyles();
  const [withEarlier, setWithEarlier] = useState(false);
  const templates = useApiQuery('/api/risk-templates', { params: { query: { includeRetired: withEarlier ? 'true' : 'false' } } });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);

  const columns: DataColumn<TemplateRow>[] = [
    { id: 'name', header: 'Template', cell: (row) => row.name, sortValue: (row) => row.name },
    { id: 'subject', header: 'Assesses', cell: (row) => SUBJECT[row.subjectType], sortValue: (row) => row.subjectType },
    {
      id: 'version',
      header: 'Version',
      cell: (row) => `${row.version}${row.isActive ? '' : ' (earlier)'}`,
      sortValue: (row) => row.version,
    },
    { id: 'questions', header: 'Questions', cell: (row) => row.questions?.length ?? 0 },
    {
      id: 'edit',
      header: 'Change',
      cell: (row) =>
        row.isActive && (
          <Button onClick={() => (setPublished(null), setEditingId(row.id))} disabled={!row.usable} aria-label={`Edit ${row.name}`}>
            Edit
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Risk templates"
        description="The questions, weights and bands referrers score with. Publishing makes a new version: assessments already made keep theirs."
      />
      {published && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{published}</MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={templates} loadingLabel="Loading the risk templates" errorTitle="Could not load the risk templates">
        {(list) => {
          const editing = list.templates.find((t) => t.id === editingId);
          return (
            <>
              <section className={styles.section} aria-labelledby="in-use-heading">
                <Subtitle2 as="h2" id="in-use-heading">
                  In use
                </Subtitle2>
                <div>
                  <Checkbox
                    label="Show earlier versions (kept for the assessments scored with them)"
                    checked={withEarlier}
                    onChange={(_event, data) => setWithEarlier(data.checked === true)}
                  />
                </div>
                <DataTable
                  label="Risk templates in use"
                  columns={columns}
                  rows={list.templates}
                  rowKey={(row) => row.id}
                  empty={
                    <EmptyState
                      title="No risk templates yet"
                      whatToDo="The default templates are added when the partnership's first referral is scored."
                      headingLevel={3}
                    />
                  }
                />
              </section>
              {editing && (
                <TemplateEditor
                  key={editing.id}
                  template={editing}
                  onCancel={() => setEditingId(null)}
                  onPublished={(name, version) => {
                    setEditingId(null);
                    setPublished(`Published ${name} version ${version}. New referrals are scored with it.`);
                    templates.reload();
                  }}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
