/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/reference.h>
#include <coordena/roster-edit.h>

#include "coordena-display.h"
#include "coordena-conflict.h"
#include "coordena-editing.h"
#include "coordena-team-editor.h"

struct _CoordenaTeamEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwEntryRow *first_row;
  AdwEntryRow *second_row;
  AdwEntryRow *third_row;
  AdwEntryRow *fourth_row;
  AdwComboRow *type_row;
  AdwEntryRow *competencia_row;
  GtkLabel *message_label;
  GtkDropDown *cbo_dropdown;
  GPtrArray *cbo_codes;         /* per cbo_dropdown position */

  CoordenaWorkspace *workspace;
  gboolean member;             /* editing a member, not a team */
  char *ine;                   /* the team (NULL for a new team) */
  char *cns;                   /* the member edited (NULL for a new member) */
  gboolean valid;
};

G_DEFINE_FINAL_TYPE (CoordenaTeamEditor, coordena_team_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static AdwEntryRow *
row_at (CoordenaTeamEditor *self, guint i)
{
  AdwEntryRow *rows[] = { self->first_row, self->second_row, self->third_row, self->fourth_row };

  return i < G_N_ELEMENTS (rows) ? rows[i] : NULL;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The CNS of the member edited is the stored one: the field may show it masked. */
static const char *
cns_of (CoordenaTeamEditor *self)
{
  return self->member && self->cns != NULL ? self->cns : text_of (self->first_row);
}

static void
mark (AdwEntryRow *row, gboolean bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Each check adds its line to the message; only errors block saving. */
static void
note (GString *errors, GString *warnings, AdwEntryRow *row, gboolean ok, GError *error, char *warning)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  mark (row, !ok && *text_of (row) != '\0');
  if (!ok && error != NULL && *text_of (row) != '\0')
    g_string_append_printf (errors, "%s%s: %s", errors->len > 0 ? "\n" : "", title, error->message);
  if (warning != NULL)
    g_string_append_printf (warnings, "%s%s: %s", warnings->len > 0 ? "\n" : "", title, warning);
  g_free (warning);
}

static CoordenaCompetencia
chosen_competencia (CoordenaTeamEditor *self)
{
  CoordenaCompetencia c = 0;

  return coordena_competencia_parse (text_of (self->competencia_row), &c, NULL) ? c : 0;
}

static void
validate (CoordenaTeamEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) warnings = g_string_new (NULL);
  gboolean ok = TRUE;
  gboolean filled = TRUE;

  if (!self->member)
    {
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
      g_autofree char *ibge7 = NULL;
      char *w1 = NULL, *w2 = NULL;
      gboolean r1 = coordena_check_ine (text_of (self->first_row), &w1, &e1);
      gboolean r2 = coordena_check_cnes (text_of (self->second_row), &w2, &e2);
      gboolean r3 = coordena_check_municipio (text_of (self->third_row),
                                              coordena_store_get_uf_code (coordena_workspace_get_store (self->workspace)),
                                              &ibge7, &e3);
      CoordenaSummary *summary = coordena_workspace_get_summary (self->workspace);
      g_autofree char *ine = g_strstrip (g_strdup (text_of (self->first_row)));

      if (r1 && self->ine == NULL && summary != NULL && coordena_summary_find_team (summary, ine) >= 0)
        {
          g_clear_error (&e1);
          g_set_error (&e1, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("A team with this INE already exists: open it in the table to edit it."));
          r1 = FALSE;
        }
      note (errors, warnings, self->first_row, r1, e1, w1);
      note (errors, warnings, self->second_row, r2, e2, w2);
      note (errors, warnings, self->third_row, r3, e3, NULL);
      ok = r1 && r2 && r3;
      filled = *text_of (self->first_row) && *text_of (self->second_row) && *text_of (self->third_row);
    }
  else
    {
      g_autoptr(GError) e1 = NULL, e3 = NULL, e4 = NULL;
      char *w3 = NULL;
      gboolean r1 = coordena_check_cns (cns_of (self), &e1);
      gboolean r3 = coordena_check_cbo (text_of (self->third_row), &w3, &e3);
      gboolean r4 = coordena_check_hours (text_of (self->fourth_row), NULL, &e4);
      const CoordenaReference *reference = coordena_reference_get (NULL);
      g_autofree char *cbo = g_strstrip (g_strdup (text_of (self->third_row)));
      const char *title = r3 && reference != NULL ? coordena_reference_cbo_title (reference, cbo) : NULL;

      note (errors, warnings, self->first_row, r1, e1, NULL);
      note (errors, warnings, self->third_row, r3, e3, w3);
      note (errors, warnings, self->fourth_row, r4, e4, NULL);
      if (title != NULL)
        g_string_append_printf (warnings, "%sCBO %s: %s", warnings->len > 0 ? "\n" : "", cbo, title);
      ok = r1 && r3 && r4;
      filled = *text_of (self->first_row) && *text_of (self->third_row) && *text_of (self->fourth_row);
    }

  if (chosen_competencia (self) == 0)
    {
      mark (self->competencia_row, *text_of (self->competencia_row) != '\0');
      if (*text_of (self->competencia_row) != '\0')
        g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", _("Type the competência as MM/AAAA, for example 09/2025."));
      ok = FALSE;
    }
  else
    mark (self->competencia_row, FALSE);

  self->valid = ok && filled;
  gtk_widget_set_sensitive (self->save_button, self->valid);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
  if (errors->len > 0)
    {
      gtk_label_set_text (self->message_label, errors->str);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_label_set_text (self->message_label, warnings->str);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), errors->len > 0 || warnings->len > 0);
}

static CoordenaTeamType
chosen_type (CoordenaTeamEditor *self)
{
  static const CoordenaTeamType types[] = { COORDENA_TEAM_TYPE_ESF, COORDENA_TEAM_TYPE_EAP20, COORDENA_TEAM_TYPE_EAP30, COORDENA_TEAM_TYPE_OTHER };
  guint i = adw_combo_row_get_selected (self->type_row);

  return i < G_N_ELEMENTS (types) ? types[i] : COORDENA_TEAM_TYPE_OTHER;
}

gboolean
coordena_team_editor_save (CoordenaTeamEditor *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  CoordenaSummary *summary = coordena_workspace_get_summary (self->workspace);
  CoordenaRoster *roster = summary != NULL ? coordena_summary_get_roster (summary) : NULL;
  CoordenaCompetencia competencia = chosen_competencia (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) members = NULL;
  g_autofree char *ine = NULL, *cnes = NULL, *ibge7 = NULL, *name = NULL;
  g_autofree char *cns = NULL, *person = NULL, *cbo = NULL;
  CoordenaTeamEdit team = { 0 };
  g_autoptr(CoordenaTeamSnapshot) before = NULL;
  gboolean ok;

  validate (self);
  if (!self->valid)
    return FALSE;

  if (!self->member)
    {
      ine = g_strstrip (g_strdup (text_of (self->first_row)));
      cnes = g_strstrip (g_strdup (text_of (self->second_row)));
      name = g_strstrip (g_strdup (text_of (self->fourth_row)));
      coordena_check_municipio (text_of (self->third_row), coordena_store_get_uf_code (store), &ibge7, NULL);
      team = (CoordenaTeamEdit) { .ine = ine, .cnes = cnes, .ibge7 = ibge7, .name = *name ? name : NULL, .type = chosen_type (self) };
      /* The team keeps whoever it had in that competência. */
      members = coordena_roster_edit_members (roster, ine, competencia);
      before = coordena_roster_edit_snapshot_team (roster, ine);
      ok = coordena_roster_edit_put (store, self->ine == NULL ? "incluir equipe" : "editar equipe", before, &team, competencia,
                                     (const CoordenaMemberEdit *) members->data, members->len, &error);
    }
  else
    {
      const CoordenaRosterTeam *rt = coordena_roster_find_team (roster, self->ine);
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, (guint) coordena_summary_find_team (summary, self->ine));
      guint hours = 0;
      CoordenaMemberEdit edit;
      gboolean replaced = FALSE;

      cns = g_strstrip (g_strdup (cns_of (self)));
      person = g_strstrip (g_strdup (text_of (self->second_row)));
      cbo = g_strstrip (g_strdup (text_of (self->third_row)));
      coordena_check_hours (text_of (self->fourth_row), &hours, NULL);
      edit = (CoordenaMemberEdit) { .cns = cns, .name = *person ? person : NULL, .cbo = cbo, .hours = hours };
      team = (CoordenaTeamEdit) { .ine = rt->ine, .cnes = rt->cnes, .ibge7 = rt->ibge, .name = rt->name, .type = ts->type };
      members = coordena_roster_edit_members (roster, self->ine, competencia);
      before = coordena_roster_edit_snapshot_team (roster, self->ine);
      for (guint i = 0; i < members->len; i++)
        {
          CoordenaMemberEdit *m = &g_array_index (members, CoordenaMemberEdit, i);

          if (g_strcmp0 (m->cns, self->cns != NULL ? self->cns : cns) == 0)
            {
              *m = edit;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_array_append_val (members, edit);
      ok = coordena_roster_edit_put (store, self->cns == NULL ? "incluir profissional" : "editar profissional", before,
                                     &team, competencia, (const CoordenaMemberEdit *) members->data, members->len, &error);
    }

  if (!ok)
    {
      /* Someone else's version is told over the form, which stays as typed. */
      if (coordena_conflict_show (GTK_WINDOW (self), self->workspace, error, team.ine, self->member, competencia, self->cns))
        return FALSE;
      gtk_label_set_text (self->message_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return FALSE;
    }
  coordena_editing_saved (gtk_window_get_transient_for (GTK_WINDOW (self)), self->workspace, team.ine, g_steal_pointer (&before),
                          self->member ? (self->cns == NULL ? _("Member added") : _("Member saved"))
                                       : (self->ine == NULL ? _("Team added") : _("Team saved")));
  coordena_workspace_reload (self->workspace);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  coordena_team_editor_save (COORDENA_TEAM_EDITOR (widget));
}

GtkEditable *
coordena_team_editor_get_field (CoordenaTeamEditor *self, guint i)
{
  return i == 4 ? GTK_EDITABLE (self->competencia_row) : GTK_EDITABLE (row_at (self, i));
}

const char *
coordena_team_editor_get_message (CoordenaTeamEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : "";
}

gboolean
coordena_team_editor_can_save (CoordenaTeamEditor *self)
{
  return self->valid;
}

static void
cbo_chosen (CoordenaTeamEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->cbo_dropdown);

  if (self->cbo_codes == NULL || i >= self->cbo_codes->len)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->third_row), g_ptr_array_index (self->cbo_codes, i));
  /* The field holds the choice, and the message below names it: the button stays small. */
  gtk_drop_down_set_selected (self->cbo_dropdown, GTK_INVALID_LIST_POSITION);
}

/* The occupation by its name from the CBO 2002 table: typing "enfermeiro" in the chooser's
 * search finds it; the field gets its code. */
static void
add_cbo_chooser (CoordenaTeamEditor *self)
{
  const CoordenaReference *reference = coordena_reference_get (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (reference == NULL)
    return;
  self->cbo_codes = coordena_reference_cbo_codes (reference);
  for (guint i = 0; i < self->cbo_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->cbo_codes, i);
      g_autofree char *name = g_strdup_printf ("%s — %s", coordena_reference_cbo_title (reference, code), code);

      gtk_string_list_append (names, name);
    }
  self->cbo_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_model (self->cbo_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->cbo_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_enable_search (self->cbo_dropdown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->cbo_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->cbo_dropdown), "cbo-chooser");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cbo_dropdown), _("Choose the occupation by its name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cbo_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the occupation by its name"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->cbo_dropdown), "cbo-chooser");
  adw_entry_row_add_suffix (self->third_row, GTK_WIDGET (self->cbo_dropdown));
  g_signal_connect_swapped (self->cbo_dropdown, "notify::selected", G_CALLBACK (cbo_chosen), self);
}

CoordenaWorkspace *
coordena_team_editor_get_workspace (CoordenaTeamEditor *self)
{
  g_return_val_if_fail (COORDENA_IS_TEAM_EDITOR (self), NULL);
  return self->workspace;
}

GtkDropDown *
coordena_team_editor_get_cbo_chooser (CoordenaTeamEditor *self)
{
  return self->cbo_dropdown;
}

static CoordenaTeamEditor *
editor_new (GtkWindow *parent, CoordenaWorkspace *workspace, gboolean member)
{
  CoordenaTeamEditor *self = g_object_new (COORDENA_TYPE_TEAM_EDITOR, "transient-for", parent, "workspace", workspace, NULL);
  static const char *team_titles[] = { N_("INE"), N_("CNES"), N_("Municipality (name or IBGE code)"), N_("Team name") };
  static const char *member_titles[] = { N_("CNS"), N_("Name"), N_("CBO"), N_("Weekly hours") };

  self->member = member;
  for (guint i = 0; i < 4; i++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row_at (self, i)), _(member ? member_titles[i] : team_titles[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), !member);
  if (member)
    add_cbo_chooser (self);
  for (guint i = 0; i < 5; i++)
    g_signal_connect_swapped (coordena_team_editor_get_field (self, i), "changed", G_CALLBACK (validate), self);
  return self;
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

CoordenaTeamEditor *
coordena_team_editor_new_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine)
{
  CoordenaTeamEditor *self = editor_new (parent, workspace, FALSE);
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  int row = summary != NULL && ine != NULL ? coordena_summary_find_team (summary, ine) : -1;
  CoordenaCompetencia current = summary != NULL ? coordena_summary_get_current (summary) : 0;
  g_autofree char *when = NULL;

  if (current == 0)
    {
      GDate today;

      coordena_clock_today (&today);
      current = coordena_competencia_from_date (&today);
    }

  self->ine = g_strdup (ine);
  adw_window_title_set_title (self->window_title, ine == NULL ? _("New Team") : _("Edit Team"));
  if (row >= 0)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, (guint) row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), ts->team);
      static const guint positions[] = { 3, 0, 1, 2 };  /* by CoordenaTeamType */

      set_text (self->first_row, team->ine);
      gtk_editable_set_editable (GTK_EDITABLE (self->first_row), FALSE);
      set_text (self->second_row, team->cnes);
      set_text (self->third_row, coordena_summary_team_municipio (summary, (guint) row));
      set_text (self->fourth_row, team->name);
      adw_combo_row_set_selected (self->type_row, positions[ts->type]);
      current = ts->last;
    }
  when = coordena_competencia_format (current);
  set_text (self->competencia_row, when);
  validate (self);
  return self;
}

CoordenaTeamEditor *
coordena_team_editor_new_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                                 CoordenaCompetencia competencia, const char *cns)
{
  CoordenaTeamEditor *self = editor_new (parent, workspace, TRUE);
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  g_autofree char *when = coordena_competencia_format (competencia);
  g_autofree char *subtitle = NULL;

  self->ine = g_strdup (ine);
  self->cns = g_strdup (cns);
  adw_window_title_set_title (self->window_title, cns == NULL ? _("New Member") : _("Edit Member"));
  /* TRANSLATORS: the team a member belongs to, "INE 0001234567" */
  subtitle = g_strdup_printf (_("INE %s"), ine);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (cns != NULL && summary != NULL)
    {
      g_autoptr(GArray) members = coordena_roster_edit_members (coordena_summary_get_roster (summary), ine, competencia);

      for (guint i = 0; i < members->len; i++)
        {
          const CoordenaMemberEdit *m = &g_array_index (members, CoordenaMemberEdit, i);

          if (g_strcmp0 (m->cns, cns) == 0)
            {
              g_autofree char *hours = g_strdup_printf ("%u", m->hours);

              g_autofree char *shown = coordena_display_cns (m->cns, coordena_workspace_get_settings (self->workspace));

              /* As every list shows it: whole only with Mostrar o CNS completo. */
              set_text (self->first_row, shown);
              gtk_editable_set_editable (GTK_EDITABLE (self->first_row), FALSE);
              set_text (self->second_row, m->name);
              set_text (self->third_row, m->cbo);
              set_text (self->fourth_row, hours);
            }
        }
    }
  set_text (self->competencia_row, when);
  validate (self);
  return self;
}

static void
coordena_team_editor_dispose (GObject *object)
{
  CoordenaTeamEditor *self = COORDENA_TEAM_EDITOR (object);

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (coordena_team_editor_parent_class)->dispose (object);
}

static void
coordena_team_editor_finalize (GObject *object)
{
  CoordenaTeamEditor *self = COORDENA_TEAM_EDITOR (object);

  g_free (self->ine);
  g_free (self->cns);
  g_clear_pointer (&self->cbo_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (coordena_team_editor_parent_class)->finalize (object);
}

static void
coordena_team_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaTeamEditor *self = COORDENA_TEAM_EDITOR (object);

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
coordena_team_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaTeamEditor *self = COORDENA_TEAM_EDITOR (object);

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
coordena_team_editor_class_init (CoordenaTeamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_team_editor_dispose;
  object_class->get_property = coordena_team_editor_get_property;
  object_class->set_property = coordena_team_editor_set_property;

  /* The database edited, and the summary the checks compare with. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = coordena_team_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-team-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, first_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, second_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, third_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, fourth_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, competencia_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamEditor, message_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
coordena_team_editor_init (CoordenaTeamEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}
