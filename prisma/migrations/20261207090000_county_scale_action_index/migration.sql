-- The action lists read one page in due-date order per status (api/services/action-list-query.ts):
-- walking this index in order stops after a page instead of sorting every open action of a county.
CREATE INDEX "Action_partnershipId_status_dueDate_id_idx" ON "Action"("partnershipId", "status", "dueDate", "id");
