// Import of existing cases, their incidents and open actions for partnership administrators: upload a
// CSV or Excel export, confirm which column holds what, see every row's problems and possible
// duplicates in a dry run, decide on each duplicate, then commit and watch the progress until every
// record is written.
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { Answer } from '../../api/answers';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../session/session';

type Uploaded = Answer<'/api/imports', 'post'>;
type DryRun = Answer<'/api/imports/{importId}/dry-run', 'post'>;
type Problem = DryRun['problems'][number];
type Skipped = DryRun['skipped'][number];
type Status = Answer<'/api/imports/{importId}'>;
type ImportKind = Uploaded['kind'];

/** What each kind of file holds, in the words the page uses for it. */
const KINDS: Record<ImportKind, { label: string; one: string; many: string }> = {
  CASES: { label: 'Cases, with their victims, perpetrators and addresses', one: 'case', many: 'cases' },
  INCIDENTS: { label: 'Incidents on cases imported before', one: 'incident', many: 'incidents' },
  ACTIONS: { label: 'Open actions on cases imported before', one: 'action', many: 'actions' },
};
const RECOGNISE = '';

const NOT_IN_FILE = '';
const POLL_MS = 500;

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  file: { display: 'grid', gap: tokens.spacingVerticalXS },
  mapping: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalM },
  duplicate: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
  },
});

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export default function ImportPage() {
  const styles = useStyles();
  const api = useApi();
  const fileInputId = useId();
  const [sourceSystem, setSourceSystem] = useState('ECINS');
  const [kind, setKind] = useState<ImportKind | typeof RECOGNISE>(RECOGNISE);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void attempt(async () => {
      const content = await readAsBase64(file);
      const body = { fileName: file.name, sourceSystem, content, ...(kind === RECOGNISE ? {} : { kind }) };
      const answer = await answerOf(api.POST('/api/imports', { body }));
      setUploaded(answer);
      setMapping(answer.suggestedMapping);
      setDryRun(null);
      setStatus(null);
    });
  };

  const runDryRun = () =>
    void attempt(async () => {
      if (!uploaded) return;
      const answer = await answerOf(
        api.POST('/api/imports/{importId}/dry-run', { params: { path: { importId: uploaded.id } }, body: { mapping } }),
      );
      setDryRun(answer);
      setDecisions({});
    });

  const commit = () =>
    void attempt(async () => {
      if (!uploaded) return;
      const answer = await answerOf(
        api.POST('/api/imports/{importId}/commit', { params: { path: { importId: uploaded.id } }, body: { mapping, decisions } }),
      );
      setStatus(answer);
    });

  const running = status?.status === 'RUNNING';
  useEffect(() => {
    if (!running || !uploaded) return;
    const timer = setTimeout(() => {
      void answerOf(api.GET('/api/imports/{importId}', { params: { path: { importId: uploaded.id } } }))
        .then(setStatus)
        .catch((error: unknown) => setFailure(asApiError(error)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [api, running, status, uploaded]);

  const problemColumns: DataColumn<Problem>[] = [
    { id: 'row', header: 'Row', cell: (p) => p.row, sortValue: (p) => p.row },
    { id: 'column', header: 'Column', cell: (p) => p.column, sortValue: (p) => p.column },
    { id: 'problem', header: 'Problem', cell: (p) => p.message },
  ];
  const skippedColumns: DataColumn<Skipped>[] = [
    { id: 'row', header: 'Row', cell: (p) => p.row, sortValue: (p) => p.row },
    { id: 'reason', header: 'Why it is skipped', cell: (p) => p.message },
  ];
  const undecided = dryRun ? dryRun.duplicates.filter((d) => !decisions[d.key]).length : 0;
  const canCommit = dryRun !== null && dryRun.problemCount === 0 && dryRun.toImport + dryRun.alreadyImported > 0 && undecided === 0;
  const noun = KINDS[uploaded?.kind ?? 'CASES'];
  const records = (n: number) => plural(n, noun.one, noun.many);

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring open cases with their victims, perpetrators and addresses, then their incidents and open actions, from another system's CSV or Excel exports. Import the cases file first: incidents and actions find their cases by the source system's case ids."
      />
      {failure && <ErrorState title="The import could not go on" error={failure} onRetry={() => setFailure(null)} />}

      <section className={styles.section} aria-labelledby="upload-heading">
        <Subtitle2 as="h2" id="upload-heading">
          1. Upload the file
        </Subtitle2>
        <form className={styles.row} onSubmit={upload}>
          <Field label="Exported from" hint="The system's name: with each row's id it tells a re-import what is already here.">
            <Input value={sourceSystem} onChange={(_event, data) => setSourceSystem(data.value)} />
          </Field>
          <Field label="The file holds">
            <Select value={kind} onChange={(_event, data) => setKind(data.value as ImportKind | typeof RECOGNISE)}>
              <option value={RECOGNISE}>Recognise from the column headers</option>
              {(Object.keys(KINDS) as ImportKind[]).map((key) => (
                <option key={key} value={key}>
                  {KINDS[key].label}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.file}>
            <Label htmlFor={fileInputId}>CSV (UTF-8) or Excel .xlsx file, up to 10 MB and 20,000 rows</Label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,.xlsx,text/csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" appearance="primary" disabled={busy || !file || running}>
            Upload
          </Button>
        </form>
      </section>

      {uploaded && (
        <section className={styles.section} aria-labelledby="mapping-heading">
          <Subtitle2 as="h2" id="mapping-heading">
            2. Confirm the columns
          </Subtitle2>
          <Body1>
            {uploaded.fileName}: {plural(uploaded.rowCount, 'row')} of {noun.many} from {uploaded.sourceSystem}. Each field shows the column
            suggested from the file&apos;s headers; change any that are wrong.
          </Body1>
          <div className={styles.mapping}>
            {uploaded.fields.map((field) => (
              <Field key={field.key} label={`${field.label}${field.required ? ' (required)' : ''}`}>
                <Select
                  value={mapping[field.key] ?? NOT_IN_FILE}
                  onChange={(_event, data) => {
                    const { [field.key]: _old, ...rest } = mapping;
                    setMapping(data.value === NOT_IN_FILE ? rest : { ...rest, [field.key]: data.value });
                    setDryRun(null);
                  }}
                >
                  <option value={NOT_IN_FILE}>Not in this file</option>
                  {uploaded.headers.map((header) => (
                    <option key={header} value={header}>
                      {header}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <div className={styles.row}>
            <Button appearance="primary" onClick={runDryRun} disabled={busy || running}>
              Check every row (dry run)
            </Button>
          </div>
        </section>
      )}

      {dryRun && (
        <section className={styles.section} aria-labelledby="dry-run-heading">
          <Subtitle2 as="h2" id="dry-run-heading">
            3. Dry run: nothing has been written
          </Subtitle2>
          <MessageBar intent={dryRun.problemCount > 0 ? 'warning' : 'success'} role="status">
            <MessageBarBody>
              {dryRun.problemCount > 0
                ? `${plural(dryRun.problemCount, 'problem')} to fix in the file before anything can be imported. Fix them and upload it again.`
                : `Ready: ${records(dryRun.toImport)} to import${dryRun.kind === 'CASES' ? ` with ${plural(dryRun.newPeople, 'person', 'people')} and ${plural(dryRun.newLocations, 'address', 'addresses')} new to ${uploaded?.sourceSystem}` : ''}.${dryRun.alreadyImported > 0 ? ` ${records(dryRun.alreadyImported)} already imported will be left as they are.` : ''}${dryRun.skippedCount > 0 ? ` ${plural(dryRun.skippedCount, 'row')} skipped, listed below.` : ''}`}
            </MessageBarBody>
          </MessageBar>
          {dryRun.problemCount > 0 && (
            <DataTable
              label="Problems by row"
              columns={problemColumns}
              rows={dryRun.problems}
              rowKey={(p) => `${p.row}:${p.column}:${p.message}`}
            />
          )}
          {dryRun.problemCount === 0 && dryRun.skippedCount > 0 && (
            <DataTable label="Rows skipped" columns={skippedColumns} rows={dryRun.skipped} rowKey={(p) => `${p.row}`} />
          )}
          {dryRun.problemCount === 0 &&
            dryRun.duplicates.map((duplicate) => (
              <div key={duplicate.key} className={styles.duplicate}>
                <RadioGroup
                  aria-label={`Row ${duplicate.row}: ${duplicate.label}`}
                  value={decisions[duplicate.key] ?? ''}
                  onChange={(_event, data) => setDecisions({ ...decisions, [duplicate.key]: data.value })}
                >
                  <Body1>
                    Row {duplicate.row}: {duplicate.label} may already be known.
                  </Body1>
                  {duplicate.candidates.map((candidate) => (
                    <Radio key={candidate.id} value={candidate.id} label={`Use ${candidate.label} (${candidate.reason})`} />
                  ))}
                  <Radio value="NEW" label={`Create a new ${duplicate.kind === 'PERSON' ? 'person' : 'address'}`} />
                </RadioGroup>
              </div>
            ))}
          {dryRun.problemCount === 0 && (
            <div className={styles.row}>
              <Button appearance="primary" onClick={commit} disabled={busy || running || !canCommit || status?.status === 'DONE'}>
                Import {records(dryRun.toImport)}
              </Button>
              {undecided > 0 && <Body1>Decide on {plural(undecided, 'possible duplicate')} first.</Body1>}
            </div>
          )}
        </section>
      )}

      {status && (
        <section className={styles.section} aria-labelledby="commit-heading">
          <Subtitle2 as="h2" id="commit-heading">
            4. Import
          </Subtitle2>
          <Field
            label={status.status === 'RUNNING' ? 'Writing records' : 'Records written'}
            validationMessage={`${status.processed.toLocaleString('en-GB')} of ${status.total.toLocaleString('en-GB')} records`}
            validationState="none"
          >
            <ProgressBar value={status.total > 0 ? status.processed / status.total : 0} max={1} thickness="large" />
          </Field>
          {status.status === 'DONE' && status.created && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>
                {status.kind === 'CASES'
                  ? `Imported ${plural(status.created.cases, 'case')}, ${plural(status.created.people, 'person', 'people')} and ${plural(status.created.locations, 'address', 'addresses')}; ${plural(status.created.linkedToExisting, 'record')} linked to existing ones, ${plural(status.created.alreadyImported, 'case')} already here.`
                  : `Imported ${records(status.kind === 'INCIDENTS' ? status.created.incidents : status.created.actions)}; ${records(status.created.alreadyImported)} already here${status.created.skipped > 0 ? `, ${plural(status.created.skipped, 'row')} skipped` : ''}.`}
              </MessageBarBody>
            </MessageBar>
          )}
          {status.status === 'FAILED' && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{status.error}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </>
  );
}
