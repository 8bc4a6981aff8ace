/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/import.h>
#include <coordena/notification.h>

#include "coordena-import-dialog.h"
#include "coordena-worker.h"

struct _CoordenaImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *progress_page;
  GtkProgressBar *progress_bar;
  GtkLabel *stage_label;
  GtkButton *cancel_button;
  AdwStatusPage *done_page;
  GtkWidget *report_scroller;
  GtkLabel *report_label;
  GtkGrid *problem_grid;
  GtkButton *close_button;

  CoordenaWorkspace *workspace;
  CoordenaImportKind kind;
  char *path;
  GArray *competencias;
  GCancellable *cancellable;

  /* Written by the worker, read by the main loop. */
  GMutex lock;
  double fraction;
  char *stage;
  guint progress_source;
  guint n_progress;             /* reports received from the worker */

  double max_fraction;
  guint pulse_source;
  gboolean running;
  gboolean succeeded;
};

G_DEFINE_FINAL_TYPE (CoordenaImportDialog, coordena_import_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean show_problems (CoordenaImportDialog *self, const char *message, char **description);

static gboolean
show_progress (gpointer user_data)
{
  CoordenaImportDialog *self = user_data;
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->fraction;
  stage = g_steal_pointer (&self->stage);
  self->progress_source = 0;
  g_mutex_unlock (&self->lock);

  if (fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      self->max_fraction = MAX (self->max_fraction, fraction);
    }
  if (stage != NULL)
    gtk_label_set_text (self->stage_label, stage);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: keeps the latest figures and wakes the main loop once. */
static void
progress_cb (double fraction, const char *stage, gpointer user_data)
{
  CoordenaImportDialog *self = user_data;

  g_mutex_lock (&self->lock);
  self->n_progress++;
  if (fraction >= 0)
    self->fraction = fraction;
  if (stage != NULL)
    {
      g_free (self->stage);
      self->stage = g_strdup (stage);
    }
  if (self->progress_source == 0)
    self->progress_source = g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
}

/* A newer competência tells whether the notified teams were fixed, as after `coordena-cli import`:
 * the sentence for the report, or NULL when no notified team changed. The import stands either way. */
static char *
notifications_follow_up (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) roster = coordena_store_load_roster (store, &error);
  g_autoptr(CoordenaSummary) summary = NULL;
  CoordenaNotifyCounts counts;
  guint changed = 0;
  GDate today;

  if (roster == NULL || (summary = coordena_summary_new (roster, NULL, &error)) == NULL
      || !coordena_notification_follow_up (store, summary, &changed, &error))
    return g_strdup_printf (_("The notifications’ follow-up was not updated: %s"), error->message);
  coordena_clock_today (&today);
  if (changed == 0 || !coordena_notification_counts (store, &today, &counts, NULL, NULL))
    return NULL;
  {
    g_autofree char *text = coordena_notify_counts_text (counts.regularized, counts.pending, counts.suspended, FALSE,
                                                         0, 0);

    return g_strdup_printf (_("Notified teams: %s (see Adhesion › Municipalities)."), text);
  }
}

/* What the worker needs, copied from the dialog before it starts: the worker never reads the
 * dialog, only reports its progress through progress_cb (under the lock). */
typedef struct {
  CoordenaImportDialog *dialog;  /* for progress_cb; the task keeps it alive */
  CoordenaImportKind kind;
  char *path;
  GArray *competencias;
  CoordenaImportReport *report;  /* out */
  char *follow_up;               /* out: what the notifications' follow-up found; NULL nothing */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->competencias, g_array_unref);
  g_clear_pointer (&job->report, coordena_import_report_free);
  g_free (job->follow_up);
  g_free (job);
}

static gboolean
import_job (CoordenaStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ImportJob *job = data;

  if (job->kind != COORDENA_IMPORT_DEMO && !coordena_demo_refuse_import (store, error))
    return FALSE;
  switch (job->kind)
    {
    case COORDENA_IMPORT_ROSTER_CSV:
      job->report = coordena_import_roster_csv (store, job->path, progress_cb, job->dialog, cancellable, error);
      break;
    case COORDENA_IMPORT_CNES:
      job->report = coordena_import_cnes (store, job->path, (const CoordenaCompetencia *) job->competencias->data,
                                          job->competencias->len, progress_cb, job->dialog, cancellable, error);
      break;
    case COORDENA_IMPORT_DEMO:
    default:
      job->report = coordena_demo_generate (store, 0, 20251203, error);
      break;
    }
  if (job->report != NULL && job->kind != COORDENA_IMPORT_DEMO)
    job->follow_up = notifications_follow_up (store);
  return job->report != NULL;
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (source);
  ImportJob *job = coordena_worker_get_job (result);
  g_autoptr(GError) error = NULL;
  CoordenaImportReport *report = coordena_worker_finish (result, &error) ? job->report : NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));

  if (report != NULL)
    {
      g_autofree char *report_text = coordena_import_report_to_text (report);
      g_autofree char *text = job->follow_up != NULL ? g_strdup_printf ("%s\n%s", report_text, job->follow_up)
                                                      : g_strdup (report_text);
      g_autofree char *teams = coordena_format_integer (report->n_teams);
      g_autofree char *members = coordena_format_integer (report->n_members);
      g_autofree char *description = NULL;

      self->succeeded = TRUE;
      /* Whatever the last report said, the end is the end. */
      show_progress (self);
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      /* TRANSLATORS: "1.234 equipes e 8.765 vínculos gravados." */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s team and %s memberships saved.",
                                                  "%s teams and %s memberships saved.", report->n_teams), teams, members);
      adw_status_page_set_icon_name (self->done_page, "object-select-symbolic");
      adw_status_page_set_title (self->done_page, _("Import Finished"));
      adw_status_page_set_description (self->done_page, description);
      gtk_label_set_text (self->report_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->report_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_grid), FALSE);
      gtk_widget_set_visible (self->report_scroller, TRUE);
      if (self->kind == COORDENA_IMPORT_DEMO && self->path != NULL)
        coordena_workspace_open (self->workspace, self->path);
      else
        coordena_workspace_reload (self->workspace);
    }
  else
    {
      g_autofree char *description = NULL;
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      adw_status_page_set_icon_name (self->done_page, cancelled ? "process-stop-symbolic" : "dialog-error-symbolic");
      adw_status_page_set_title (self->done_page, cancelled ? _("Import Cancelled") : _("Nothing Was Imported"));
      /* The core's message already says that nothing was changed. */
      description = cancelled ? g_strdup (_("The database was left as it was.")) : g_strdup (error->message);
      if (!cancelled && show_problems (self, error->message, &description))
        gtk_widget_set_visible (self->report_scroller, TRUE);
      else
        gtk_widget_set_visible (self->report_scroller, FALSE);
      adw_status_page_set_description (self->done_page, description);
    }
}

static void
grid_cell (GtkGrid *grid, const char *text, int column, int row, gboolean heading, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (!numeric)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The core lists each problem as "file:line:column: message": a table of them reads better
 * than a wall of paths. The other lines (what was refused, the totals) stay the description,
 * with the file named by its name. FALSE when the message holds no such line. */
static gboolean
show_problems (CoordenaImportDialog *self, const char *message, char **description)
{
  g_autoptr(GRegex) located = g_regex_new ("^(.*):([0-9]+):([0-9]+): (.*)$", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) rest = g_string_new (NULL);
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_grid))) != NULL)
    gtk_grid_remove (self->problem_grid, child);
  grid_cell (self->problem_grid, _("Line"), 0, 0, TRUE, TRUE);
  grid_cell (self->problem_grid, _("Column"), 1, 0, TRUE, TRUE);
  grid_cell (self->problem_grid, _("Problem"), 2, 0, TRUE, FALSE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (located, lines[i], 0, &match))
        {
          g_autofree char *line = g_match_info_fetch (match, 2);
          g_autofree char *column = g_match_info_fetch (match, 3);
          g_autofree char *what = g_match_info_fetch (match, 4);

          grid_cell (self->problem_grid, line, 0, row, FALSE, TRUE);
          grid_cell (self->problem_grid, column, 1, row, FALSE, TRUE);
          grid_cell (self->problem_grid, what, 2, row, FALSE, FALSE);
          row++;
        }
      else if (*lines[i] != '\0')
        {
          const char *text = lines[i];
          g_autofree char *base = NULL;

          /* "/tmp/…/equipes.csv: 1 linha recusada" → "equipes.csv: 1 linha recusada" */
          if (g_path_is_absolute (text) && strstr (text, ": ") != NULL)
            {
              g_autofree char *path = g_strndup (text, (gsize) (strstr (text, ": ") - text));
              g_autofree char *name = g_path_get_basename (path);

              base = g_strconcat (name, strstr (text, ": "), NULL);
              text = base;
            }
          g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n" : "", text);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_grid), row > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->report_label), row == 1);
  if (row == 1)
    return FALSE;
  g_free (*description);
  *description = g_string_free (g_steal_pointer (&rest), FALSE);
  return TRUE;
}

static gboolean
pulse (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

void
coordena_import_dialog_start (CoordenaImportDialog *self)
{
  ImportJob *job;

  g_return_if_fail (COORDENA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->succeeded = FALSE;
  self->max_fraction = 0;
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  /* Until the first figure arrives the bar pulses: reading a big ZIP's index takes a while. */
  self->pulse_source = g_timeout_add (150, pulse, self->progress_bar);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));

  job = g_new0 (ImportJob, 1);
  job->dialog = self;
  job->kind = self->kind;
  job->path = g_strdup (self->path);
  job->competencias = g_array_copy (self->competencias);
  /* The demonstration goes in a database of its own (path), never the one the window has open. */
  coordena_worker_run (self, self->kind == COORDENA_IMPORT_DEMO && self->path != NULL
                               ? self->path : coordena_workspace_get_path (self->workspace),
                       COORDENA_STORE_OPEN_MUST_EXIST, import_job, job, (GDestroyNotify) import_job_free,
                       self->cancellable, import_done, NULL);
}

CoordenaImportDialog *
coordena_import_dialog_new (GtkWindow                 *parent,
                            CoordenaWorkspace         *workspace,
                            CoordenaImportKind         kind,
                            const char                *path,
                            const CoordenaCompetencia *competencias,
                            guint                      n_competencias)
{
  CoordenaImportDialog *self = g_object_new (COORDENA_TYPE_IMPORT_DIALOG, "transient-for", parent, "workspace", workspace, NULL);
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

  self->kind = kind;
  self->path = g_strdup (path);
  if (n_competencias > 0)
    g_array_append_vals (self->competencias, competencias, n_competencias);

  switch (kind)
    {
    case COORDENA_IMPORT_ROSTER_CSV:
      adw_window_title_set_title (self->window_title, _("Import Roster CSV"));
      adw_status_page_set_title (self->progress_page, _("Importing the Roster…"));
      break;
    case COORDENA_IMPORT_CNES:
      adw_window_title_set_title (self->window_title, _("Import CNES Data"));
      adw_status_page_set_title (self->progress_page, _("Importing CNES Data…"));
      break;
    case COORDENA_IMPORT_DEMO:
    default:
      adw_window_title_set_title (self->window_title, _("Demonstration Data"));
      adw_status_page_set_title (self->progress_page, _("Generating Demonstration Data…"));
      adw_status_page_set_icon_name (self->progress_page, "applications-science-symbolic");
      break;
    }
  adw_window_title_set_subtitle (self->window_title, base != NULL ? base : "");
  /* What a screen reader and a window list call the dialog. */
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  gtk_label_set_text (self->stage_label, kind == COORDENA_IMPORT_DEMO ? _("Teams for every municipality of the state, over twelve competências.")
                                                                        : _("Reading the file…"));
  return self;
}

gboolean
coordena_import_dialog_is_running (CoordenaImportDialog *self)
{
  return self->running;
}

gboolean
coordena_import_dialog_succeeded (CoordenaImportDialog *self)
{
  return self->succeeded;
}

double
coordena_import_dialog_get_max_fraction (CoordenaImportDialog *self)
{
  return self->max_fraction;
}

guint
coordena_import_dialog_get_n_progress (CoordenaImportDialog *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_progress;
  g_mutex_unlock (&self->lock);
  return n;
}

const char *
coordena_import_dialog_get_report (CoordenaImportDialog *self)
{
  return gtk_label_get_text (self->report_label);
}

void
coordena_import_dialog_cancel (CoordenaImportDialog *self)
{
  if (self->running)
    {
      gtk_label_set_text (self->stage_label, _("Cancelling: undoing what was written…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      g_cancellable_cancel (self->cancellable);
    }
}

static gboolean
coordena_import_dialog_close_request (GtkWindow *window)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (window);

  /* Closing while it runs means Cancel; the window stays until the rollback ends. */
  if (self->running)
    {
      coordena_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (coordena_import_dialog_parent_class)->close_request (window);
}

static void
close_clicked (CoordenaImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
coordena_import_dialog_dispose (GObject *object)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (coordena_import_dialog_parent_class)->dispose (object);
}

static void
coordena_import_dialog_finalize (GObject *object)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->competencias, g_array_unref);
  g_free (self->path);
  g_free (self->stage);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (coordena_import_dialog_parent_class)->finalize (object);
}

static void
coordena_import_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (object);

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
coordena_import_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaImportDialog *self = COORDENA_IMPORT_DIALOG (object);

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
coordena_import_dialog_class_init (CoordenaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = coordena_import_dialog_dispose;
  object_class->get_property = coordena_import_dialog_get_property;
  object_class->set_property = coordena_import_dialog_set_property;

  /* The database imported into (the demonstration goes into its own file), reloaded after. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = coordena_import_dialog_finalize;
  window_class->close_request = coordena_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, stage_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, report_scroller);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, problem_grid);
  gtk_widget_class_bind_template_child (widget_class, CoordenaImportDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, coordena_import_dialog_cancel);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked);
  /* Escape closes, which while running means Cancel. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
coordena_import_dialog_init (CoordenaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_mutex_init (&self->lock);
  self->fraction = -1;
  self->cancellable = g_cancellable_new ();
  self->competencias = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
}
