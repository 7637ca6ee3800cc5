-- The agenda card posted to a meeting chat, so moving to the next item updates it for everyone.
ALTER TABLE "Meeting" ADD COLUMN "agendaCardActivityId" TEXT;
