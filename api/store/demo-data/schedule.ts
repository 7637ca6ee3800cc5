// Which meetings each panel held in the last three months and when it meets next.
import { nextMeetingDates, referralCutOff } from '../../domain/agenda/cadence';
import type { CalendarDate } from '../../domain/agenda/calendar-date';
import type { DemoPanel } from './partnership';
import type { IdMaker } from './random';
import { addMinutes, type DemoClock } from './time';

export interface ScheduledMeeting {
  id: string;
  panel: DemoPanel;
  date: CalendarDate;
  startsAt: Date;
  endsAt: Date;
  /** Referrals submitted at or after this instant wait for the following meeting. */
  cutoff: Date;
  held: boolean;
}

const HISTORY_DAYS = 95;

export function panelSchedule(panel: DemoPanel, clock: DemoClock, id: IdMaker): ScheduledMeeting[] {
  const dates = nextMeetingDates(panel.cadence, clock.daysAgo(HISTORY_DAYS), 6);
  if (!dates.ok) throw new Error(`demo panel ${panel.name} has an invalid cadence: ${dates.error.message}`);
  const held = dates.value.filter((date) => date < clock.today);
  const next = dates.value.find((date) => date >= clock.today);
  if (next === undefined) throw new Error(`demo panel ${panel.name} has no next meeting`);
  return [...held, next].map((date) => {
    const startsAt = clock.at(date, panel.startsAt[0], panel.startsAt[1]);
    return {
      id: id('meeting', panel.key, date),
      panel,
      date,
      startsAt,
      endsAt: addMinutes(startsAt, panel.meetingMinutes),
      cutoff: referralCutOff(date, panel.referralCutoffDays).closesAt,
      held: date < clock.today,
    };
  });
}
