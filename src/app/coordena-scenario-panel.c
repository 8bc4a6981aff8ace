/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-display.h"
#include "coordena-scenario-panel.h"

struct _CoordenaScenarioPanel
{
  AdwBin parent_instance;

  GtkListBox *changes_list;
  AdwEntryRow *ine_row;
  AdwComboRow *kind_row;
  AdwComboRow *category_row;
  AdwEntryRow *from_row;
  GtkLabel *error_label;

  CoordenaWorkspace *workspace;
  GArray *changes;              /* CoordenaScenarioChange */
};

G_DEFINE_FINAL_TYPE (CoordenaScenarioPanel, coordena_scenario_panel, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static CoordenaSummary *
base_of (CoordenaScenarioPanel *self)
{
  return self->workspace != NULL ? coordena_workspace_get_summary (self->workspace) : NULL;
}

/* One planned change: what, from when, the team; and the button that removes it. */
static GtkWidget *
change_row (CoordenaScenarioPanel *self, guint i)
{
  const CoordenaScenarioChange *c = &g_array_index (self->changes, CoordenaScenarioChange, i);
  CoordenaSummary *base = base_of (self);
  int row_index = base != NULL ? coordena_summary_find_team (base, c->ine) : -1;
  const char *name = NULL;
  g_autofree char *when = coordena_competencia_format (c->from);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  if (row_index >= 0)
    name = coordena_roster_get_team (coordena_summary_get_roster (base), (guint) row_index)->name;
  title = c->kind == COORDENA_CHANGE_HIRE
          /* TRANSLATORS: "Contratação de Médico a partir de 11/2025" */
          ? g_strdup_printf (_("Hire: %s from %s"), coordena_display_category (c->category), when)
          : g_strdup_printf (_("Departure: %s from %s"), coordena_display_category (c->category), when);
  subtitle = g_strdup_printf ("INE %s%s%s", c->ine, name != NULL ? " · " : "", name != NULL ? name : "");
  if (row_index >= 0 && coordena_summary_get_forecast_team (base, (guint) row_index) != NULL &&
      coordena_summary_get_forecast_team (base, (guint) row_index)->missing)
    {
      /* The forecast cannot apply it (docs/regras.md): the list says so, as the report does. */
      char *marked = g_strdup_printf (_("%s — no effect: the team is without registration"), subtitle);

      g_free (subtitle);
      subtitle = marked;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Scenario"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "scenario.remove");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
show_changes (CoordenaScenarioPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  for (guint i = 0; i < self->changes->len; i++)
    gtk_list_box_append (self->changes_list, change_row (self, i));
  if (self->changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No planned change"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each team keeps its latest composition."));
      gtk_list_box_append (self->changes_list, row);
    }
}

static void
remove_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (widget);
  guint i = g_variant_get_uint32 (param);

  if (i < self->changes->len)
    g_array_remove_index (self->changes, i);
  show_changes (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_error (CoordenaScenarioPanel *self, GtkWidget *row, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ine_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

gboolean
coordena_scenario_panel_add_change (CoordenaScenarioPanel *self, const char *ine_text, gboolean hire, const char *category_text, const char *from_text)
{
  CoordenaSummary *base = base_of (self);
  CoordenaScenarioChange change = { 0 };
  g_autofree char *ine = g_strstrip (g_strdup (ine_text));
  CoordenaCompetencia from = 0;
  CoordenaCategory category = coordena_category_from_string (category_text);

  g_return_val_if_fail (COORDENA_IS_SCENARIO_PANEL (self), FALSE);

  if (base == NULL || coordena_summary_find_team (base, ine) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("No team has the INE “%s”. Type the 10 digits shown in the Teams page."), ine);

      set_error (self, GTK_WIDGET (self->ine_row), message);
      return FALSE;
    }
  if (!coordena_competencia_parse (from_text, &from, NULL))
    {
      set_error (self, GTK_WIDGET (self->from_row), _("Type the competência as MM/AAAA, for example 03/2026."));
      return FALSE;
    }
  if (from <= coordena_summary_get_current (base))
    {
      g_autofree char *now = coordena_competencia_format (coordena_summary_get_current (base));
      g_autofree char *message = g_strdup_printf (_("A planned change starts after the latest competência held (%s)."), now);

      set_error (self, GTK_WIDGET (self->from_row), message);
      return FALSE;
    }
  if (category == COORDENA_CATEGORY_NONE)
    {
      set_error (self, GTK_WIDGET (self->category_row), _("Choose a category."));
      return FALSE;
    }
  set_error (self, NULL, NULL);
  g_strlcpy (change.ine, ine, sizeof change.ine);
  change.kind = hire ? COORDENA_CHANGE_HIRE : COORDENA_CHANGE_LEAVE;
  change.category = category;
  change.from = from;
  g_array_append_val (self->changes, change);
  show_changes (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (widget);
  guint category = adw_combo_row_get_selected (self->category_row);

  if (coordena_scenario_panel_add_change (self, gtk_editable_get_text (GTK_EDITABLE (self->ine_row)),
                                          adw_combo_row_get_selected (self->kind_row) == 0,
                                          coordena_category_to_string ((CoordenaCategory) category),
                                          gtk_editable_get_text (GTK_EDITABLE (self->from_row))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->ine_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->ine_row));
    }
}

void
coordena_scenario_panel_plan (CoordenaScenarioPanel *self, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  CoordenaSummary *base = base_of (self);

  g_return_if_fail (COORDENA_IS_SCENARIO_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->ine_row), coordena_team_item_get_ine (item));
  adw_combo_row_set_selected (self->kind_row, 0);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      {
        adw_combo_row_set_selected (self->category_row, (guint) c);
        break;
      }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->from_row)) == '\0' && base != NULL && coordena_summary_get_current (base) != 0)
    {
      g_autofree char *next = coordena_competencia_format (coordena_competencia_add (coordena_summary_get_current (base), 1));

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), next);
    }
  set_error (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

GArray *
coordena_scenario_panel_get_changes (CoordenaScenarioPanel *self)
{
  g_return_val_if_fail (COORDENA_IS_SCENARIO_PANEL (self), NULL);
  return self->changes;
}

/* The workspace comes once, from the page that holds the panel. */
void
coordena_scenario_panel_set_workspace (CoordenaScenarioPanel *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_SCENARIO_PANEL (self));
  g_return_if_fail (self->workspace == NULL || workspace == self->workspace);

  if (workspace == NULL || self->workspace == workspace)
    return;
  self->workspace = g_object_ref (workspace);
  /* A team's name, and whether a change can apply, follow the roster. */
  g_signal_connect_object (workspace, "changed", G_CALLBACK (show_changes), self, G_CONNECT_SWAPPED);
  show_changes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
focus_from (CoordenaScenarioPanel *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->from_row));
}

static void
coordena_scenario_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (object);

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
coordena_scenario_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      coordena_scenario_panel_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_scenario_panel_dispose (GObject *object)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (object);

  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_SCENARIO_PANEL);
  G_OBJECT_CLASS (coordena_scenario_panel_parent_class)->dispose (object);
}

static void
coordena_scenario_panel_finalize (GObject *object)
{
  CoordenaScenarioPanel *self = COORDENA_SCENARIO_PANEL (object);

  g_array_unref (self->changes);
  G_OBJECT_CLASS (coordena_scenario_panel_parent_class)->finalize (object);
}

static void
coordena_scenario_panel_class_init (CoordenaScenarioPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = coordena_scenario_panel_get_property;
  object_class->set_property = coordena_scenario_panel_set_property;
  object_class->dispose = coordena_scenario_panel_dispose;
  object_class->finalize = coordena_scenario_panel_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A change was added or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-scenario-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, changes_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, ine_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, category_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, from_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaScenarioPanel, error_label);
  gtk_widget_class_bind_template_callback (widget_class, focus_from);

  gtk_widget_class_install_action (widget_class, "scenario.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "scenario.remove", "u", remove_action);
}

static void
coordena_scenario_panel_init (CoordenaScenarioPanel *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->changes = g_array_new (FALSE, TRUE, sizeof (CoordenaScenarioChange));
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    gtk_string_list_append (categories, coordena_display_category (c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  show_changes (self);
}
