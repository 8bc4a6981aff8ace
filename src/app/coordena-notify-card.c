/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/clock.h>
#include <coordena/competencia.h>
#include <coordena/format.h>
#include <coordena/notification.h>

#include "coordena-display.h"
#include "coordena-notify-card.h"
#include "coordena-notify-dialog.h"

/* ---- The button on the Painel and the Previsão ------------------------------------------------- */

struct _CoordenaNotifyButton
{
  GtkButton parent_instance;

  CoordenaWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (CoordenaNotifyButton, coordena_notify_button, GTK_TYPE_BUTTON)

enum { BUTTON_PROP_0, BUTTON_PROP_WORKSPACE, BUTTON_N_PROPS };
static GParamSpec *button_properties[BUTTON_N_PROPS];

void
coordena_notify_button_set_workspace (CoordenaNotifyButton *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_NOTIFY_BUTTON (self));

  if (g_set_object (&self->workspace, workspace))
    g_object_notify_by_pspec (G_OBJECT (self), button_properties[BUTTON_PROP_WORKSPACE]);
}

static void
coordena_notify_button_clicked (GtkButton *button)
{
  CoordenaNotifyButton *self = COORDENA_NOTIFY_BUTTON (button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (self->workspace == NULL || !GTK_IS_WINDOW (root))
    return;
  gtk_window_present (GTK_WINDOW (coordena_notify_dialog_new (GTK_WINDOW (root), self->workspace)));
}

static void
coordena_notify_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == BUTTON_PROP_WORKSPACE)
    g_value_set_object (value, COORDENA_NOTIFY_BUTTON (object)->workspace);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_notify_button_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == BUTTON_PROP_WORKSPACE)
    coordena_notify_button_set_workspace (COORDENA_NOTIFY_BUTTON (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_notify_button_dispose (GObject *object)
{
  g_clear_object (&COORDENA_NOTIFY_BUTTON (object)->workspace);
  G_OBJECT_CLASS (coordena_notify_button_parent_class)->dispose (object);
}

static void
coordena_notify_button_class_init (CoordenaNotifyButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = coordena_notify_button_get_property;
  object_class->set_property = coordena_notify_button_set_property;
  object_class->dispose = coordena_notify_button_dispose;
  GTK_BUTTON_CLASS (klass)->clicked = coordena_notify_button_clicked;

  button_properties[BUTTON_PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, BUTTON_N_PROPS, button_properties);
}

static void
coordena_notify_button_init (CoordenaNotifyButton *self)
{
  gtk_button_set_label (GTK_BUTTON (self), _("_Notify Municipalities…"));
  gtk_button_set_use_underline (GTK_BUTTON (self), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self), "notify-municipios");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Write to each municipality about its teams suspended or at risk"));
}

/* ---- The Painel's card ----------------------------------------------------------------------- */

struct _CoordenaNotifyCard
{
  AdwBin parent_instance;

  CoordenaNotifyButton *button;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CoordenaNotifyCard, coordena_notify_card, ADW_TYPE_BIN)

GtkWidget *
coordena_notify_card_new (void)
{
  return g_object_new (COORDENA_TYPE_NOTIFY_CARD, NULL);
}

static void
add_row (GtkListBox *list, const char *name, const char *title, const char *subtitle, const char *css)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (css != NULL)
    gtk_widget_add_css_class (row, css);
  gtk_list_box_append (list, row);
}

static void
add_counts (GtkListBox *list, const CoordenaNotifyCounts *counts)
{
  g_autofree char *how = coordena_notify_counts_text (counts->regularized, counts->pending, counts->suspended, FALSE, 0, 0);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team notified: %s",
                                                         "%u teams notified: %s", counts->notified),
                                            counts->notified, how);
  g_autofree char *kept = coordena_display_money (counts->kept);
  g_autofree char *subtitle = g_strdup_printf (_("Forecast loss avoided by the fixes: %s"), kept);

  add_row (list, "notify-counts", title, subtitle, NULL);
}

static void
add_overdue (GtkListBox *list, const CoordenaNotifiedTeam *t)
{
  g_autofree char *fix = coordena_competencia_format (t->fix_by);
  g_autofree char *team = t->name != NULL && *t->name != '\0' ? g_strdup_printf ("%s %s", t->ine, t->name)
                                                               : g_strdup (t->ine);
  g_autofree char *title = g_strdup_printf (_("Team %s still not fixed: “corrigir até” %s"), team, fix);
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  GDate when;

  date = coordena_parse_date (t->date, &when, NULL) ? coordena_format_date (&when) : g_strdup (t->date);
  subtitle = g_strdup_printf (_("%s, %s — %s"), t->identification, date, coordena_notify_status_label (t->status));
  add_row (list, "notify-overdue", title, subtitle, "warning");
}

void
coordena_notify_card_update (GtkWidget *card, CoordenaWorkspace *workspace)
{
  CoordenaNotifyCard *self = COORDENA_NOTIFY_CARD (card);
  CoordenaStore *store = coordena_workspace_get_store (workspace);
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  CoordenaNotifyCounts counts;
  GtkWidget *child;
  GDate today;

  coordena_notify_button_set_workspace (self->button, workspace);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (store == NULL || summary == NULL)
    return;
  coordena_clock_today (&today);
  /* The newest competência decides each notified team's status, whichever way it came in. */
  /* Recording the follow-up writes: a leitura role on the server only reads what others recorded. */
  if ((coordena_workspace_can_write (workspace) && !coordena_notification_follow_up (store, summary, NULL, &error))
      || !coordena_notification_counts (store, &today, &counts, &overdue, &error))
    {
      add_row (self->list, "notify-error", _("The follow-up could not be read"), error->message, "error");
      return;
    }
  if (counts.notified == 0)
    {
      add_row (self->list, "notify-none", _("No municipality notified yet"),
               _("Write to the municipalities with teams suspended or at risk: each letter lists its teams and until "
                 "when to fix them."), NULL);
      return;
    }
  add_counts (self->list, &counts);
  for (guint i = 0; overdue != NULL && i < overdue->len; i++)
    add_overdue (self->list, g_ptr_array_index (overdue, i));
}

static void
coordena_notify_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COORDENA_TYPE_NOTIFY_CARD);
  G_OBJECT_CLASS (coordena_notify_card_parent_class)->dispose (object);
}

static void
coordena_notify_card_class_init (CoordenaNotifyCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = coordena_notify_card_dispose;
  g_type_ensure (COORDENA_TYPE_NOTIFY_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-notify-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyCard, button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaNotifyCard, list);
}

static void
coordena_notify_card_init (CoordenaNotifyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
