/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "coordena-preferences-rules.h"
#include "coordena-rule-row.h"

struct _CoordenaPreferencesRules
{
  AdwPreferencesPage parent_instance;

  AdwPreferencesGroup *rules_group;

  CoordenaWorkspace *workspace;
  GPtrArray *rows;   /* the rows in rules_group, owned by it */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesRules, coordena_preferences_rules, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

GtkWidget *
coordena_preferences_rules_new (CoordenaWorkspace *workspace)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_RULES, "workspace", workspace, NULL);
}

static void
add_row (CoordenaPreferencesRules *self, GtkWidget *row)
{
  adw_preferences_group_add (self->rules_group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (CoordenaPreferencesRules *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->rules_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* Lists the catalogue as the workspace holds it now. */
static void
build_rows (CoordenaPreferencesRules *self)
{
  g_autoptr(GError) error = NULL;
  const CoordenaRuleCatalog *catalog;

  clear_rows (self);
  if ((catalog = coordena_workspace_get_catalog (self->workspace, &error)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The rule sets could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      add_row (self, row);
      return;
    }
  for (guint i = 0; i < coordena_rule_catalog_get_n_sets (catalog); i++)
    add_row (self, coordena_rule_row_new (coordena_rule_catalog_get_set (catalog, i)));
}

static void
change_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (widget);

  coordena_rule_row_ask_change (widget, self->workspace, parameter);
}

static void
undo_changes_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (widget);

  coordena_rule_row_undo_changes (widget, self->workspace, g_variant_get_string (parameter, NULL));
}

static void
coordena_preferences_rules_constructed (GObject *object)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (object);

  G_OBJECT_CLASS (coordena_preferences_rules_parent_class)->constructed (object);

  build_rows (self);
  /* A change written here, or anywhere else, lists the sets again. */
  g_signal_connect_object (self->workspace, "catalog-changed", G_CALLBACK (build_rows), self, G_CONNECT_SWAPPED);
}

static void
coordena_preferences_rules_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (object);

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
coordena_preferences_rules_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (object);

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
coordena_preferences_rules_finalize (GObject *object)
{
  CoordenaPreferencesRules *self = COORDENA_PREFERENCES_RULES (object);

  g_clear_object (&self->workspace);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (coordena_preferences_rules_parent_class)->finalize (object);
}

static void
coordena_preferences_rules_class_init (CoordenaPreferencesRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_preferences_rules_constructed;
  object_class->set_property = coordena_preferences_rules_set_property;
  object_class->get_property = coordena_preferences_rules_get_property;
  object_class->finalize = coordena_preferences_rules_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-rules.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesRules, rules_group);
  gtk_widget_class_install_action (widget_class, "rules.change", "(ssss)", change_action);
  gtk_widget_class_install_action (widget_class, "rules.undo-changes", "s", undo_changes_action);
}

static void
coordena_preferences_rules_init (CoordenaPreferencesRules *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
