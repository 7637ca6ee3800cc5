-- Each partnership counts working days against its own nation's bank holidays.
CREATE TYPE "BankHolidayRegion" AS ENUM ('ENGLAND_AND_WALES', 'SCOTLAND', 'NORTHERN_IRELAND');

ALTER TABLE "Partnership" ADD COLUMN "bankHolidayRegion" "BankHolidayRegion" NOT NULL DEFAULT 'ENGLAND_AND_WALES';
