/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/competencia.h>
#include <coordena/rule-override.h>

#include "coordena-oficio-files.h"
#include "coordena-rule-row.h"

struct _CoordenaRuleRow
{
  AdwExpanderRow parent_instance;

  GtkWidget *undo_button;   /* in the template, parented only when there is something to undo */

  char *set_id;
};

G_DEFINE_FINAL_TYPE (CoordenaRuleRow, coordena_rule_row, ADW_TYPE_EXPANDER_ROW)

enum { PROP_0, PROP_SET_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- A parameter --------------------------------------------------------------------------------- */

GtkWidget *
coordena_rule_parameter_row_new (const CoordenaRuleSet *set, const char *key, const char *title, const char *value,
                                 const char *confidence, const char *current)
{
  GtkWidget *row = adw_action_row_new ();
  /* TRANSLATORS: a rule-set parameter's value and its confidence letter */
  g_autofree char *sub = confidence != NULL ? g_strdup_printf (_("%s · confidence %s"), value, confidence) : g_strdup (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (key != NULL && coordena_rule_override_is_allowed (key))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hange…"));
      g_autofree char *name = g_strdup_printf ("change-%s-%s", set->id, key);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "rules.change");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new ("(ssss)", set->id, key, title, current != NULL ? current : ""));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* ---- Changing one, and undoing the changes ------------------------------------------------------- */

typedef struct {
  GtkWidget *page;
  CoordenaWorkspace *workspace;
  char *set_id;
  char *key;
  AdwEntryRow *value_row;
  AdwEntryRow *act_row;
} ChangeRequest;

static void
change_request_free (gpointer data, GClosure *closure)
{
  ChangeRequest *request = data;

  g_object_unref (request->page);
  g_object_unref (request->workspace);
  g_free (request->set_id);
  g_free (request->key);
  g_free (request);
}

static void
change_answered (AdwMessageDialog *dialog, const char *response, ChangeRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  const CoordenaRuleCatalog *catalog;
  const CoordenaRuleSet *set;

  if (!g_str_equal (response, "change"))
    return;
  if ((catalog = coordena_workspace_get_catalog (request->workspace, &error)) == NULL
      || (set = coordena_rule_catalog_find (catalog, request->set_id)) == NULL
      || (written = coordena_rule_override_set (set, request->key, gtk_editable_get_text (GTK_EDITABLE (request->value_row)),
                                                gtk_editable_get_text (GTK_EDITABLE (request->act_row)), NULL, &error)) == NULL)
    {
      coordena_show_error (GTK_WINDOW (gtk_widget_get_root (request->page)), _("The Rule Was Not Changed"), error);
      return;
    }
  gtk_widget_activate_action (request->page, "prefs.toast", "s", _("Rule changed: the forecast is computed again"));
  coordena_workspace_reload_catalog (request->workspace);
}

static GtkWidget *
change_fields (ChangeRequest *request, const char *current)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  request->value_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->value_row), _("New value"));
  gtk_editable_set_text (GTK_EDITABLE (request->value_row), current);
  gtk_widget_set_name (GTK_WIDGET (request->value_row), "override-value");
  request->act_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->act_row), _("Act that justifies it (e.g. Portaria GM/MS nº …)"));
  gtk_widget_set_name (GTK_WIDGET (request->act_row), "override-act");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->value_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->act_row));
  return list;
}

void
coordena_rule_row_ask_change (GtkWidget *page, CoordenaWorkspace *workspace, GVariant *target)
{
  ChangeRequest *request = g_new0 (ChangeRequest, 1);
  const char *title, *current;
  GtkWidget *dialog;

  request->page = g_object_ref (page);
  request->workspace = g_object_ref (workspace);
  g_variant_get (target, "(ss&s&s)", &request->set_id, &request->key, &title, &current);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)), title,
                                   _("The change is kept in your copy of the rule set, with the act that made it. "
                                     "Money is written as 18.000,00; several values by stratum are separated by “;”."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), change_fields (request, current));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (change_answered), request, change_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
coordena_rule_row_undo_changes (GtkWidget *page, CoordenaWorkspace *workspace, const char *set_id)
{
  g_autoptr(GError) error = NULL;
  const CoordenaRuleCatalog *catalog;
  const CoordenaRuleSet *set;

  if ((catalog = coordena_workspace_get_catalog (workspace, &error)) == NULL
      || (set = coordena_rule_catalog_find (catalog, set_id)) == NULL
      || !coordena_rule_override_reset (set, &error))
    {
      coordena_show_error (GTK_WINDOW (gtk_widget_get_root (page)), _("The Rule Set Was Not Restored"), error);
      return;
    }
  gtk_widget_activate_action (page, "prefs.toast", "s", _("The shipped rule set applies again"));
  coordena_workspace_reload_catalog (workspace);
}

/* ---- The set's row ------------------------------------------------------------------------------- */

/* The least sure figure of a set: a set is only as firm as its weakest part. */
static CoordenaConfidence
weakest_confidence (const CoordenaRuleSet *set)
{
  CoordenaConfidence weakest = MAX (set->base_confidence, MAX (set->max_total_hours_confidence, set->provimento_confidence));

  weakest = MAX (weakest, MAX (set->esf_min_hours_confidence, set->eap_min_hours_confidence));
  if (set->revoke_after > 0)
    weakest = MAX (weakest, set->revoke_confidence);
  if (set->sem_registro_percent > 0)
    weakest = MAX (weakest, set->sem_registro.confidence);

  for (guint c = 0; c < set->n_clauses; c++)
    weakest = MAX (weakest, set->clauses[c].confidence);
  return weakest;
}

static void
add (CoordenaRuleRow *self, GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static void
add_subtitle (CoordenaRuleRow *self, const CoordenaRuleSet *set)
{
  g_autofree char *from = coordena_competencia_format (set->valid_from);
  g_autofree char *to = set->valid_to != 0 ? coordena_competencia_format (set->valid_to) : g_strdup (_("open-ended"));
  /* TRANSLATORS: a rule set's validity, the least sure of its figures (A, S or U) and its act */
  g_autofree char *sub = g_strdup_printf (_("%s to %s · weakest confidence %s · %s%s"), from, to,
                                          coordena_confidence_to_string (weakest_confidence (set)), set->act,
                                          set->user_file ? _(" · changed by you") : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), set->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), sub);
}

/* The money base, the hours, the provimento transfer and the revocation. */
static void
add_main_parameters (CoordenaRuleRow *self, const CoordenaRuleSet *set)
{
  g_autofree char *hours = g_strdup_printf (_("%u h a week"), set->max_total_hours);
  g_autofree char *hours_file = g_strdup_printf ("%u", set->max_total_hours);
  g_autofree char *prov = g_strdup_printf ("%u %%", set->provimento_repasse);
  g_autofree char *prov_file = g_strdup_printf ("%u", set->provimento_repasse);
  g_autofree char *revoke = set->revoke_after > 0
                            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "after %u competência at 100 %%",
                                                            "after %u competências at 100 %%", set->revoke_after),
                                               set->revoke_after)
                            : g_strdup (_("never"));
  g_autofree char *revoke_file = g_strdup_printf ("%u", set->revoke_after);

  add (self, coordena_rule_parameter_row_new (set, NULL, _("Money base"), coordena_base_kind_to_string (set->base),
                                              coordena_confidence_to_string (set->base_confidence), NULL));
  add (self, coordena_rule_parameter_row_new (set, "max_total_hours", _("Most weekly hours a professional may add up"), hours,
                                              coordena_confidence_to_string (set->max_total_hours_confidence), hours_file));
  add (self, coordena_rule_parameter_row_new (set, "provimento_repasse", _("Provimento vacancy transfer"), prov,
                                              coordena_confidence_to_string (set->provimento_confidence), prov_file));
  add (self, coordena_rule_parameter_row_new (set, "revoke_after", _("INE revoked"), revoke,
                                              coordena_confidence_to_string (set->revoke_confidence), revoke_file));
}

/* The presence thresholds and the team without registration: parameters like the others. */
static void
add_thresholds (CoordenaRuleRow *self, const CoordenaRuleSet *set)
{
  const struct { const char *key; const char *title; guint value; CoordenaConfidence confidence; gboolean percent; } more[] = {
    { "esf_min_hours", N_("Weekly hours of one member that make a category present in an eSF"), set->esf_min_hours, set->esf_min_hours_confidence, FALSE },
    { "eap20_min_hours", N_("Weekly hours of one member in an eAP 20 h"), set->eap20_min_hours, set->eap_min_hours_confidence, FALSE },
    { "eap30_min_hours", N_("Weekly hours of one member in an eAP 30 h"), set->eap30_min_hours, set->eap_min_hours_confidence, FALSE },
    { "sem_registro_percent", N_("Suspension of a team without registration"), set->sem_registro_percent, set->sem_registro.confidence, TRUE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (more); k++)
    {
      g_autofree char *shown = more[k].percent ? g_strdup_printf ("%u %%", more[k].value) : g_strdup_printf (_("%u h a week"), more[k].value);
      g_autofree char *file = g_strdup_printf ("%u", more[k].value);

      add (self, coordena_rule_parameter_row_new (set, more[k].key, _(more[k].title), shown,
                                                  coordena_confidence_to_string (more[k].confidence), file));
    }
}

/* The suspension clauses, the questions the act leaves open, and the user's changes. */
static void
add_clauses_and_notes (CoordenaRuleRow *self, const CoordenaRuleSet *set)
{
  g_auto(GStrv) changes = coordena_rule_override_list (set);

  for (guint c = 0; c < set->n_clauses; c++)
    {
      const CoordenaClause *clause = &set->clauses[c];
      g_autofree char *title = g_strdup_printf ("%s %s", coordena_family_to_string (clause->family), clause->id);
      /* TRANSLATORS: a suspension clause: percent, competências in a row, legal basis */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u %% after %u competência · %s",
                                                            "%u %% after %u competências in a row · %s", clause->consecutive),
                                               clause->percent, clause->consecutive, clause->basis);

      add (self, coordena_rule_parameter_row_new (set, NULL, title, text, coordena_confidence_to_string (clause->confidence), NULL));
    }
  for (guint q = 0; set->open_questions != NULL && set->open_questions[q] != NULL; q++)
    add (self, coordena_rule_parameter_row_new (set, NULL, _("To be confirmed"), set->open_questions[q], NULL, NULL));
  for (guint c = 0; changes[c] != NULL; c++)
    add (self, coordena_rule_parameter_row_new (set, NULL, _("Your change"), changes[c], NULL, NULL));
  if (set->user_file && changes[0] != NULL)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->undo_button);
}

GtkWidget *
coordena_rule_row_new (const CoordenaRuleSet *set)
{
  CoordenaRuleRow *self = g_object_new (COORDENA_TYPE_RULE_ROW, "set-id", set->id, "name", set->id, NULL);

  add_subtitle (self, set);
  add_main_parameters (self, set);
  add_thresholds (self, set);
  add_clauses_and_notes (self, set);
  return GTK_WIDGET (self);
}

const char *
coordena_rule_row_get_set_id (CoordenaRuleRow *self)
{
  g_return_val_if_fail (COORDENA_IS_RULE_ROW (self), NULL);

  return self->set_id;
}

static void
undo_clicked (GtkButton *button, CoordenaRuleRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rules.undo-changes", "s", self->set_id);
}

static void
coordena_rule_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaRuleRow *self = COORDENA_RULE_ROW (object);

  switch (prop_id)
    {
    case PROP_SET_ID:
      self->set_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_rule_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaRuleRow *self = COORDENA_RULE_ROW (object);

  switch (prop_id)
    {
    case PROP_SET_ID:
      g_value_set_string (value, self->set_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_rule_row_finalize (GObject *object)
{
  CoordenaRuleRow *self = COORDENA_RULE_ROW (object);

  g_free (self->set_id);
  G_OBJECT_CLASS (coordena_rule_row_parent_class)->finalize (object);
}

static void
coordena_rule_row_class_init (CoordenaRuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = coordena_rule_row_set_property;
  object_class->get_property = coordena_rule_row_get_property;
  object_class->finalize = coordena_rule_row_finalize;

  /* The rule set this row shows, by its id ("portaria-6907-2025"). */
  properties[PROP_SET_ID] = g_param_spec_string ("set-id", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                 | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-rule-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaRuleRow, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, undo_clicked);
}

static void
coordena_rule_row_init (CoordenaRuleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
