/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user guide from the window: F1 and "Ajuda" open its front page, the "?" buttons open their
 * page, through the desktop's handler for help: URIs (here a recorder standing where yelp would
 * be). And the roster-import shortcut is one no toolkit binding takes. */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;
static char *db_path;
static char *opened_path; /* the recorder appends each URI it is asked to open, one a line */
static char *mimeapps_path;

/* Makes a small program the default handler of help: URIs for this process, in place of yelp. */
static void
install_help_recorder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = ui_app_temp_dir ("help");
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *apps = g_build_filename (data, "applications", NULL);
  g_autofree char *script = g_build_filename (root, "record-uri", NULL);
  g_autofree char *desktop = g_build_filename (apps, "coordena-test-help.desktop", NULL);
  const char *mimeapps;
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;

  opened_path = g_build_filename (root, "opened", NULL);
  mimeapps = mimeapps_path = g_build_filename (config, "mimeapps.list", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", opened_path);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help recorder\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/help;\nNoDisplay=true\n",
                                  script);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps, "[Default Applications]\nx-scheme-handler/help=coordena-test-help.desktop\n", -1, &error);
  g_assert_no_error (error);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

static char *
read_opened (void)
{
  char *text = NULL;

  if (!g_file_get_contents (opened_path, &text, NULL, NULL))
    return NULL;
  return text;
}

static gboolean
opened_something (gpointer data)
{
  g_autofree char *text = read_opened ();

  return text != NULL && strchr (text, '\n') != NULL;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* What the desktop was asked to open after the action, one URI (the file is reset first). */
static char *
wait_for_opened_uri (void)
{
  g_autofree char *text = NULL;
  /* A file written by another process wakes no main loop: poll. */
  guint ticker = g_timeout_add (20, tick, NULL);

  g_assert_true (ui_app_wait_for (opened_something, NULL));
  g_source_remove (ticker);
  text = read_opened ();
  g_unlink (opened_path);
  g_strchomp (text);
  g_assert_null (strchr (text, '\n'));
  return g_steal_pointer (&text);
}

static GtkButton *
find_help_button (GtkWidget *root, const char *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "app.help") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), page))
            return GTK_BUTTON (child);
        }
      found = find_help_button (child, page);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_f1_opens_the_guide (void)
{
  CoordenaWindow *window = ui_app_open_on (app, db_path, "painel");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help::index");
  g_autofree char *uri = NULL;

  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", "s", "index"));
  uri = wait_for_opened_uri ();
  g_assert_cmpstr (uri, ==, "help:coordena");
}

static GMenuModel *
find_primary_menu (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)), "open-menu-symbolic") == 0)
        return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child));
      found = find_primary_menu (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_menu_has_help (void)
{
  CoordenaWindow *window = ui_app_open_on (app, db_path, "painel");
  GMenuModel *menu = find_primary_menu (GTK_WIDGET (window));
  gboolean found = FALSE;

  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "app.help") == 0)
            {
              g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

              g_assert_nonnull (target);
              g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "index");
              /* What a Portuguese-speaking user reads in the menu (the builder translated it). */
              g_assert_cmpstr (label, ==, "Aj_uda");
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

static void
test_question_buttons_open_their_page (void)
{
  const struct { int width, height; } sizes[] = { { 1100, 720 }, { 1366, 768 } };
  struct { const char *page, *help_page; } buttons[] = {
    { "previsao", "previsao" },
    { "adesao", "oficio" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      CoordenaWindow *window = ui_app_open_on (app, db_path, buttons[i].page);
      GtkWidget *page = coordena_window_get_page_widget (window, buttons[i].page);
      GtkButton *button = find_help_button (page, buttons[i].help_page);
      g_autofree char *expected = g_strconcat ("help:coordena/", buttons[i].help_page, NULL);
      g_autofree char *uri = NULL;
      g_autofree char *source = NULL;

      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_button_get_label (button), ==, "?");

      /* Seen at the default size and on a common laptop screen, inside the window. */
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          graphene_rect_t bounds;
          g_autofree char *shot = g_strdup_printf ("ajuda-%s-%dx%d", buttons[i].page, sizes[s].width, sizes[s].height);
          g_autofree char *png = NULL;

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
          ui_wait_for_frames (GTK_WIDGET (window), 3);
          /* The window's own width, shadows of client-side decorations aside. */
          g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - sizes[s].width), <=, 30);
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (window), &bounds));
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
          g_assert_cmpfloat (bounds.size.width, >=, 16);
          png = ui_save_png (GTK_WIDGET (window), shot);
        }
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
      g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
      g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
      uri = wait_for_opened_uri ();
      g_assert_cmpstr (uri, ==, expected);

      /* The page it names is part of the guide. */
      source = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "help", "pt_BR", NULL);
      {
        g_autofree char *file = g_strconcat (source, G_DIR_SEPARATOR_S, buttons[i].help_page, ".page", NULL);
        g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      }
    }
}

/* Every key a trigger answers, lower-cased, with its modifiers. */
static void
collect_keys (GtkShortcutTrigger *trigger, GArray *keys)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      guint key[2] = { gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))),
                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) };
      g_array_append_vals (keys, key, 2);
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      collect_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
      collect_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
    }
}

/* How many shortcuts of the widget's controllers (its class bindings included) answer the key;
 * with action_name, the actions of those found are checked against it. */
static guint
count_shortcuts_on_key (GtkWidget *widget, guint keyval, GdkModifierType mods, const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint count = 0;

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint));

          collect_keys (gtk_shortcut_get_trigger (shortcut), keys);
          for (guint k = 0; k + 1 < keys->len; k += 2)
            if (g_array_index (keys, guint, k) == keyval && g_array_index (keys, guint, k + 1) == mods)
              {
                GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

                count++;
                if (action_name != NULL)
                  {
                    g_assert_true (GTK_IS_NAMED_ACTION (action));
                    g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, action_name);
                  }
              }
        }
    }
  return count;
}

static void
test_import_csv_shortcut_is_free (void)
{
  CoordenaWindow *window = ui_app_open_on (app, db_path, "equipes");
  const GdkModifierType mods = GDK_CONTROL_MASK | GDK_SHIFT_MASK;
  GType toolkit[] = {
    GTK_TYPE_WINDOW, ADW_TYPE_APPLICATION_WINDOW, GTK_TYPE_TEXT, GTK_TYPE_ENTRY, GTK_TYPE_SEARCH_ENTRY,
    GTK_TYPE_TEXT_VIEW, GTK_TYPE_SPIN_BUTTON, GTK_TYPE_LIST_VIEW, GTK_TYPE_COLUMN_VIEW, GTK_TYPE_LIST_BOX,
    GTK_TYPE_SCROLLED_WINDOW, GTK_TYPE_DROP_DOWN, GTK_TYPE_NOTEBOOK, GTK_TYPE_PANED,
  };
  g_autoptr(GtkWidget) plain_window = g_object_ref_sink (gtk_window_new ());

  /* The binding is the window's only one on the key, and it imports the roster CSV. */
  g_assert_cmpuint (count_shortcuts_on_key (GTK_WIDGET (window), GDK_KEY_r, mods, "win.import-csv"), ==, 1);

  /* The check sees toolkit bindings: GtkWindow's Shift+Ctrl+I opens the GTK Inspector. */
  g_assert_cmpuint (count_shortcuts_on_key (plain_window, GDK_KEY_i, mods, NULL), >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (toolkit); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (toolkit[i], NULL));

      if (count_shortcuts_on_key (widget, GDK_KEY_r, mods, NULL) != 0)
        g_error ("%s already binds Shift+Ctrl+R", g_type_name (toolkit[i]));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
    }
  gtk_window_destroy (GTK_WINDOW (plain_window));

  /* The shortcuts window tells the same key. */
  {
    GtkBuilder *builder = gtk_builder_new_from_resource ("/io/github/coordena/Coordena/gtk/help-overlay.ui");
    GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
    g_autofree char *xml = NULL;
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/coordena/Coordena/gtk/help-overlay.ui", 0, NULL);

    g_assert_nonnull (overlay);
    xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (xml, "&lt;Shift&gt;&lt;Control&gt;r"));
    g_assert_null (strstr (xml, "&lt;Shift&gt;&lt;Control&gt;i"));
    gtk_window_destroy (GTK_WINDOW (overlay));
    g_object_unref (builder);
  }
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_no_help_viewer_says_what_to_install (void)
{
  CoordenaWindow *window = ui_app_open_on (app, db_path, "painel");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  gboolean waited = FALSE;
  guint ticker;
  GtkWindow *dialog;

  /* No handler for help: at all, as on a desktop without yelp. */
  g_file_set_contents (mimeapps_path,
                       "[Removed Associations]\nx-scheme-handler/help=yelp.desktop;coordena-test-help.desktop;\n",
                       -1, &error);
  g_assert_no_error (error);
  /* GIO rereads the file when its monitor notices the change. */
  g_timeout_add (1500, stop_waiting, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", "s", "previsao"));
  ticker = g_timeout_add (20, tick, NULL);
  g_assert_true (ui_app_wait_for (dialog_shown, NULL));
  g_source_remove (ticker);

  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Não foi possível abrir o guia do usuário");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "sudo apt install yelp"));
  g_assert_false (g_file_test (opened_path, G_FILE_TEST_EXISTS));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  png = ui_save_png (GTK_WIDGET (dialog), "ajuda-sem-visualizador");
  gtk_window_destroy (dialog);
  ui_flush ();
}

int
main (int argc, char **argv)
{
  int status;

  install_help_recorder ();
  ui_app_init (&argc, &argv);

  db_path = ui_app_make_database ("SE");
  app = ui_app_new (db_path);

  g_test_add_func ("/help/f1-opens-the-guide", test_f1_opens_the_guide);
  g_test_add_func ("/help/menu-has-help", test_menu_has_help);
  g_test_add_func ("/help/question-buttons-open-their-page", test_question_buttons_open_their_page);
  g_test_add_func ("/help/import-csv-shortcut-is-free", test_import_csv_shortcut_is_free);
  /* Last: it takes the help handler away. */
  g_test_add_func ("/help/no-help-viewer-says-what-to-install", test_no_help_viewer_says_what_to_install);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
