/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/notification.h>

#include "coordena-display.h"
#include "coordena-loss-chart.h"
#include "coordena-notify-card.h"
#include "coordena-dashboard-page.h"

#define N_KPIS 5
#define MAX_MUNICIPIOS 8
#define MAX_ALERTS 12

struct _CoordenaDashboardPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *competencia_label;
  GtkLabel *rules_label;
  GtkWidget *demo_badge;
  GtkBox *kpi_box;
  GtkWidget *notify_card;
  GtkLabel *chart_caption;
  CoordenaLossChart *chart;
  GtkListBox *municipios_list;
  GtkListBox *alerts_list;

  GtkLabel *kpi_values[N_KPIS];
  GtkLabel *kpi_captions[N_KPIS];
  CoordenaWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (CoordenaDashboardPage, coordena_dashboard_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SHOW_TEAM, SHOW_MUNICIPIO, SHOW_KPI, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
kpi_clicked (GtkButton *button, CoordenaDashboardPage *self)
{
  g_signal_emit (self, signals[SHOW_KPI], 0, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kpi")));
}

/* Each figure is a card that opens what it counts: the teams, or the forecast for the money. */
static void
build_kpis (CoordenaDashboardPage *self)
{
  static const char *tooltips[N_KPIS] = {
    N_("Show the teams"), N_("Show the teams at risk"), N_("Show the suspended teams"),
    N_("Show the forecast"), N_("Show the forecast"),
  };

  for (guint i = 0; i < N_KPIS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *value = gtk_label_new (NULL);
      GtkWidget *caption = gtk_label_new (NULL);

      /* Cards share the row by what they hold: amounts need more room than counts. */
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "kpi");
      gtk_widget_set_tooltip_text (button, _(tooltips[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(tooltips[i]), -1);
      gtk_widget_add_css_class (value, "kpi-value");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "kpi-caption");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_button_set_child (GTK_BUTTON (button), box);
      g_object_set_data (G_OBJECT (button), "kpi", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (kpi_clicked), self);
      gtk_box_append (self->kpi_box, button);
      self->kpi_values[i] = GTK_LABEL (value);
      self->kpi_captions[i] = GTK_LABEL (caption);
    }
}

static void
set_kpi (CoordenaDashboardPage *self, guint i, const char *value, const char *caption, const char *style)
{
  GtkWidget *widget = GTK_WIDGET (self->kpi_values[i]);

  gtk_label_set_text (self->kpi_values[i], value);
  gtk_label_set_text (self->kpi_captions[i], caption);
  {
    /* The card is one button: it reads as its figure and what it counts. */
    g_autofree char *spoken = g_strdup_printf ("%s %s", value, caption);

    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static void
municipio_activated (GtkListBoxRow *row, CoordenaDashboardPage *self)
{
  g_signal_emit (self, signals[SHOW_MUNICIPIO], 0, g_object_get_data (G_OBJECT (row), "ibge"));
}

static void
alert_activated (GtkListBoxRow *row, CoordenaDashboardPage *self)
{
  g_signal_emit (self, signals[SHOW_TEAM], 0, g_object_get_data (G_OBJECT (row), "ine"));
}

static void
more_alerts_activated (GtkListBoxRow *row, CoordenaDashboardPage *self)
{
  g_signal_emit (self, signals[SHOW_KPI], 0, 0u);
}

static void
show_municipios (CoordenaDashboardPage *self, CoordenaSummary *summary)
{
  guint n = coordena_summary_get_n_municipios (summary);
  guint shown = 0;

  clear_list (self->municipios_list);
  for (guint i = 0; i < n && shown < MAX_MUNICIPIOS; i++)
    {
      const CoordenaMunicipioSummary *m = coordena_summary_get_municipio (summary, i);
      g_autofree char *money = NULL;
      g_autofree char *teams = NULL;
      g_autofree char *suspended = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *label;

      if (m->loss_horizon <= 0)
        break;
      money = coordena_display_money (m->loss_horizon);
      teams = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team evaluated", "%u teams evaluated", m->n_teams), m->n_teams);
      /* Portuguese puts zero in the plural, which gettext's pt_BR rule (n > 1) does not. */
      suspended = m->n_suspended == 0 ? g_strdup (_("none suspended"))
                  : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suspended", "%u suspended", m->n_suspended), m->n_suspended);
      if (m->n_no_record > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u without registration",
                                                 "%s · %s · %u without registration", m->n_no_record),
                                    teams, suspended, m->n_no_record);
      else
        subtitle = g_strdup_printf ("%s · %s", teams, suspended);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->nome);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (money);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ibge", g_strdup (m->ibge), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (municipio_activated), self);
      gtk_list_box_append (self->municipios_list, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No municipality is losing money"));
      gtk_list_box_append (self->municipios_list, row);
    }
}

static void
alert_text (CoordenaSummary *summary, const CoordenaAlert *alert, char **title, char **subtitle, const char **icon)
{
  const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, alert->row);
  const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), ts->team);
  const char *municipio = coordena_summary_team_municipio (summary, alert->row);
  g_autofree char *when = coordena_competencia_format (alert->competencia);
  const char *name = team->name != NULL && *team->name != '\0' ? team->name : team->ine;

  switch (alert->kind)
    {
    case COORDENA_ALERT_REVOCATION:
      /* TRANSLATORS: "INE revogado em 03/2026: Equipe X" */
      *title = g_strdup_printf (_("INE revoked in %s: %s"), when, name);
      *subtitle = g_strdup_printf (_("%s · INE %s · 12 competências in a row at 100 %%"), municipio, team->ine);
      *icon = "dialog-error-symbolic";
      break;
    case COORDENA_ALERT_DUPLICIDADE:
      *title = g_strdup_printf (_("Duplicidade: %s"), name);
      *subtitle = g_strdup_printf (_("%s · INE %s · a professional also in another eSF in %s"), municipio, team->ine, when);
      *icon = "system-users-symbolic";
      break;
    case COORDENA_ALERT_ONE_AWAY:
    default:
      *title = g_strdup_printf (_("%d %% suspension from %s: %s"), alert->percent, when, name);
      *subtitle = g_strdup_printf (_("%s · INE %s · one competência left to complete the team"), municipio, team->ine);
      *icon = "alarm-symbolic";
      break;
    }
}

/* The notified teams still not fixed at their "corrigir até": the state told the municipality
 * until when, so these come first. Returns how many rows it added; *total, how many there are. */
static guint
show_notified_alerts (CoordenaDashboardPage *self, CoordenaSummary *summary, guint *total)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GPtrArray) overdue = NULL;
  CoordenaNotifyCounts counts;
  GDate today;
  guint added = 0;

  *total = 0;
  if (store == NULL)
    return 0;
  coordena_clock_today (&today);
  /* The follow-up card has already brought the statuses up to date; its own row says if it failed. */
  if (!coordena_notification_counts (store, &today, &counts, &overdue, NULL) || overdue == NULL)
    return 0;
  *total = overdue->len;
  for (guint i = 0; i < overdue->len && added < MAX_ALERTS; i++)
    {
      const CoordenaNotifiedTeam *t = g_ptr_array_index (overdue, i);
      int row_index = coordena_summary_find_team (summary, t->ine);
      g_autofree char *fix = coordena_competencia_format (t->fix_by);
      const char *name = t->name != NULL && *t->name != '\0' ? t->name : t->ine;
      g_autofree char *title = g_strdup_printf (_("Notified, not fixed by %s: %s"), fix, name);
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      GDate when;
      GtkWidget *row, *image;

      date = coordena_parse_date (t->date, &when, NULL) ? coordena_format_date (&when) : g_strdup (t->date);
      /* TRANSLATORS: "Fortaleza · INE 0001000003 · OFÍCIO Nº 1/2026/COAPS/SESA of 06/12/2026" */
      subtitle = g_strdup_printf (_("%s · INE %s · %s of %s"),
                                  row_index >= 0 ? coordena_summary_team_municipio (summary, (guint) row_index) : "—",
                                  t->ine, t->identification, date);
      row = adw_action_row_new ();
      gtk_widget_set_name (row, "alert-notified");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      image = gtk_image_new_from_icon_name ("mail-unread-symbolic");
      gtk_widget_add_css_class (image, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ine", g_strdup (t->ine), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (alert_activated), self);
      gtk_list_box_append (self->alerts_list, row);
      added++;
    }
  return added;
}

static void
show_alerts (CoordenaDashboardPage *self, CoordenaSummary *summary)
{
  guint n = coordena_summary_get_n_alerts (summary);
  guint notified, notified_total;

  clear_list (self->alerts_list);
  notified = show_notified_alerts (self, summary, &notified_total);
  for (guint i = 0; i < n && i + notified < MAX_ALERTS; i++)
    {
      const CoordenaAlert *alert = coordena_summary_get_alert (summary, i);
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, alert->row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), ts->team);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *icon = NULL;
      GtkWidget *row, *image;

      alert_text (summary, alert, &title, &subtitle, &icon);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      image = gtk_image_new_from_icon_name (icon);
      gtk_widget_add_css_class (image, alert->kind == COORDENA_ALERT_ONE_AWAY ? "warning" : "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ine", g_strdup (team->ine), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (alert_activated), self);
      gtk_list_box_append (self->alerts_list, row);
    }
  if (n + notified_total > MAX_ALERTS)
    {
      GtkWidget *row = adw_action_row_new ();
      guint more_n = n + notified_total - MAX_ALERTS;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more alert: see the Teams page", "%u more alerts: see the Teams page", more_n), more_n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      /* A way there, not a remark: the row opens Equipes with every team. */
      gtk_widget_set_name (row, "painel-more-alerts");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (more_alerts_activated), self);
      gtk_list_box_append (self->alerts_list, row);
    }
  if (n == 0 && notified_total == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No alerts"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No revocation, duplicidade or suspension one competência away."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
      gtk_list_box_append (self->alerts_list, row);
    }
}

static void
workspace_changed (CoordenaDashboardPage *self)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (self->workspace);
  CoordenaCompetencia current, first;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  const gint64 *series;
  guint n;
  gint64 money;

  if (summary == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, coordena_workspace_is_loading (self->workspace) ? "loading" : "empty");
      return;
    }
  if (coordena_summary_get_n_teams (summary) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "dashboard");

  current = coordena_summary_get_current (summary);
  when = coordena_competencia_format (current);
  /* TRANSLATORS: the dashboard's title, "Competência 09/2025" */
  title = g_strdup_printf (_("Competência %s"), when);
  gtk_label_set_text (self->competencia_label, title);
  if (coordena_summary_get_rules_title (summary) != NULL)
    {
      text = g_strdup_printf (_("Rules in force: %s"), coordena_summary_get_rules_title (summary));
      gtk_label_set_text (self->rules_label, text);
      g_clear_pointer (&text, g_free);
    }
  else
    gtk_label_set_text (self->rules_label, _("No rule set covers this competência."));
  gtk_widget_set_visible (self->demo_badge, coordena_workspace_is_demo (self->workspace));
  coordena_notify_card_update (self->notify_card, self->workspace);

  text = coordena_format_integer (coordena_summary_get_n_evaluated (summary));
  set_kpi (self, 0, text, _("teams evaluated"), NULL);
  g_free (text);
  text = coordena_format_integer (coordena_summary_get_n_at_risk (summary));
  set_kpi (self, 1, text, _("at risk of suspension"), coordena_summary_get_n_at_risk (summary) > 0 ? "warning" : NULL);
  g_free (text);
  text = coordena_format_integer (coordena_summary_get_n_suspended (summary));
  set_kpi (self, 2, text, _("suspended now"), coordena_summary_get_n_suspended (summary) > 0 ? "error" : NULL);
  g_free (text);
  money = coordena_summary_get_loss_next_month (summary);
  text = coordena_display_money (money);
  set_kpi (self, 3, text, _("forecast monthly loss"), money > 0 ? "error" : NULL);
  g_free (text);
  /* The same total the report and `forecast` print: every team, over the horizon computed. */
  money = coordena_summary_get_loss_horizon (summary);
  text = coordena_display_money (money);
  {
    g_autofree char *label = g_strdup_printf (_("loss in the next %u competências"), coordena_summary_get_horizon (summary));
    set_kpi (self, 4, text, label, money > 0 ? "error" : NULL);
  }
  g_clear_pointer (&text, g_free);

  series = coordena_summary_get_series (summary, &first, &n);
  coordena_loss_chart_set_series (self->chart, first, series, n, current);
  {
    g_autoptr(GString) caption = g_string_new (NULL);
    gint64 unconfirmed = coordena_summary_get_loss_unconfirmed (summary);
    guint no_record = coordena_summary_get_n_no_record (summary);

    g_string_append_printf (caption, _("The recorded competências (the last 12 at most) and the next %u as forecast if nothing changes."),
                            coordena_summary_get_horizon (summary));
    if (no_record > 0)
      {
        g_autofree char *now = coordena_competencia_format (current);
        g_string_append_c (caption, ' ');
        g_string_append_printf (caption, g_dngettext (GETTEXT_PACKAGE, "%u team has no registration in %s and is counted as the rule set in force says.",
                                                      "%u teams have no registration in %s and are counted as the rule set in force says.", no_record),
                                no_record, now);
      }
    if (unconfirmed > 0)
      {
        g_autofree char *m = coordena_format_money (unconfirmed);
        g_string_append_c (caption, ' ');
        /* TRANSLATORS: how much of the forecast rests on [S] or [U] values */
        g_string_append_printf (caption, _("%s of the forecast rests on values to confirm [S] or [U]."), m);
      }
    if (coordena_summary_has_unknown_bases (summary))
      {
        g_string_append_c (caption, ' ');
        g_string_append (caption, _("Teams whose monthly base is unknown are left out of the amounts."));
      }
    gtk_label_set_text (self->chart_caption, caption->str);
  }

  show_municipios (self, summary);
  show_alerts (self, summary);
}

void
coordena_dashboard_page_set_workspace (CoordenaDashboardPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_DASHBOARD_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed), self);
      g_signal_connect_swapped (workspace, "notify::loading", G_CALLBACK (workspace_changed), self);
      workspace_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

const char *
coordena_dashboard_page_get_kpi (CoordenaDashboardPage *self, guint i)
{
  g_return_val_if_fail (i < N_KPIS, NULL);
  return gtk_label_get_text (self->kpi_values[i]);
}

void
coordena_dashboard_page_activate_kpi (CoordenaDashboardPage *self, guint i)
{
  g_return_if_fail (i < N_KPIS);
  g_signal_emit (self, signals[SHOW_KPI], 0, i);
}

GtkListBox *
coordena_dashboard_page_get_alerts (CoordenaDashboardPage *self)
{
  return self->alerts_list;
}

GtkListBox *
coordena_dashboard_page_get_municipios (CoordenaDashboardPage *self)
{
  return self->municipios_list;
}

static void
coordena_dashboard_page_dispose (GObject *object)
{
  CoordenaDashboardPage *self = COORDENA_DASHBOARD_PAGE (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_DASHBOARD_PAGE);
  /* The template's top widget is not bound: it leaves with its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (coordena_dashboard_page_parent_class)->dispose (object);
}

static void
coordena_dashboard_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaDashboardPage *self = COORDENA_DASHBOARD_PAGE (object);

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
coordena_dashboard_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaDashboardPage *self = COORDENA_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      coordena_dashboard_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_dashboard_page_class_init (CoordenaDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_dashboard_page_dispose;
  object_class->get_property = coordena_dashboard_page_get_property;
  object_class->set_property = coordena_dashboard_page_set_property;

  /* Given by the window that shows the page (in its template, hence not at construction). */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COORDENA_TYPE_LOSS_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, competencia_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, municipios_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaDashboardPage, alerts_list);

  /* A team or a municipality was chosen: the window shows it in the Teams page. */
  signals[SHOW_TEAM] = g_signal_new ("show-team", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_MUNICIPIO] = g_signal_new ("show-municipio", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A KPI card was chosen (its index, as coordena_dashboard_page_get_kpi numbers them). */
  signals[SHOW_KPI] = g_signal_new ("show-kpi", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coordena_dashboard_page_init (CoordenaDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_kpis (self);
  /* The notifications' follow-up sits under the figures it acts on. */
  self->notify_card = coordena_notify_card_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->kpi_box))), self->notify_card,
                              GTK_WIDGET (self->kpi_box));
}
