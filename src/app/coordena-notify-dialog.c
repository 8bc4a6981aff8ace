/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include <coordena/clock.h>
#include <coordena/competencia.h>
#include <coordena/format.h>
#include <coordena/notification.h>

#include "coordena-display.h"
#include "coordena-notify-dialog-private.h"
#include "coordena-notify-job.h"

struct _CoordenaNotifyDialog
{
  AdwWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *generate_button;
  GtkWidget *preview_button;
  GtkStack *stack;
  GtkLabel *refusal_label;
  AdwPreferencesGroup *municipios_group;
  GtkListBox *municipios_list;
  AdwComboRow *signer_row;
  AdwEntryRow *date_row;
  AdwActionRow *folder_row;
  GtkWidget *folder_button;
  GtkBox *preview_box;
  GtkLabel *preview_label;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  AdwStatusPage *done_page;
  GtkWidget *open_button;

  CoordenaWorkspace *workspace;
  GPtrArray *plan;              /* CoordenaNotifyMunicipio* */
  GPtrArray *checks;            /* GtkCheckButton*, parallel to plan */
  CoordenaCompetencia current;
  guint horizon;
  char *folder;
  char *combined;
  char *refusal;
  GCancellable *cancellable;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (CoordenaNotifyDialog, coordena_notify_dialog, ADW_TYPE_WINDOW)

enum { GENERATED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *const signer_keys[] = { "coordenador", "secretario" };

static CoordenaStore *
store_of (CoordenaNotifyDialog *self)
{
  return coordena_workspace_get_store (self->workspace);
}

static GPtrArray *
ticked (CoordenaNotifyDialog *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (codes, g_strdup (((CoordenaNotifyMunicipio *) g_ptr_array_index (self->plan, i))->ibge7));
  g_ptr_array_add (codes, NULL);
  return codes;
}

/* The request the form describes; FALSE when the date cannot be read. */
static gboolean
read_request (CoordenaNotifyDialog *self, CoordenaNotifyRequest *request, GPtrArray *codes)
{
  guint signer = adw_combo_row_get_selected (self->signer_row);

  memset (request, 0, sizeof *request);
  request->signer = signer_keys[signer < G_N_ELEMENTS (signer_keys) ? signer : 0];
  request->horizon = self->horizon;
  request->municipios = (const char *const *) codes->pdata;
  g_date_clear (&request->date, 1);
  return coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &request->date, NULL);
}

static void
set_refusal (CoordenaNotifyDialog *self, const char *message)
{
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  gtk_label_set_text (self->refusal_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), message != NULL);
}

/* Every rule, checked again on each change, so the refusal shows before the user tries. */
static void
validate (CoordenaNotifyDialog *self)
{
  g_autoptr(GPtrArray) codes = ticked (self);
  g_autoptr(GError) error = NULL;
  CoordenaNotifyRequest request;

  if (self->busy)
    return;
  if (self->plan == NULL || self->plan->len == 0)
    set_refusal (self, _("No municipality has a team suspended or at risk within the horizon: there is nothing to notify."));
  else if (!read_request (self, &request, codes))
    set_refusal (self, _("Write the date as DD/MM/AAAA."));
  else if (!coordena_notification_check (store_of (self), &request, &error))
    set_refusal (self, error->message);
  else if (codes->len <= 1)
    set_refusal (self, _("Tick at least one municipality."));
  else if (self->folder == NULL)
    set_refusal (self, _("Choose the folder for the PDFs."));
  else
    set_refusal (self, NULL);
  gtk_widget_set_sensitive (self->generate_button, self->refusal == NULL);
  gtk_widget_set_sensitive (self->preview_button, self->plan != NULL && self->plan->len > 0);
}

static void
load_plan (CoordenaNotifyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaSummary) summary = NULL;
  CoordenaSummary *shown = coordena_workspace_get_summary (self->workspace);
  CoordenaNotifyRequest request = { .signer = "coordenador" };

  self->horizon = shown != NULL ? coordena_summary_get_horizon (shown) : 12;
  request.horizon = self->horizon;
  self->plan = coordena_notification_plan (store_of (self), &request, &summary, &error);
  if (self->plan == NULL)
    {
      set_refusal (self, error->message);
      return;
    }
  self->current = coordena_summary_get_current (summary);
  for (guint i = 0; i < self->plan->len; i++)
    {
      const CoordenaNotifyMunicipio *m = g_ptr_array_index (self->plan, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strdup_printf ("notify-check-%s", m->ibge7);
      g_autofree char *month = coordena_display_money (m->loss_month);
      g_autofree char *total = coordena_display_money (m->loss_horizon);
      g_autofree char *subtitle = NULL;
      g_autofree char *teams = NULL;

      g_autofree char *suspended = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suspended", "%u suspended",
                                                                 m->n_suspended), m->n_suspended);

      /* TRANSLATORS: "2 suspended, 1 at risk": the first %s is the suspended teams */
      teams = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u at risk", "%s, %u at risk", m->n_at_risk), suspended,
                               m->n_at_risk);
      subtitle = g_strdup_printf (_("%s · %s a month, %s in %u competências"), teams, month, total, self->horizon);
      gtk_widget_set_name (check, name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (validate), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->nome);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->municipios_list, row);
      g_ptr_array_add (self->checks, check);
    }
  {
    g_autofree char *when = coordena_competencia_format (self->current);
    g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u municipality with teams suspended or at risk (SCNES %s); untick any you do not notify now.",
                   "%u municipalities with teams suspended or at risk (SCNES %s); untick any you do not notify now.",
                   self->plan->len),
      self->plan->len, when);

    adw_preferences_group_set_description (self->municipios_group, description);
  }
}

/* ---- Preview --------------------------------------------------------------------------------- */

static void
clear_preview (CoordenaNotifyDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))) != NULL)
    gtk_box_remove (self->preview_box, child);
}

static GdkTexture *
render_page (PopplerPage *page, double scale)
{
  double width = 0, height = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  int w, h;

  poppler_page_get_size (page, &width, &height);
  w = (int) (width * scale);
  h = (int) (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                            (gsize) cairo_image_surface_get_stride (surface) * (gsize) h);

    texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels, (gsize) cairo_image_surface_get_stride (surface));
  }
  cairo_surface_destroy (surface);
  return texture;
}

guint
coordena_notify_dialog_preview (CoordenaNotifyDialog *self)
{
  g_autoptr(GPtrArray) codes = ticked (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document = NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->municipios_list);
  const CoordenaNotifyMunicipio *m = NULL;
  CoordenaNotifyRequest request;
  guint pages = 0;

  if (self->plan == NULL || self->plan->len == 0)
    return 0;
  if (selected != NULL)
    m = g_ptr_array_index (self->plan, (guint) gtk_list_box_row_get_index (selected));
  for (guint i = 0; m == NULL && i < self->plan->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      m = g_ptr_array_index (self->plan, i);
  if (m == NULL)
    m = g_ptr_array_index (self->plan, 0);

  clear_preview (self);
  if (!read_request (self, &request, codes))
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Write the date as DD/MM/AAAA."));
    }
  else if ((pdf = coordena_notification_render (store_of (self), &request, m, self->current, self->horizon, 0, &pages,
                                                &error)) != NULL)
    document = poppler_document_new_from_bytes (pdf, NULL, &error);
  if (document == NULL)
    {
      GtkWidget *label = gtk_label_new (error != NULL ? error->message : "");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (self->preview_box, label);
      return 0;
    }
  {
    g_autofree char *caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u page (number given when generated)",
                                                             "%s — %u pages (number given when generated)", pages),
                                                m->nome, pages);
    GtkWidget *label = gtk_label_new (caption);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (self->preview_box, label);
  }
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autoptr(GdkTexture) texture = render_page (page, 0.5);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (self->preview_box, picture);
      g_object_unref (page);
    }
  g_object_unref (document);
  return pages;
}

static void
preview_clicked (CoordenaNotifyDialog *self)
{
  coordena_notify_dialog_preview (self);
}

/* ---- Folder ---------------------------------------------------------------------------------- */

void
coordena_notify_dialog_set_folder (CoordenaNotifyDialog *self, const char *folder)
{
  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (self->folder_row, folder != NULL ? folder : _("No folder chosen"));
  validate (self);
}

static void
folder_chosen (GtkNativeDialog *chooser, int response, CoordenaNotifyDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        coordena_notify_dialog_set_folder (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_folder (CoordenaNotifyDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Folder for the Notifications"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                                               _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Generation ------------------------------------------------------------------------------ */

/* One letter done, from the worker. */
static void
show_progress (GObject *source, guint done, guint total, const char *municipio)
{
  CoordenaNotifyDialog *self = COORDENA_NOTIFY_DIALOG (source);
  g_autofree char *text = g_strdup_printf (_("Letter %u of %u: %s"), done, total, municipio);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_label_set_text (self->progress_label, text);
}

static void
generate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaNotifyDialog *self = COORDENA_NOTIFY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_notify_job_finish (result, &error);

  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->preview_button, TRUE);
  gtk_widget_set_visible (self->generate_button, TRUE);
  if (records == NULL)
    {
      g_autofree char *message = NULL;

      g_clear_pointer (&self->combined, g_free);
      gtk_stack_set_visible_child_name (self->stack, "form");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Cancelled: no letter was stored and no file was written."));
      else
        message = g_strdup_printf (_("No letter was generated; nothing was stored: %s"), error->message);
      validate (self);
      set_refusal (self, message);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter generated", "%u letters generated",
                                                           records->len),
                                              records->len);
    g_autofree char *description = g_strdup_printf (_("Each letter is stored in the database and written to %s. "
                                                      "All of them, for printing: %s."),
                                                    self->folder, self->combined);

    adw_status_page_set_title (self->done_page, title);
    adw_status_page_set_description (self->done_page, description);
  }
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_widget_set_visible (self->preview_button, FALSE);
  gtk_widget_set_visible (self->generate_button, FALSE);
  coordena_workspace_reload (self->workspace);
  g_signal_emit (self, signals[GENERATED], 0, records->len, self->combined);
}

static void
generate (CoordenaNotifyDialog *self)
{
  g_autoptr(GPtrArray) codes = NULL;
  CoordenaNotifyRequest request;
  CoordenaNotifyJob *job;

  validate (self);
  if (self->refusal != NULL || self->busy)
    return;
  codes = ticked (self);
  if (!read_request (self, &request, codes))
    return;
  job = g_new0 (CoordenaNotifyJob, 1);
  job->db_path = g_strdup (coordena_workspace_get_path (self->workspace));
  job->folder = g_strdup (self->folder);
  job->signer = g_strdup (request.signer);
  job->date = request.date;
  job->horizon = self->horizon;
  job->municipios = g_strdupv ((char **) codes->pdata);
  job->combined = coordena_notify_combined_path (self->folder, &request.date);
  g_free (self->combined);
  self->combined = g_strdup (job->combined);

  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Generating the letters…"));
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (self->preview_button, FALSE);
  gtk_widget_set_visible (self->generate_button, FALSE);
  coordena_notify_job_run (job, G_OBJECT (self), self->cancellable, show_progress, generate_done, NULL);
}

static void
cancel_clicked (CoordenaNotifyDialog *self)
{
  if (self->busy && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request (CoordenaNotifyDialog *self)
{
  /* A generation under way is cancelled first: the window goes when the worker is done. */
  if (self->busy)
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
open_combined (CoordenaNotifyDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->combined == NULL)
    return;
  file = g_file_new_for_path (self->combined);
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  }
}

/* ---- Public ---------------------------------------------------------------------------------- */

guint
coordena_notify_dialog_get_n_municipios (CoordenaNotifyDialog *self)
{
  return self->plan != NULL ? self->plan->len : 0;
}

char **
coordena_notify_dialog_get_ticked (CoordenaNotifyDialog *self)
{
  GPtrArray *codes = ticked (self);

  return (char **) g_ptr_array_free (codes, FALSE);
}

gboolean
coordena_notify_dialog_set_ticked (CoordenaNotifyDialog *self, const char *ibge7, gboolean active)
{
  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    if (g_str_equal (((CoordenaNotifyMunicipio *) g_ptr_array_index (self->plan, i))->ibge7, ibge7))
      {
        gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
        return TRUE;
      }
  return FALSE;
}

const char *
coordena_notify_dialog_get_refusal (CoordenaNotifyDialog *self)
{
  return self->refusal;
}

gboolean
coordena_notify_dialog_can_generate (CoordenaNotifyDialog *self)
{
  validate (self);
  return self->refusal == NULL && !self->busy;
}

const char *
coordena_notify_dialog_get_combined (CoordenaNotifyDialog *self)
{
  return self->combined;
}

CoordenaNotifyDialog *
coordena_notify_dialog_new (GtkWindow *parent, CoordenaWorkspace *workspace)
{
  g_return_val_if_fail (COORDENA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (COORDENA_TYPE_NOTIFY_DIALOG, "transient-for", parent, "workspace", workspace, NULL);
}

/* The form as it opens: today's date, every municipality ticked, no folder yet. */
static void
coordena_notify_dialog_constructed (GObject *object)
{
  CoordenaNotifyDialog *self = COORDENA_NOTIFY_DIALOG (object);
  g_autofree char *today_text = NULL;
  GDate today;

  G_OBJECT_CLASS (coordena_notify_dialog_parent_class)->constructed (object);
  g_assert (self->workspace != NULL);
  coordena_clock_today (&today);
  today_text = coordena_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  load_plan (self);
  coordena_notify_dialog_set_folder (self, NULL);
  validate (self);
}

static void
coordena_notify_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    g_value_set_object (value, COORDENA_NOTIFY_DIALOG (object)->workspace);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_notify_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    COORDENA_NOTIFY_DIALOG (object)->workspace = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_notify_dialog_dispose (GObject *object)
{
  CoordenaNotifyDialog *self = COORDENA_NOTIFY_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_NOTIFY_DIALOG);
  G_OBJECT_CLASS (coordena_notify_dialog_parent_class)->dispose (object);
}

static void
coordena_notify_dialog_finalize (GObject *object)
{
  CoordenaNotifyDialog *self = COORDENA_NOTIFY_DIALOG (object);

  g_free (self->folder);
  g_free (self->combined);
  g_free (self->refusal);
  G_OBJECT_CLASS (coordena_notify_dialog_parent_class)->finalize (object);
}

static void
coordena_notify_dialog_class_init (CoordenaNotifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_notify_dialog_constructed;
  object_class->get_property = coordena_notify_dialog_get_property;
  object_class->set_property = coordena_notify_dialog_set_property;
  object_class->dispose = coordena_notify_dialog_dispose;
  object_class->finalize = coordena_notify_dialog_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[GENERATED] = g_signal_new ("generated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-notify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, generate_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, municipios_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, municipios_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, signer_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, folder_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, generate);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder);
  gtk_widget_class_bind_template_callback (widget_class, open_combined);
  gtk_widget_class_bind_template_callback (widget_class, close_request);
}

static void
coordena_notify_dialog_init (CoordenaNotifyDialog *self)
{
  const char *signers[] = { NULL, NULL, NULL };
  g_autoptr(GtkStringList) model = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  signers[0] = _("Primary-care coordinator");
  signers[1] = _("Secretary of Health");
  model = gtk_string_list_new (signers);
  adw_combo_row_set_model (self->signer_row, G_LIST_MODEL (model));
}
