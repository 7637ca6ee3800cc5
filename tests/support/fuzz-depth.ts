// How hard the fuzz tests push: FUZZ_DEPTH (a whole number, default 1) multiplies their runs, so a
// nightly or pre-release run can explore ten times as far as the quick run every change gets.
function fuzzDepth(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 1) throw new Error(`FUZZ_DEPTH must be a whole number of 1 or more, not "${value}"`);
  return depth;
}

export const FUZZ_DEPTH = fuzzDepth(process.env.FUZZ_DEPTH);
