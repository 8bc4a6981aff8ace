/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/adhesion.h>
#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>

#include "coordena-adhesion-page-private.h"
#include "coordena-adhesion-steps.h"
#include "coordena-oficio-files.h"

/* ---- What each step means ------------------------------------------------------------------- */

const char *
coordena_adhesion_step_label (CoordenaAdhesionState from, CoordenaAdhesionState to)
{
  switch (to)
    {
    case COORDENA_ADHESION_OFICIO_GERADO:
      return from == COORDENA_ADHESION_OFICIO_GERADO ? _("Generate a New Ofício…") : _("Generate Ofício…");
    case COORDENA_ADHESION_ASSINADO:
      return _("Mark as Signed…");
    case COORDENA_ADHESION_ENVIADO:
      return _("Record Sending…");
    case COORDENA_ADHESION_CONFIRMADO:
      return _("Record Confirmation…");
    case COORDENA_ADHESION_INDEFERIDO:
      return _("Record Refusal…");
    case COORDENA_ADHESION_ADERIDO_EGESTOR:
      return _("Record Adhesion in e-Gestor…");
    case COORDENA_ADHESION_RASCUNHO:
      return _("Back to Draft…");
    case COORDENA_ADHESION_N_STATES:
    default:
      return "";
    }
}

const CoordenaAdhesionState coordena_adhesion_step_order[COORDENA_ADHESION_N_STEPS] = {
  COORDENA_ADHESION_ASSINADO, COORDENA_ADHESION_ENVIADO, COORDENA_ADHESION_CONFIRMADO, COORDENA_ADHESION_INDEFERIDO,
  COORDENA_ADHESION_OFICIO_GERADO, COORDENA_ADHESION_ADERIDO_EGESTOR, COORDENA_ADHESION_RASCUNHO,
};

const char *
coordena_adhesion_step_icon (CoordenaAdhesionState to)
{
  switch (to)
    {
    case COORDENA_ADHESION_OFICIO_GERADO:
      return "document-new-symbolic";
    case COORDENA_ADHESION_ASSINADO:
      return "document-edit-symbolic";
    case COORDENA_ADHESION_ENVIADO:
      return "mail-send-symbolic";
    case COORDENA_ADHESION_CONFIRMADO:
      return "emblem-ok-symbolic";
    case COORDENA_ADHESION_INDEFERIDO:
      return "dialog-error-symbolic";
    case COORDENA_ADHESION_ADERIDO_EGESTOR:
      return "network-workgroup-symbolic";
    case COORDENA_ADHESION_RASCUNHO:
      return "edit-undo-symbolic";
    case COORDENA_ADHESION_N_STATES:
    default:
      return "go-next-symbolic";
    }
}

/* What a step means, in a line, for the list of next steps and its dialog. */
const char *
coordena_adhesion_step_description (CoordenaAdhesionState to)
{
  switch (to)
    {
    case COORDENA_ADHESION_OFICIO_GERADO:
      return _("Checks every rule of the offer and the profile, shows what will print, then stores the PDF with the next number.");
    case COORDENA_ADHESION_ASSINADO:
      return _("The signed ofício is the one to send. Note how it was signed (by hand, gov.br).");
    case COORDENA_ADHESION_ENVIADO:
      return _("The date the ofício left for the Ministry. It must be within the deadline.");
    case COORDENA_ADHESION_CONFIRMADO:
      return _("The Ministry accepted the adhesion. Keep the reply’s protocol if there is one.");
    case COORDENA_ADHESION_INDEFERIDO:
      return _("The Ministry did not accept the adhesion. Note the reason it gave.");
    case COORDENA_ADHESION_ADERIDO_EGESTOR:
      return _("The adhesion was made in e-Gestor APS › Gerencia APS. Its protocol is required.");
    case COORDENA_ADHESION_RASCUNHO:
      return _("The record goes back to draft. The ofícios already generated keep their numbers.");
    case COORDENA_ADHESION_N_STATES:
    default:
      return NULL;
    }
}

static GtkWindow *
window_of (CoordenaAdhesionPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* An entry's text, NULL when left empty. */
static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* ---- Recording a step ------------------------------------------------------------------------ */

/* The date (Brasília today by default), a protocol where one applies, and a note. */
#define COORDENA_TYPE_STEP_DIALOG (coordena_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaStepDialog, coordena_step_dialog, COORDENA, STEP_DIALOG, AdwMessageDialog)

struct _CoordenaStepDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *date_row;
  AdwEntryRow *protocol_row;
  AdwEntryRow *note_row;

  CoordenaAdhesionPage *page;
  CoordenaAdhesionState to;
};

G_DEFINE_FINAL_TYPE (CoordenaStepDialog, coordena_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
coordena_step_dialog_response (AdwMessageDialog *dialog, const char *response)
{
  CoordenaStepDialog *self = COORDENA_STEP_DIALOG (dialog);
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self->page);
  CoordenaStore *store = coordena_adhesion_page_get_store (self->page);
  const char *note = entry_text (self->note_row);
  const char *protocolo = entry_text (self->protocol_row);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (g_str_equal (response, "record") && offer != NULL && store != NULL)
    {
      if (coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, &error))
        coordena_adhesion_set_state (store, offer, self->to, &date, note, protocolo, &error);
      if (error != NULL)
        coordena_show_error (window_of (self->page), _("The Step Was Not Recorded"), error);
      coordena_adhesion_page_refresh (self->page);
    }
  if (ADW_MESSAGE_DIALOG_CLASS (coordena_step_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (coordena_step_dialog_parent_class)->response (dialog, response);
}

static void
coordena_step_dialog_dispose (GObject *object)
{
  CoordenaStepDialog *self = COORDENA_STEP_DIALOG (object);

  g_clear_object (&self->page);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_STEP_DIALOG);
  G_OBJECT_CLASS (coordena_step_dialog_parent_class)->dispose (object);
}

static void
coordena_step_dialog_class_init (CoordenaStepDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = coordena_step_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = coordena_step_dialog_response;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaStepDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaStepDialog, protocol_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaStepDialog, note_row);
}

static void
coordena_step_dialog_init (CoordenaStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
coordena_adhesion_step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *page = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (page);
  CoordenaStepDialog *self;
  g_autofree char *today_text = NULL;
  const char *body;
  CoordenaAdhesionState to;
  GDate today;

  if (offer == NULL || !coordena_adhesion_state_from_string (g_variant_get_string (parameter, NULL), &to, NULL))
    return;
  if (to == COORDENA_ADHESION_OFICIO_GERADO || (body = coordena_adhesion_step_description (to)) == NULL)
    return;

  coordena_offer_today (offer, &today);
  today_text = coordena_format_date (&today);
  self = g_object_new (COORDENA_TYPE_STEP_DIALOG, "transient-for", window_of (page),
                       "heading", coordena_adhesion_step_label (coordena_adhesion_page_get_state (page), to),
                       "body", body, NULL);
  self->page = g_object_ref (page);
  self->to = to;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->protocol_row),
                                 to == COORDENA_ADHESION_ADERIDO_EGESTOR ? _("Protocol") : _("Protocol (optional)"));
  gtk_widget_set_visible (GTK_WIDGET (self->protocol_row), to != COORDENA_ADHESION_RASCUNHO && to != COORDENA_ADHESION_ASSINADO);
  if (to == COORDENA_ADHESION_RASCUNHO)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (self));
}

/* ---- Registering an ofício sent outside Coordena --------------------------------------------- */

/* Its number, the date and channel it went by, the receipt and the signed file if kept. */
#define COORDENA_TYPE_REGISTER_DIALOG (coordena_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaRegisterDialog, coordena_register_dialog, COORDENA, REGISTER_DIALOG, AdwMessageDialog)

struct _CoordenaRegisterDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *numero_row;
  AdwEntryRow *date_row;
  AdwEntryRow *channel_row;
  AdwEntryRow *receipt_row;
  AdwEntryRow *file_row;

  CoordenaAdhesionPage *page;
};

G_DEFINE_FINAL_TYPE (CoordenaRegisterDialog, coordena_register_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
coordena_register_dialog_response (AdwMessageDialog *dialog, const char *response)
{
  CoordenaRegisterDialog *self = COORDENA_REGISTER_DIALOG (dialog);
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self->page);
  CoordenaStore *store = coordena_adhesion_page_get_store (self->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  CoordenaOficioRegistration reg = { 0 };

  if (g_str_equal (response, "register") && offer != NULL && store != NULL)
    {
      reg.offer = offer;
      reg.numero = entry_text (self->numero_row);
      reg.channel = entry_text (self->channel_row);
      reg.receipt = entry_text (self->receipt_row);
      reg.file = entry_text (self->file_row);
      if (reg.numero == NULL)
        g_set_error_literal (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                             _("give the number the ofício was sent with, as NUMERO/ANO"));
      else if (coordena_parse_date (entry_text (self->date_row), &reg.date_sent, &error))
        record = coordena_adhesion_register_oficio (store, &reg, &error);
      if (error != NULL)
        coordena_show_error (window_of (self->page), _("The Ofício Was Not Registered"), error);
      coordena_adhesion_page_refresh (self->page);
    }
  if (ADW_MESSAGE_DIALOG_CLASS (coordena_register_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (coordena_register_dialog_parent_class)->response (dialog, response);
}

static void
file_chosen (GtkNativeDialog *chooser, int response, CoordenaRegisterDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->file_row), path);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file (CoordenaRegisterDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Signed PDF or Scan"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
coordena_register_dialog_dispose (GObject *object)
{
  CoordenaRegisterDialog *self = COORDENA_REGISTER_DIALOG (object);

  g_clear_object (&self->page);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_REGISTER_DIALOG);
  G_OBJECT_CLASS (coordena_register_dialog_parent_class)->dispose (object);
}

static void
coordena_register_dialog_class_init (CoordenaRegisterDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = coordena_register_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = coordena_register_dialog_response;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaRegisterDialog, numero_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaRegisterDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaRegisterDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaRegisterDialog, receipt_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaRegisterDialog, file_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_file);
}

static void
coordena_register_dialog_init (CoordenaRegisterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
coordena_adhesion_register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *page = COORDENA_ADHESION_PAGE (widget);
  CoordenaRegisterDialog *self;
  g_autofree char *today_text = NULL;
  GDate today;

  if (coordena_adhesion_page_get_offer (page) == NULL || coordena_adhesion_page_get_store (page) == NULL)
    return;
  coordena_clock_today (&today);
  today_text = coordena_format_date (&today);
  self = g_object_new (COORDENA_TYPE_REGISTER_DIALOG, "transient-for", window_of (page), NULL);
  self->page = g_object_ref (page);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  gtk_window_present (GTK_WINDOW (self));
}
