// The statement every attendee accepts before any case is discussed (docs/domain.md §4: information is
// shared under s115 of the Crime and Disorder Act 1998 and the partnership's sharing agreement).
export const CONFIDENTIALITY_STATEMENT =
  'Information shared at this meeting is confidential to the agencies present and is shared under s115 of the Crime and Disorder Act 1998 ' +
  'and the partnership information sharing agreement. It must not be shared outside the meeting or used for any other purpose without ' +
  'the agreement of the agency that provided it.';
