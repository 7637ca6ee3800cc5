-- Chasing an action: when it was last chased (shown on the lists and the action), and how long a
-- partnership makes a chair wait before chasing the same action again.
ALTER TABLE "Partnership" ADD COLUMN "chaseCooldownHours" INTEGER NOT NULL DEFAULT 24;
ALTER TABLE "Action" ADD COLUMN "lastChasedAt" TIMESTAMP(3);
