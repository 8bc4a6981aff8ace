/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <coordena/coordena.h>

#include "coordena-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(CoordenaApplication) app = NULL;

  coordena_application_init_locale ();

  app = coordena_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
