-- CreateIndex
CREATE INDEX "Delivery_receivedAt_id_idx" ON "Delivery"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_status_receivedAt_idx" ON "Delivery"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Delivery_profileId_status_receivedAt_idx" ON "Delivery"("profileId", "status", "receivedAt");
