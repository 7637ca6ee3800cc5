import { compareActions, type OrderedAction } from '../../api/domain/actions/ordering';

const action = (title: string, dueDate: string, riskBand: OrderedAction['riskBand']): OrderedAction => ({ title, dueDate, riskBand });

// A chair's list on a November morning: a long-overdue low-risk action, two high-risk ones due the
// same day, a medium one, and one on a case nobody has assessed yet.
const LIST = [
  action('Install a doorbell camera', '2026-11-30', 'MEDIUM'),
  action('Share the CCTV log', '2026-10-01', 'LOW'),
  action('Visit the victim', '2026-11-25', 'HIGH'),
  action('Check the tenancy', '2026-12-10', null),
  action('Apply for an injunction', '2026-11-25', 'HIGH'),
];

const titles = (list: OrderedAction[]) => list.map((item) => item.title);

describe('the order of outstanding actions', () => {
  it('puts the oldest due date first, and the title in alphabetical order for the same day', () => {
    expect(titles([...LIST].sort(compareActions('due')))).toEqual([
      'Share the CCTV log',
      'Apply for an injunction',
      'Visit the victim',
      'Install a doorbell camera',
      'Check the tenancy',
    ]);
  });

  it('puts high-risk cases first, then medium, low and unassessed, each band by due date', () => {
    expect(titles([...LIST].sort(compareActions('risk')))).toEqual([
      'Apply for an injunction',
      'Visit the victim',
      'Install a doorbell camera',
      'Share the CCTV log',
      'Check the tenancy',
    ]);
  });
});
