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

static AdwEntryRow *entry_row (GtkListBox *list, const char *name, const char *title, const char *text);

/* ---- Registering an ofício sent outside Coordena --------------------------------------------- */

typedef struct {
  CoordenaAdhesionPage *self;
  AdwEntryRow *numero_row;
  AdwEntryRow *date_row;
  AdwEntryRow *channel_row;
  AdwEntryRow *receipt_row;
  AdwEntryRow *file_row;
} RegisterDialog;

static void
register_dialog_free (gpointer user_data, GClosure *closure)
{
  RegisterDialog *data = user_data;

  g_object_unref (data->self);
  g_free (data);
}

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
register_response (AdwMessageDialog *dialog, const char *response, RegisterDialog *data)
{
  CoordenaAdhesionPage *self = data->self;
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  CoordenaOficioRegistration reg = { 0 };

  if (!g_str_equal (response, "register") || offer == NULL || coordena_adhesion_page_get_store (self) == NULL)
    return;
  reg.offer = offer;
  reg.numero = entry_text (data->numero_row);
  reg.channel = entry_text (data->channel_row);
  reg.receipt = entry_text (data->receipt_row);
  reg.file = entry_text (data->file_row);
  if (reg.numero == NULL)
    g_set_error_literal (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("give the number the ofício was sent with, as NUMERO/ANO"));
  else if (coordena_parse_date (entry_text (data->date_row), &reg.date_sent, &error))
    record = coordena_adhesion_register_oficio (coordena_adhesion_page_get_store (self), &reg, &error);
  if (error != NULL)
    coordena_show_error (window_of (self), _("The Ofício Was Not Registered"), error);
  coordena_adhesion_page_refresh (self);
}

static void
registered_file_chosen (GtkNativeDialog *chooser, int response, AdwEntryRow *row)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), path);
  g_object_unref (chooser);
  g_object_unref (row);
}

static void
choose_registered_file (AdwEntryRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Signed PDF or Scan"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (registered_file_chosen), g_object_ref (row));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
coordena_adhesion_register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self);
  RegisterDialog *data;
  GtkWidget *dialog, *list;
  g_autofree char *today_text = NULL;
  GDate today;

  if (offer == NULL || coordena_adhesion_page_get_store (self) == NULL)
    return;
  coordena_clock_today (&today);
  today_text = coordena_format_date (&today);
  dialog = adw_message_dialog_new (window_of (self), _("Register a Sent Ofício"),
                                   _("An ofício signed and sent outside Coordena (on paper or through the secretariat’s "
                                     "protocol system) is recorded as registered, not generated. The adhesion counts "
                                     "the date it was sent."));
  gtk_widget_set_name (dialog, "register-dialog");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data = g_new0 (RegisterDialog, 1);
  data->self = g_object_ref (self);
  data->numero_row = entry_row (GTK_LIST_BOX (list), "register-numero", _("Number (NUMERO/ANO)"), NULL);
  data->date_row = entry_row (GTK_LIST_BOX (list), "register-date", _("Date Sent (DD/MM/AAAA)"), today_text);
  data->channel_row = entry_row (GTK_LIST_BOX (list), "register-channel", _("Channel (SEI, protocol, e-mail…)"), NULL);
  data->receipt_row = entry_row (GTK_LIST_BOX (list), "register-receipt", _("Protocol Receipt (optional)"), NULL);
  data->file_row = entry_row (GTK_LIST_BOX (list), "register-file", _("Signed PDF or Scan (optional)"), NULL);
  {
    GtkWidget *choose = gtk_button_new_from_icon_name ("document-open-symbolic");

    gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (choose, "flat");
    gtk_widget_set_tooltip_text (choose, _("Choose the File…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the File…"), -1);
    g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_registered_file), data->file_row);
    adw_entry_row_add_suffix (data->file_row, choose);
  }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "register", _("_Register"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "register", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "register");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (register_response), data, register_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The step dialog: date (Brasília today by default), a note, and a protocol where one applies. */
typedef struct {
  CoordenaAdhesionPage *self;
  CoordenaAdhesionState to;
  AdwEntryRow *date_row;
  AdwEntryRow *note_row;
  AdwEntryRow *protocol_row;
} StepDialog;

static void
step_dialog_free (gpointer user_data, GClosure *closure)
{
  StepDialog *data = user_data;

  g_object_unref (data->self);
  g_free (data);
}

static void
step_response (AdwMessageDialog *dialog, const char *response, StepDialog *data)
{
  CoordenaAdhesionPage *self = data->self;
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self);
  g_autoptr(GError) error = NULL;
  const char *note, *protocolo;
  GDate date;

  if (!g_str_equal (response, "record") || offer == NULL || coordena_adhesion_page_get_store (self) == NULL)
    return;
  note = gtk_editable_get_text (GTK_EDITABLE (data->note_row));
  protocolo = gtk_editable_get_text (GTK_EDITABLE (data->protocol_row));
  if (coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (data->date_row)), &date, &error))
    coordena_adhesion_set_state (coordena_adhesion_page_get_store (self), offer, data->to, &date, *note != '\0' ? note : NULL,
                                 *protocolo != '\0' ? protocolo : NULL, &error);
  if (error != NULL)
    coordena_show_error (window_of (self), _("The Step Was Not Recorded"), error);
  coordena_adhesion_page_refresh (self);
}

static AdwEntryRow *
entry_row (GtkListBox *list, const char *name, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

void
coordena_adhesion_step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = coordena_adhesion_page_get_offer (self);
  StepDialog *data;
  GtkWidget *dialog, *list;
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
  dialog = adw_message_dialog_new (window_of (self), coordena_adhesion_step_label (coordena_adhesion_page_get_state (self), to), body);
  gtk_widget_set_name (dialog, "step-dialog");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data = g_new0 (StepDialog, 1);
  data->self = g_object_ref (self);
  data->to = to;
  data->date_row = entry_row (GTK_LIST_BOX (list), "step-date", _("Date (DD/MM/AAAA)"), today_text);
  data->protocol_row = entry_row (GTK_LIST_BOX (list), "step-protocolo",
                                  to == COORDENA_ADHESION_ADERIDO_EGESTOR ? _("Protocol") : _("Protocol (optional)"), NULL);
  data->note_row = entry_row (GTK_LIST_BOX (list), "step-note", _("Note (optional)"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (data->protocol_row), to != COORDENA_ADHESION_RASCUNHO && to != COORDENA_ADHESION_ASSINADO);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              to == COORDENA_ADHESION_RASCUNHO ? ADW_RESPONSE_DESTRUCTIVE
                                                                               : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (step_response), data, step_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
