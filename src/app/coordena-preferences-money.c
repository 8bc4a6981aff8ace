/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/clock.h>
#include <coordena/competencia.h>
#include <coordena/format.h>
#include <coordena/strata.h>

#include "coordena-preferences-money.h"
#include "coordena-rule-row.h"

struct _CoordenaPreferencesMoney
{
  AdwPreferencesPage parent_instance;

  AdwPreferencesGroup *base_group;
  AdwPreferencesGroup *strata_group;
  GtkSearchEntry *strata_search;
  GtkListBox *strata_list;

  CoordenaWorkspace *workspace;
  GPtrArray *base_rows;   /* the rows in base_group, owned by it */
  GPtrArray *strata;      /* CoordenaMunicipioStratum, one per row of strata_list, in its order */
  gboolean loading;       /* the stored strata are being shown, not chosen */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesMoney, coordena_preferences_money, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
coordena_preferences_money_new (CoordenaWorkspace *workspace)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_MONEY, "workspace", workspace, NULL);
}

/* ---- Base values ------------------------------------------------------------------------------- */

static char *
money_or_dash (gint64 centavos)
{
  return centavos == COORDENA_BASE_UNKNOWN ? g_strdup ("—") : coordena_format_money (centavos);
}

/* "18.000,00;16.000,00;…" as the file writes it, and "R$ 18.000,00 · …" for people. */
static void
base_texts (const CoordenaRuleSet *set, int type, char **file_text, char **display)
{
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  gboolean by_stratum = set->base_values[type][1] != COORDENA_BASE_UNKNOWN;

  for (guint s = by_stratum ? 1 : 0; s <= (by_stratum ? COORDENA_N_STRATA : 0); s++)
    {
      g_autofree char *money = money_or_dash (set->base_values[type][s]);
      const char *plain = "";

      if (set->base_values[type][s] != COORDENA_BASE_UNKNOWN)
        plain = money + (g_str_has_prefix (money, "R$ ") ? 3 : 0);
      g_string_append_printf (file, "%s%s", file->len > 0 ? ";" : "", plain);
      if (by_stratum)
        /* TRANSLATORS: a base value for an IED stratum: "E1 R$ 18.000,00" */
        g_string_append_printf (shown, "%s" "E%u %s", shown->len > 0 ? " · " : "", s, money);
      else
        g_string_append (shown, money);
    }
  *file_text = g_strdup (file->str);
  *display = g_strdup (shown->str);
}

/* The set in force today, or else the latest one. */
static const CoordenaRuleSet *
set_in_force (const CoordenaRuleCatalog *catalog)
{
  const CoordenaRuleSet *in_force;
  GDate today;

  coordena_clock_today (&today);
  in_force = coordena_rule_catalog_in_force (catalog, coordena_competencia_from_date (&today));
  if (in_force == NULL && coordena_rule_catalog_get_n_sets (catalog) > 0)
    in_force = coordena_rule_catalog_get_set (catalog, coordena_rule_catalog_get_n_sets (catalog) - 1);
  return in_force;
}

static void
build_base_rows (CoordenaPreferencesMoney *self)
{
  static const struct { int type; const char *key; const char *name; } types[] = {
    { COORDENA_TEAM_TYPE_ESF, "eSF", "eSF" },
    { COORDENA_TEAM_TYPE_EAP30, "eAP30", "eAP 30 h" },
    { COORDENA_TEAM_TYPE_EAP20, "eAP20", "eAP 20 h" },
  };
  const CoordenaRuleCatalog *catalog = coordena_workspace_get_catalog (self->workspace, NULL);
  const CoordenaRuleSet *in_force = catalog != NULL ? set_in_force (catalog) : NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->base_rows->len; i++)
    adw_preferences_group_remove (self->base_group, g_ptr_array_index (self->base_rows, i));
  g_ptr_array_set_size (self->base_rows, 0);
  if (in_force == NULL)
    return;

  /* TRANSLATORS: the money page's description: the rule set whose bases show, and its confidence */
  description = g_strdup_printf (_("From %s (confidence %s). By IED stratum, 1 to 4, where the act "
                                   "gives them. A change asks for the act behind it."),
                                 in_force->title, coordena_confidence_to_string (in_force->base_confidence));
  adw_preferences_group_set_description (self->base_group, description);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *file_text = NULL, *display = NULL;
      GtkWidget *row;

      base_texts (in_force, types[t].type, &file_text, &display);
      row = coordena_rule_parameter_row_new (in_force, types[t].key, types[t].name, display, NULL, file_text);
      adw_preferences_group_add (self->base_group, row);
      g_ptr_array_add (self->base_rows, row);
    }
}

static void
change_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesMoney *self = COORDENA_PREFERENCES_MONEY (widget);

  coordena_rule_row_ask_change (widget, self->workspace, parameter);
}

/* ---- IED strata ------------------------------------------------------------------------------------ */

static void
stratum_changed (AdwComboRow *row, GParamSpec *pspec, CoordenaPreferencesMoney *self)
{
  const CoordenaMunicipioStratum *m = g_ptr_array_index (self->strata, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GError) error = NULL;

  if (self->loading || store == NULL)
    return;
  if (!coordena_store_set_ied_stratum (store, m->ibge7, adw_combo_row_get_selected (row), &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "prefs.toast", "s", error->message);
      return;
    }
  /* The forecast and the pages read the changed data again. */
  coordena_workspace_reload (self->workspace);
}

static gboolean
filter_stratum (GtkListBoxRow *row, gpointer user_data)
{
  CoordenaPreferencesMoney *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->strata_search));
  g_autofree char *needle = NULL, *hay = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  hay = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  return strstr (hay, needle) != NULL;
}

static void
strata_search_changed (GtkSearchEntry *entry, CoordenaPreferencesMoney *self)
{
  gtk_list_box_invalidate_filter (self->strata_list);
}

static GtkWidget *
stratum_row (CoordenaPreferencesMoney *self, const CoordenaMunicipioStratum *m)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "IBGE %s · %u team", "IBGE %s · %u teams", m->n_teams),
                                          m->ibge7, m->n_teams);

  gtk_string_list_append (labels, _("No stratum"));
  for (guint s = 1; s <= 4; s++)
    {
      /* TRANSLATORS: an IED stratum, 1 to 4 */
      g_autofree char *label = g_strdup_printf (_("Stratum %u"), s);

      gtk_string_list_append (labels, label);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->nome);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), m->stratum);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (stratum_changed), self, 0);
  return row;
}

static void
build_strata (CoordenaPreferencesMoney *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if ((self->strata = coordena_strata_list (store, &error)) == NULL)
    {
      adw_preferences_group_set_description (self->strata_group, error->message);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < self->strata->len; i++)
    gtk_list_box_append (self->strata_list, stratum_row (self, g_ptr_array_index (self->strata, i)));
  self->loading = FALSE;
  gtk_list_box_set_filter_func (self->strata_list, filter_stratum, self, NULL);
}

/* ---- The page ------------------------------------------------------------------------------------ */

static void
coordena_preferences_money_constructed (GObject *object)
{
  CoordenaPreferencesMoney *self = COORDENA_PREFERENCES_MONEY (object);

  G_OBJECT_CLASS (coordena_preferences_money_parent_class)->constructed (object);

  build_base_rows (self);
  build_strata (self);
  /* A changed base shows at once. */
  g_signal_connect_object (self->workspace, "catalog-changed", G_CALLBACK (build_base_rows), self, G_CONNECT_SWAPPED);
}

static void
coordena_preferences_money_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesMoney *self = COORDENA_PREFERENCES_MONEY (object);

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
coordena_preferences_money_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesMoney *self = COORDENA_PREFERENCES_MONEY (object);

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
coordena_preferences_money_finalize (GObject *object)
{
  CoordenaPreferencesMoney *self = COORDENA_PREFERENCES_MONEY (object);

  g_clear_object (&self->workspace);
  g_ptr_array_unref (self->base_rows);
  g_clear_pointer (&self->strata, g_ptr_array_unref);
  G_OBJECT_CLASS (coordena_preferences_money_parent_class)->finalize (object);
}

static void
coordena_preferences_money_class_init (CoordenaPreferencesMoneyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_preferences_money_constructed;
  object_class->set_property = coordena_preferences_money_set_property;
  object_class->get_property = coordena_preferences_money_get_property;
  object_class->finalize = coordena_preferences_money_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-money.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesMoney, base_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesMoney, strata_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesMoney, strata_search);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesMoney, strata_list);
  gtk_widget_class_bind_template_callback (widget_class, strata_search_changed);
  gtk_widget_class_install_action (widget_class, "rules.change", "(ssss)", change_action);
}

static void
coordena_preferences_money_init (CoordenaPreferencesMoney *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->base_rows = g_ptr_array_new ();
}
