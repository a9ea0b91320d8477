-- A copy of a receipt by e-mail (issue 20, docs/adr/0060-receipt-copies-by-email-and-fair-rate-limits.md):
-- a person who gives an e-mail address on the receipt page gets the receipt through the outbox, as
-- staff get alerts (kind 'receipt'), so it is sent once, survives a restart and works across instances.
--
-- The address is kept only until the outbox no longer needs it: it is set to NULL when the mail
-- server accepts the message, when the record is erased, or when the copy could not be sent within
-- three days (ReceiptCopies.GIVE_UP_AFTER). The language is the page's the copy was asked from.
ALTER TABLE outbox ADD COLUMN recipient_address TEXT;
ALTER TABLE outbox ADD COLUMN language TEXT;
