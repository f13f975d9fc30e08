/* test-record-page.c — the record page: card, details, notes, related lists, timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-attachments.h"
#include "crm-note-row.h"
#include "crm-lookup-entry.h"
#include "crm-record-editor.h"
#include "crm-record-page.h"
#include "crm-related.h"
#include "crm-test-ui.h"
#include "crm-test-util.h"

typedef struct
{
  char          *dir;
  CrmStore      *store;
  GtkWindow     *window;
  CrmRecordPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 1100);
  f->page = CRM_RECORD_PAGE (crm_record_page_new (f->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  crm_test_spin (20);
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

/*
 * Finding widgets the way a user sees them
 */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_in_page (Fixture    *f,
                    const char *text)
{
  return find_label (GTK_WIDGET (f->page), text);
}

static void
show (Fixture    *f,
      const char *view)
{
  crm_record_page_set_view (f->page, view);
  crm_test_spin (50);
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;
  return find_label_in_page (args[0], args[1]) != NULL;
}

static gboolean
wait_for_label (Fixture    *f,
                const char *text)
{
  gpointer args[] = { f, (gpointer) text };
  return crm_test_wait_until (label_shown, args, 2000);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gint64
count_rows (CrmStore   *store,
            const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/*
 * Tests
 */

static void
test_card_and_details (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *title = NULL;
  gint64 id;

  id = crm_test_create (f->store, "leads", "first_name", "Sari", "last_name", "Wijaya", "title", "CFO",
                        "company", "PT Maju Jaya", "email", "sari@example.com", "phone", "+62 812 3456 7890",
                        "lead_status", "Contacted",
                        "description", "Met at the Jakarta trade show. Wants a quote for 40 seats before the "
                        "end of the quarter; budget is approved, the IT team decides on the vendor.", NULL);
  crm_record_page_set_record (f->page, "leads", id);

  g_object_get (f->page, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Sari Wijaya");
  g_assert_cmpstr (crm_record_page_get_view (f->page), ==, "info");

  /* The card: name, job and company, owner, and links to write and call. */
  g_assert_nonnull (find_label_in_page (f, "Sari Wijaya"));
  g_assert_nonnull (find_label_in_page (f, "CFO · PT Maju Jaya · Contacted"));
  g_assert_nonnull (find_label_in_page (f, "sari@example.com"));
  g_assert_nonnull (find_label_in_page (f, "+62 812 3456 7890"));

  /* Details: every field, in its section; empty ones as a dash. */
  g_assert_nonnull (find_label_in_page (f, "Lead Information"));
  g_assert_nonnull (find_label_in_page (f, "Address Information"));
  g_assert_nonnull (find_label_in_page (f, "Annual Revenue"));
  g_assert_nonnull (find_label_in_page (f, "—"));
  /* Hidden system columns stay hidden. */
  g_assert_null (find_label_in_page (f, "Import Batch"));
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-details");
}

static void
test_follows_the_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_test_create (f->store, "accounts", "account_name", "PT Maju", NULL);

  crm_record_page_set_record (f->page, "accounts", id);
  g_assert_cmpstr (crm_record_page_get_title (f->page), ==, "PT Maju");

  g_assert_true (crm_store_set_field (f->store, "accounts", id, "account_name",
                                      g_variant_new_string ("PT Maju Sejahtera"), &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_label (f, "PT Maju Sejahtera"));
  g_assert_cmpstr (crm_record_page_get_title (f->page), ==, "PT Maju Sejahtera");
}

static void
test_notes_in_place (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  AdwMessageDialog *dialog;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", NULL);

  crm_record_page_set_record (f->page, "leads", id);
  show (f, "related");
  g_assert_nonnull (find_label_in_page (f, "No notes yet"));

  /* Add: the composer opens inside the Notes list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "record.add-note", NULL));
  crm_test_spin (50);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (f->page), "note-title")), "First call");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (f->page), "note-text"))),
                            "Interested in 40 seats.", -1);
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-note-composer");
  click (find_named (GTK_WIDGET (f->page), "note-save"));

  notes = crm_store_list_notes (f->store, "leads", id, NULL);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((CrmNote *) notes->pdata[0])->title, ==, "First call");
  g_assert_true (wait_for_label (f, "Interested in 40 seats."));
  g_assert_null (find_label_in_page (f, "No notes yet"));

  /* Edit in place. */
  click (find_named (GTK_WIDGET (f->page), "note-edit"));
  crm_test_spin (50);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (f->page), "note-text"))),
                            "Interested in 60 seats.", -1);
  click (find_named (GTK_WIDGET (f->page), "note-save"));
  g_assert_true (wait_for_label (f, "Interested in 60 seats."));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = crm_store_list_notes (f->store, "leads", id, NULL);
  g_assert_cmpstr (((CrmNote *) notes->pdata[0])->content, ==, "Interested in 60 seats.");
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-related");

  /* Delete asks first. */
  click (find_named (GTK_WIDGET (f->page), "note-delete"));
  crm_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  g_assert_true (wait_for_label (f, "No notes yet"));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = crm_store_list_notes (f->store, "leads", id, NULL);
  g_assert_cmpuint (notes->len, ==, 0);
}

static void
test_related_lists_navigate (Fixture       *f,
                             gconstpointer  data)
{
  gint64 account, contact;
  GtkWidget *label, *row;

  account = crm_test_create (f->store, "accounts", "account_name", "PT Maju", NULL);
  contact = crm_test_create (f->store, "contacts", "first_name", "Sari", "last_name", "Wijaya",
                             "account_name", "PT Maju", "title", "CFO", NULL);
  crm_test_create (f->store, "deals", "deal_name", "Server upgrade", "account_name", "PT Maju",
                   "closing_date", "2030-01-31", "stage", "Qualification", "amount", "15000", NULL);
  crm_test_create (f->store, "tasks", "subject", "Send the quote", "status", "Not Started",
                   "related_module", "accounts", "related_id", "1", NULL);

  crm_record_page_set_record (f->page, "accounts", account);
  show (f, "related");
  g_assert_nonnull (find_label_in_page (f, "Contacts"));
  g_assert_nonnull (find_label_in_page (f, "Deals"));
  g_assert_nonnull (find_label_in_page (f, "Open Activities"));
  g_assert_nonnull (find_label_in_page (f, "Send the quote"));
  g_assert_nonnull (find_label_in_page (f, "Server upgrade"));
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-account-related");

  /* A child row opens the child (here, in the same page). */
  label = find_label_in_page (f, "Sari Wijaya");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (crm_record_page_get_module (f->page), ==, "contacts");
  g_assert_cmpint (crm_record_page_get_record_id (f->page), ==, contact);
  g_assert_cmpstr (crm_record_page_get_title (f->page), ==, "Sari Wijaya");
  /* The account is a link in the contact's details. */
  g_assert_nonnull (find_label_in_page (f, "PT Maju"));
}

static CrmRecordEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (CRM_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CRM_RECORD_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_can_save (gpointer data)
{
  return crm_record_editor_can_save (data);
}

static gboolean
no_editor (gpointer data)
{
  return find_editor () == NULL;
}

static void
test_add_related_records (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(CrmRecord) task = NULL;
  CrmRecordEditor *editor;
  CrmFieldEditor *account;
  gint64 id = crm_test_create (f->store, "accounts", "account_name", "PT Maju", NULL);

  crm_record_page_set_record (f->page, "accounts", id);
  show (f, "related");

  /* "+" on Contacts: a new contact of this account. */
  click (find_named (GTK_WIDGET (f->page), "new-contacts-account_name"));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (crm_record_editor_get_module (editor), ==, "contacts");
  account = crm_record_editor_get_field_editor (editor, "account_name");
  g_assert_cmpint (crm_lookup_entry_get_value (CRM_LOOKUP_ENTRY (crm_field_editor_get_input (account))), ==, id);
  gtk_editable_set_text (GTK_EDITABLE (crm_field_editor_get_input (crm_record_editor_get_field_editor (editor, "last_name"))),
                         "Wijaya");
  g_assert_true (crm_test_wait_until (editor_can_save, editor, 2000));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (no_editor, NULL, 2000));
  g_assert_true (wait_for_label (f, "Wijaya"));

  /* "+" on Open Activities: a task related to this account. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_named (GTK_WIDGET (f->page), "new-activity"));
    GtkPopover *popover;

    g_assert_nonnull (menu);
    gtk_menu_button_popup (menu);
    crm_test_spin (50);
    popover = gtk_menu_button_get_popover (menu);
    /* The first item is "New Task". */
    click (gtk_widget_get_first_child (gtk_popover_get_child (popover)));
  }
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (crm_record_editor_get_module (editor), ==, "tasks");
  gtk_editable_set_text (GTK_EDITABLE (crm_field_editor_get_input (crm_record_editor_get_field_editor (editor, "subject"))),
                         "Send the contract");
  g_assert_true (crm_test_wait_until (editor_can_save, editor, 2000));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (no_editor, NULL, 2000));
  g_assert_true (wait_for_label (f, "Send the contract"));
  task = crm_store_load_record (f->store, "tasks", 1, NULL);
  g_assert_cmpstr (crm_record_get_string (task, "related_module"), ==, "accounts");
  g_assert_cmpint (crm_record_get_int (task, "related_id", 0), ==, id);
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *changed, *created;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", "email", "old@example.com", NULL);

  g_assert_true (crm_store_set_field (f->store, "leads", id, "email", g_variant_new_string ("new@example.com"),
                                      &error));
  g_assert_no_error (error);
  crm_store_add_note (f->store, "leads", id, "Call", "Left a message", &error);
  g_assert_no_error (error);

  crm_record_page_set_record (f->page, "leads", id);
  show (f, "timeline");
  changed = find_label_in_page (f, "Email changed");
  created = find_label_in_page (f, "Lead created");
  g_assert_nonnull (changed);
  g_assert_nonnull (created);
  g_assert_nonnull (find_label_in_page (f, "Note: Call"));
  /* Newest first: the change is above the creation. */
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (changed, GTK_TYPE_LIST_BOX_ROW))),
                   <,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (created, GTK_TYPE_LIST_BOX_ROW))));
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-timeline");
}

static void
test_delete_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", NULL);

  crm_record_page_set_record (f->page, "leads", id);
  /* Alone (no window actions) the page deletes by itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "record.delete", NULL));
  g_assert_true (wait_for_label (f, "This lead is in the recycle bin"));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM leads WHERE deleted_at IS NOT NULL"), ==, 1);
  crm_test_screenshot (GTK_WIDGET (f->window), "record-page-deleted");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "record.restore", NULL));
  g_assert_true (wait_for_label (f, "Wijaya"));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM leads WHERE deleted_at IS NULL"), ==, 1);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\n", 9);
  AdwMessageDialog *dialog;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", NULL);

  crm_record_page_set_record (f->page, "leads", id);
  show (f, "related");
  g_assert_cmpint (crm_store_add_attachment (f->store, "leads", id, "offer.pdf", NULL, bytes, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (wait_for_label (f, "offer.pdf"));

  click (find_named (GTK_WIDGET (f->page), "attachment-delete"));
  crm_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  crm_test_spin (100);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_true (wait_for_label (f, "Drop files here to attach them, up to 25.0\u00a0MB each"));
  g_assert_null (find_label_in_page (f, "offer.pdf"));
}

static void
test_missing_record (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *title = NULL;

  crm_record_page_set_record (f->page, "leads", 4242);
  g_assert_nonnull (find_label_in_page (f, "Record Not Found"));
  g_object_get (f->page, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Record Not Found");
  /* Nothing to edit: no editor opens. */
  {
    guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());
    gtk_widget_activate_action (GTK_WIDGET (f->page), "record.edit", NULL);
    crm_test_spin (50);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  CRM_TEST_UI_INIT (&argc, &argv);

#define ADD(path, fn) g_test_add ("/record-page/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("card-and-details", test_card_and_details);
  ADD ("follows-the-store", test_follows_the_store);
  ADD ("notes-in-place", test_notes_in_place);
  ADD ("related-lists", test_related_lists_navigate);
  ADD ("add-related-records", test_add_related_records);
  ADD ("timeline", test_timeline);
  ADD ("delete-and-restore", test_delete_and_restore);
  ADD ("attachments", test_attachments);
  ADD ("missing-record", test_missing_record);
#undef ADD

  return g_test_run ();
}
