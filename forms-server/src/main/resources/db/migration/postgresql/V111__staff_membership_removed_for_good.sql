-- A removed membership stays removed and disabled (ADR 0094): no update clears it.
CREATE TRIGGER staff_user_removed_for_good BEFORE UPDATE ON staff_user FOR EACH ROW
WHEN (OLD.removed_at IS NOT NULL AND (NEW.removed_at IS DISTINCT FROM OLD.removed_at OR NEW.disabled <> 1))
    EXECUTE FUNCTION polisi_refuse('a removed staff account stays removed and disabled');
