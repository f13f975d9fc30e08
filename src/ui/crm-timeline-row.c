/* crm-timeline-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-timeline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-timeline-row.h"

char *
crm_format_relative_time (gint64 time,
                          gint64 now)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (time);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  gint64 diff = now - time;
  gint64 days;

  if (then == NULL)
    return g_strdup ("");
  if (diff < 60 && diff > -60)
    return g_strdup (_("Just now"));
  if (diff > 0 && diff < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", diff / 60),
                            (int) (diff / 60));

  /* Hours today, then calendar days: "Yesterday" means the day before
   * today, not 24 hours ago. */
  today = g_date_time_new_from_unix_local (now);
  midnight = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today),
                                    g_date_time_get_day_of_month (today), 0, 0, 0);
  if (diff > 0 && time >= g_date_time_to_unix (midnight))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", diff / 3600),
                            (int) (diff / 3600));
  if (time < g_date_time_to_unix (midnight))
    {
      days = (g_date_time_to_unix (midnight) - time) / 86400 + 1;
      if (days == 1)
        return g_strdup (_("Yesterday"));
      if (days < 7)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), (int) days);
    }
  /* Translators: a date in the timeline, see g_date_time_format() */
  return g_strstrip (g_date_time_format (then, _("%e %b %Y")));
}

char *
crm_format_full_time (gint64 time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (time);

  if (then == NULL)
    return g_strdup ("");
  /* Translators: a full date and time, see g_date_time_format() */
  return g_strstrip (g_date_time_format (then, _("%A, %e %B %Y, %H:%M")));
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static char *
describe_changes (CrmTimelineEntry *entry)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      CrmFieldChange *change = g_ptr_array_index (entry->changes, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a field change in the timeline: "Stage: Qualification → Negotiation" */
      g_string_append_printf (text, _("%s: %s → %s"), change->label, or_dash (change->old_text),
                              or_dash (change->new_text));
    }
  return g_string_free (text, FALSE);
}

GtkWidget *
crm_timeline_row_new (CrmStore         *store,
                      const char       *module_name,
                      CrmTimelineEntry *entry,
                      gint64            now)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  const char *singular = module ? crm_module_get_singular (module) : module_name;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *time_label;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  g_autofree char *full = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon = "document-edit-symbolic";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  switch (entry->kind)
    {
    case CRM_TIMELINE_CREATED:
      icon = "document-new-symbolic";
      /* Translators: the timeline, e.g. "Lead created" */
      title = g_strdup_printf (_("%s created"), singular);
      break;

    case CRM_TIMELINE_UPDATED:
      icon = entry->is_undo ? "edit-undo-symbolic" : "document-edit-symbolic";
      if (entry->is_undo)
        title = g_strdup (_("Change undone"));
      else if (entry->changes->len == 1)
        /* Translators: the timeline, e.g. "Stage changed" */
        title = g_strdup_printf (_("%s changed"), ((CrmFieldChange *) entry->changes->pdata[0])->label);
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field changed", "%u fields changed",
                                              entry->changes->len), entry->changes->len);
      detail = describe_changes (entry);
      break;

    case CRM_TIMELINE_DELETED:
      icon = "user-trash-symbolic";
      title = g_strdup (_("Moved to the recycle bin"));
      break;

    case CRM_TIMELINE_RESTORED:
      icon = "edit-undo-symbolic";
      title = g_strdup (_("Restored from the recycle bin"));
      break;

    case CRM_TIMELINE_NOTE:
      icon = "text-x-generic-symbolic";
      if (entry->title != NULL && *entry->title != '\0')
        /* Translators: the timeline, e.g. "Note: First call" */
        title = g_strdup_printf (_("Note: %s"), entry->title);
      else
        title = g_strdup (_("Note added"));
      detail = g_strdup (entry->text);
      break;

    case CRM_TIMELINE_ACTIVITY:
      {
        CrmModule *activity = crm_store_get_module (store, entry->item_module);

        icon = activity && crm_module_get_icon_name (activity) ? crm_module_get_icon_name (activity)
                                                                : "x-office-calendar-symbolic";
        /* Translators: the timeline, e.g. "Task: Send the quote" */
        title = g_strdup_printf (_("%s: %s"), activity ? crm_module_get_singular (activity) : entry->item_module,
                                 entry->title);
        detail = g_strdup (entry->text);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data_full (G_OBJECT (row), "module", g_strdup (entry->item_module), g_free);
        g_object_set_data_full (G_OBJECT (row), "record-id", g_memdup2 (&entry->item_id, sizeof (gint64)), g_free);
        break;
      }

    case CRM_TIMELINE_ATTACHMENT:
      icon = "mail-attachment-symbolic";
      /* Translators: the timeline, e.g. "File attached: offer.pdf" */
      title = g_strdup_printf (_("File attached: %s"), entry->title);
      detail = g_strdup (entry->text);
      break;

    default:
      title = g_strdup ("");
      break;
    }

  if (entry->user_name != NULL && detail != NULL && *detail != '\0')
    /* Translators: a timeline row's subtitle: who, then what */
    subtitle = g_strdup_printf (_("By %s\n%s"), entry->user_name, detail);
  else if (entry->user_name != NULL)
    subtitle = g_strdup_printf (_("By %s"), entry->user_name);
  else
    subtitle = g_strdup (detail);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Long notes stay readable on their page; the timeline shows the start. */
  if (entry->kind == CRM_TIMELINE_NOTE)
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);

  when = crm_format_relative_time (entry->time, now);
  full = crm_format_full_time (entry->time);
  time_label = gtk_label_new (when);
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "caption");
  gtk_widget_set_valign (time_label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (time_label, full);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);
  if (entry->kind == CRM_TIMELINE_ACTIVITY)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}
