/* crm-test-ui.h — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* Widget tests need a display; without one they report "skipped". */
#define CRM_TEST_UI_INIT(argc, argv)                                          \
  G_STMT_START {                                                              \
    if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) \
      {                                                                       \
        g_printerr ("No display: skipping widget tests\n");                  \
        return 77;                                                            \
      }                                                                       \
    gtk_test_init (argc, argv, NULL);                                         \
    adw_init ();                                                              \
  } G_STMT_END

typedef gboolean (*CrmTestCondition) (gpointer data);

/* Runs the main loop until `condition` holds or `timeout_ms` passes. */
static inline gboolean
crm_test_wait_until (CrmTestCondition condition,
                     gpointer         data,
                     guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return condition (data);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* Runs the main loop for a while (layout, idle callbacks, timeouts). */
static inline void
crm_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* With CRM_TEST_SHOTS=folder set, saves what a window shows as
 * folder/name.png, for looking at the widgets. */
static inline void
crm_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  const char *folder = g_getenv ("CRM_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (folder == NULL)
    return;
  crm_test_spin (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  gdk_texture_save_to_png (texture, path);
}
