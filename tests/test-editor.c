/* test-editor.c — the record editor: create, inline validation, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-date-entry.h"
#include "crm-lookup-entry.h"
#include "crm-record-editor.h"
#include "crm-test-ui.h"
#include "crm-test-util.h"

typedef struct
{
  char            *dir;
  CrmStore        *store;
  GtkWindow       *parent;
  CrmRecordEditor *editor;
  guint            saved;
  gint64           saved_id;
  gint64           change_id;
} Fixture;

static void
on_saved_cb (CrmRecordEditor *editor,
             gint64           record_id,
             gint64           change_id,
             Fixture         *f)
{
  f->saved++;
  f->saved_id = record_id;
  f->change_id = change_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->parent, 800, 600);
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
      gtk_window_destroy (GTK_WINDOW (f->editor));
    }
  gtk_window_destroy (f->parent);
  crm_test_spin (20);
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
open_editor (Fixture    *f,
             const char *module,
             gint64      id,
             gint64      clone_from)
{
  f->editor = CRM_RECORD_EDITOR (crm_record_editor_new (f->parent, f->store, module, id, clone_from));
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_signal_connect (f->editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (f->editor));
  crm_test_spin (50);
}

static CrmFieldEditor *
field (Fixture    *f,
       const char *name)
{
  CrmFieldEditor *editor = crm_record_editor_get_field_editor (f->editor, name);

  g_assert_nonnull (editor);
  return editor;
}

/* Types into an entry row the way a user would. */
static void
type_text (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *input = crm_field_editor_get_input (field (f, name));

  g_assert_true (ADW_IS_ENTRY_ROW (input));
  gtk_editable_set_text (GTK_EDITABLE (input), text);
}

static gboolean
can_save (gpointer data)
{
  Fixture *f = data;
  return crm_record_editor_can_save (f->editor);
}

static gboolean
saved_or_closed (gpointer data)
{
  Fixture *f = data;
  return f->saved > 0 && f->editor == NULL;
}

static gboolean
email_error_shown (gpointer data)
{
  Fixture *f = data;
  return crm_field_editor_get_error (field (f, "email")) != NULL;
}

static gint64
count (Fixture    *f,
       const char *module)
{
  return crm_store_count_records (f->store, module, NULL);
}

static void
test_create_lead (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CrmRecord) record = NULL;

  open_editor (f, "leads", 0, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "New Lead");

  /* Last Name is required: Save starts disabled. */
  g_assert_false (crm_record_editor_can_save (f->editor));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  crm_test_spin (50);
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_cmpint (count (f, "leads"), ==, 0);

  type_text (f, "first_name", "Sari");
  type_text (f, "last_name", "Wijaya");
  type_text (f, "email", "sari@example.com");
  type_text (f, "annual_revenue", "1,250,000.50");
  crm_field_editor_set_text (field (f, "lead_status"), "Contacted");
  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  crm_test_screenshot (GTK_WIDGET (f->editor), "editor-new-lead");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  g_assert_cmpuint (f->saved, ==, 1);
  g_assert_cmpint (f->change_id, >, 0);

  record = crm_store_load_record (f->store, "leads", f->saved_id, NULL);
  g_assert_nonnull (record);
  g_assert_cmpstr (crm_record_get_string (record, "first_name"), ==, "Sari");
  g_assert_cmpstr (crm_record_get_string (record, "last_name"), ==, "Wijaya");
  g_assert_cmpstr (crm_record_get_string (record, "email"), ==, "sari@example.com");
  g_assert_cmpstr (crm_record_get_string (record, "lead_status"), ==, "Contacted");
  g_assert_cmpint (crm_record_get_int (record, "annual_revenue", 0), ==, 125000050);
  /* The new record belongs to the current user; an untouched picklist
   * stays empty. */
  g_assert_cmpint (crm_record_get_int (record, "owner_id", 0), ==, crm_store_get_current_user (f->store));
  g_assert_null (crm_record_get_string (record, "lead_source"));
  g_assert_cmpint (crm_record_get_int (record, "email_opt_out", -1), ==, 0);
}

static void
test_bad_email (Fixture       *f,
                gconstpointer  data)
{
  CrmFieldEditor *email;
  GtkWidget *error_row;

  open_editor (f, "leads", 0, 0);
  type_text (f, "last_name", "Wijaya");
  g_assert_true (crm_test_wait_until (can_save, f, 2000));

  type_text (f, "email", "sari-at-example");
  g_assert_true (crm_test_wait_until (email_error_shown, f, 2000));
  email = field (f, "email");
  g_assert_nonnull (strstr (crm_field_editor_get_error (email), "not a valid email address"));
  /* The message stands on its own under the field. */
  g_assert_false (g_str_has_prefix (crm_field_editor_get_error (email), "Email:"));
  error_row = crm_field_editor_get_error_row (email);
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_true (gtk_widget_has_css_class (crm_field_editor_get_row (email), "error"));
  g_assert_false (crm_record_editor_can_save (f->editor));
  /* Other fields are not blamed. */
  g_assert_null (crm_field_editor_get_error (field (f, "last_name")));
  crm_test_screenshot (GTK_WIDGET (f->editor), "editor-bad-email");

  /* Ctrl+S with an invalid form writes nothing and keeps the editor. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  crm_test_spin (100);
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_nonnull (f->editor);
  g_assert_cmpint (count (f, "leads"), ==, 0);

  /* Fixing it clears the error and enables Save. */
  type_text (f, "email", "sari@example.com");
  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  g_assert_null (crm_field_editor_get_error (email));
  g_assert_false (gtk_widget_get_visible (error_row));
}

static void
test_required_error_after_touch (Fixture       *f,
                                 gconstpointer  data)
{
  open_editor (f, "leads", 0, 0);
  /* Nothing is red before the user has done anything. */
  g_assert_null (crm_field_editor_get_error (field (f, "last_name")));
  type_text (f, "last_name", "W");
  type_text (f, "last_name", "");
  crm_record_editor_validate (f->editor);
  g_assert_nonnull (crm_field_editor_get_error (field (f, "last_name")));
  g_assert_cmpstr (crm_field_editor_get_error (field (f, "last_name")), ==, "A value is required");
}

static void
test_undo_edit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) after = NULL;
  g_autoptr(CrmRecord) undone = NULL;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", "email", "old@example.com", NULL);

  open_editor (f, "leads", id, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "Edit Lead");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_field_editor_get_input (field (f, "email")))),
                   ==, "old@example.com");
  g_assert_false (crm_record_editor_has_changes (f->editor));

  type_text (f, "email", "new@example.com");
  g_assert_true (crm_record_editor_has_changes (f->editor));
  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  g_assert_cmpint (f->saved_id, ==, id);
  g_assert_cmpint (f->change_id, >, 0);

  after = crm_store_load_record (f->store, "leads", id, NULL);
  g_assert_cmpstr (crm_record_get_string (after, "email"), ==, "new@example.com");
  /* Only the edited field was written. */
  g_assert_cmpstr (crm_record_get_string (after, "last_name"), ==, "Wijaya");

  g_assert_true (crm_store_undo_change (f->store, f->change_id, &error));
  g_assert_no_error (error);
  undone = crm_store_load_record (f->store, "leads", id, NULL);
  g_assert_cmpstr (crm_record_get_string (undone, "email"), ==, "old@example.com");
}

static void
test_unchanged_edit_has_no_change (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", NULL);
  gint64 last = crm_store_get_last_change (f->store);

  open_editor (f, "leads", id, 0);
  g_assert_true (crm_record_editor_can_save (f->editor));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  g_assert_cmpint (f->change_id, ==, 0);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last);
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

static gboolean
editor_closed (gpointer data)
{
  Fixture *f = data;
  return f->editor == NULL;
}

static void
test_cancel_asks_when_changed (Fixture       *f,
                               gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* Unchanged: Esc closes at once. */
  open_editor (f, "leads", 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  g_assert_true (crm_test_wait_until (editor_closed, f, 1000));
  g_assert_null (find_dialog ());

  /* Changed: Esc asks; keeping on editing keeps everything. */
  open_editor (f, "leads", 0, 0);
  type_text (f, "last_name", "Wijaya");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  crm_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  /* The dialog closes itself after a response. */
  adw_message_dialog_response (dialog, "cancel");
  crm_test_spin (50);
  g_assert_nonnull (f->editor);

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  crm_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (crm_test_wait_until (editor_closed, f, 1000));
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_cmpint (count (f, "leads"), ==, 0);
}

static gboolean
results_shown (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) != NULL;
}

static void
test_deal_with_lookup_date_and_money (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(CrmRecord) deal = NULL;
  g_autoptr(GDateTime) closing = g_date_time_new_local (2030, 3, 31, 0, 0, 0);
  CrmLookupEntry *lookup;
  GtkListBox *results;
  gint64 account;

  account = crm_test_create (f->store, "accounts", "account_name", "PT Maju Jaya", NULL);
  crm_test_create (f->store, "accounts", "account_name", "CV Lain", NULL);

  open_editor (f, "deals", 0, 0);
  type_text (f, "deal_name", "Server upgrade");
  type_text (f, "amount", "15000");

  lookup = CRM_LOOKUP_ENTRY (crm_field_editor_get_input (field (f, "account_name")));
  crm_lookup_entry_popup (lookup);
  crm_lookup_entry_search (lookup, "maju");
  results = crm_lookup_entry_get_results (lookup);
  g_assert_true (crm_test_wait_until (results_shown, results, 1000));
  g_assert_null (gtk_list_box_get_row_at_index (results, 1));
  crm_test_screenshot (GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (results))), "editor-lookup-popover");
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_cmpint (crm_lookup_entry_get_value (lookup), ==, account);

  crm_date_entry_set_date (CRM_DATE_ENTRY (crm_field_editor_get_input (field (f, "closing_date"))), closing);
  /* The stage starts on its first value and sets the probability. */
  crm_field_editor_set_text (field (f, "stage"), "Negotiation/Review");

  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  crm_test_screenshot (GTK_WIDGET (f->editor), "editor-new-deal");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));

  deal = crm_store_load_record (f->store, "deals", f->saved_id, NULL);
  g_assert_cmpint (crm_record_get_int (deal, "account_name", 0), ==, account);
  g_assert_cmpstr (crm_record_get_string (deal, "closing_date"), ==, "2030-03-31");
  g_assert_cmpint (crm_record_get_int (deal, "amount", 0), ==, 1500000);
  g_assert_cmpstr (crm_record_get_string (deal, "stage"), ==, "Negotiation/Review");
  g_assert_cmpint (crm_record_get_int (deal, "probability", 0), ==, 9000);
}

static void
test_money_reformats (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *amount;

  open_editor (f, "deals", 0, 0);
  amount = crm_field_editor_get_input (field (f, "amount"));
  gtk_widget_grab_focus (amount);
  type_text (f, "amount", "1500.5");
  /* Leaving the field shows the amount as money. */
  gtk_widget_grab_focus (crm_field_editor_get_input (field (f, "deal_name")));
  crm_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "$1,500.50");

  type_text (f, "amount", "12.345");
  crm_record_editor_validate (f->editor);
  g_assert_nonnull (crm_field_editor_get_error (field (f, "amount")));
  g_assert_false (crm_record_editor_can_save (f->editor));
}

static void
test_clone (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrmRecord) copy = NULL;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Wijaya", "company", "PT Maju",
                               "lead_source", "Trade Show", NULL);

  open_editor (f, "leads", 0, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "New Lead");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_field_editor_get_input (field (f, "company")))),
                   ==, "PT Maju");
  type_text (f, "first_name", "Budi");
  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  g_assert_cmpint (f->saved_id, !=, id);
  g_assert_cmpint (count (f, "leads"), ==, 2);
  copy = crm_store_load_record (f->store, "leads", f->saved_id, NULL);
  g_assert_cmpstr (crm_record_get_string (copy, "company"), ==, "PT Maju");
  g_assert_cmpstr (crm_record_get_string (copy, "lead_source"), ==, "Trade Show");
  g_assert_cmpstr (crm_record_get_string (copy, "first_name"), ==, "Budi");
}

static void
test_prefill_hidden (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmRecord) task = NULL;
  gint64 lead = crm_test_create (f->store, "leads", "last_name", "Wijaya", NULL);

  open_editor (f, "tasks", 0, 0);
  crm_record_editor_set_value (f->editor, "related_module", g_variant_new_string ("leads"));
  crm_record_editor_set_value (f->editor, "related_id", g_variant_new_int64 (lead));
  /* Prefilling is not a change by the user. */
  g_assert_false (crm_record_editor_has_changes (f->editor));
  type_text (f, "subject", "Call back");
  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  task = crm_store_load_record (f->store, "tasks", f->saved_id, NULL);
  g_assert_cmpstr (crm_record_get_string (task, "related_module"), ==, "leads");
  g_assert_cmpint (crm_record_get_int (task, "related_id", 0), ==, lead);
}

static void
test_multi_select_switch_and_owner (Fixture       *f,
                                    gconstpointer  data)
{
  static const char * const interests[] = { "CRM", "ERP", "Payroll", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) lead = NULL;
  CrmField *added;
  GtkWidget *opt_out;
  AdwComboRow *owner;
  gint64 sales;

  added = crm_store_add_field (f->store, "leads", "interests", "Interests", CRM_FIELD_MULTI_PICKLIST,
                               CRM_FIELD_FLAG_CUSTOM, NULL, interests, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  sales = crm_store_add_user (f->store, "Dewi Sales", "dewi@example.com", "user", &error);
  g_assert_no_error (error);

  open_editor (f, "leads", 0, 0);
  type_text (f, "last_name", "Wijaya");
  crm_field_editor_set_text (field (f, "interests"), "Payroll; CRM");
  opt_out = crm_field_editor_get_input (field (f, "email_opt_out"));
  g_assert_true (GTK_IS_SWITCH (opt_out));
  gtk_switch_set_active (GTK_SWITCH (opt_out), TRUE);
  owner = ADW_COMBO_ROW (crm_field_editor_get_input (field (f, "owner_id")));
  /* Users are listed by name: "Dewi Sales" before the first user. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (owner)), ==, 2);
  adw_combo_row_set_selected (owner, 0);

  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  lead = crm_store_load_record (f->store, "leads", f->saved_id, NULL);
  g_assert_cmpstr (crm_record_get_string (lead, "interests"), ==, "CRM; Payroll");
  g_assert_cmpint (crm_record_get_int (lead, "email_opt_out", 0), ==, 1);
  g_assert_cmpint (crm_record_get_int (lead, "owner_id", 0), ==, sales);
}

static void
test_meeting_end_follows_start (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2030, 5, 6, 9, 30, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2030, 5, 6, 14, 0, 0);
  g_autoptr(CrmRecord) meeting = NULL;
  CrmDateEntry *from, *to;

  open_editor (f, "events", 0, 0);
  type_text (f, "title", "Kick-off");
  from = CRM_DATE_ENTRY (crm_field_editor_get_input (field (f, "start_time")));
  to = CRM_DATE_ENTRY (crm_field_editor_get_input (field (f, "end_time")));
  g_assert_true (crm_date_entry_get_with_time (from));

  crm_date_entry_set_date (from, start);
  g_assert_nonnull (crm_date_entry_get_date (to));
  g_assert_cmpint (g_date_time_to_unix (crm_date_entry_get_date (to)), ==, g_date_time_to_unix (start) + 3600);

  /* Moving the start past the end moves the end along. */
  crm_date_entry_set_date (from, later);
  g_assert_cmpint (g_date_time_to_unix (crm_date_entry_get_date (to)), ==, g_date_time_to_unix (later) + 3600);

  g_assert_true (crm_test_wait_until (can_save, f, 2000));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  g_assert_true (crm_test_wait_until (saved_or_closed, f, 2000));
  meeting = crm_store_load_record (f->store, "events", f->saved_id, NULL);
  g_assert_cmpint (crm_record_get_int (meeting, "start_time", 0), ==, g_date_time_to_unix (later));
  g_assert_cmpint (crm_record_get_int (meeting, "end_time", 0), ==, g_date_time_to_unix (later) + 3600);
}

static void
test_missing_record (Fixture       *f,
                     gconstpointer  data)
{
  open_editor (f, "leads", 4242, 0);
  g_assert_false (crm_record_editor_can_save (f->editor));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  crm_test_spin (50);
  g_assert_cmpuint (f->saved, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  CRM_TEST_UI_INIT (&argc, &argv);

#define ADD(path, fn) g_test_add ("/editor/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("create", test_create_lead);
  ADD ("bad-email", test_bad_email);
  ADD ("required-after-touch", test_required_error_after_touch);
  ADD ("undo-edit", test_undo_edit);
  ADD ("unchanged-edit", test_unchanged_edit_has_no_change);
  ADD ("cancel-asks", test_cancel_asks_when_changed);
  ADD ("deal-lookup-date-money", test_deal_with_lookup_date_and_money);
  ADD ("money-reformats", test_money_reformats);
  ADD ("clone", test_clone);
  ADD ("prefill-hidden", test_prefill_hidden);
  ADD ("multi-select-switch-owner", test_multi_select_switch_and_owner);
  ADD ("meeting-end-follows-start", test_meeting_end_follows_start);
  ADD ("missing-record", test_missing_record);
#undef ADD

  return g_test_run ();
}
