-- Event ids are stored whole, byte for byte: CHAR(36) with INSERT IGNORE truncated longer ids, so two events
-- alike in their first 36 characters counted as one. ProcessedEvents refuses ids longer than 255 bytes.
ALTER TABLE processed_event MODIFY event_id VARBINARY(255) NOT NULL;
