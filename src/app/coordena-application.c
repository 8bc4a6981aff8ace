/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include <coordena/ruleset.h>

#include "coordena-application.h"
#include "coordena-preferences-window.h"
#include "coordena-window-private.h"

/* The folder the guide is installed in: $datadir/help/<language>/coordena (help/meson.build). */
#define COORDENA_HELP_NAME "coordena"

struct _CoordenaApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CoordenaApplication, coordena_application, ADW_TYPE_APPLICATION)

enum { PROP_0, PROP_SETTINGS, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
coordena_application_init_locale (void)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  /* gtk_init() would call setlocale (LC_ALL, "") again: under LC_ALL=C that brings back the
   * plain C messages locale, where gettext ignores LANGUAGE and the window speaks English. */
  gtk_disable_setlocale ();
}

CoordenaApplication *
coordena_application_new (void)
{
  return g_object_new (COORDENA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/coordena/Coordena",
                       NULL);
}

GSettings *
coordena_application_get_settings (CoordenaApplication *self)
{
  g_return_val_if_fail (COORDENA_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

static void
coordena_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (coordena_window_new (GTK_APPLICATION (app),
                                              coordena_application_get_settings (COORDENA_APPLICATION (app))));
  gtk_window_present (window);
}

static void
coordena_application_quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows first so each one saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (app));
}

static void
coordena_application_about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Equipe Coordena", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Coordena",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Coordena developers"),
                        "developers", developers,
                        "comments", _("Primary-care teams, federal financing forecasts and adhesion ofícios for state health secretariats."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Coordena",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
coordena_application_preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  CoordenaPreferencesWindow *prefs;

  /* Over the window in front; editing the database of the main window most recently used. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (COORDENA_IS_WINDOW (l->data))
      {
        prefs = coordena_preferences_window_new (gtk_application_get_active_window (app),
                                                 coordena_window_get_workspace (l->data));
        gtk_window_present (GTK_WINDOW (prefs));
        return;
      }
}

static void
help_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (window, result, &error))
    return;

  /* Without a help viewer GTK only logs an English warning; say what to install instead. */
  dialog = adw_message_dialog_new (window, _("The User Guide Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The guide is read with the GNOME help viewer. Ask for the “yelp” package to be installed (sudo apt install yelp) and try again.\n\n(%s)"),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
coordena_application_help_uri (const char *page)
{
  if (page == NULL || *page == '\0' || g_str_equal (page, "index"))
    return g_strdup ("help:" COORDENA_HELP_NAME);
  return g_strconcat ("help:" COORDENA_HELP_NAME "/", page, NULL);
}

static void
coordena_application_help_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *uri = coordena_application_help_uri (g_variant_get_string (parameter, NULL));

  if (window == NULL)
    return;
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown, NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "help", .activate = coordena_application_help_action, .parameter_type = "s" },
  { .name = "quit", .activate = coordena_application_quit_action },
  { .name = "about", .activate = coordena_application_about_action },
  { .name = "preferences", .activate = coordena_application_preferences_action },
};

static void
coordena_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (coordena_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help::index", help_accels);
}

static void
coordena_application_dispose (GObject *object)
{
  CoordenaApplication *self = COORDENA_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (coordena_application_parent_class)->dispose (object);
}

static void
coordena_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaApplication *self = COORDENA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, coordena_application_get_settings (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_application_class_init (CoordenaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = coordena_application_dispose;
  object_class->get_property = coordena_application_get_property;

  /* The window and its workspace get it from the application; nothing else looks it up. */
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  app_class->activate = coordena_application_activate;
  app_class->startup = coordena_application_startup;
}

static void
coordena_application_init (CoordenaApplication *self)
{
  /* In the window a broken rule file of the user's must not stop every forecast. */
  coordena_rule_catalog_set_fallback (TRUE);
}
