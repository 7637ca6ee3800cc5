// Secondary suppression: a figure from which a withheld count could be worked out is withheld too.
// First the derivations it blocks, one by one; then, over random partnerships, a reader who solves
// every relation between published figures (rates and their bases, breakdowns and their totals)
// cannot recompute any withheld cell.
import fc from 'fast-check';
import {
  governanceFigures,
  relationsOf,
  type ActionFact,
  type GovernanceFacts,
  type ReferralFact,
} from '../../api/domain/governance/figures';
import { suppressDerivable, type Relation } from '../../api/domain/governance/secondary-suppression';
import { countCell, rateCell, type Cell } from '../../api/domain/governance/suppression';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const TODAY = '2026-11-20';
const AGENCIES = [
  { id: 'police', name: 'Police' },
  { id: 'housing', name: 'Housing' },
  { id: 'council', name: 'Council' },
];

const count = (n: number) => countCell(n, true);

/** The cells a reader can see: published, or published as "no value" (which tells them the base is 0). */
function solve(relations: readonly Relation[]): Set<Cell> {
  const known = new Set<Cell>();
  for (const relation of relations)
    for (const cell of relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.rate, relation.part, relation.base])
      if (!cell.suppressed) known.add(cell);
  for (let learned = true; learned;) {
    learned = false;
    const learn = (cell: Cell) => {
      if (!known.has(cell)) {
        known.add(cell);
        learned = true;
      }
    };
    for (const relation of relations) {
      if (relation.kind === 'sum') {
        const unknown = [relation.total, ...relation.parts].filter((cell) => !known.has(cell));
        if (unknown.length === 1) learn(unknown[0]!);
      } else {
        const { rate, part, base } = relation;
        // Rounded to three places, a rate still pins the part down for any base a panel has.
        if (known.has(rate) && known.has(base)) learn(part);
        if (known.has(rate) && known.has(part) && rate.value !== 0) learn(base);
        if (known.has(part) && known.has(base)) learn(rate);
      }
    }
  }
  return known;
}

function recomputable(relations: readonly Relation[]): string[] {
  const known = solve(relations);
  const leaks: string[] = [];
  for (const relation of relations) {
    const cells = relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.part, relation.base];
    if (cells.some((cell) => cell.suppressed && known.has(cell))) leaks.push(relation.label);
  }
  return leaks;
}

describe('derivations secondary suppression blocks', () => {
  it.each<[string, () => Relation[], (relations: Relation[]) => Cell[]]>([
    [
      "an agency's completed actions (3, withheld) = actions set (5) × completion rate (0.6)",
      () => [{ kind: 'rate', label: 'completion', part: count(3), base: count(5), rate: rateCell(3, 5, true) }],
      ([rate]) => [(rate as { rate: Cell }).rate],
    ],
    [
      'repeat referrals (1, withheld) = referrals (38) × rate (0.026)',
      () => [{ kind: 'rate', label: 'repeats', part: count(1), base: count(38), rate: rateCell(1, 38, true) }],
      ([rate]) => [(rate as { rate: Cell }).rate],
    ],
    [
      'a part (2, withheld) = the total (8) less the other parts (6): the smallest other part goes',
      () => [{ kind: 'sum', label: 'by agency', total: count(8), parts: [count(2), count(6), count(0)] }],
      ([sum]) => [(sum as { parts: Cell[] }).parts[1]!],
    ],
    [
      'a total of 12 whose only other part is 9: the 9 goes, not the zeros',
      () => [{ kind: 'sum', label: 'by source', total: count(12), parts: [count(0), count(3), count(9), count(0)] }],
      ([sum]) => [(sum as { parts: Cell[] }).parts[2]!],
    ],
    [
      "a complement that is a rate's base takes the rate with it",
      () => {
        const housingSet = count(2);
        const policeSet = count(6);
        return [
          { kind: 'sum', label: 'set by agency', total: count(8), parts: [housingSet, policeSet] },
          { kind: 'rate', label: 'police completion', part: count(5), base: policeSet, rate: rateCell(5, 6, true) },
        ];
      },
      ([sum, rate]) => [(sum as { parts: Cell[] }).parts[1]!, (rate as { rate: Cell }).rate],
    ],
  ])('%s', (_name, build, secondarilyWithheld) => {
    const relations = build();
    expect(recomputable(relations)).not.toEqual([]);
    suppressDerivable(relations);
    expect(recomputable(relations)).toEqual([]);
    for (const cell of secondarilyWithheld(relations)) expect(cell).toEqual({ value: null, suppressed: true, secondary: true });
  });

  it('the total of a breakdown with one withheld part (3) and nothing else non-zero is withheld', () => {
    const relations: Relation[] = [{ kind: 'sum', label: 'by agency', total: count(7), parts: [count(3), count(0)] }];
    // 7 = 3 + 0 cannot happen in real figures; it shows that the total is the complement of last resort.
    suppressDerivable(relations);
    expect((relations[0] as { total: Cell }).total).toEqual({ value: null, suppressed: true, secondary: true });
  });

  it('leaves figures alone when nothing is withheld, or when two cells already hide each other', () => {
    const untouched: Relation[] = [
      { kind: 'sum', label: 'by agency', total: count(20), parts: [count(8), count(12)] },
      { kind: 'sum', label: 'by source', total: count(9), parts: [count(2), count(3), count(0), count(4)] },
    ];
    const before = JSON.stringify(untouched);
    suppressDerivable(untouched);
    expect(JSON.stringify(untouched)).toBe(before);
  });
});

const day = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

const actionFact: fc.Arbitrary<ActionFact> = fc
  .record({
    ownerAgencyId: fc.constantFrom(...AGENCIES.map((agency) => agency.id)),
    status: fc.constantFrom('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'BLOCKED', 'CANCELLED'),
    createdOn: day('2025-12-01', '2026-06-30'),
    dueDate: day('2026-01-01', '2026-12-31'),
    completedAfter: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ completedAfter, ...fact }) => ({
    ...fact,
    completedOn:
      fact.status === 'COMPLETED' ? new Date(Date.parse(fact.createdOn) + completedAfter * 86_400_000).toISOString().slice(0, 10) : null,
  }));

const referralFact: fc.Arbitrary<ReferralFact> = fc.record({
  subjectKey: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'),
  referrerAgencyId: fc.constantFrom(...AGENCIES.map((agency) => agency.id)),
  submittedAt: day('2025-03-01', '2026-06-30').map((date) => new Date(`${date}T10:00:00Z`)),
  criteria: fc.constantFrom([], ['REPEAT_REFERRAL']),
});

const band = fc.constantFrom('LOW', 'MEDIUM', 'HIGH', null);
const partnership: fc.Arbitrary<GovernanceFacts> = fc.record({
  agencies: fc.constant(AGENCIES),
  actions: fc.array(actionFact, { maxLength: 40 }),
  cases: fc.array(
    fc.record({
      openedOn: day('2025-06-01', '2026-06-30'),
      closedOn: fc.option(day('2026-01-01', '2026-06-30'), { nil: null }),
      currentBand: band,
      referralBand: band,
    }),
    { maxLength: 25 },
  ),
  referrals: fc.array(referralFact, { maxLength: 40 }),
  interventions: fc.constant([]),
});

describe('the published governance figures', () => {
  it('let no withheld cell be recomputed from any published figure', () => {
    fc.assert(
      fc.property(partnership, (facts) => {
        const figures = governanceFigures(facts, PERIOD, TODAY, true);
        expect(recomputable(relationsOf(figures))).toEqual([]);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('withhold nothing beyond small counts for those who see exact figures', () => {
    fc.assert(
      fc.property(partnership, (facts) => {
        const figures = governanceFigures(facts, PERIOD, TODAY, false);
        expect(JSON.stringify(figures)).not.toContain('"suppressed":true');
      }),
      { numRuns: 50, seed: 20261207 },
    );
  });

  it('without secondary suppression the same random partnerships would leak, so the property has teeth', () => {
    let leaking = 0;
    fc.assert(
      fc.property(partnership, (facts) => {
        const primaryOnly = governanceFigures(facts, PERIOD, TODAY, false);
        // Re-apply primary suppression alone, cell by cell, to the exact figures.
        const relations = relationsOf(primaryOnly);
        for (const relation of relations)
          for (const cell of relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.part, relation.base])
            if (cell.value !== null && cell.value > 0 && cell.value < 5) Object.assign(cell, { value: null, suppressed: true });
        if (recomputable(relations).length > 0) leaking += 1;
      }),
      { numRuns: 100, seed: 20261207 },
    );
    expect(leaking).toBeGreaterThan(10);
  });
});
