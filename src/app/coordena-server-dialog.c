/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-server-dialog.c — choosing the secretariat's database server. The test opens the
 * database in a worker (a server can take seconds to answer, or time out) without creating or
 * updating anything, and says what it found: the server, its version, the state of the database
 * and whether this login may change it. */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "coordena-server-dialog.h"

struct _CoordenaServerDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *address_row;
  GtkButton *test_button;
  GtkButton *use_button;
  GtkSpinner *spinner;
  GtkLabel *result_label;
  GtkImage *result_icon;
  GtkWidget *result_box;

  GCancellable *cancellable;
  char *result;
  gboolean result_ok;
  gboolean testing;
};

G_DEFINE_FINAL_TYPE (CoordenaServerDialog, coordena_server_dialog, ADW_TYPE_WINDOW)

enum { USE_SERVER, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct {
  char *address;
  char *text;
} TestJob;

static void
test_job_free (TestJob *job)
{
  g_free (job->address);
  g_free (job->text);
  g_free (job);
}

/* "banco@servidor" is how messages name a server database; for the reader, the two apart. */
static char *
describe (CoordenaStore *store, const char *address)
{
  g_autofree char *version = coordena_store_server_version (store);
  g_autofree char *user = coordena_store_server_user (store);
  g_autofree char *uf = coordena_store_get_uf (store);
  int schema = coordena_store_get_schema_version (store);
  gboolean can_write = coordena_store_can_write (store);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *base = NULL;

  g_string_append_printf (text, _("Connected to %s."), address);
  g_string_append_c (text, '\n');
  /* TRANSLATORS: the server's PostgreSQL version */
  g_string_append_printf (text, _("Server: PostgreSQL %s."), version != NULL ? version : "?");
  g_string_append_c (text, '\n');
  if (uf != NULL)
    /* TRANSLATORS: the database's state ("CE") and its schema version */
    base = g_strdup_printf (_("Database: Coordena data of %s, schema %d."), uf, schema);
  else
    base = g_strdup_printf (_("Database: Coordena schema %d, no state chosen yet: the first screen asks for it."),
                            schema);
  g_string_append (text, base);
  g_string_append_c (text, '\n');
  if (can_write)
    /* TRANSLATORS: the database login */
    g_string_append_printf (text, _("Your login %s has the role coordenação: it may import, edit and generate "
                                    "documents."), user != NULL ? user : "?");
  else
    g_string_append_printf (text, _("Your login %s has the role leitura: it may view, forecast and make "
                                    "reports, not change anything."), user != NULL ? user : "?");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TestJob *job = task_data;
  g_autoptr(CoordenaStore) store = NULL;
  GError *error = NULL;

  /* A test changes nothing: no schema is created or updated. */
  if ((store = coordena_store_open_full (job->address, COORDENA_STORE_OPEN_READ_ONLY, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->text = describe (store, job->address);
  g_task_return_boolean (task, TRUE);
}

static void
show_result (CoordenaServerDialog *self, const char *text, gboolean ok)
{
  g_free (self->result);
  self->result = g_strdup (text);
  self->result_ok = ok;
  gtk_label_set_text (self->result_label, text);
  gtk_image_set_from_icon_name (self->result_icon, ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), ok ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), ok ? "success" : "warning");
  gtk_widget_set_visible (self->result_box, TRUE);
}

static void
set_testing (CoordenaServerDialog *self, gboolean testing)
{
  self->testing = testing;
  gtk_spinner_set_spinning (self->spinner, testing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !testing);
}

static void
test_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaServerDialog *self = COORDENA_SERVER_DIALOG (source);
  TestJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_testing (self, FALSE);
      show_result (self, error->message, FALSE);
      return;
    }
  set_testing (self, FALSE);
  show_result (self, job->text, TRUE);
}

/* The address as typed, or NULL after saying what is wrong with it. */
static char *
checked_address (CoordenaServerDialog *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));

  if (!coordena_store_is_server_name (address))
    {
      show_result (self, _("Type the server’s address as postgresql://server/database or service=name (a service "
                           "of ~/.pg_service.conf); a database file is opened with “Open Database…”."),
                   FALSE);
      return NULL;
    }
  return g_steal_pointer (&address);
}

void
coordena_server_dialog_test (CoordenaServerDialog *self)
{
  g_autoptr(GTask) task = NULL;
  TestJob *job;
  char *address;

  g_return_if_fail (COORDENA_IS_SERVER_DIALOG (self));

  if (self->testing || (address = checked_address (self)) == NULL)
    return;
  job = g_new0 (TestJob, 1);
  job->address = address;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, test_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) test_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  gtk_widget_set_visible (self->result_box, FALSE);
  set_testing (self, TRUE);
  g_task_run_in_thread (task, test_thread);
}

static void
use_clicked (CoordenaServerDialog *self)
{
  g_autofree char *address = checked_address (self);

  if (address == NULL)
    return;
  g_signal_emit (self, signals[USE_SERVER], 0, address);
  gtk_window_close (GTK_WINDOW (self));
}

void
coordena_server_dialog_set_address (CoordenaServerDialog *self, const char *address)
{
  g_return_if_fail (COORDENA_IS_SERVER_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address != NULL ? address : "");
}

gboolean
coordena_server_dialog_is_testing (CoordenaServerDialog *self)
{
  return self->testing;
}

const char *
coordena_server_dialog_get_result (CoordenaServerDialog *self)
{
  return self->result;
}

gboolean
coordena_server_dialog_get_result_ok (CoordenaServerDialog *self)
{
  return self->result_ok;
}

CoordenaServerDialog *
coordena_server_dialog_new (GtkWindow *parent, const char *current)
{
  CoordenaServerDialog *self = g_object_new (COORDENA_TYPE_SERVER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  if (coordena_store_is_server_name (current))
    coordena_server_dialog_set_address (self, current);
  return self;
}

static void
coordena_server_dialog_dispose (GObject *object)
{
  CoordenaServerDialog *self = COORDENA_SERVER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (coordena_server_dialog_parent_class)->dispose (object);
}

static void
coordena_server_dialog_finalize (GObject *object)
{
  CoordenaServerDialog *self = COORDENA_SERVER_DIALOG (object);

  g_free (self->result);
  G_OBJECT_CLASS (coordena_server_dialog_parent_class)->finalize (object);
}

static void
coordena_server_dialog_class_init (CoordenaServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_server_dialog_dispose;
  object_class->finalize = coordena_server_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* The user chose the address (a string): open that database. */
  signals[USE_SERVER] = g_signal_new ("use-server", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, use_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, CoordenaServerDialog, result_box);
  gtk_widget_class_bind_template_callback_full (widget_class, "test_clicked", G_CALLBACK (coordena_server_dialog_test));
  gtk_widget_class_bind_template_callback_full (widget_class, "use_clicked", G_CALLBACK (use_clicked));
}

static void
coordena_server_dialog_init (CoordenaServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
