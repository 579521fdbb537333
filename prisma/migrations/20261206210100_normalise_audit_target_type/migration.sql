-- Audit events about deliveries were written with targetType "delivery" (replay, test sends) and
-- "Delivery" (unmask). Every target type is now spelled as the model it names, so the log's
-- filter finds them all under one name.
UPDATE "AuditEvent" SET "targetType" = 'Delivery' WHERE "targetType" = 'delivery';
