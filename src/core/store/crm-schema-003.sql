-- Schema 3: the manual order of cards on Kanban boards.
--
-- One position per record and grouping field (a card keeps it while it
-- stays in its column). A record without a row sorts as if it had
-- -id × 1048576, newest first; moves take the midpoint of their
-- neighbours, and a column is renumbered when a gap runs out.
CREATE TABLE IF NOT EXISTS kanban_positions (
  module      TEXT NOT NULL,
  group_field TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (module, group_field, record_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kanban_positions_by_position
  ON kanban_positions (module, group_field, position, record_id);

-- What a move changed in kanban_positions, so that Undo can put a card
-- back in its place (field values go back through history).
CREATE TABLE IF NOT EXISTS kanban_moves (
  id           INTEGER PRIMARY KEY,
  change_id    INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
  module       TEXT NOT NULL,
  group_field  TEXT NOT NULL,
  record_id    INTEGER NOT NULL,
  old_position INTEGER,
  new_position INTEGER
);
CREATE INDEX IF NOT EXISTS kanban_moves_by_change ON kanban_moves (change_id);
