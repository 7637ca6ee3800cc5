-- An action's delivery state is read from its notifications for every row of the chair's list.
CREATE INDEX "Notification_actionId_idx" ON "Notification"("actionId");
