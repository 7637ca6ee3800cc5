-- An import run holds cases, incidents or open actions: each kind of file has its own columns.
CREATE TYPE "ImportKind" AS ENUM ('CASES', 'INCIDENTS', 'ACTIONS');

ALTER TABLE "ImportRun" ADD COLUMN "kind" "ImportKind" NOT NULL DEFAULT 'CASES';
