// Victims, perpetrators and locations (VOL). Restricted notes appear only when the API sent them,
// which it does only for members entitled to them.
import { Body1, Card, CardHeader, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseOverview } from '../../api/cases';
import { Section } from '../../components/Section';
import { formatDate, sentenceCase } from '../../components/words';

const useStyles = makeStyles({
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  cardTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  notes: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0 },
  noteTerm: { fontWeight: tokens.fontWeightSemibold },
  noteDetail: { margin: 0 },
  group: { marginBottom: tokens.spacingVerticalL },
  groupHeading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
});

type Subject = CaseOverview['subjects'][number];

const NOTES = [
  ['healthNotes', 'Health'],
  ['safeguardingNotes', 'Safeguarding'],
  ['intelligenceNotes', 'Police intelligence'],
] as const;

function PersonCard({ subject }: { subject: Subject }) {
  const styles = useStyles();
  const { person } = subject;
  const notes = NOTES.filter(([key]) => person[key]);
  return (
    <li>
      <Card>
        <CardHeader
          header={
            <Body1 as="h4" className={styles.cardTitle}>
              {person.name}
            </Body1>
          }
          description={<Caption1>{person.dateOfBirth ? `Born ${formatDate(person.dateOfBirth)}` : 'Date of birth not recorded'}</Caption1>}
        />
        {person.vulnerabilities.length > 0 && <Body1>Vulnerabilities: {person.vulnerabilities.join(', ')}</Body1>}
        {notes.length > 0 && (
          <dl className={styles.notes}>
            {notes.map(([key, label]) => (
              <div key={key}>
                <dt className={styles.noteTerm}>{label}</dt>
                <dd className={styles.noteDetail}>{person[key]}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
    </li>
  );
}

function PeopleGroup({ title, subjects, empty }: { title: string; subjects: Subject[]; empty: string }) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <Subtitle2 as="h3" className={styles.groupHeading}>
        {title}
      </Subtitle2>
      {subjects.length === 0 ? (
        <Body1>{empty}</Body1>
      ) : (
        <ul className={styles.cards}>
          {subjects.map((subject) => (
            <PersonCard key={subject.person.id} subject={subject} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The whole VOL: a home says whose it is; a reported place says nothing more. */
function placeRole(location: CaseOverview['locations'][number], overview: CaseOverview): string {
  if (location.role === 'REPORTED_PLACE') return '';
  const who = overview.subjects.find((s) => s.person.id === location.personId)?.person.name;
  const role = location.role === 'VICTIM_HOME' ? 'victim' : 'perpetrator';
  return who ? `Where ${who} (${role}) lives. ` : `Where the ${role} lives. `;
}

export function CasePeopleAndPlaces({ overview }: { overview: CaseOverview }) {
  const styles = useStyles();
  const byRole = (role: string) => overview.subjects.filter((subject) => subject.role === role);
  const others = overview.subjects.filter((subject) => subject.role !== 'VICTIM' && subject.role !== 'PERPETRATOR');
  return (
    <Section id="vol" title="Victims, perpetrators and locations">
      <PeopleGroup title="Victims" subjects={byRole('VICTIM')} empty="No victim is recorded on this case." />
      <PeopleGroup title="Perpetrators" subjects={byRole('PERPETRATOR')} empty="No perpetrator is recorded on this case." />
      {others.length > 0 && <PeopleGroup title="Others involved" subjects={others} empty="" />}
      <div className={styles.group}>
        <Subtitle2 as="h3" className={styles.groupHeading}>
          Locations
        </Subtitle2>
        {overview.locations.length === 0 ? (
          <Body1>No address is recorded on this case. Add one when you record an incident at a place.</Body1>
        ) : (
          <ul className={styles.cards}>
            {overview.locations.map((location) => (
              <li key={location.id}>
                <Card>
                  <CardHeader
                    header={
                      <Body1 as="h4" className={styles.cardTitle}>
                        {[location.addressLine1, location.town, location.postcode].filter(Boolean).join(', ')}
                      </Body1>
                    }
                    description={
                      <Caption1>{`${placeRole(location, overview)}${sentenceCase(location.kind)}${location.ward ? `, ${location.ward} ward` : ''}`}</Caption1>
                    }
                  />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
