#include "config.h"

#include <glib/gi18n.h>

#include <coordena/adhesion.h>
#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/offer.h>

#include "coordena-adhesion-page.h"
#include "coordena-municipalities-view.h"
#include "coordena-oficio-dialog.h"
#include "coordena-oficio-files.h"
#include "coordena-window-private.h"

struct _CoordenaAdhesionPage
{
  GtkWidget parent_instance;

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
  GPtrArray *offers;            /* CoordenaOffer* */
  CoordenaAdhesionState state;
};

G_DEFINE_FINAL_TYPE (CoordenaAdhesionPage, coordena_adhesion_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

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

static GtkWindow *
window_of (CoordenaAdhesionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !coordena_parse_date (iso, &date, NULL))
    return g_strdup (iso != NULL ? iso : "");
  return coordena_format_date (&date);
}

/* ---- The offer: title, deadline, references, channels, responsibilities ------------------- */

static void
show_deadline (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  g_autofree char *deadline = coordena_format_date (&offer->deadline);
  g_autofree char *cite = coordena_offer_cite (offer, offer->deadline_source, offer->deadline_item);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GDate today;
  int days;

  coordena_offer_today (offer, &today);
  days = g_date_days_between (&today, &offer->deadline);
  /* Once the adhesion is done, the deadline is history: the card says so calmly. */
  if (self->state == COORDENA_ADHESION_CONFIRMADO || self->state == COORDENA_ADHESION_ADERIDO_EGESTOR)
    days = G_MININT;

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *w = i == 0 ? GTK_WIDGET (self->deadline_icon) : GTK_WIDGET (self->deadline_title);

      gtk_widget_remove_css_class (w, "warning");
      gtk_widget_remove_css_class (w, "error");
      gtk_widget_remove_css_class (w, "accent");
      gtk_widget_remove_css_class (w, "success");
    }
  if (days == G_MININT)
    {
      title = g_strdup (_("Adhesion concluded"));
      /* TRANSLATORS: %s are the deadline (03/12/2025) and the act that set it */
      text = g_strdup_printf (_("The record is closed. Adhesion by ofício was open until %s, inclusive (%s)."),
                              deadline, cite);
      gtk_image_set_from_icon_name (self->deadline_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_title), "success");
    }
  else if (days < 0)
    {
      title = g_strdup (_("Offer closed: the deadline has passed"));
      /* TRANSLATORS: %s are the deadline (03/12/2025) and the act that set it */
      text = g_strdup_printf (_("Adhesion by ofício was accepted until %s, inclusive, Brasília time (%s). An ofício dated "
                                "after that is refused; only a new technical note can reopen the deadline, and the offer "
                                "file then records it. Adhesion in e-Gestor can still be recorded."),
                              deadline, cite);
      gtk_image_set_from_icon_name (self->deadline_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_title), "error");
    }
  else
    {
      if (days == 0)
        title = g_strdup (_("Today is the last day"));
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);
      /* TRANSLATORS: %s are the deadline (03/12/2025) and the act that set it */
      text = g_strdup_printf (_("The ofício must be dated and sent by %s, inclusive, Brasília time (%s)."),
                              deadline, cite);
      gtk_image_set_from_icon_name (self->deadline_icon, "alarm-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), days <= 7 ? "warning" : "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_title), days <= 7 ? "warning" : "accent");
    }
  gtk_label_set_text (self->deadline_title, title);
  gtk_label_set_text (self->deadline_text, text);
}

static void
show_offer (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  gtk_label_set_text (self->offer_title, offer->name);
  if (offer->processo != NULL)
    /* TRANSLATORS: the SEI process number of an offer */
    g_string_append_printf (subtitle, _("Process nº %s"), offer->processo);
  if (offer->agreement != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", offer->agreement);
  gtk_label_set_text (self->offer_subtitle, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_subtitle), subtitle->len > 0);

  show_deadline (self, offer);

  clear_list (self->references_list);
  for (guint i = 0; i < offer->references->len; i++)
    {
      const CoordenaOfferReference *ref = g_ptr_array_index (offer->references, i);
      g_autoptr(GString) sub = g_string_new (NULL);

      if (ref->sei != NULL)
        g_string_append_printf (sub, "SEI %s", ref->sei);
      if (ref->processo != NULL)
        {
          g_autofree char *processo = g_strdup_printf (_("Process nº %s"), ref->processo);

          g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", processo);
        }
      if (ref->role != NULL)
        g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", ref->role);
      gtk_list_box_append (self->references_list, text_row (ref->title, sub->str));
    }

  clear_list (self->channels_list);
  for (guint i = 0; i < offer->channels->len; i++)
    {
      const CoordenaOfferChannel *channel = g_ptr_array_index (offer->channels, i);
      g_autofree char *managers = g_strjoinv (", ", channel->managers);
      g_autofree char *cite = coordena_offer_cite (offer, channel->source, channel->item);
      /* TRANSLATORS: which managers use a channel ("municipal, estadual") and the act behind it */
      g_autofree char *sub = g_strdup_printf (_("Managers: %s — %s"), managers, cite);

      gtk_list_box_append (self->channels_list, text_row (channel->name, sub));
    }

  {
    g_autofree char *cite = coordena_offer_cite (offer, offer->responsibilities_source, offer->responsibilities_item);
    /* TRANSLATORS: %s is the act and item that list the responsibilities */
    g_autofree char *description = g_strdup_printf (_("What the state takes on by adhering (%s). The ofício "
                                                      "acknowledges them; the dialog asks for each one first."), cite);

    adw_preferences_group_set_description (self->responsibilities_group, description);
  }
}

/* ---- The record: timeline and allowed steps ------------------------------------------------- */

static const char *
step_action_label (CoordenaAdhesionState from, CoordenaAdhesionState to)
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

static const CoordenaAdhesionState step_order[] = {
  COORDENA_ADHESION_ASSINADO, COORDENA_ADHESION_ENVIADO, COORDENA_ADHESION_CONFIRMADO, COORDENA_ADHESION_INDEFERIDO,
  COORDENA_ADHESION_OFICIO_GERADO, COORDENA_ADHESION_ADERIDO_EGESTOR, COORDENA_ADHESION_RASCUNHO,
};

static const char *
step_icon (CoordenaAdhesionState to)
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
static const char *
step_description (CoordenaAdhesionState to)
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

static void
update_generate_action (CoordenaAdhesionPage *self)
{
  gboolean allowed = self->offers != NULL && store_of (self) != NULL
                     && coordena_adhesion_can_move (self->state, COORDENA_ADHESION_OFICIO_GERADO);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adesao.generate", allowed);
}

static void
show_responsibilities (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  /* An ofício on record acknowledged them; a draft or a refusal has yet to. */
  gboolean done = self->state != COORDENA_ADHESION_RASCUNHO && self->state != COORDENA_ADHESION_INDEFERIDO
                  && self->state != COORDENA_ADHESION_ADERIDO_EGESTOR;

  clear_list (self->responsibilities_list);
  for (guint i = 0; offer->responsibilities != NULL && offer->responsibilities[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup (offer->responsibilities[i]);
      GtkWidget *row = text_row (NULL, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "media-record-symbolic");

      /* Sentence case for a list item: "a liberação…" → "A liberação…". */
      if (g_ascii_islower (text[0]))
        text[0] = g_ascii_toupper (text[0]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_add_css_class (icon, done ? "success" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      done ? _("Acknowledged in the ofício") : _("Not yet acknowledged"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->responsibilities_list, row);
    }
}

static GtkWidget *
step_row (const CoordenaAdhesionStep *step)
{
  g_autofree char *date = format_iso (step->date);
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
  row = text_row (title, sub->str);
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

  clear_list (self->timeline_list);
  clear_list (self->actions_list);

  if (adhesion == NULL)
    {
      gtk_list_box_append (self->timeline_list, text_row (_("The record could not be read"), error->message));
      self->state = COORDENA_ADHESION_RASCUNHO;
      return;
    }
  self->state = adhesion->state;

  {
    g_autofree char *date = format_iso (adhesion->date);
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
    row = text_row (_("Current state"), sub);
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
  for (guint i = 0; i < G_N_ELEMENTS (step_order); i++)
    {
      CoordenaAdhesionState to = step_order[i];
      g_autofree char *name = NULL;
      GtkWidget *arrow;

      if (!coordena_adhesion_can_move (adhesion->state, to))
        continue;
      row = text_row (step_action_label (adhesion->state, to), step_description (to));
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
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (step_icon (to)));
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

static void
show_oficios (CoordenaAdhesionPage *self, const CoordenaOffer *offer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_adhesion_list_oficios (store_of (self), &error);
  gboolean latest = TRUE;
  guint shown = 0;

  clear_list (self->oficios_list);
  if (records == NULL)
    {
      gtk_list_box_append (self->oficios_list, text_row (_("The ofícios could not be read"), error->message));
      return;
    }
  for (guint i = records->len; i > 0; i--)
    {
      const CoordenaOficioRecord *record = g_ptr_array_index (records, i - 1);
      const CoordenaOfferSigner *signer = coordena_offer_get_signer (offer, record->signer);
      g_autofree char *numero_ano = g_strdup_printf ("%u/%u", record->number, record->year);
      g_autofree char *date = format_iso (record->date);
      g_autofree char *sub = NULL;
      g_autofree char *row_name = g_strdup_printf ("oficio-%u-%u", record->number, record->year);
      const char *status;
      GtkWidget *row, *badge;

      if (g_strcmp0 (record->offer, offer->id) != 0)
        continue;
      if (record->deleted)
        status = _("Discarded");
      else if (latest && self->state != COORDENA_ADHESION_RASCUNHO)
        status = coordena_adhesion_state_label (self->state == COORDENA_ADHESION_ADERIDO_EGESTOR
                                                ? COORDENA_ADHESION_OFICIO_GERADO : self->state);
      else
        status = _("Superseded");
      if (!record->deleted)
        latest = FALSE;

      if (record->registered)
        {
          /* TRANSLATORS: an ofício sent outside Coordena: the date sent, the channel */
          sub = g_strdup_printf (_("Registered, not generated · sent on %s by %s%s%s"), date,
                                 record->channel != NULL ? record->channel : "?",
                                 record->receipt != NULL ? " · " : "", record->receipt != NULL ? record->receipt : "");
          row = text_row (record->identification, sub);
          gtk_widget_set_name (row, row_name);
          if (record->size > 0)
            {
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-open-symbolic", _("Open"), "adesao.open", numero_ano));
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-save-as-symbolic", _("Save a Copy…"), "adesao.save", numero_ano));
            }
          gtk_list_box_append (self->oficios_list, row);
          shown++;
          latest = FALSE;
          continue;
        }
      /* TRANSLATORS: an ofício's date, signer and page count in the list */
      sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u page", "%s · %s · %u pages", record->pages),
                             date, signer != NULL ? signer->role : record->signer, record->pages);
      if (record->annex != NULL)
        {
          g_autofree char *with = g_strdup_printf ("%s · %s", sub, _("with the teams annex"));

          g_free (sub);
          sub = g_steal_pointer (&with);
        }
      row = text_row (record->identification, sub);
      gtk_widget_set_name (row, row_name);
      badge = gtk_label_new (status);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "dim-label");
      gtk_widget_set_margin_end (badge, 6);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-open-symbolic", _("Open"), "adesao.open", numero_ano));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("printer-symbolic", _("Print…"), "adesao.print", numero_ano));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-save-as-symbolic", _("Save a Copy…"), "adesao.save", numero_ano));
      gtk_list_box_append (self->oficios_list, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = text_row (_("No ofício generated yet"),
                                 _("“Generate Ofício…” checks every rule first and shows what will print."));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->oficios_list, row);
    }
}

void
coordena_adhesion_page_refresh (CoordenaAdhesionPage *self)
{
  const CoordenaOffer *offer;

  g_return_if_fail (COORDENA_IS_ADHESION_PAGE (self));

  if (self->offers == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      self->offers = coordena_offers_load_all (&error);
      if (self->offers == NULL)
        {
          adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->state_stack, "none")),
                                           error->message);
          gtk_stack_set_visible_child_name (self->state_stack, "none");
          return;
        }
      {
        GDate today;

        /* Open offers first; a closed one says so in its name. */
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
      }
      gtk_drop_down_set_model (self->offer_dropdown, G_LIST_MODEL (names));
      gtk_widget_set_visible (GTK_WIDGET (self->offer_dropdown), self->offers->len > 1);
    }

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
  show_offer (self, offer);
  show_record (self, offer);
  show_deadline (self, offer);
  show_responsibilities (self, offer);
  show_oficios (self, offer);
  update_generate_action (self);
  coordena_municipalities_view_show (self->municipios_view, store_of (self), offer);
}

void
coordena_adhesion_page_set_workspace (CoordenaAdhesionPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_ADHESION_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "changed", G_CALLBACK (coordena_adhesion_page_refresh), self);
  coordena_adhesion_page_refresh (self);
}

/* ---- Actions ----------------------------------------------------------------------------------- */

static void
toast_open (AdwToast *toast, CoordenaAdhesionPage *self)
{
  const char *numero_ano = g_object_get_data (G_OBJECT (toast), "numero-ano");

  if (store_of (self) != NULL)
    coordena_oficio_open (window_of (self), store_of (self), numero_ano);
}

static void
oficio_generated (CoordenaAdhesionPage *self, const char *identification, const char *numero_ano)
{
  GtkWindow *window = window_of (self);

  coordena_adhesion_page_refresh (self);
  if (COORDENA_IS_WINDOW (window))
    {
      /* TRANSLATORS: a toast after generating, with the ofício's identification */
      g_autofree char *text = g_strdup_printf (_("%s generated and stored"), identification);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "numero-ano", g_strdup (numero_ano), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_open), self, 0);
      coordena_window_add_toast (COORDENA_WINDOW (window), toast);
    }
}

static void
generate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = current_offer (self);
  CoordenaOficioDialog *dialog;

  /* Ctrl+G reaches the page from anywhere in the window: it acts only while the page shows. */
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
    coordena_oficio_save_copy (window_of (self), store_of (self), numero_ano);
}

static AdwEntryRow *entry_row (GtkListBox *list, const char *name, const char *title, const char *text);

/* ---- Adding an offer file --------------------------------------------------------------------- */

gboolean
coordena_adhesion_page_add_offer_file (CoordenaAdhesionPage *self, const char *path, GError **error)
{
  g_autoptr(CoordenaOffer) offer = NULL;
  gboolean replaced = FALSE;

  g_return_val_if_fail (COORDENA_IS_ADHESION_PAGE (self), FALSE);
  if ((offer = coordena_offer_install (path, &replaced, error)) == NULL)
    return FALSE;
  g_clear_pointer (&self->offers, g_ptr_array_unref);
  coordena_adhesion_page_refresh (self);
  for (guint i = 0; self->offers != NULL && i < self->offers->len; i++)
    if (g_str_equal (((CoordenaOffer *) g_ptr_array_index (self->offers, i))->id, offer->id))
      gtk_drop_down_set_selected (self->offer_dropdown, i);
  if (COORDENA_IS_WINDOW (window_of (self)))
    {
      /* TRANSLATORS: a toast after adding an offer file */
      g_autofree char *text = g_strdup_printf (replaced ? _("Offer “%s” replaced") : _("Offer “%s” added"),
                                               offer->short_name);

      coordena_window_add_toast (COORDENA_WINDOW (window_of (self)), adw_toast_new (text));
    }
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
  const CoordenaOffer *offer = current_offer (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  CoordenaOficioRegistration reg = { 0 };

  if (!g_str_equal (response, "register") || offer == NULL || store_of (self) == NULL)
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
    record = coordena_adhesion_register_oficio (store_of (self), &reg, &error);
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

static void
register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = current_offer (self);
  RegisterDialog *data;
  GtkWidget *dialog, *list;
  g_autofree char *today_text = NULL;
  GDate today;

  if (offer == NULL || store_of (self) == NULL)
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
  const CoordenaOffer *offer = current_offer (self);
  g_autoptr(GError) error = NULL;
  const char *note, *protocolo;
  GDate date;

  if (!g_str_equal (response, "record") || offer == NULL || store_of (self) == NULL)
    return;
  note = gtk_editable_get_text (GTK_EDITABLE (data->note_row));
  protocolo = gtk_editable_get_text (GTK_EDITABLE (data->protocol_row));
  if (coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (data->date_row)), &date, &error))
    coordena_adhesion_set_state (store_of (self), offer, data->to, &date, *note != '\0' ? note : NULL,
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

static void
step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  const CoordenaOffer *offer = current_offer (self);
  StepDialog *data;
  GtkWidget *dialog, *list;
  g_autofree char *today_text = NULL;
  const char *body;
  CoordenaAdhesionState to;
  GDate today;

  if (offer == NULL || !coordena_adhesion_state_from_string (g_variant_get_string (parameter, NULL), &to, NULL))
    return;

  if (to == COORDENA_ADHESION_OFICIO_GERADO || (body = step_description (to)) == NULL)
    return;

  coordena_offer_today (offer, &today);
  today_text = coordena_format_date (&today);
  dialog = adw_message_dialog_new (window_of (self), step_action_label (self->state, to), body);
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

static void
offer_selected (CoordenaAdhesionPage *self)
{
  if (self->offers != NULL)
    coordena_adhesion_page_refresh (self);
}

/* The window builds its pages from its template; the page takes the window's database the first
 * time it shows, and reads the record again whenever it comes back on screen. */
static void
coordena_adhesion_page_map (GtkWidget *widget)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (coordena_adhesion_page_parent_class)->map (widget);
  root = gtk_widget_get_root (widget);
  if (self->workspace == NULL && COORDENA_IS_WINDOW (root))
    coordena_adhesion_page_set_workspace (self, coordena_window_get_workspace (COORDENA_WINDOW (root)));
  else if (self->workspace != NULL)
    coordena_adhesion_page_refresh (self);
}

static void
coordena_adhesion_page_dispose (GObject *object)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_ADHESION_PAGE);
  {
    GtkWidget *child;

    /* The template's top widget is not bound: it leaves with its parent. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (coordena_adhesion_page_parent_class)->dispose (object);
}

static void
coordena_adhesion_page_finalize (GObject *object)
{
  CoordenaAdhesionPage *self = COORDENA_ADHESION_PAGE (object);

  g_clear_pointer (&self->offers, g_ptr_array_unref);
  G_OBJECT_CLASS (coordena_adhesion_page_parent_class)->finalize (object);
}

static void
coordena_adhesion_page_class_init (CoordenaAdhesionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_type_ensure (COORDENA_TYPE_MUNICIPALITIES_VIEW);

  object_class->dispose = coordena_adhesion_page_dispose;
  object_class->finalize = coordena_adhesion_page_finalize;
  widget_class->map = coordena_adhesion_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-adhesion-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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

  gtk_widget_class_install_action (widget_class, "adesao.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "adesao.step", "s", step_action);
  gtk_widget_class_install_action (widget_class, "adesao.open", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.print", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.save", "s", oficio_file_action);
  gtk_widget_class_install_action (widget_class, "adesao.add-offer", NULL, add_offer_action);
  gtk_widget_class_install_action (widget_class, "adesao.register", NULL, register_action);
}

static void
coordena_adhesion_page_init (CoordenaAdhesionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = COORDENA_ADHESION_RASCUNHO;
  g_signal_connect_swapped (self->offer_dropdown, "notify::selected", G_CALLBACK (offer_selected), self);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_g, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("adesao.generate")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adesao.generate", FALSE);
}
