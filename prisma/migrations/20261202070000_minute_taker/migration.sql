-- The minute-taker records the actions a panel agrees (issue 6: "the chair or minute-taker assigns").
ALTER TYPE "MemberRole" ADD VALUE 'MINUTE_TAKER';
