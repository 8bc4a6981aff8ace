/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lazy-library.c — see lazy-library.h. */
#include "config.h"

#include <gmodule.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>

#include "lazy-library.h"

gboolean
coordena_lazy_library_load (CoordenaLazyLibrary *library,
                            const char *const   *symbols,
                            gpointer            *slots,
                            guint                n,
                            GError             **error)
{
  if (g_once_init_enter (&library->loaded))
    {
      GModule *module = g_module_open (library->soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        library->failure = g_strdup (g_module_error ());
      for (guint i = 0; module != NULL && library->failure == NULL && i < n; i++)
        if (!g_module_symbol (module, symbols[i], &slots[i]) || slots[i] == NULL)
          library->failure = g_strdup (g_module_error ());
      /* Its functions stay in use for as long as the program runs. */
      if (module != NULL)
        g_module_make_resident (module);
      g_once_init_leave (&library->loaded, 1);
    }
  if (library->failure != NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot load %s, needed for %s: install the package %s (%s)"),
                   library->soname, _(library->what), library->package, library->failure);
      return FALSE;
    }
  return TRUE;
}
