-- Schema 6: Setup. Company details that print on documents (logo type,
-- business hours, holidays), currencies with exchange rates, workflow
-- rules with their log and notifications, and privacy (GDPR) data.
-- The currency and exchange_rate fields of the money modules are added
-- by _crm_setup_migrate_006 (crm-currencies.c), which needs translated
-- labels.

ALTER TABLE company ADD COLUMN logo_mime TEXT;
-- The logo as PNG for the print renderer when `logo` is JPEG or SVG (the
-- UI converts it: the core has no image decoder).
ALTER TABLE company ADD COLUMN logo_png BLOB;
-- '24x7', '24x5' or 'custom' (then business_hours has the open days).
ALTER TABLE company ADD COLUMN business_hours TEXT NOT NULL DEFAULT '24x7';

-- Open days of custom business hours: ISO weekday (1 = Monday), minutes
-- since midnight. A day without a row is closed.
CREATE TABLE business_hours (
  weekday      INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute)
);

CREATE TABLE holidays (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  date TEXT NOT NULL,
  UNIQUE (date, name)
);

-- rate: how many units of the home currency one unit of `code` buys, in
-- millionths (16,000 rupiah per dollar = 16000000000). The home currency
-- has a row with rate 1000000.
CREATE TABLE currencies (
  code        TEXT PRIMARY KEY,
  rate        INTEGER NOT NULL CHECK (rate > 0),
  active      INTEGER NOT NULL DEFAULT 1,
  modified_at INTEGER
);
INSERT INTO currencies (code, rate) SELECT home_currency, 1000000 FROM company WHERE id = 1;

-- trigger_kind: create, edit, create_or_edit, field_change, date.
-- trigger_value has no type, like history values: it holds the field's
-- stored value (text or integer). date_offset: the rule runs on the day
-- trigger_field + date_offset days (negative: before the date).
CREATE TABLE workflow_rules (
  id            INTEGER PRIMARY KEY,
  module        TEXT NOT NULL REFERENCES modules (api_name) ON UPDATE CASCADE ON DELETE CASCADE,
  name          TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  trigger_kind  TEXT NOT NULL,
  trigger_field TEXT,
  trigger_value,
  date_offset   INTEGER NOT NULL DEFAULT 0,
  criteria      TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL
);
CREATE INDEX workflow_rules_by_module ON workflow_rules (module, active);

-- kind: update_field (field, value), create_task (text = subject, days),
-- notify (text), add_to_campaign (target_id = campaign).
CREATE TABLE workflow_actions (
  id        INTEGER PRIMARY KEY,
  rule_id   INTEGER NOT NULL REFERENCES workflow_rules (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  field     TEXT,
  value,
  text      TEXT,
  days      INTEGER,
  target_id INTEGER
);
CREATE INDEX workflow_actions_by_rule ON workflow_actions (rule_id, position);

-- One row per rule run. run_date is set for date-relative rules: the
-- unique index is what makes them run once per record and day.
CREATE TABLE workflow_log (
  id        INTEGER PRIMARY KEY,
  rule_id   INTEGER NOT NULL REFERENCES workflow_rules (id) ON DELETE CASCADE,
  module    TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  time      INTEGER NOT NULL,
  run_date  TEXT,
  ok        INTEGER NOT NULL,
  message   TEXT
);
CREATE INDEX workflow_log_by_rule ON workflow_log (rule_id, id);
CREATE INDEX workflow_log_by_record ON workflow_log (module, record_id);
CREATE UNIQUE INDEX workflow_log_once_a_day ON workflow_log (rule_id, record_id, run_date)
  WHERE run_date IS NOT NULL;

-- What workflow rules want people to see; the window reads it.
CREATE TABLE notifications (
  id        INTEGER PRIMARY KEY,
  time      INTEGER NOT NULL,
  user_id   INTEGER,
  module    TEXT,
  record_id INTEGER,
  rule_id   INTEGER,
  message   TEXT NOT NULL,
  read      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_user ON notifications (user_id, read, id);

-- Privacy (GDPR) details of one record. basis: legitimate_interests,
-- vital_interests, public_interest, contract, legal_obligation, consent,
-- not_applicable.
CREATE TABLE privacy (
  module          TEXT NOT NULL,
  record_id       INTEGER NOT NULL,
  data_source     TEXT,
  basis           TEXT NOT NULL DEFAULT 'not_applicable',
  contact_email   INTEGER NOT NULL DEFAULT 0,
  contact_phone   INTEGER NOT NULL DEFAULT 0,
  contact_survey  INTEGER NOT NULL DEFAULT 0,
  consent_date    TEXT,
  consent_remarks TEXT,
  erased_at       INTEGER,
  modified_at     INTEGER NOT NULL,
  PRIMARY KEY (module, record_id)
);

-- Fields that hold personal data: exported and erased on request.
CREATE TABLE personal_fields (
  module TEXT NOT NULL,
  field  TEXT NOT NULL,
  PRIMARY KEY (module, field),
  FOREIGN KEY (module, field) REFERENCES fields (module, api_name) ON UPDATE CASCADE ON DELETE CASCADE
);
INSERT INTO personal_fields (module, field)
  SELECT module, api_name FROM fields
  WHERE (module IN ('leads', 'contacts') AND api_name IN (
           'salutation', 'first_name', 'last_name', 'email', 'secondary_email',
           'phone', 'mobile', 'home_phone', 'other_phone', 'fax', 'asst_phone',
           'skype_id', 'twitter', 'date_of_birth',
           'street', 'city', 'state', 'zip_code', 'country',
           'mailing_street', 'mailing_city', 'mailing_state', 'mailing_code', 'mailing_country'))
     OR (module = 'accounts' AND api_name IN (
           'phone', 'fax',
           'billing_street', 'billing_city', 'billing_state', 'billing_code', 'billing_country',
           'shipping_street', 'shipping_city', 'shipping_state', 'shipping_code', 'shipping_country'));

-- The audit log filters history by user and time.
CREATE INDEX history_by_user ON history (user_id, time);
