#include "config.h"

#include <glib/gi18n.h>

#include "coordena-window-private.h"

struct _CoordenaWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *stack;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (CoordenaWindow, coordena_window, ADW_TYPE_APPLICATION_WINDOW)

static void coordena_window_restore_state (CoordenaWindow *self);

CoordenaWindow *
coordena_window_new (CoordenaApplication *application)
{
  CoordenaWindow *self = g_object_new (COORDENA_TYPE_WINDOW, "application", application, NULL);

  coordena_window_restore_state (self);
  return self;
}

void
coordena_window_show_page (CoordenaWindow *self, const char *name)
{
  g_return_if_fail (COORDENA_IS_WINDOW (self));
  g_return_if_fail (adw_view_stack_get_child_by_name (self->stack, name) != NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
coordena_window_get_page (CoordenaWindow *self)
{
  g_return_val_if_fail (COORDENA_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  coordena_window_show_page (COORDENA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static GSettings *
window_settings (CoordenaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return COORDENA_IS_APPLICATION (app) ? coordena_application_get_settings (COORDENA_APPLICATION (app)) : NULL;
}

static gboolean
coordena_window_close_request (GtkWindow *window)
{
  CoordenaWindow *self = COORDENA_WINDOW (window);
  GSettings *settings = window_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_set_string (settings, "last-page", coordena_window_get_page (self));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (coordena_window_parent_class)->close_request (window);
}

/* Restores size, maximization and page as the user left them. */
static void
coordena_window_restore_state (CoordenaWindow *self)
{
  GSettings *settings;

  if ((settings = window_settings (self)) != NULL)
    {
      g_autofree char *page = g_settings_get_string (settings, "last-page");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
        adw_view_stack_set_visible_child_name (self->stack, page);
    }
}

static void
coordena_window_class_init (CoordenaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *pages[] = { "painel", "equipes", "previsao", "adesao" };

  window_class->close_request = coordena_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

static void
coordena_window_init (CoordenaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwViewStack *
coordena_window_get_stack (CoordenaWindow *self)
{
  g_return_val_if_fail (COORDENA_IS_WINDOW (self), NULL);
  return self->stack;
}
