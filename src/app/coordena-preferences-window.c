#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-preferences-window.h"

struct _CoordenaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwActionRow *database_row;
  AdwActionRow *data_dir_row;
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

CoordenaPreferencesWindow *
coordena_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

static void
coordena_preferences_window_class_init (CoordenaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, data_dir_row);
}

static void
coordena_preferences_window_init (CoordenaPreferencesWindow *self)
{
  g_autofree char *db = coordena_default_db_path ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_action_row_set_subtitle (self->database_row, db);
  adw_action_row_set_subtitle (self->data_dir_row, coordena_datadir ());
}
