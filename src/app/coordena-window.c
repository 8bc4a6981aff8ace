/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/ruleset.h>

#include "coordena-adhesion-page.h"
#include "coordena-databases.h"
#include "coordena-editing.h"
#include "coordena-table-export.h"
#include "coordena-teams-page.h"
#include "coordena-first-run.h"
#include "coordena-import-dialog.h"
#include "coordena-oficio-files.h"
#include "coordena-damaged-restore.h"
#include "coordena-file-chooser.h"
#include "coordena-dashboard-page.h"
#include "coordena-forecast-page.h"
#include "coordena-server-watch.h"
#include "coordena-window-private.h"
#include "coordena-workspace.h"

struct _CoordenaWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *stack;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton *primary_menu_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkWidget *restore_damaged_button;
  CoordenaFirstRun *first_run;
  CoordenaDashboardPage *painel_page;
  CoordenaTeamsPage *equipes_page;
  CoordenaForecastPage *previsao_page;

  GMenu *recent_menu;

  GSettings *settings;           /* construct-only: the application's, for the workspace */
  CoordenaWorkspace *workspace;
  char *remembered_path;         /* the database last recorded in the settings */
  AdwToast *last_toast;          /* weak: the toast shown last, for the tests */
  GtkWidget *rules_banner;       /* a user rule file did not load: the shipped sets are in use */
  GtkLabel *rules_banner_label;
};

G_DEFINE_FINAL_TYPE (CoordenaWindow, coordena_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SETTINGS, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void coordena_window_restore_state (CoordenaWindow *self);
static void coordena_window_open_database (CoordenaWindow *self);
static GSettings *window_settings (CoordenaWindow *self);
static void update_recent_menu (CoordenaWindow *self);
static void coordena_window_constructed (GObject *object);

CoordenaWindow *
coordena_window_new (GtkApplication *application, GSettings *settings)
{
  CoordenaWindow *self = g_object_new (COORDENA_TYPE_WINDOW, "application", application, "settings", settings, NULL);

  coordena_window_restore_state (self);
  update_recent_menu (self);
  coordena_window_open_database (self);
  return self;
}

void
coordena_window_add_toast (CoordenaWindow *self, AdwToast *toast)
{
  g_return_if_fail (COORDENA_IS_WINDOW (self));
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
coordena_window_get_restore_damaged_button (CoordenaWindow *self)
{
  return self->restore_damaged_button;
}

AdwToast *
coordena_window_get_last_toast (CoordenaWindow *self)
{
  return self->last_toast;
}

/* A spinner while the database opens, the first-run screen until it has a state, the pages after. */
static void
update_main_stack (CoordenaWindow *self)
{
  const GError *error = coordena_workspace_get_error (self->workspace);
  const char *name;
  gboolean damaged;

  if (!coordena_workspace_is_open (self->workspace))
    {
      name = error != NULL ? "error" : "loading";
      if (error != NULL)
        adw_status_page_set_description (self->error_page, error->message);
    }
  else
    name = coordena_workspace_needs_setup (self->workspace) ? "first-run" : "main";
  /* A damaged database is replaced by a backup from here, as `coordena-cli restore` does. */
  damaged = !coordena_workspace_is_open (self->workspace) && error != NULL
            && g_error_matches (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED);
  gtk_widget_set_visible (self->restore_damaged_button, damaged);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-damaged", damaged);
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), g_str_equal (name, "main"));
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), g_str_equal (name, "main"));
}

/* ---- Databases: open, new, recent, leaving the demonstration ------------------------------- */

static void
update_recent_menu (CoordenaWindow *self)
{
  GSettings *settings = window_settings (self);
  g_auto(GStrv) recent = settings != NULL ? coordena_databases_recent (settings) : g_new0 (char *, 1);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = coordena_databases_label (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Each database the window opens becomes the one to open next time and the first recent one. */
static void
remember_database (CoordenaWindow *self)
{
  GSettings *settings = window_settings (self);
  const char *path = coordena_workspace_get_path (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", coordena_workspace_is_demo (self->workspace));
  if (!coordena_workspace_is_open (self->workspace) || g_strcmp0 (path, self->remembered_path) == 0)
    return;
  g_free (self->remembered_path);
  self->remembered_path = g_strdup (path);
  if (settings != NULL)
    coordena_databases_remember (settings, path);
  update_recent_menu (self);
}

void
coordena_window_switch_database (CoordenaWindow *self, const char *path)
{
  g_return_if_fail (COORDENA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (path, coordena_workspace_get_path (self->workspace)) == 0 && coordena_workspace_is_open (self->workspace))
    return;
  coordena_workspace_open (self->workspace, path);
  update_main_stack (self);
}

gboolean
coordena_window_new_database (CoordenaWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (COORDENA_IS_WINDOW (self), FALSE);

  /* A new database never takes the place of a file: opening one is "Open Database…". */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s already exists, so no new database was made there: choose another name, or use "
                     "“Open Database…” to open it"), path);
      return FALSE;
    }
  coordena_window_switch_database (self, path);
  return TRUE;
}

void
coordena_window_leave_demo (CoordenaWindow *self)
{
  GSettings *settings = window_settings (self);
  const char *current = coordena_workspace_get_path (self->workspace);
  g_autofree char *target = settings != NULL ? coordena_databases_after_demo (settings, current) : coordena_default_db_path ();

  coordena_window_switch_database (self, target);
}

static void
database_chosen (GtkNativeDialog *native, int response, CoordenaWindow *self)
{
  g_autofree char *path = coordena_file_chooser_take_path (native, response);

  if (path != NULL)
    coordena_window_switch_database (self, path);
}

static void
new_database_chosen (GtkNativeDialog *native, int response, CoordenaWindow *self)
{
  g_autofree char *path = coordena_file_chooser_take_path (native, response);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !coordena_window_new_database (self, path, &error))
    coordena_show_error (GTK_WINDOW (self), _("No New Database"), error);
}

static void
database_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);
  gboolean create = g_str_equal (action_name, "win.new-database");
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir_path = coordena_user_datadir ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);

  if (g_str_equal (action_name, "win.leave-demo"))
    {
      coordena_window_leave_demo (self);
      return;
    }
  if (g_str_equal (action_name, "win.open-recent"))
    {
      coordena_window_switch_database (self, g_variant_get_string (parameter, NULL));
      return;
    }
  native = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"), GTK_WINDOW (self),
                                        create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        create ? _("C_reate") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Coordena databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), dir, NULL);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("new-database.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", create ? G_CALLBACK (new_database_chosen) : G_CALLBACK (database_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A banner under the header bar, as long as a rule file of the user's does not load. */
static void
build_rules_banner (CoordenaWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (box, "rules-banner");
  gtk_widget_add_css_class (box, "rules-banner");
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (box, FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->main_stack))), box,
                              GTK_WIDGET (self->header_bar));
  self->rules_banner = box;
  self->rules_banner_label = GTK_LABEL (label);
}

static void
update_rules_banner (CoordenaWindow *self)
{
  g_autofree char *problem = coordena_rule_catalog_dup_user_problem ();
  g_autofree char *text = NULL;

  if (problem != NULL)
    /* TRANSLATORS: a banner; the message says which file, line and rule */
    text = g_strdup_printf (_("A rule file of yours was not loaded, so the forecast uses the rule sets shipped with "
                              "Coordena. Correct or remove the file: %s"), problem);
  gtk_label_set_text (self->rules_banner_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->rules_banner, problem != NULL);
}

GtkWidget *
coordena_window_get_rules_banner (CoordenaWindow *self)
{
  return self->rules_banner;
}

static void
workspace_changed (CoordenaWindow *self)
{
  const GError *error = coordena_workspace_get_error (self->workspace);

  update_main_stack (self);
  remember_database (self);
  update_rules_banner (self);
  coordena_server_watch_update (GTK_WINDOW (self), self->workspace, GTK_WIDGET (self->header_bar));
  coordena_editing_database_changed (GTK_WINDOW (self), coordena_workspace_get_path (self->workspace));
  if (error != NULL && coordena_workspace_is_open (self->workspace))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
coordena_window_open_database (CoordenaWindow *self)
{
  GSettings *settings = window_settings (self);
  g_autofree char *path = NULL;

  if (settings != NULL)
    path = g_settings_get_string (settings, "database-path");
  coordena_workspace_open (self->workspace, path);
  update_main_stack (self);
}

CoordenaWorkspace *
coordena_window_get_workspace (CoordenaWindow *self)
{
  return self->workspace;
}

GtkWidget *
coordena_window_get_page_widget (CoordenaWindow *self, const char *name)
{
  if (g_strcmp0 (name, "first-run") == 0)
    return GTK_WIDGET (self->first_run);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

static void
show_team (CoordenaWindow *self, const char *ine)
{
  coordena_window_show_page (self, "equipes");
  coordena_teams_page_show_team (self->equipes_page, ine);
}

static void
show_kpi (CoordenaWindow *self, guint kpi)
{
  /* The Equipes status filter: all, then regular, at risk, suspended, not evaluated. */
  static const guint status[] = { 0, 2, 3 };

  if (kpi >= G_N_ELEMENTS (status))
    {
      coordena_window_show_page (self, "previsao");
      return;
    }
  coordena_window_show_page (self, "equipes");
  gtk_widget_activate_action (GTK_WIDGET (self->equipes_page), "equipes.clear-filters", NULL);
  coordena_teams_page_set_status_filter (self->equipes_page, status[kpi]);
}

static void
show_municipio (CoordenaWindow *self, const char *ibge)
{
  coordena_window_show_page (self, "equipes");
  coordena_teams_page_show_municipio (self->equipes_page, ibge);
}

/* ---- Import and export ------------------------------------------------------------------- */

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);

  if (g_str_equal (action_name, "win.import-csv"))
    coordena_import_choose_and_run (GTK_WINDOW (self), self->workspace, COORDENA_IMPORT_ROSTER_CSV, FALSE);
  else
    coordena_import_choose_and_run (GTK_WINDOW (self), self->workspace, COORDENA_IMPORT_CNES,
                                    g_str_equal (action_name, "win.import-cnes-folder"));
}

/* Writes the teams table or the roster CSV to path in a worker; a toast says how it went. */
void
coordena_window_export (CoordenaWindow *self, const char *path, gboolean roster)
{
  coordena_table_export_run (self->workspace, path, roster);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);

  coordena_table_export_choose (GTK_WINDOW (self), self->workspace, g_str_equal (action_name, "win.export-roster"));
}

static void
add_team_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);

  coordena_editing_edit_team (GTK_WINDOW (self), self->workspace, NULL);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  coordena_editing_undo (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  coordena_window_show_page (self, "equipes");
  coordena_teams_page_focus_search (self->equipes_page);
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

/* A toast from any widget of the window: gtk_widget_activate_action (widget, "win.toast", "s", text). */
static void
toast_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  coordena_window_add_toast (COORDENA_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
restore_damaged_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaWindow *self = COORDENA_WINDOW (widget);

  coordena_damaged_restore_choose (GTK_WINDOW (self), self->workspace);
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  coordena_window_show_page (COORDENA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static GSettings *
window_settings (CoordenaWindow *self)
{
  return coordena_workspace_get_settings (self->workspace);
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
coordena_window_dispose (GObject *object)
{
  CoordenaWindow *self = COORDENA_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_WINDOW);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->remembered_path, g_free);
  G_OBJECT_CLASS (coordena_window_parent_class)->dispose (object);
}

static void
coordena_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaWindow *self = COORDENA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaWindow *self = COORDENA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_window_class_init (CoordenaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_type_ensure (COORDENA_TYPE_FIRST_RUN);
  g_type_ensure (COORDENA_TYPE_DASHBOARD_PAGE);
  g_type_ensure (COORDENA_TYPE_TEAMS_PAGE);
  g_type_ensure (COORDENA_TYPE_FORECAST_PAGE);
  g_type_ensure (COORDENA_TYPE_ADHESION_PAGE);
  static const char *pages[] = { "painel", "equipes", "previsao", "adesao" };

  object_class->dispose = coordena_window_dispose;
  object_class->constructed = coordena_window_constructed;
  object_class->get_property = coordena_window_get_property;
  object_class->set_property = coordena_window_set_property;

  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Made in constructed() with the settings; every page and dialog gets it from here. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = coordena_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, restore_damaged_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, first_run);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, painel_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, equipes_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, previsao_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, show_team);
  gtk_widget_class_bind_template_callback (widget_class, show_municipio);
  gtk_widget_class_bind_template_callback (widget_class, show_kpi);

  gtk_widget_class_install_action (widget_class, "win.import-cnes", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-cnes-folder", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-teams", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-roster", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.add-team", NULL, add_team_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, database_action);
  gtk_widget_class_install_action (widget_class, "win.restore-damaged", NULL, restore_damaged_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, database_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", database_action);
  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, database_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-cnes", NULL);
  /* Not Shift+Ctrl+I: GtkWindow binds it (and Shift+Ctrl+D) to the GTK Inspector. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-teams", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-team", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

/* The signal's emitter keeps its reference; the overlay takes one of its own. */
static void
workspace_toast (CoordenaWindow *self, GObject *toast)
{
  coordena_window_add_toast (self, g_object_ref (ADW_TOAST (toast)));
}

/* The workspace is made once the application is known, so that it holds the application's
 * settings (a construct property: GtkWindow sets "application" only after constructed()); every page
 * gets it from here. */
static void
coordena_window_constructed (GObject *object)
{
  CoordenaWindow *self = COORDENA_WINDOW (object);

  G_OBJECT_CLASS (coordena_window_parent_class)->constructed (object);

  self->workspace = coordena_workspace_new (self->settings);
  g_signal_connect_swapped (self->workspace, "changed", G_CALLBACK (workspace_changed), self);
  g_signal_connect_swapped (self->workspace, "toast", G_CALLBACK (workspace_toast), self);
  coordena_first_run_set_workspace (self->first_run, self->workspace);
  coordena_dashboard_page_set_workspace (self->painel_page, self->workspace);
  coordena_teams_page_set_workspace (self->equipes_page, self->workspace);
  coordena_forecast_page_set_workspace (self->previsao_page, self->workspace);
  coordena_adhesion_page_set_workspace (COORDENA_ADHESION_PAGE (coordena_window_get_page_widget (self, "adesao")), self->workspace);
}

static void
coordena_window_init (CoordenaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_rules_banner (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", FALSE);
}

AdwViewStack *
coordena_window_get_stack (CoordenaWindow *self)
{
  g_return_val_if_fail (COORDENA_IS_WINDOW (self), NULL);
  return self->stack;
}
