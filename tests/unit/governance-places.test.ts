import { monthsOf, placesHeatTable } from '../../api/domain/governance/places';

describe('places heat table', () => {
  it.each<[string, string, string[]]>([
    ['2026-01-15', '2026-03-02', ['2026-01', '2026-02', '2026-03']],
    ['2025-12-31', '2026-01-01', ['2025-12', '2026-01']],
    ['2026-05-01', '2026-05-31', ['2026-05']],
  ])('a period from %s to %s spans the months %j', (from, to, months) => {
    expect(monthsOf({ from, to })).toEqual(months);
  });

  const incidents = (area: string, day: string, n: number) => Array.from({ length: n }, () => ({ area, occurredOn: day }));
  const table = (suppress: boolean) =>
    placesHeatTable(
      [
        ...incidents('Exampleford', '2026-01-10', 6),
        ...incidents('Exampleford', '2026-02-10', 4),
        ...incidents('Sampleton', '2026-02-01', 2),
        ...incidents('Testbury', '2026-03-01', 3),
        ...incidents('Testbury', '2026-04-01', 9),
      ],
      [
        { areas: ['Sampleton', 'Sampleton', 'Exampleford'], openedOn: '2026-02-05' },
        { areas: ['Testbury'], openedOn: '2025-12-01' },
      ],
      { from: '2026-01-01', to: '2026-03-31' },
      suppress,
    );

  it('counts incidents and new cases per area and month, busiest area first, and flags hotspots', () => {
    const { months, areas } = table(false);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(
      areas.map((row) => [
        row.area,
        row.incidents.map((c) => c.value),
        row.cases.map((c) => c.value),
        row.incidentsTotal.value,
        row.hotspot,
      ]),
    ).toEqual([
      ['Exampleford', [6, 4, 0], [0, 1, 0], 10, true],
      ['Testbury', [0, 0, 3], [0, 0, 0], 3, false],
      ['Sampleton', [0, 2, 0], [0, 1, 0], 2, false],
    ]);
  });

  it('withholds small counts for members who may not see the cases', () => {
    const exampleford = table(true).areas[0]!;
    expect(exampleford.incidents).toEqual([
      { value: 6, suppressed: false },
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
    expect(exampleford.incidentsTotal).toEqual({ value: 10, suppressed: false });
  });
});
