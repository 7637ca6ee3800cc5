-- The whole VOL: a victim's or perpetrator's home is a place on their case, kept apart from the place
-- reported so the case page can say which is which, and counted in the places figures like any other.
CREATE TYPE "CaseLocationRole" AS ENUM ('REPORTED_PLACE', 'VICTIM_HOME', 'PERPETRATOR_HOME');

ALTER TABLE "CaseLocation" ADD COLUMN "role" "CaseLocationRole" NOT NULL DEFAULT 'REPORTED_PLACE';
ALTER TABLE "CaseLocation" ADD COLUMN "personId" UUID;

CREATE INDEX "CaseLocation_personId_idx" ON "CaseLocation"("personId");

ALTER TABLE "CaseLocation" ADD CONSTRAINT "CaseLocation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
