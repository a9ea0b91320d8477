-- What really became of an alert (tester 3's faults 3 and 8, ADR 0089):
-- sent_to_role: the role whose active accounts the e-mail went to; the recipient_role itself, or
--   headteacher when nobody active holds that role (the e-mail and the confirmation say so);
-- dropped_reason: why it will never be sent (the report was erased or closed before delivery);
--   such a row is no longer pending, and the reason stays for the staff and the subject access search.
ALTER TABLE outbox ADD COLUMN sent_to_role TEXT;
ALTER TABLE outbox ADD COLUMN dropped_reason TEXT;
