-- Schema 1: metadata, users, history, notes, attachments, relations,
-- company, settings, saved views and the global search index.
-- Module tables (leads, accounts, ...) are created by the store from the
-- metadata rows, by the same code that creates custom modules.

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT,
  role        TEXT,
  active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE modules (
  id           INTEGER PRIMARY KEY,
  api_name     TEXT NOT NULL UNIQUE,
  table_name   TEXT NOT NULL UNIQUE,
  singular     TEXT NOT NULL,
  plural       TEXT NOT NULL,
  icon_name    TEXT,
  title_fields TEXT NOT NULL,
  kanban_field TEXT,
  position     INTEGER NOT NULL,
  hidden       INTEGER NOT NULL DEFAULT 0,
  is_custom    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fields (
  id            INTEGER PRIMARY KEY,
  module        TEXT NOT NULL REFERENCES modules (api_name) ON UPDATE CASCADE ON DELETE CASCADE,
  api_name      TEXT NOT NULL,
  label         TEXT NOT NULL,
  type          TEXT NOT NULL,
  flags         INTEGER NOT NULL DEFAULT 0,
  max_length    INTEGER NOT NULL DEFAULT 0,
  scale         INTEGER NOT NULL DEFAULT 0,
  min_value     INTEGER,
  max_value     INTEGER,
  lookup_module TEXT,
  section       TEXT,
  position      INTEGER NOT NULL,
  default_value TEXT,
  UNIQUE (module, api_name)
);

-- meaning: what program logic keys on (won, lost, open, closed, delivered,
-- cancelled, paid), so that users may rename values freely.
CREATE TABLE picklist_values (
  id                INTEGER PRIMARY KEY,
  module            TEXT NOT NULL,
  field             TEXT NOT NULL,
  value             TEXT NOT NULL,
  position          INTEGER NOT NULL,
  meaning           TEXT,
  probability       INTEGER,
  forecast_category TEXT,
  UNIQUE (module, field, value),
  FOREIGN KEY (module, field) REFERENCES fields (module, api_name) ON UPDATE CASCADE ON DELETE CASCADE
);

-- One row per user action (create, edit, delete, mass update, import):
-- the unit that Undo reverts.
CREATE TABLE changes (
  id          INTEGER PRIMARY KEY,
  time        INTEGER NOT NULL,
  user_id     INTEGER,
  action      TEXT NOT NULL,
  module      TEXT,
  description TEXT,
  undone      INTEGER NOT NULL DEFAULT 0
);

-- old_value / new_value have no declared type so that integers stay
-- integers and text stays text: Undo writes them back unchanged.
CREATE TABLE history (
  id          INTEGER PRIMARY KEY,
  change_id   INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
  module      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  time        INTEGER NOT NULL,
  user_id     INTEGER,
  action      TEXT NOT NULL,
  field       TEXT,
  old_value,
  new_value
);
CREATE INDEX history_by_record ON history (module, record_id, id);
CREATE INDEX history_by_change ON history (change_id);
CREATE INDEX history_by_time ON history (time);

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  module      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  title       TEXT,
  content     TEXT NOT NULL DEFAULT '',
  owner_id    INTEGER,
  created_at  INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  deleted_at  INTEGER
);
CREATE INDEX notes_by_record ON notes (module, record_id);

CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  module      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  file_name   TEXT NOT NULL,
  mime_type   TEXT,
  size        INTEGER NOT NULL,
  data        BLOB NOT NULL,
  owner_id    INTEGER,
  created_at  INTEGER NOT NULL,
  deleted_at  INTEGER
);
CREATE INDEX attachments_by_record ON attachments (module, record_id);

-- Many-to-many links: campaign members, contact roles on deals,
-- price book entries.
CREATE TABLE relations (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  from_module TEXT NOT NULL,
  from_id     INTEGER NOT NULL,
  to_module   TEXT NOT NULL,
  to_id       INTEGER NOT NULL,
  role        TEXT,
  value       INTEGER,
  UNIQUE (kind, from_module, from_id, to_module, to_id)
);
CREATE INDEX relations_to ON relations (kind, to_module, to_id);

CREATE TABLE company (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  name              TEXT NOT NULL DEFAULT '',
  alias             TEXT,
  phone             TEXT,
  mobile            TEXT,
  fax               TEXT,
  website           TEXT,
  email             TEXT,
  employee_count    INTEGER,
  description       TEXT,
  street            TEXT,
  city              TEXT,
  state             TEXT,
  zip_code          TEXT,
  country           TEXT,
  tax_id            TEXT,
  logo              BLOB,
  home_currency     TEXT NOT NULL DEFAULT 'USD',
  fiscal_year_start INTEGER NOT NULL DEFAULT 1
);
INSERT INTO company (id) VALUES (1);

-- Database-wide settings that print or drive logic (document prefixes,
-- template); per-user interface state lives in GSettings instead.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value
);

CREATE TABLE custom_views (
  id          INTEGER PRIMARY KEY,
  module      TEXT NOT NULL,
  name        TEXT NOT NULL,
  criteria    TEXT NOT NULL DEFAULT '',
  columns     TEXT,
  sort_field  TEXT,
  sort_desc   INTEGER NOT NULL DEFAULT 0,
  owner_id    INTEGER,
  UNIQUE (module, name)
);

-- The global search index: one row per live record, rowid derived from
-- the module id and the record id so that a write replaces its row
-- without a scan.
CREATE VIRTUAL TABLE search_index USING fts5 (
  module UNINDEXED,
  record_id UNINDEXED,
  title,
  terms,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
