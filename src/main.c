/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application.h"
#include "crm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Command-line actions run without GTK, so they work with no display. */
  if (crm_cli_is_command (argc, argv))
    return crm_cli_run (argc, argv);

  app = crm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
