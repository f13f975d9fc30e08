/* crm-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the arguments ask for a command-line action (--demo, --import,
 * --help, ...) rather than the window. "--database PATH" alone is the
 * window's. Looks at the arguments only; changes nothing. */
gboolean  crm_cli_is_command  (int    argc,
                               char **argv);

/* Runs the action without a display and returns the exit status: 0 on
 * success, 1 on any error (printed to stderr as "crm: <message>"). */
int       crm_cli_run         (int    argc,
                               char **argv);

G_END_DECLS
