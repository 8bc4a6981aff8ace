/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/reference.h>

#include "coordena-display.h"
#include "coordena-editing.h"
#include "coordena-team-detail.h"

struct _CoordenaTeamDetail
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *state_label;
  GtkDropDown *competencia_dropdown;
  GtkListBox *members_list;
  GtkListBox *history_list;
  GtkListBox *forecast_list;

  CoordenaWorkspace *workspace;
  CoordenaTeamItem *item;
  GArray *competencias;   /* CoordenaCompetencia per dropdown position */
  guint n_members_shown;
  gboolean filling;       /* the dropdown gets its competências: nothing chosen yet */
};

G_DEFINE_FINAL_TYPE (CoordenaTeamDetail, coordena_team_detail, GTK_TYPE_WIDGET)

enum { CLOSED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GSettings *
settings_of (CoordenaTeamDetail *self)
{
  return self->workspace != NULL ? coordena_workspace_get_settings (self->workspace) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_row (GtkListBox *list, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (list, row);
  return row;
}

static CoordenaCompetencia
shown_competencia (CoordenaTeamDetail *self)
{
  guint i = gtk_drop_down_get_selected (self->competencia_dropdown);

  if (self->competencias == NULL || i >= self->competencias->len)
    return 0;
  return g_array_index (self->competencias, CoordenaCompetencia, i);
}

static void
show_members (CoordenaTeamDetail *self)
{
  CoordenaSummary *summary;
  CoordenaRoster *roster;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  const CoordenaReference *reference = coordena_reference_get (NULL);
  CoordenaCompetencia c = shown_competencia (self);
  guint n_months;

  clear_list (self->members_list);
  self->n_members_shown = 0;
  if (self->item == NULL)
    return;

  summary = coordena_team_item_get_summary (self->item);
  roster = coordena_summary_get_roster (summary);
  team = coordena_team_item_get_team (self->item);
  months = coordena_roster_team_months (roster, team, &n_months);
  for (guint m = 0; m < n_months; m++)
    {
      const CoordenaRosterMember *members;
      guint n_members;

      if (months[m].competencia != c)
        continue;
      members = coordena_roster_month_members (roster, &months[m], &n_members);
      for (guint i = 0; i < n_members; i++)
        {
          const CoordenaRosterProfessional *prof = coordena_roster_member_professional (roster, &members[i]);
          const char *cbo_title = reference != NULL ? coordena_reference_cbo_title (reference, members[i].cbo) : NULL;
          g_autofree char *masked = coordena_display_cns (prof->cns, settings_of (self));
          g_autofree char *subtitle = NULL;
          g_autofree char *hours = g_strdup_printf (_("%u h a week"), members[i].hours);
          GtkWidget *row, *edit, *remove;
          g_autofree char *target = NULL;

          subtitle = g_strdup_printf ("%s · %s %s · %s", masked, members[i].cbo,
                                      cbo_title != NULL ? cbo_title : coordena_display_category (members[i].category), hours);
          row = add_row (self->members_list, prof->name != NULL && *prof->name != '\0' ? prof->name : masked, subtitle);

          edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
          remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          target = g_strdup (prof->cns);
          gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (edit, _("Edit Member"));
          gtk_widget_set_tooltip_text (remove, _("Remove Member"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "team.edit-member");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", target);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "team.remove-member");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", target);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          self->n_members_shown++;
        }
    }
  if (self->n_members_shown == 0)
    {
      GtkWidget *row = add_row (self->members_list, _("Nobody in this competência"), _("Every required category counts as absent."));

      gtk_widget_add_css_class (row, "dim-label");
    }
}

static char *
absent_text (CoordenaCategorySet absent)
{
  GString *text = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (absent & COORDENA_CATEGORY_BIT (c))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, coordena_display_category (c));
      }
  return g_string_free (text, FALSE);
}

static char *
month_subtitle (const CoordenaTeamMonthSummary *m)
{
  GString *text = g_string_new (NULL);

  if (m->absent != 0)
    {
      g_autofree char *absent = absent_text (m->absent);

      /* TRANSLATORS: the categories missing in a competência */
      g_string_append_printf (text, _("Absent: %s"), absent);
    }
  if (m->clause != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* TRANSLATORS: the clause id and its legal basis */
      g_string_append_printf (text, _("Clause %s — %s"), m->clause, m->basis != NULL ? m->basis : "");
    }
  if (m->act != NULL && m->percent > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, m->act);
    }
  if (m->provimento)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* TRANSLATORS: the provimento rule capped the suspension; then its act */
      g_string_append_printf (text, _("Limited to %d %% by the provimento rule (%s)"), m->percent,
                              m->provimento_basis != NULL ? m->provimento_basis : "");
    }
  return g_string_free (text, FALSE);
}

static void
add_month_row (GtkListBox *list, const CoordenaTeamMonthSummary *m, gboolean money)
{
  g_autofree char *when = coordena_competencia_format (m->competencia);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = month_subtitle (m);
  GtkWidget *row;

  if (m->missing)
    /* TRANSLATORS: a competência in which the team has no registration, and its suspension */
    title = g_strdup_printf (_("%s: no registration, %d %% suspended"), when, m->percent);
  else if (m->ruleset_id == NULL)
    /* TRANSLATORS: "05/2025: no rule set in force" */
    title = g_strdup_printf (_("%s: no rule set in force"), when);
  else if (m->percent == 0)
    title = g_strdup_printf (_("%s: paid in full"), when);
  else
    /* TRANSLATORS: "05/2025: 50 % suspended" */
    title = g_strdup_printf (_("%s: %d %% suspended"), when, m->percent);
  row = add_row (list, title, *subtitle != '\0' ? subtitle : NULL);
  if (money && m->percent > 0)
    {
      g_autofree char *loss = coordena_display_money (m->loss);
      GtkWidget *label = gtk_label_new (loss);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (m->percent > 0 && m->confidence != COORDENA_CONFIDENCE_A)
    {
      /* The figure rests on a secondary or unverified value: say so where it is read. */
      GtkWidget *mark = gtk_label_new (_("to confirm"));
      g_autofree char *why = g_strdup_printf (m->confidence == COORDENA_CONFIDENCE_S
                                              ? _("From a secondary source that copies the act [S]: %s")
                                              : _("Unverified, a default to confirm [U]: %s"),
                                              m->confidence_basis != NULL ? m->confidence_basis : (m->act != NULL ? m->act : ""));

      gtk_widget_add_css_class (mark, "warning");
      gtk_widget_add_css_class (mark, "caption");
      gtk_widget_set_tooltip_text (mark, why);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
}

static void
show_timeline (CoordenaTeamDetail *self)
{
  g_autoptr(GArray) timeline = NULL;
  gboolean any_history = FALSE, any_forecast = FALSE;
  gint64 total = 0;
  gboolean unknown = FALSE;
  int last_percent = -1;

  clear_list (self->history_list);
  clear_list (self->forecast_list);
  if (self->item == NULL)
    return;

  timeline = coordena_summary_team_timeline (coordena_team_item_get_summary (self->item), coordena_team_item_get_row (self->item));
  for (guint i = 0; i < timeline->len; i++)
    {
      const CoordenaTeamMonthSummary *m = &g_array_index (timeline, CoordenaTeamMonthSummary, i);

      if (!m->forecast)
        {
          /* Only where the suspension changes: a long run reads as one line. */
          if (m->percent != last_percent && (m->percent > 0 || last_percent > 0))
            {
              add_month_row (self->history_list, m, FALSE);
              any_history = TRUE;
            }
          last_percent = m->percent;
          continue;
        }
      if (!any_forecast || m->percent != last_percent)
        add_month_row (self->forecast_list, m, TRUE);
      any_forecast = TRUE;
      last_percent = m->percent;
      /* The current competência of a team without registration is shown, not forecast: the
       * horizon's total is the forecast's. */
      if (m->competencia <= coordena_team_item_get_team_summary (self->item)->current)
        continue;
      if (m->loss < 0 && m->percent > 0)
        unknown = TRUE;
      else if (m->loss > 0)
        total += m->loss;
    }

  if (!any_history)
    add_row (self->history_list, _("No suspension in the competências held"), NULL);
  if (!any_forecast)
    add_row (self->forecast_list, _("Not evaluated by the composition rules"), NULL);
  else
    {
      g_autofree char *money = coordena_display_money (unknown && total == 0 ? -1 : total);
      GtkWidget *row = add_row (self->forecast_list, _("Forecast loss over the horizon"),
                                unknown ? _("The team’s monthly base is unknown: enter it in the team to see the money.") : NULL);
      GtkWidget *label = gtk_label_new (money);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
}

static void
show_state (CoordenaTeamDetail *self)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (self->item);
  g_autofree char *when = coordena_competencia_format (ts->last);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  switch (ts->status)
    {
    case COORDENA_STATUS_SUSPENDED:
      /* TRANSLATORS: "Suspensa em 50 % na competência 09/2025 (cláusula esf-med)" */
      text = g_strdup_printf (_("Suspended %d %% in competência %s (clause %s)."), ts->percent, when,
                              ts->clause != NULL ? ts->clause : "—");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
      break;
    case COORDENA_STATUS_AT_RISK:
      {
        g_autofree char *next = coordena_competencia_format (ts->next_step);

        text = g_strdup_printf (_("Paid in full in %s, but %d %% will be suspended from %s unless the team is completed."),
                                when, ts->next_percent, next);
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "warning");
      }
      break;
    case COORDENA_STATUS_REGULAR:
      text = g_strdup_printf (_("Complete and paid in full in competência %s."), when);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "success");
      break;
    case COORDENA_STATUS_NO_RECORD:
      {
        const CoordenaForecastTeam *ft = coordena_summary_get_forecast_team (coordena_team_item_get_summary (self->item),
                                                                              coordena_team_item_get_row (self->item));
        g_autofree char *now = coordena_competencia_format (ft->now.competencia);

        text = ts->percent > 0
               /* TRANSLATORS: a team missing from the latest competência; its last one; the percent; the act */
               ? g_strdup_printf (_("No registration in competência %s (the last one is %s): %d %% suspended under %s."),
                                  now, when, ts->percent, ts->basis != NULL ? ts->basis : "")
               : g_strdup_printf (_("No registration in competência %s (the last one is %s); the rule set in force says nothing of it."),
                                  now, when);
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
      }
      break;
    case COORDENA_STATUS_NOT_EVALUATED:
    default:
      text = g_strdup (_("This team type is stored and shown, but not evaluated by the composition rules."));
      break;
    }
  if (ts->duplicidade)
    {
      char *more = g_strconcat (text, " ", _("A member is also registered in another eSF (duplicidade)."), NULL);

      g_free (text);
      text = more;
    }
  gtk_label_set_text (self->state_label, text);
}

static void
refresh (CoordenaTeamDetail *self)
{
  CoordenaRoster *roster;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  const CoordenaTeamSummary *ts;
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *subtitle = NULL;
  guint n_months;

  if (self->item == NULL)
    {
      clear_list (self->members_list);
      clear_list (self->history_list);
      clear_list (self->forecast_list);
      return;
    }

  roster = coordena_summary_get_roster (coordena_team_item_get_summary (self->item));
  team = coordena_team_item_get_team (self->item);
  ts = coordena_team_item_get_team_summary (self->item);

  gtk_label_set_text (self->title_label, team->name != NULL && *team->name != '\0' ? team->name : _("Unnamed team"));
  subtitle = g_strdup_printf ("INE %s · CNES %s\n%s · %s", team->ine, team->cnes, coordena_team_item_get_municipio (self->item),
                              coordena_display_team_type (ts->type));
  gtk_label_set_text (self->subtitle_label, subtitle);
  show_state (self);

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->competencias, 0);
  months = coordena_roster_team_months (roster, team, &n_months);
  /* Latest first: that is the one people look at. */
  for (guint m = n_months; m-- > 0;)
    {
      g_autofree char *when = coordena_competencia_format (months[m].competencia);

      gtk_string_list_append (names, when);
      g_array_append_val (self->competencias, months[m].competencia);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->competencia_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->competencia_dropdown, 0);
  self->filling = FALSE;

  show_members (self);
  show_timeline (self);
}

static void
competencia_selected (CoordenaTeamDetail *self)
{
  if (!self->filling)
    show_members (self);
}

void
coordena_team_detail_set_workspace (CoordenaTeamDetail *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_TEAM_DETAIL (self));
  g_return_if_fail (workspace == NULL || COORDENA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (settings_of (self) != NULL)
    g_signal_handlers_disconnect_by_data (settings_of (self), self);
  g_set_object (&self->workspace, workspace);
  /* Turning the full CNS on or off redraws the members at once. */
  if (settings_of (self) != NULL)
    g_signal_connect_object (settings_of (self), "changed::show-full-cns", G_CALLBACK (show_members), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

CoordenaWorkspace *
coordena_team_detail_get_workspace (CoordenaTeamDetail *self)
{
  g_return_val_if_fail (COORDENA_IS_TEAM_DETAIL (self), NULL);
  return self->workspace;
}

void
coordena_team_detail_set_item (CoordenaTeamDetail *self, CoordenaTeamItem *item)
{
  g_return_if_fail (COORDENA_IS_TEAM_DETAIL (self));

  if (item == self->item)
    return;
  g_set_object (&self->item, item);
  refresh (self);
}

CoordenaTeamItem *
coordena_team_detail_get_item (CoordenaTeamDetail *self)
{
  return self->item;
}

const char *
coordena_team_detail_get_title (CoordenaTeamDetail *self)
{
  return gtk_label_get_text (self->title_label);
}

guint
coordena_team_detail_get_n_members_shown (CoordenaTeamDetail *self)
{
  return self->n_members_shown;
}

/* ---- Actions ----------------------------------------------------------------------------- */

static GtkWindow *
parent_window (CoordenaTeamDetail *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (widget);

  if (self->item != NULL)
    coordena_editing_edit_team (parent_window (self), self->workspace, coordena_team_item_get_ine (self->item));
}

static void
add_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (widget);

  if (self->item != NULL)
    coordena_editing_edit_member (parent_window (self), self->workspace, coordena_team_item_get_ine (self->item),
                                  shown_competencia (self), NULL);
}

static void
edit_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (widget);

  if (self->item != NULL)
    coordena_editing_edit_member (parent_window (self), self->workspace, coordena_team_item_get_ine (self->item),
                                  shown_competencia (self), g_variant_get_string (param, NULL));
}

static void
remove_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (widget);

  if (self->item != NULL)
    coordena_editing_remove_member (parent_window (self), self->workspace, coordena_team_item_get_ine (self->item),
                                    shown_competencia (self), g_variant_get_string (param, NULL));
}

static void
remove_team_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (widget);
  g_autofree char *ine = NULL;

  if (self->item == NULL)
    return;
  /* The pane closes: the team it shows is gone until Desfazer brings it back. */
  ine = g_strdup (coordena_team_item_get_ine (self->item));
  g_signal_emit (widget, signals[CLOSED], 0);
  coordena_editing_remove_team (parent_window (self), self->workspace, ine);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
coordena_team_detail_dispose (GObject *object)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_TEAM_DETAIL);
  /* The template's top widget is not bound: it leaves with its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  if (settings_of (self) != NULL)
    g_signal_handlers_disconnect_by_data (settings_of (self), self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->competencias, g_array_unref);
  G_OBJECT_CLASS (coordena_team_detail_parent_class)->dispose (object);
}

static void
coordena_team_detail_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (object);

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
coordena_team_detail_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaTeamDetail *self = COORDENA_TEAM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      coordena_team_detail_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_team_detail_class_init (CoordenaTeamDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_team_detail_dispose;
  object_class->get_property = coordena_team_detail_get_property;
  object_class->set_property = coordena_team_detail_set_property;

  /* The page that shows the detail gives it its workspace (in the page's template it cannot be
   * given at construction, hence writable later). */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-team-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, competencia_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, members_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamDetail, forecast_list);
  gtk_widget_class_bind_template_callback (widget_class, competencia_selected);

  gtk_widget_class_install_action (widget_class, "team.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "team.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "team.edit-member", "s", edit_member_action);
  gtk_widget_class_install_action (widget_class, "team.remove-member", "s", remove_member_action);
  gtk_widget_class_install_action (widget_class, "team.remove", NULL, remove_team_action);
  gtk_widget_class_install_action (widget_class, "team.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "team.close", NULL);

  /* The user closed the pane (button or Escape). */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coordena_team_detail_init (CoordenaTeamDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->competencias = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
}
