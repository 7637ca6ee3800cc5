-- Approved minutes are circulated to the agencies that attended (issue 15): a Teams message per member
-- of each attending agency, and the day it went out on the minutes so it goes out once.
ALTER TYPE "NotificationKind" ADD VALUE 'MINUTES_READY';
ALTER TABLE "MeetingMinutes" ADD COLUMN "circulatedAt" TIMESTAMP(3);
