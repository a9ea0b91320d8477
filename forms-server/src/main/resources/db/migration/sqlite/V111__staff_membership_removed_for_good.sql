-- A removed membership stays removed and disabled (ADR 0094): no update clears it.
CREATE TRIGGER staff_user_removed_for_good BEFORE UPDATE ON staff_user
WHEN OLD.removed_at IS NOT NULL AND (NEW.removed_at IS NOT OLD.removed_at OR NEW.disabled <> 1)
BEGIN
    SELECT RAISE(ABORT, 'a removed staff account stays removed and disabled');
END;
