-- A membership can be removed for good (./polisi forms user remove, ADR 0094): a person who has left
-- a school. The row stays, since records name it as their author (views, decisions, chronology,
-- account events) and its chain must still verify; removal also disables it, so every place that
-- leaves out disabled memberships (sign-in, school choice, alerts) leaves it out too, and 'user
-- enable' refuses it. The change is appended to the staff account chain (StaffAccountHistory.REMOVED).
ALTER TABLE staff_user ADD COLUMN removed_at TEXT;
