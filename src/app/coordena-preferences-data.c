/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/clock.h>
#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/numbering.h>

#include "coordena-databases.h"
#include "coordena-file-chooser.h"
#include "coordena-oficio-files.h"
#include "coordena-preferences-data.h"
#include "coordena-server-dialog.h"

struct _CoordenaPreferencesData
{
  AdwPreferencesPage parent_instance;

  AdwActionRow *database_row;
  AdwActionRow *data_dir_row;
  AdwActionRow *server_row;
  AdwActionRow *leave_demo_row;
  AdwPreferencesGroup *recent_group;
  GtkSwitch *show_cns_switch;
  AdwActionRow *backup_row;
  AdwActionRow *restore_row;

  CoordenaWorkspace *workspace;
  char *restore_path;   /* the backup the restore confirmation asks about */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesData, coordena_preferences_data, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
coordena_preferences_data_new (CoordenaWorkspace *workspace)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_DATA, "workspace", workspace, NULL);
}

static GtkWindow *
window_of (CoordenaPreferencesData *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* ---- Backup and restore in a worker ---------------------------------------------------------- */

typedef struct {
  char *db_path;
  char *path;
  gboolean restore;
  char *note;             /* after a restore: the ofícios issued after the copy was made */
  gboolean other_state;   /* the user agreed to a copy of another state's database */
  gboolean told_waiting;
} DataJob;

static void
data_job_free (DataJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->note);
  g_free (job);
}

/* While a backup or restore waits for another program, its row says so; when it ends, the row
 * says what it always says. */
static void
set_row_waiting (CoordenaPreferencesData *self, gboolean restore, gboolean waiting)
{
  if (waiting)
    adw_action_row_set_subtitle (restore ? self->restore_row : self->backup_row,
                                 _("Waiting for another program to let go of the database…"));
  else if (restore)
    adw_action_row_set_subtitle (self->restore_row, _("Replaces everything in the database with the backup’s content"));
  else
    adw_action_row_set_subtitle (self->backup_row, _("A complete copy of the database, to keep elsewhere"));
}

static gboolean
show_waiting (gpointer data)
{
  GTask *task = data;
  DataJob *job = g_task_get_task_data (task);

  if (!g_task_get_completed (task))
    set_row_waiting (g_task_get_source_object (task), job->restore, TRUE);
  return G_SOURCE_REMOVE;
}

/* From the worker thread: the store started waiting for a lock. */
static void
data_waiting (gpointer data)
{
  GTask *task = data;
  DataJob *job = g_task_get_task_data (task);

  if (job->told_waiting)
    return;
  job->told_waiting = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_waiting, g_object_ref (task), g_object_unref);
}

/* A connection of its own: the window keeps the main one. */
static void
data_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DataJob *job = task_data;
  g_autoptr(CoordenaStore) store = NULL;
  GError *error = NULL;

  if ((store = coordena_store_open_full (job->db_path, COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
                                         &error)) != NULL)
    coordena_store_set_wait_func (store, data_waiting, task);
  if (store == NULL
      || !(job->restore ? coordena_store_restore_full (store, job->path, job->other_state, &error)
                        : coordena_store_backup (store, job->path, &error)))
    g_task_return_error (task, error);
  else
    {
      if (job->restore)
        job->note = coordena_numbering_restore_note (store, NULL);
      g_task_return_boolean (task, TRUE);
    }
}

/* The ofícios the restored copy does not know keep their numbers: the user is told which. */
static void
show_restore_note (CoordenaPreferencesData *self, const char *note)
{
  g_autofree char *body = g_strdup_printf (_("Note: %s."), note);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), _("Ofícios Issued After This Copy"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
data_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (source);
  DataJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *text = NULL;

  set_row_waiting (self, job->restore, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      coordena_show_error (window_of (self), job->restore ? _("The Backup Was Not Restored") : _("The Backup Was Not Made"),
                           error);
      return;
    }
  if (job->restore)
    {
      /* TRANSLATORS: a toast after a restore, with the backup's file name */
      text = g_strdup_printf (_("Restored from “%s”"), base);
      coordena_workspace_reload (self->workspace);
      if (job->note != NULL)
        show_restore_note (self, job->note);
    }
  else
    /* TRANSLATORS: a toast after a backup, with its file name */
    text = g_strdup_printf (_("Backup saved as “%s”"), base);
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.toast", "s", text);
}

static void
run_data_job (CoordenaPreferencesData *self, const char *path, gboolean restore, gboolean other_state)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, data_done, NULL);
  DataJob *job = g_new0 (DataJob, 1);

  job->db_path = g_strdup (coordena_workspace_get_path (self->workspace));
  job->path = g_strdup (path);
  job->restore = restore;
  job->other_state = other_state;
  g_task_set_task_data (task, job, (GDestroyNotify) data_job_free);
  g_task_run_in_thread (task, data_thread);
}

void
coordena_preferences_data_backup_to (CoordenaPreferencesData *self, const char *path)
{
  g_return_if_fail (COORDENA_IS_PREFERENCES_DATA (self));

  run_data_job (self, path, FALSE, FALSE);
}

/* ---- Choosing the file, confirming the restore -------------------------------------------------- */

static void
restore_confirmed (AdwMessageDialog *dialog, const char *response, CoordenaPreferencesData *self)
{
  if (self->restore_path != NULL && (g_str_equal (response, "restore") || g_str_equal (response, "restore-other-state")))
    run_data_job (self, self->restore_path, TRUE, g_str_equal (response, "restore-other-state"));
}

/* What a restore replaces, and whose data comes in its place when the copy is of another state. */
static char *
restore_body (CoordenaPreferencesData *self, const char *path, gboolean *other_state)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *their_uf = coordena_store_peek_uf (path);
  g_autofree char *our_uf = NULL;
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);

  if (store != NULL)
    our_uf = coordena_store_get_uf (store);
  *other_state = our_uf != NULL && their_uf != NULL && g_strcmp0 (our_uf, their_uf) != 0;
  if (*other_state)
    /* TRANSLATORS: the restore confirmation's body when the backup is of another state:
     * the file name, the backup's state, this database's state (twice), the backup's state */
    return g_strdup_printf (_("“%s” is a copy of the database of %s, and this database is of %s. Restoring it "
                              "replaces everything of %s — roster, profile, adhesion record and stored ofícios — "
                              "with the data of %s."),
                            base, their_uf, our_uf, our_uf, their_uf);
  /* TRANSLATORS: the restore confirmation's body, with the backup's file name */
  return g_strdup_printf (_("Everything in the database — roster, profile, adhesion record and stored "
                            "ofícios — is replaced by the content of “%s”. Changes made since that "
                            "backup are lost."), base);
}

void
coordena_preferences_data_confirm_restore (CoordenaPreferencesData *self, const char *path)
{
  gboolean other_state = FALSE;
  g_autofree char *body = NULL;
  const char *response;
  AdwMessageDialog *dialog;

  g_return_if_fail (COORDENA_IS_PREFERENCES_DATA (self));

  body = restore_body (self, path, &other_state);
  g_free (self->restore_path);
  self->restore_path = g_strdup (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self),
                                                       other_state ? _("Restore a Copy of Another State?")
                                                                   : _("Restore From This Backup?"),
                                                       body));
  response = other_state ? "restore-other-state" : "restore";
  gtk_widget_set_name (GTK_WIDGET (dialog), "restore-confirm");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response,
                                    other_state ? _("_Replace With Other State") : _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_file_chosen (GtkNativeDialog *native, int response, CoordenaPreferencesData *self)
{
  g_autofree char *path = coordena_file_chooser_take_path (native, response);

  if (path != NULL)
    run_data_job (self, path, FALSE, FALSE);
}

static void
restore_file_chosen (GtkNativeDialog *native, int response, CoordenaPreferencesData *self)
{
  g_autofree char *path = coordena_file_chooser_take_path (native, response);

  if (path != NULL)
    coordena_preferences_data_confirm_restore (self, path);
}

static void
data_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (widget);
  gboolean restore = g_str_equal (action_name, "prefs.restore");
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (restore ? _("Restore From a Backup") : _("Back Up the Database"), window_of (self),
                                        restore ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        restore ? _("_Open") : _("_Save"), _("_Cancel"));
  if (!restore)
    {
      g_autoptr(GDateTime) now = coordena_clock_now ();
      g_autofree char *name = g_date_time_format (now, "coordena-%Y-%m-%d.db");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (self->workspace));
  g_signal_connect_object (native, "response", G_CALLBACK (restore ? restore_file_chosen : backup_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- The secretariat's server -------------------------------------------------------------------- */

static void
use_server (CoordenaPreferencesData *self, const char *address)
{
  /* The same way as a recent database: the window switches and remembers it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.open-recent", "s", address);
}

static void
server_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (widget);
  CoordenaServerDialog *dialog = coordena_server_dialog_new (window_of (self), coordena_workspace_get_path (self->workspace));

  g_signal_connect_object (dialog, "use-server", G_CALLBACK (use_server), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Where the data is: this computer's file, or the server (its address carries no password: one
 * with a password is refused when opened). */
static void
show_server (CoordenaPreferencesData *self)
{
  const char *path = coordena_workspace_get_path (self->workspace);
  g_autofree char *text = NULL;

  if (coordena_store_is_server_name (path))
    {
      g_autofree char *escaped = g_markup_escape_text (path, -1);

      /* TRANSLATORS: the Dados page; the server database's address */
      text = g_strdup_printf (_("In use: the server %s"), escaped);
    }
  else
    text = g_strdup (_("Not in use: the database is a file on this computer. Choose a server to share the work"));
  adw_action_row_set_subtitle (self->server_row, text);
}

/* ---- The rows ------------------------------------------------------------------------------------ */

static GtkWidget *
recent_row (const char *path, const char *current)
{
  /* The subtitle has the whole path: the title needs only the name. */
  g_autofree char *label = coordena_demo_is_db_path (path) || coordena_store_is_server_name (path)
                           ? coordena_databases_label (path) : g_path_get_basename (path);
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_path = g_markup_escape_text (path, -1);
  GtkWidget *row = adw_action_row_new ();

  /* Rows read markup, and a server's address has "&" between its parameters. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_path);
  if (g_strcmp0 (path, current) == 0)
    {
      GtkWidget *in_use = gtk_label_new (_("In use"));

      gtk_widget_add_css_class (in_use, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), in_use);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "prefs.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

static void
build_recent (CoordenaPreferencesData *self, GSettings *settings)
{
  g_auto(GStrv) recent = settings != NULL ? coordena_databases_recent (settings) : NULL;

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    adw_preferences_group_add (self->recent_group, recent_row (recent[i], coordena_workspace_get_path (self->workspace)));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recent != NULL && recent[0] != NULL);
}

static void
coordena_preferences_data_constructed (GObject *object)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (object);
  GSettings *settings = coordena_workspace_get_settings (self->workspace);
  gboolean open = coordena_workspace_get_store (self->workspace) != NULL;

  G_OBJECT_CLASS (coordena_preferences_data_parent_class)->constructed (object);

  if (coordena_workspace_get_path (self->workspace) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (coordena_workspace_get_path (self->workspace), -1);

      adw_action_row_set_subtitle (self->database_row, escaped);
    }
  else
    {
      g_autofree char *db = coordena_default_db_path ();

      adw_action_row_set_subtitle (self->database_row, db);
    }
  adw_action_row_set_subtitle (self->data_dir_row, coordena_datadir ());
  gtk_widget_set_visible (GTK_WIDGET (self->leave_demo_row), coordena_workspace_is_demo (self->workspace));
  if (settings != NULL)
    g_settings_bind (settings, "show-full-cns", self->show_cns_switch, "active", G_SETTINGS_BIND_DEFAULT);
  build_recent (self, settings);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup", open);
  /* A login that may only read restores nothing (the window disables the same in its pages). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.restore", open && coordena_workspace_can_write (self->workspace));
  show_server (self);
}

static void
coordena_preferences_data_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_preferences_data_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_preferences_data_finalize (GObject *object)
{
  CoordenaPreferencesData *self = COORDENA_PREFERENCES_DATA (object);

  g_clear_object (&self->workspace);
  g_free (self->restore_path);
  G_OBJECT_CLASS (coordena_preferences_data_parent_class)->finalize (object);
}

static void
coordena_preferences_data_class_init (CoordenaPreferencesDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_preferences_data_constructed;
  object_class->set_property = coordena_preferences_data_set_property;
  object_class->get_property = coordena_preferences_data_get_property;
  object_class->finalize = coordena_preferences_data_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-data.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, database_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, data_dir_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, server_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, leave_demo_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, show_cns_switch);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, backup_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesData, restore_row);
  gtk_widget_class_install_action (widget_class, "prefs.backup", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.server", NULL, server_action);
}

static void
coordena_preferences_data_init (CoordenaPreferencesData *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
