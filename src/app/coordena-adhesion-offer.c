/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/format.h>

#include "coordena-adhesion-offer.h"

void
coordena_adhesion_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
coordena_adhesion_text_row (const char *title, const char *subtitle)
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

char *
coordena_adhesion_format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !coordena_parse_date (iso, &date, NULL))
    return g_strdup (iso != NULL ? iso : "");
  return coordena_format_date (&date);
}

void
coordena_adhesion_show_deadline (const CoordenaOffer  *offer,
                                 CoordenaAdhesionState state,
                                 GtkImage             *icon,
                                 GtkLabel             *title_label,
                                 GtkLabel             *text_label)
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
  if (state == COORDENA_ADHESION_CONFIRMADO || state == COORDENA_ADHESION_ADERIDO_EGESTOR)
    days = G_MININT;

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *w = i == 0 ? GTK_WIDGET (icon) : GTK_WIDGET (title_label);

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
      gtk_image_set_from_icon_name (icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (title_label), "success");
    }
  else if (days < 0)
    {
      title = g_strdup (_("Offer closed: the deadline has passed"));
      /* TRANSLATORS: %s are the deadline (03/12/2025) and the act that set it */
      text = g_strdup_printf (_("Adhesion by ofício was accepted until %s, inclusive, Brasília time (%s). An ofício dated "
                                "after that is refused; only a new technical note can reopen the deadline, and the offer "
                                "file then records it. Adhesion in e-Gestor can still be recorded."),
                              deadline, cite);
      gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (title_label), "error");
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
      gtk_image_set_from_icon_name (icon, "alarm-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (icon), days <= 7 ? "warning" : "accent");
      gtk_widget_add_css_class (GTK_WIDGET (title_label), days <= 7 ? "warning" : "accent");
    }
  gtk_label_set_text (title_label, title);
  gtk_label_set_text (text_label, text);
}

void
coordena_adhesion_show_offer (const CoordenaOffer  *offer,
                              GtkLabel             *title,
                              GtkLabel             *subtitle_label,
                              GtkListBox           *references,
                              GtkListBox           *channels,
                              AdwPreferencesGroup  *responsibilities)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  gtk_label_set_text (title, offer->name);
  if (offer->processo != NULL)
    /* TRANSLATORS: the SEI process number of an offer */
    g_string_append_printf (subtitle, _("Process nº %s"), offer->processo);
  if (offer->agreement != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", offer->agreement);
  gtk_label_set_text (subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (subtitle_label), subtitle->len > 0);

  coordena_adhesion_clear_list (references);
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
      gtk_list_box_append (references, coordena_adhesion_text_row (ref->title, sub->str));
    }

  coordena_adhesion_clear_list (channels);
  for (guint i = 0; i < offer->channels->len; i++)
    {
      const CoordenaOfferChannel *channel = g_ptr_array_index (offer->channels, i);
      g_autofree char *managers = g_strjoinv (", ", channel->managers);
      g_autofree char *cite = coordena_offer_cite (offer, channel->source, channel->item);
      /* TRANSLATORS: which managers use a channel ("municipal, estadual") and the act behind it */
      g_autofree char *sub = g_strdup_printf (_("Managers: %s — %s"), managers, cite);

      gtk_list_box_append (channels, coordena_adhesion_text_row (channel->name, sub));
    }

  {
    g_autofree char *cite = coordena_offer_cite (offer, offer->responsibilities_source, offer->responsibilities_item);
    /* TRANSLATORS: %s is the act and item that list the responsibilities */
    g_autofree char *description = g_strdup_printf (_("What the state takes on by adhering (%s). The ofício "
                                                      "acknowledges them; the dialog asks for each one first."), cite);

    adw_preferences_group_set_description (responsibilities, description);
  }
}

void
coordena_adhesion_show_responsibilities (const CoordenaOffer *offer, CoordenaAdhesionState state, GtkListBox *list)
{
  /* An ofício on record acknowledged them; a draft or a refusal has yet to. */
  gboolean done = state != COORDENA_ADHESION_RASCUNHO && state != COORDENA_ADHESION_INDEFERIDO
                  && state != COORDENA_ADHESION_ADERIDO_EGESTOR;

  coordena_adhesion_clear_list (list);
  for (guint i = 0; offer->responsibilities != NULL && offer->responsibilities[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup (offer->responsibilities[i]);
      GtkWidget *row = coordena_adhesion_text_row (NULL, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "media-record-symbolic");

      /* Sentence case for a list item: "a liberação…" → "A liberação…". */
      if (g_ascii_islower (text[0]))
        text[0] = g_ascii_toupper (text[0]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_add_css_class (icon, done ? "success" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      done ? _("Acknowledged in the ofício") : _("Not yet acknowledged"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (list, row);
    }
}
