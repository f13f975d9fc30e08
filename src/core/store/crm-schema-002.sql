-- Schema 2: sales documents. Line items of quotes, sales orders, purchase
-- orders and invoices; tax rates; price book list prices and quantity
-- ranges; the stock each document has applied to products.
-- The new columns of the document tables (discount kind and value,
-- currency) and their field rows are added by _crm_documents_migrate_002,
-- which also gives the pricing models their meanings.

-- Tax rates chosen per line. rate is in basis points (PPN 11% = 1100).
CREATE TABLE IF NOT EXISTS tax_rates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  rate        INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
  position    INTEGER NOT NULL DEFAULT 0
);

-- One row per document line, in position order. Money is in minor units
-- of the document's currency, quantity in thousandths. The tax rate is a
-- snapshot: changing a rate in Setup leaves issued documents alone.
-- amount .. total are the results of crm_line_item_compute(), stored so
-- that every reader shows the figures the document was saved with.
CREATE TABLE IF NOT EXISTS line_items (
  id              INTEGER PRIMARY KEY,
  module          TEXT NOT NULL,
  record_id       INTEGER NOT NULL,
  position        INTEGER NOT NULL,
  product_id      INTEGER,
  name            TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  quantity        INTEGER NOT NULL CHECK (quantity > 0),
  list_price      INTEGER NOT NULL CHECK (list_price >= 0),
  price_book_id   INTEGER,
  discount_kind   INTEGER NOT NULL DEFAULT 0 CHECK (discount_kind BETWEEN 0 AND 2),
  discount        INTEGER NOT NULL DEFAULT 0,
  tax_rate_id     INTEGER,
  tax_rate        INTEGER NOT NULL DEFAULT 0,
  amount          INTEGER NOT NULL,
  discount_amount INTEGER NOT NULL,
  net             INTEGER NOT NULL,
  tax             INTEGER NOT NULL,
  total           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS line_items_by_record ON line_items (module, record_id, position);
CREATE INDEX IF NOT EXISTS line_items_by_product ON line_items (product_id) WHERE product_id IS NOT NULL;

-- A product's list price in a price book.
CREATE TABLE IF NOT EXISTS price_book_entries (
  price_book_id INTEGER NOT NULL,
  product_id    INTEGER NOT NULL,
  list_price    INTEGER NOT NULL CHECK (list_price >= 0),
  PRIMARY KEY (price_book_id, product_id)
);
CREATE INDEX IF NOT EXISTS price_book_entries_by_product ON price_book_entries (product_id);

-- Quantity ranges (thousandths, both ends included; to_qty NULL = no
-- upper end) and their discount in basis points. A Flat book has one row.
CREATE TABLE IF NOT EXISTS price_book_ranges (
  id            INTEGER PRIMARY KEY,
  price_book_id INTEGER NOT NULL,
  from_qty      INTEGER NOT NULL CHECK (from_qty >= 0),
  to_qty        INTEGER,
  discount_bp   INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000)
);
CREATE INDEX IF NOT EXISTS price_book_ranges_by_book ON price_book_ranges (price_book_id, from_qty);

-- What a document currently adds to each product's counters (thousandths).
-- Stock rules compare this with what the document's state asks for and
-- apply the difference, so every path (status change, line edit, delete,
-- restore, undo) converges on the same counters.
CREATE TABLE IF NOT EXISTS stock_effects (
  module      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  product_id  INTEGER NOT NULL,
  in_stock    INTEGER NOT NULL DEFAULT 0,
  in_demand   INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (module, record_id, product_id)
);
