-- Schema 5: the records each user opened last, for Home and the
-- "Recently Viewed" list. Trimmed by the store to the newest few per user.
-- IF NOT EXISTS: a database taken back to an older version number by hand
-- (as the migration tests do) may still have the table.

CREATE TABLE IF NOT EXISTS recent_records (
  user_id    INTEGER NOT NULL,
  module     TEXT NOT NULL,
  record_id  INTEGER NOT NULL,
  viewed_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, module, record_id)
);
CREATE INDEX IF NOT EXISTS recent_records_by_time ON recent_records (user_id, viewed_at);
