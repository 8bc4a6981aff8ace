/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/adhesion.h>
#include <coordena/format.h>
#include <coordena/notification.h>
#include <coordena/secretario.h>
#include <coordena/error.h>

#include "coordena-municipality-item.h"
#include "coordena-municipalities-view.h"
#include "coordena-oficio-files.h"

struct _CoordenaMunicipalitiesView
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkToggleButton *alert_toggle;
  GtkLabel *count_label;
  GtkWidget *alert_box;
  GtkLabel *alert_label;
  GtkColumnView *column_view;

  GListStore *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  CoordenaStore *store;
  char *offer_id;
  guint n_adhered;
  guint n_alerts;
};

G_DEFINE_FINAL_TYPE (CoordenaMunicipalitiesView, coordena_municipalities_view, GTK_TYPE_WIDGET)

typedef enum {
  COL_NOME,
  COL_STATUS,
  COL_DATE,
  COL_RESPONSAVEL,
  COL_TITULAR,
  COL_USO,
  COL_NOTIFICACAO,
  N_COLS,
} Column;

static char *
format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !coordena_parse_date (iso, &date, NULL))
    return g_strdup (iso != NULL ? iso : "");
  return coordena_format_date (&date);
}

static char *
cell_text (const CoordenaMunicipioAdesao *m, Column column)
{
  switch (column)
    {
    case COL_NOME:
      return g_strdup (m->nome);
    case COL_STATUS:
      {
        char *label = g_strdup (coordena_municipio_status_label (m->status));

        if (g_ascii_islower (label[0]))
          label[0] = g_ascii_toupper (label[0]);
        return label;
      }
    case COL_DATE:
      return format_iso (m->date);
    case COL_RESPONSAVEL:
      return g_strdup (m->responsavel != NULL ? m->responsavel : "");
    case COL_TITULAR:
      return g_strdup (m->acesso_titular != NULL ? m->acesso_titular : "");
    case COL_USO:
      {
        g_autofree char *date = format_iso (m->acesso_ultimo_uso);

        if (m->days_since_use < 0)
          return g_strdup (_("unknown"));
        /* TRANSLATORS: the last use of the Gerencia APS access and how long ago */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d day ago)", "%s (%d days ago)", m->days_since_use),
                                date, m->days_since_use);
      }
    case N_COLS:
    default:
      return g_strdup ("");
    }
}

/* The notification column comes from the item (what the letters to the municipality show after
 * the newest competência); every other column from the adhesion follow-up. */
static char *
item_text (CoordenaMunicipalityItem *item, Column column)
{
  if (column == COL_NOTIFICACAO)
    {
      const char *text = coordena_municipality_item_get_notification (item);

      return g_strdup (text != NULL ? text : "");
    }
  return cell_text (coordena_municipality_item_get (item), column);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_inscription_new (NULL);

  if (GPOINTER_TO_INT (column) == COL_USO)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }
  switch (GPOINTER_TO_INT (column))
    {
    case COL_NOME:
    case COL_STATUS:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 18);
      break;
    case COL_USO:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 22);
      break;
    case COL_NOTIFICACAO:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 44);
      break;
    default:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 10);
    }
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const CoordenaMunicipioAdesao *m = coordena_municipality_item_get (gtk_list_item_get_item (item));
  g_autofree char *text = item_text (gtk_list_item_get_item (item), GPOINTER_TO_INT (column));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_last_child (box)), text);
  if (GPOINTER_TO_INT (column) == COL_USO && m->days_since_use < 0)
    gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  else
    gtk_widget_remove_css_class (gtk_widget_get_last_child (box), "dim-label");
  if (GPOINTER_TO_INT (column) == COL_USO)
    {
      GtkWidget *icon = gtk_widget_get_first_child (box);

      gtk_widget_set_visible (icon, m->access_alert);
      if (m->access_alert)
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Access unused for 90 days or more"), -1);
    }
}

static int
compare_items (gconstpointer a, gconstpointer b, gpointer column)
{
  const CoordenaMunicipioAdesao *x = coordena_municipality_item_get ((CoordenaMunicipalityItem *) a);
  const CoordenaMunicipioAdesao *y = coordena_municipality_item_get ((CoordenaMunicipalityItem *) b);

  switch (GPOINTER_TO_INT (column))
    {
    case COL_STATUS:
      return (int) x->status - (int) y->status;
    case COL_USO:
      return x->days_since_use - y->days_since_use;
    case COL_DATE:
      return g_strcmp0 (x->date, y->date);
    default:
      {
        g_autofree char *s = item_text ((CoordenaMunicipalityItem *) a, GPOINTER_TO_INT (column));
        g_autofree char *t = item_text ((CoordenaMunicipalityItem *) b, GPOINTER_TO_INT (column));

        (void) x;
        (void) y;

        return g_utf8_collate (s, t);
      }
    }
}

static void
add_column (CoordenaMunicipalitiesView *self, Column column, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (column), NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

static gboolean
filter_item (gpointer item, gpointer user_data)
{
  CoordenaMunicipalitiesView *self = user_data;
  const CoordenaMunicipioAdesao *m = coordena_municipality_item_get (item);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (status != GTK_INVALID_LIST_POSITION && status > 0 && m->status != (CoordenaMunicipioStatus) (status - 1))
    return FALSE;
  if (gtk_toggle_button_get_active (self->alert_toggle) && !m->access_alert)
    return FALSE;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *hay = g_utf8_casefold (m->nome, -1);
      g_autofree char *n = g_utf8_normalize (needle, -1, G_NORMALIZE_ALL);
      g_autofree char *h = g_utf8_normalize (hay, -1, G_NORMALIZE_ALL);

      if (strstr (h, n) == NULL && strstr (m->ibge7, search) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_count (CoordenaMunicipalitiesView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;
  /* TRANSLATORS: municipalities shown after the filters and the total */
  g_autofree char *count = g_strdup_printf (_("%u of %u municipalities"), shown, total);
  g_autofree char *adhered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u adhered in e-Gestor",
                                                           "%u adhered in e-Gestor", self->n_adhered), self->n_adhered);

  text = g_strdup_printf ("%s · %s", count, adhered);
  gtk_label_set_text (self->count_label, text);
}

static void
filters_changed (CoordenaMunicipalitiesView *self)
{
  /* The status menu gets its items before the filter exists. */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Per municipality, what its letters' teams show now: "3 teams notified: 1 fixed, 1 pending, 1 suspended". */
static GHashTable *
notification_texts (CoordenaStore *store)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) records = coordena_notification_list (store, FALSE, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const CoordenaNotificationRecord *r = g_ptr_array_index (records, i);
      guint *c = g_hash_table_lookup (counts, r->ibge7);

      if (c == NULL)
        {
          c = g_new0 (guint, 4);
          g_hash_table_insert (counts, g_strdup (r->ibge7), c);
        }
      c[0] += r->n_teams;
      c[1] += r->n_regularized;
      c[2] += r->n_persisting + r->n_waiting;
      c[3] += r->n_suspended;
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const guint *c = value;
      g_autofree char *how = coordena_notify_counts_text (c[1], c[2], c[3], FALSE, 0, 0);

      g_hash_table_insert (texts, g_strdup (key),
                           /* TRANSLATORS: under the "Notified Teams" column: how many, and how they stand */
                           g_strdup_printf (_("%u: %s"), c[0], how));
    }
  return texts;
}

void
coordena_municipalities_view_show (CoordenaMunicipalitiesView *self, CoordenaStore *store, const CoordenaOffer *offer)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *items = NULL;
  g_autoptr(GHashTable) notified = NULL;
  GDate today;

  g_return_if_fail (COORDENA_IS_MUNICIPALITIES_VIEW (self));

  self->store = store;
  g_free (self->offer_id);
  self->offer_id = g_strdup (offer->id);
  self->n_adhered = self->n_alerts = 0;
  coordena_offer_today (offer, &today);
  list = coordena_adhesion_list_municipios (store, offer->id, &today, &error);
  if (list == NULL)
    {
      g_list_store_remove_all (self->items);
      gtk_label_set_text (self->alert_label, error->message);
      gtk_widget_set_visible (self->alert_box, TRUE);
      update_count (self);
      return;
    }

  notified = notification_texts (store);
  items = g_new0 (gpointer, list->len + 1);
  for (guint i = 0; i < list->len; i++)
    {
      CoordenaMunicipioAdesao *m = g_ptr_array_index (list, i);
      char *notice = g_hash_table_lookup (notified, m->ibge7);

      if (m->status == COORDENA_MUNICIPIO_ADERIU_EGESTOR)
        self->n_adhered++;
      if (m->access_alert)
        self->n_alerts++;
      list->pdata[i] = NULL;
      items[i] = coordena_municipality_item_new (m);
      if (notice != NULL)
        coordena_municipality_item_set_notification (items[i], notice);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items, list->len);
  for (guint i = 0; i < list->len; i++)
    g_object_unref (items[i]);

  if (self->n_alerts > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u municipality has not used its Gerencia APS access for "
                                                            "90 days or more: the access lapses when unused for 90 days, "
                                                            "and the manager must ask for it again before adhering.",
                                                            "%u municipalities have not used their Gerencia APS access "
                                                            "for 90 days or more: the access lapses when unused for 90 "
                                                            "days, and each manager must ask for it again before adhering.",
                                                            self->n_alerts),
                                               self->n_alerts);

      gtk_label_set_text (self->alert_label, text);
    }
  gtk_widget_set_visible (self->alert_box, self->n_alerts > 0);
  update_count (self);
}

guint
coordena_municipalities_view_get_n_shown (CoordenaMunicipalitiesView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
coordena_municipalities_view_get_n_total (CoordenaMunicipalitiesView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* ---- Editing a municipality ------------------------------------------------------------------ */

typedef struct {
  CoordenaMunicipalitiesView *self;
  char *ibge7;
  AdwComboRow *status_row;
  AdwEntryRow *date_row, *responsavel_row, *titular_row, *uso_row, *note_row, *secretario_row;
  AdwComboRow *genero_row;             /* 0 not known, 1 F, 2 M */
} EditDialog;

static void
edit_dialog_free (gpointer user_data, GClosure *closure)
{
  EditDialog *data = user_data;

  g_object_unref (data->self);
  g_free (data->ibge7);
  g_free (data);
}

static const char *
entry_or_null (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? text : NULL;
}

static void
edit_response (AdwMessageDialog *dialog, const char *response, EditDialog *data)
{
  CoordenaMunicipalitiesView *self = data->self;
  CoordenaMunicipioStatus status = adw_combo_row_get_selected (data->status_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) offer = NULL;

  const char *genders[] = { NULL, "F", "M" };
  guint genero = adw_combo_row_get_selected (data->genero_row);
  const char *secretario = entry_or_null (data->secretario_row);

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  if (secretario != NULL && (genero < 1 || genero > 2))
    g_set_error_literal (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("Choose the municipal secretary’s gender (it gives “Senhora Secretária” or “Senhor "
                           "Secretário” in the letters), or leave the name empty."));
  else
    coordena_secretario_municipal_check (secretario, genero <= 2 ? genders[genero] : NULL, &error);
  if (error != NULL
      || !coordena_adhesion_set_municipio (self->store, self->offer_id, data->ibge7, &status, entry_or_null (data->date_row),
                                           entry_or_null (data->responsavel_row), entry_or_null (data->titular_row),
                                           entry_or_null (data->uso_row), entry_or_null (data->note_row), &error)
      || !coordena_secretario_municipal_set (self->store, data->ibge7, secretario,
                                             genero <= 2 ? genders[genero] : NULL, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      coordena_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("The Follow-up Was Not Saved"), error);
      return;
    }
  if ((offer = coordena_offer_find (self->offer_id, NULL)) != NULL)
    coordena_municipalities_view_show (self, self->store, offer);
}

static AdwEntryRow *
edit_entry (GtkListBox *list, const char *name, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static void
row_activated (CoordenaMunicipalitiesView *self, guint position)
{
  g_autoptr(CoordenaMunicipalityItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (self->column_view)),
                                                                position);
  const CoordenaMunicipioAdesao *m;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *date = NULL, *uso = NULL;
  EditDialog *data;
  GtkWidget *dialog, *list;

  if (item == NULL)
    return;
  m = coordena_municipality_item_get (item);
  for (guint i = COORDENA_MUNICIPIO_NAO_INICIADO; i <= COORDENA_MUNICIPIO_PENDENTE; i++)
    {
      g_autofree char *label = g_strdup (coordena_municipio_status_label (i));

      if (g_ascii_islower (label[0]))
        label[0] = g_ascii_toupper (label[0]);
      gtk_string_list_append (statuses, label);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, m->nome,
                                   _("The municipality’s adhesion in e-Gestor and who holds its Gerencia APS access. "
                                     "Dates as DD/MM/AAAA."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data = g_new0 (EditDialog, 1);
  data->self = g_object_ref (self);
  data->ibge7 = g_strdup (m->ibge7);
  data->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->status_row), _("Status"));
  gtk_widget_set_name (GTK_WIDGET (data->status_row), "municipio-status");
  adw_combo_row_set_model (data->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (data->status_row, m->status);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->status_row));
  date = format_iso (m->date);
  uso = format_iso (m->acesso_ultimo_uso);
  data->date_row = edit_entry (GTK_LIST_BOX (list), "municipio-date", _("Date"), date);
  data->responsavel_row = edit_entry (GTK_LIST_BOX (list), "municipio-responsavel", _("Responsible person"), m->responsavel);
  data->titular_row = edit_entry (GTK_LIST_BOX (list), "municipio-titular", _("Holder of the Gerencia APS access"),
                                  m->acesso_titular);
  data->uso_row = edit_entry (GTK_LIST_BOX (list), "municipio-uso", _("Last use of the access"), uso);
  data->note_row = edit_entry (GTK_LIST_BOX (list), "municipio-note", _("Note"), m->note);
  {
    g_autoptr(CoordenaSecretarioMunicipal) sec = coordena_secretario_municipal_get (self->store, m->ibge7, NULL);
    g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);

    data->secretario_row = edit_entry (GTK_LIST_BOX (list), "municipio-secretario",
                                       _("Municipal Secretary of Health (name, for the notifications)"),
                                       sec != NULL ? sec->nome : NULL);
    gtk_string_list_append (genders, _("Not known"));
    gtk_string_list_append (genders, _("Female (Secretária)"));
    gtk_string_list_append (genders, _("Male (Secretário)"));
    data->genero_row = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->genero_row), _("Gender of the municipal secretary"));
    gtk_widget_set_name (GTK_WIDGET (data->genero_row), "municipio-genero");
    adw_combo_row_set_model (data->genero_row, G_LIST_MODEL (genders));
    adw_combo_row_set_selected (data->genero_row, sec == NULL ? 0 : sec->gender == 'F' ? 1 : 2);
    gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->genero_row));
  }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  /* A leitura role on the server sees the follow-up but cannot change it. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", coordena_store_can_write (self->store));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response), data, edit_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
coordena_municipalities_view_dispose (GObject *object)
{
  CoordenaMunicipalitiesView *self = COORDENA_MUNICIPALITIES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_MUNICIPALITIES_VIEW);
  {
    GtkWidget *child;

    /* The template's top widget is not bound: it leaves with its parent. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->items);
  G_OBJECT_CLASS (coordena_municipalities_view_parent_class)->dispose (object);
}

static void
coordena_municipalities_view_finalize (GObject *object)
{
  CoordenaMunicipalitiesView *self = COORDENA_MUNICIPALITIES_VIEW (object);

  g_free (self->offer_id);
  G_OBJECT_CLASS (coordena_municipalities_view_parent_class)->finalize (object);
}

static void
coordena_municipalities_view_class_init (CoordenaMunicipalitiesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = coordena_municipalities_view_dispose;
  object_class->finalize = coordena_municipalities_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-municipalities-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, alert_toggle);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, alert_box);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, alert_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaMunicipalitiesView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
coordena_municipalities_view_init (CoordenaMunicipalitiesView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = COORDENA_MUNICIPIO_NAO_INICIADO; i <= COORDENA_MUNICIPIO_PENDENTE; i++)
    {
      g_autofree char *label = g_strdup (coordena_municipio_status_label (i));

      /* "não iniciado" → "Não iniciado" as a menu item. */
      if (g_ascii_islower (label[0]))
        label[0] = g_ascii_toupper (label[0]);
      gtk_string_list_append (statuses, label);
    }
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->items = g_list_store_new (COORDENA_TYPE_MUNICIPALITY_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), GTK_FILTER (self->filter));
  add_column (self, COL_NOME, _("Municipality"), TRUE);
  add_column (self, COL_STATUS, _("Status"), FALSE);
  add_column (self, COL_DATE, _("Date"), FALSE);
  add_column (self, COL_RESPONSAVEL, _("Responsible"), TRUE);
  add_column (self, COL_TITULAR, _("Gerencia APS Access"), TRUE);
  add_column (self, COL_USO, _("Last Use"), FALSE);
  add_column (self, COL_NOTIFICACAO, _("Notified Teams"), TRUE);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}
