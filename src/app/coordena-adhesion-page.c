/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/adhesion.h>
#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/offer.h>

#include "coordena-adhesion-offer.h"
#include "coordena-adhesion-page-private.h"
#include "coordena-adhesion-steps.h"
#include "coordena-municipalities-view.h"
#include "coordena-oficio-dialog.h"
#include "coordena-oficio-files.h"

struct _CoordenaAdhesionPage
{
  AdwBin parent_instance;

  GtkDropDown *offer_dropdown;
  GtkStack *state_stack;
  GtkLabel *offer_title;
  GtkLabel *offer_subtitle;
  GtkWidget *deadline_box;
  GtkImage *deadline_icon;
  GtkLabel *deadline_title;
  GtkLabel *deadline_text;
  GtkListBox *timeline_list;
  GtkWidget *actions_label;
  GtkListBox *actions_list;
  GtkListBox *oficios_list;
  AdwPreferencesGroup *responsibilities_group;
  GtkListBox *responsibilities_list;
  GtkListBox *channels_list;
  GtkListBox *references_list;
  CoordenaMunicipalitiesView *municipios_view;

  CoordenaWorkspace *workspace;
  GPtrArray *offers;            /* the workspace's CoordenaOffer*, open ones first */
  CoordenaAdhesionState state;
};

G_DEFINE_FINAL_TYPE (CoordenaAdhesionPage, coordena_adhesion_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const CoordenaOffer *
current_offer (CoordenaAdhesionPage *self)
{
  guint i = gtk_drop_down_get_selected (self->offer_dropdown);

  if (self->offers == NULL || self->offers->len == 0)
    return NULL;
  if (i == GTK_INVALID_LIST_POSITION || i >= self->offers->len)
    i = 0;
  return g_ptr_array_index (self->offers, i);
}

static CoordenaStore *
store_of (CoordenaAdhesionPage *self)
{
  return self->workspace != NULL ? coordena_workspace_get_store (self->workspace) : NULL;
}

const CoordenaOffer *
coordena_adhesion_page_get_offer (CoordenaAdhesionPage *self)
{
  return current_offer (self);
}

CoordenaStore *
coordena_adhesion_page_get_store (CoordenaAdhesionPage *self)
{
  return store_of (self);
}

CoordenaAdhesionState
coordena_adhesion_page_get_state (CoordenaAdhesionPage *self)
{
  return self->state;
}

static GtkWindow *
window_of (CoordenaAdhesionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- The record: timeline and allowed steps ------------------------------------------------- */

static void
update_generate_action (CoordenaAdhesionPage *self)
{
  gboolean allowed = self->offers != NULL && store_of (self) != NULL
                     && coordena_workspace_can_write (self->workspace)
                     && coordena_adhesion_can_move (self->state, COORDENA_ADHESION_OFICIO_GERADO);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adesao.generate", allowed);
}

static GtkWidget *
step_row (const CoordenaAdhesionStep *step)
{
  g_autofree char *date = coordena_adhesion_format_iso (step->date);
  g_autoptr(GString) sub = g_string_new (NULL);
  /* TRANSLATORS: a timeline entry: the date and the state the record moved to */
  g_autofree char *title = g_strdup_printf (_("%s — %s"), date, coordena_adhesion_state_label (step->to));
  GtkWidget *row;

  if (step->user != NULL)
    /* TRANSLATORS: who recorded a step */
    g_string_append_printf (sub, _("by %s"), step->user);
  if (step->protocolo != NULL && *step->protocolo != '\0')
    {
      /* TRANSLATORS: a protocol number in the timeline */
      g_autofree char *protocol = g_strdup_printf (_("protocol %s"), step->protocolo);

      g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", protocol);
    }
  if (step->note != NULL && *step->note != '\0')
    g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", step->note);
  row = coordena_adhesion_text_row (title, sub->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  return row;
}

static void
show_record (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaAdhesion) adhesion = coordena_adhesion_get (store_of (self), offer->id, &error);
  GtkWidget *row;
  guint n_actions = 0;

  coordena_adhesion_clear_list (self->timeline_list);
  coordena_adhesion_clear_list (self->actions_list);

  if (adhesion == NULL)
    {
      gtk_list_box_append (self->timeline_list, coordena_adhesion_text_row (_("The record could not be read"), error->message));
      self->state = COORDENA_ADHESION_RASCUNHO;
      return;
    }
  self->state = adhesion->state;

  {
    g_autofree char *date = coordena_adhesion_format_iso (adhesion->date);
    g_autofree char *sub = NULL;
    GtkWidget *badge = gtk_label_new (coordena_adhesion_state_label (adhesion->state));

    if (adhesion->steps->len == 0)
      sub = g_strdup (_("No step recorded yet"));
    else if (adhesion->protocolo != NULL)
      /* TRANSLATORS: the date of the last step and a protocol */
      sub = g_strdup_printf (_("Since %s · protocol %s"), date, adhesion->protocolo);
    else
      /* TRANSLATORS: the date of the last step */
      sub = g_strdup_printf (_("Since %s"), date);
    row = coordena_adhesion_text_row (_("Current state"), sub);
    gtk_widget_set_name (badge, "adesao-state");
    gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (badge, "heading");
    if (adhesion->state == COORDENA_ADHESION_CONFIRMADO || adhesion->state == COORDENA_ADHESION_ADERIDO_EGESTOR)
      gtk_widget_add_css_class (badge, "success");
    else if (adhesion->state == COORDENA_ADHESION_INDEFERIDO)
      gtk_widget_add_css_class (badge, "error");
    else
      gtk_widget_add_css_class (badge, "accent");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    gtk_list_box_append (self->timeline_list, row);
  }
  for (guint i = adhesion->steps->len; i > 0; i--)
    gtk_list_box_append (self->timeline_list, step_row (g_ptr_array_index (adhesion->steps, i - 1)));

  /* Each step the record allows from here, explained, as a row that opens its dialog: the way
   * forward first, going back last. */
  for (guint i = 0; i < COORDENA_ADHESION_N_STEPS; i++)
    {
      CoordenaAdhesionState to = coordena_adhesion_step_order[i];
      g_autofree char *name = NULL;
      GtkWidget *arrow;

      if (!coordena_adhesion_can_move (adhesion->state, to))
        continue;
      row = coordena_adhesion_text_row (coordena_adhesion_step_label (adhesion->state, to), coordena_adhesion_step_description (to));
      name = g_strdup_printf ("step-%s", coordena_adhesion_state_to_string (to));
      gtk_widget_set_name (row, name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (to == COORDENA_ADHESION_OFICIO_GERADO)
        gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "adesao.generate");
      else
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", coordena_adhesion_state_to_string (to));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "adesao.step");
        }
      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (coordena_adhesion_step_icon (to)));
      gtk_list_box_append (self->actions_list, row);
      n_actions++;
    }
  gtk_widget_set_visible (self->actions_label, n_actions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), n_actions > 0);
}

/* ---- Ofícios ----------------------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, const char *numero_ano)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", numero_ano);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* An ofício registered as sent outside Coordena: when and how it went, and its scan if kept. */
static GtkWidget *
registered_row (const CoordenaOficioRecord *record, const char *numero_ano)
{
  g_autofree char *date = coordena_adhesion_format_iso (record->date);
  /* TRANSLATORS: an ofício sent outside Coordena: the date sent, the channel */
  g_autofree char *sub = g_strdup_printf (_("Registered, not generated · sent on %s by %s%s%s"), date,
                                          record->channel != NULL ? record->channel : "?",
                                          record->receipt != NULL ? " · " : "", record->receipt != NULL ? record->receipt : "");
  GtkWidget *row = coordena_adhesion_text_row (record->identification, sub);

  if (record->size > 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-open-symbolic", _("Open"), "adesao.open", numero_ano));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-save-as-symbolic", _("Save a Copy…"), "adesao.save", numero_ano));
    }
  return row;
}

/* An ofício generated here: date, signer, pages, its status, and open, print, save. */
static GtkWidget *
generated_row (const CoordenaOffer *offer, const CoordenaOficioRecord *record, const char *numero_ano, const char *status)
{
  const CoordenaOfferSigner *signer = coordena_offer_get_signer (offer, record->signer);
  g_autofree char *date = coordena_adhesion_format_iso (record->date);
  g_autofree char *sub = NULL;
  GtkWidget *row, *badge;

  /* TRANSLATORS: an ofício's date, signer and page count in the list */
  sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u page", "%s · %s · %u pages", record->pages),
                         date, signer != NULL ? signer->role : record->signer, record->pages);
  if (record->annex != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s · %s", sub, _("with the teams annex"));

      g_free (sub);
      sub = g_steal_pointer (&with);
    }
  row = coordena_adhesion_text_row (record->identification, sub);
  badge = gtk_label_new (status);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_set_margin_end (badge, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-open-symbolic", _("Open"), "adesao.open", numero_ano));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("printer-symbolic", _("Print…"), "adesao.print", numero_ano));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-save-as-symbolic", _("Save a Copy…"), "adesao.save", numero_ano));
  return row;
}

static void
show_oficios (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_adhesion_list_oficios (store_of (self), &error);
  gboolean latest = TRUE;
  guint shown = 0;

  coordena_adhesion_clear_list (self->oficios_list);
  if (records == NULL)
    {
      gtk_list_box_append (self->oficios_list, coordena_adhesion_text_row (_("The ofícios could not be read"), error->message));
      return;
    }
  for (guint i = records->len; i > 0; i--)
    {
      const CoordenaOficioRecord *record = g_ptr_array_index (records, i - 1);
      g_autofree char *numero_ano = g_strdup_printf ("%u/%u", record->number, record->year);
      g_autofree char *row_name = g_strdup_printf ("oficio-%u-%u", record->number, record->year);
      const char *status;
      GtkWidget *row;

      if (g_strcmp0 (record->offer, offer->id) != 0)
        continue;
      if (record->deleted)
        status = _("Discarded");
      else if (latest && self->state != COORDENA_ADHESION_RASCUNHO)
        status = coordena_adhesion_state_label (self->state == COORDENA_ADHESION_ADERIDO_EGESTOR
                                                ? COORDENA_ADHESION_OFICIO_GERADO : self->state);
      else
        status = _("Superseded");
      if (!record->deleted || record->registered)
        latest = FALSE;
      row = record->registered ? registered_row (record, numero_ano) : generated_row (offer, record, numero_ano, status);
      gtk_widget_set_name (row, row_name);
      gtk_list_box_append (self->oficios_list, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = coordena_adhesion_text_row (_("No ofício generated yet"),
                                                   _("“Generate Ofício…” checks every rule first and shows what will print."));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->oficios_list, row);
    }
}

/* The offers to choose from, the workspace's, open ones first; a closed one says so in its name.
 * When there are none, the reason shows (a user file that does not read names its line). */
static void
load_offers (CoordenaAdhesionPage *self)
{
  GPtrArray *offers = coordena_workspace_get_offers (self->workspace);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GDate today;

  g_clear_pointer (&self->offers, g_ptr_array_unref);
  /* Borrowed: the workspace owns them (a copy would take its free function too). */
  self->offers = g_ptr_array_new_full (offers->len, NULL);
  g_ptr_array_extend (self->offers, offers, NULL, NULL);
  coordena_clock_today (&today);
  coordena_offers_sort_for_display (self->offers, &today);
  for (guint i = 0; i < self->offers->len; i++)
    {
      const CoordenaOffer *o = g_ptr_array_index (self->offers, i);
      /* TRANSLATORS: an offer whose deadline has passed, in the offer chooser */
      g_autofree char *label = coordena_offer_is_closed (o, &today)
                               ? g_strdup_printf (_("%s — closed"), o->short_name) : g_strdup (o->short_name);

      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_model (self->offer_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->offer_dropdown), self->offers->len > 1);
  if (self->offers->len == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) again = coordena_offers_load_all (&error);

      if (again == NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->state_stack, "none")),
                                         error->message);
    }
}

void
coordena_adhesion_page_refresh (CoordenaAdhesionPage *self)
{
  const CoordenaOffer *offer;

  g_return_if_fail (COORDENA_IS_ADHESION_PAGE (self));

  if (self->offers == NULL && self->workspace != NULL)
    load_offers (self);

  if ((offer = current_offer (self)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "none");
      return;
    }
  /* The database is still opening: "changed" follows. */
  if (store_of (self) == NULL)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
      return;
    }
  gtk_stack_set_visible_child_name (self->state_stack, "offer");
  coordena_adhesion_show_offer (offer, self->offer_title, self->offer_subtitle, self->references_list,
                                self->channels_list, self->responsibilities_group);
  show_record (self, offer);
  /* After the record: a concluded adhesion makes the deadline history. */
  coordena_adhesion_show_deadline (offer, self->state, self->deadline_icon, self->deadline_title, self->deadline_text);
  coordena_adhesion_show_responsibilities (offer, self->state, self->responsibilities_list);
  show_oficios (self, offer);
  update_generate_action (self);
  coordena_municipalities_view_show (self->municipios_view, store_of (self), offer);
}

/* The window gives the page its workspace once, after building it from its template. */
void
coordena_adhesion_page_set_workspace (CoordenaAdhesionPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_ADHESION_PAGE (self));
  g_return_if_fail (self->workspace == NULL || workspace == self->workspace);

  if (workspace == NULL || self->workspace == workspace)
    return;
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (coordena_adhesion_page_refresh), self, G_CONNECT_SWAPPED);
  coordena_adhesion_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* ---- Actions ----------------------------------------------------------------------------------- */

/* The ofício a toast's "Abrir" opens, while the page lives. */
typedef struct {
  GWeakRef page;
  char *numero_ano;
} ToastOpen;

static void
toast_open_free (gpointer data, GClosure *closure)
{
  ToastOpen *open = data;

  g_weak_ref_clear (&open->page);
  g_free (open->numero_ano);
  g_free (open);
}

static void
toast_open (AdwToast *toast, ToastOpen *open)
{
  g_autoptr(CoordenaAdhesionPage) self = g_weak_ref_get (&open->page);

  if (self != NULL && store_of (self) != NULL)
    coordena_oficio_open (window_of (self), store_of (self), open->numero_ano);
}

static void
oficio_generated (CoordenaAdhesionPage *self, const char *identification, const char *numero_ano)
{
  /* TRANSLATORS: a toast after generating, with the ofício's identification */
  g_autofree char *text = g_strdup_printf (_("%s generated and stored"), identification);
  g_autoptr(AdwToast) toast = adw_toast_new (text);
  ToastOpen *open = g_new0 (ToastOpen, 1);

  coordena_adhesion_page_refresh (self);
  g_weak_ref_init (&open->page, self);
  open->numero_ano = g_strdup (numero_ano);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open), open, toast_open_free, 0);
  coordena_workspace_toast (self->workspace, G_OBJECT (toast));
}

static void
generate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = current_offer (self);
  CoordenaOficioDialog *dialog;

  /* Ctrl+G acts only while the page shows. */
  if (offer == NULL || self->workspace == NULL || !gtk_widget_get_mapped (widget))
    return;
  dialog = coordena_oficio_dialog_new (window_of (self), self->workspace, offer->id);
  g_signal_connect_object (dialog, "generated", G_CALLBACK (oficio_generated), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
oficio_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const char *numero_ano = g_variant_get_string (parameter, NULL);

  if (store_of (self) == NULL)
    return;
  if (g_str_equal (action_name, "adesao.open"))
    coordena_oficio_open (window_of (self), store_of (self), numero_ano);
  else if (g_str_equal (action_name, "adesao.print"))
    coordena_oficio_print (window_of (self), store_of (self), numero_ano);
  else
    coordena_oficio_save_copy_with (window_of (self), coordena_workspace_get_settings (self->workspace), store_of (self),
                                    numero_ano);
}

/* ---- Adding an offer file --------------------------------------------------------------------- */

/* The workspace's offers, sorted by Id, with this one in place of any with its Id. */
static void
put_offer (GPtrArray *offers, CoordenaOffer *offer)
{
  guint i = 0;

  while (i < offers->len && strcmp (((CoordenaOffer *) g_ptr_array_index (offers, i))->id, offer->id) < 0)
    i++;
  if (i < offers->len && strcmp (((CoordenaOffer *) g_ptr_array_index (offers, i))->id, offer->id) == 0)
    g_ptr_array_remove_index (offers, i);
  g_ptr_array_insert (offers, (int) i, offer);
}

gboolean
coordena_adhesion_page_add_offer_file (CoordenaAdhesionPage *self, const char *path, GError **error)
{
  g_autoptr(CoordenaOffer) installed = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *text = NULL;
  CoordenaOffer *offer;
  gboolean replaced = FALSE;

  g_return_val_if_fail (COORDENA_IS_ADHESION_PAGE (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);
  if ((installed = coordena_offer_install (path, &replaced, error)) == NULL)
    return FALSE;
  /* The file is in the user's folder now: the workspace's offers are what a new load would give. */
  offer = g_steal_pointer (&installed);
  g_clear_pointer (&self->offers, g_ptr_array_unref);
  put_offer (coordena_workspace_get_offers (self->workspace), offer);
  coordena_adhesion_page_refresh (self);
  for (guint i = 0; self->offers != NULL && i < self->offers->len; i++)
    if (g_ptr_array_index (self->offers, i) == offer)
      gtk_drop_down_set_selected (self->offer_dropdown, i);
  /* TRANSLATORS: a toast after adding an offer file */
  text = g_strdup_printf (replaced ? _("Offer “%s” replaced") : _("Offer “%s” added"), offer->short_name);
  toast = adw_toast_new (text);
  coordena_workspace_toast (self->workspace, G_OBJECT (toast));
  return TRUE;
}

static void
offer_file_chosen (GtkNativeDialog *chooser, int response, CoordenaAdhesionPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL && !coordena_adhesion_page_add_offer_file (self, path, &error))
    coordena_show_error (window_of (self), _("The Offer Was Not Added"), error);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_offer_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Offer"), window_of (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Offer files (.offer)"));
  gtk_file_filter_add_pattern (filter, "*.offer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (offer_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
offer_selected (CoordenaAdhesionPage *self)
{
  if (self->offers != NULL)
    coordena_adhesion_page_refresh (self);
}

/* The record is read again whenever the page comes back on screen. */
static void
coordena_adhesion_page_map (GtkWidget *widget)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);

  GTK_WIDGET_CLASS (coordena_adhesion_page_parent_class)->map (widget);
  if (self->workspace != NULL)
    coordena_adhesion_page_refresh (self);
}

static void
coordena_adhesion_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    g_value_set_object (value, COORDENA_ADHESION_PAGE (object)->workspace);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_adhesion_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    coordena_adhesion_page_set_workspace (COORDENA_ADHESION_PAGE (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_adhesion_page_dispose (GObject *object)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (object);

  g_clear_pointer (&self->offers, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_ADHESION_PAGE);
  G_OBJECT_CLASS (coordena_adhesion_page_parent_class)->dispose (object);
}

static void
coordena_adhesion_page_class_init (CoordenaAdhesionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_type_ensure (COORDENA_TYPE_MUNICIPALITIES_VIEW);

  object_class->get_property = coordena_adhesion_page_get_property;
  object_class->set_property = coordena_adhesion_page_set_property;
  object_class->dispose = coordena_adhesion_page_dispose;
  widget_class->map = coordena_adhesion_page_map;

  /* Set once, by the window that holds the page. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-adhesion-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, offer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, offer_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, offer_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, deadline_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, deadline_text);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, actions_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, oficios_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, responsibilities_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, responsibilities_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, channels_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, references_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaAdhesionPage, municipios_view);
  gtk_widget_class_bind_template_callback (widget_class, offer_selected);

  gtk_widget_class_install_action (widget_class, "adesao.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "adesao.step", "s", coordena_adhesion_step_action);
  gtk_widget_class_install_action (widget_class, "adesao.open", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.print", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.save", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.add-offer", NULL, add_offer_action);
  gtk_widget_class_install_action (widget_class, "adesao.register", NULL, coordena_adhesion_register_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "adesao.generate", NULL);
}

static void
coordena_adhesion_page_init (CoordenaAdhesionPage *self)
{
  self->state = COORDENA_ADHESION_RASCUNHO;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adesao.generate", FALSE);
}
