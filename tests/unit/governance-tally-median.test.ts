import fc from 'fast-check';
import { medianCell, tallyMedianCell, type Tally } from '../../api/domain/governance/suppression';

const tallyOf = (values: readonly number[]): Tally[] => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, count }));
};

describe('the median of a tally (days to complete as the database counts them)', () => {
  it('is the median of the values it stands for, withheld alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.boolean(), (values, suppress) => {
        expect(tallyMedianCell(tallyOf(values).reverse(), suppress)).toEqual(medianCell(values, suppress));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('reads the middle of two rows and ignores empty ones', () => {
    expect(
      tallyMedianCell(
        [
          { value: 10, count: 2 },
          { value: 0, count: 0 },
          { value: 2, count: 2 },
        ],
        false,
      ),
    ).toEqual({ value: 6, suppressed: false });
    expect(tallyMedianCell([], false)).toEqual({ value: null, suppressed: false });
  });
});
