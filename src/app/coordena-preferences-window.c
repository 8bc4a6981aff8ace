/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "coordena-preferences-data.h"
#include "coordena-preferences-money.h"
#include "coordena-preferences-profile.h"
#include "coordena-preferences-rules.h"
#include "coordena-preferences-signers.h"
#include "coordena-preferences-window-private.h"

struct _CoordenaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CoordenaWorkspace *workspace;
  /* The pages, owned by the window's widget tree. */
  CoordenaPreferencesProfile *profile_page;
  CoordenaPreferencesSigners *signers_page;
  CoordenaPreferencesData *data_page;
  char *pending_field;   /* the field to focus once the window shows */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The rows of the data page that hand over to the parent window, and its action for each. */
static const struct {
  const char *action;
  const char *parent_action;
  gboolean closes;   /* the database changes: every page here showed the old one */
} handovers[] = {
  { "prefs.open-database", "win.open-database", TRUE },
  { "prefs.new-database", "win.new-database", TRUE },
  { "prefs.open-recent", "win.open-recent", TRUE },
  { "prefs.leave-demo", "win.leave-demo", TRUE },
  { "prefs.export-teams", "win.export-teams", FALSE },
  { "prefs.export-roster", "win.export-roster", FALSE },
};

CoordenaPreferencesWindow *
coordena_preferences_window_new (GtkWindow *parent, CoordenaWorkspace *workspace)
{
  g_return_val_if_fail (COORDENA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (COORDENA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "workspace", workspace, NULL);
}

void
coordena_preferences_window_backup_to (CoordenaPreferencesWindow *self, const char *path)
{
  coordena_preferences_data_backup_to (self->data_page, path);
}

void
coordena_preferences_window_confirm_restore (CoordenaPreferencesWindow *self, const char *path)
{
  coordena_preferences_data_confirm_restore (self->data_page, path);
}

/* ---- Handing over to the parent window ------------------------------------------------------ */

static gboolean
parent_has_action (CoordenaPreferencesWindow *self, const char *name)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *action = NULL, *property = NULL;
  const GVariantType *parameter = NULL;
  GType owner;

  if (parent == NULL)
    return FALSE;
  /* GTK 4.8 writes every out argument. */
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (parent), i, &owner, &action, &parameter, &property); i++)
    if (g_strcmp0 (action, name) == 0)
      return TRUE;
  return FALSE;
}

/* Over a dialog (the ofício's, to fill in the profile) there is no window to hand over to: the
 * rows that would switch the database under that dialog stay off. */
static void
parent_changed (CoordenaPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (handovers); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), handovers[i].action,
                                   parent_has_action (self, handovers[i].parent_action));
}

static void
coordena_preferences_window_notify (GObject *object, GParamSpec *pspec)
{
  if (g_strcmp0 (pspec->name, "transient-for") == 0)
    parent_changed (COORDENA_PREFERENCES_WINDOW (object));
  if (G_OBJECT_CLASS (coordena_preferences_window_parent_class)->notify != NULL)
    G_OBJECT_CLASS (coordena_preferences_window_parent_class)->notify (object, pspec);
}

static void
handover_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  for (guint i = 0; i < G_N_ELEMENTS (handovers); i++)
    if (g_str_equal (action_name, handovers[i].action) && parent != NULL
        && gtk_widget_activate_action_variant (GTK_WIDGET (parent), handovers[i].parent_action, parameter)
        && handovers[i].closes)
      gtk_window_close (GTK_WINDOW (widget));
}

/* What a page tells briefly ("prefs.toast", a string) shows over the pages. */
static void
toast_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* ---- Focusing a field ------------------------------------------------------------------------- */

static void
focus_field (CoordenaPreferencesWindow *self, const char *key)
{
  GtkWidget *row = coordena_preferences_profile_get_field (self->profile_page, key);
  GtkWidget *page = GTK_WIDGET (self->profile_page);

  if (row == NULL)
    {
      row = coordena_preferences_signers_get_field (self->signers_page, key);
      page = GTK_WIDGET (self->signers_page);
    }
  if (row == NULL)
    return;
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_widget_grab_focus (row);
}

static gboolean
focus_pending (gpointer data)
{
  CoordenaPreferencesWindow *self = data;
  g_autofree char *key = g_steal_pointer (&self->pending_field);

  if (key != NULL)
    focus_field (self, key);
  return G_SOURCE_REMOVE;
}

void
coordena_preferences_window_show_field (CoordenaPreferencesWindow *self, const char *key)
{
  g_return_if_fail (COORDENA_IS_PREFERENCES_WINDOW (self));

  g_free (self->pending_field);
  self->pending_field = g_strdup (key);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_pending (self);
  /* else when mapped */
}

/* Showing, the window puts the focus on its own first control: the field comes after. */
static void
coordena_preferences_window_map (GtkWidget *widget)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (widget);

  GTK_WIDGET_CLASS (coordena_preferences_window_parent_class)->map (widget);
  if (self->pending_field != NULL)
    g_timeout_add_full (G_PRIORITY_LOW, 200, focus_pending, g_object_ref (self), g_object_unref);
}

/* ---- Set-up ----------------------------------------------------------------------------------- */

/* The window's own search (its button and entry) has no name a screen reader can say: it gets
 * the one its purpose gives. */
static void
name_search_parts (GtkWidget *top)
{
  for (GtkWidget *w = top; w != NULL;)
    {
      if (GTK_IS_SEARCH_ENTRY (w) || (GTK_IS_TOGGLE_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "edit-find-symbolic") == 0))
        {
          g_autofree char *placeholder = NULL;

          if (GTK_IS_SEARCH_ENTRY (w))
            g_object_get (w, "placeholder-text", &placeholder, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"), -1);
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != top && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == NULL || w == top ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
}

static void
add_page (CoordenaPreferencesWindow *self, GtkWidget *page)
{
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
coordena_preferences_window_constructed (GObject *object)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);
  GtkWidget *page, *money;

  G_OBJECT_CLASS (coordena_preferences_window_parent_class)->constructed (object);

  page = coordena_preferences_profile_new (self->workspace);
  self->profile_page = COORDENA_PREFERENCES_PROFILE (page);
  add_page (self, page);
  page = coordena_preferences_signers_new (self->workspace);
  self->signers_page = COORDENA_PREFERENCES_SIGNERS (page);
  add_page (self, page);
  money = coordena_preferences_money_new (self->workspace);
  add_page (self, money);
  /* A leitura role on the server reads the profile, the signers and the strata but cannot change
   * them: the pages show them without letting an edit fail on save. */
  if (!coordena_workspace_can_write (self->workspace))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->profile_page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->signers_page), FALSE);
      gtk_widget_set_sensitive (money, FALSE);
    }
  add_page (self, coordena_preferences_rules_new (self->workspace));
  page = coordena_preferences_data_new (self->workspace);
  self->data_page = COORDENA_PREFERENCES_DATA (page);
  add_page (self, page);
  parent_changed (self);
}

static void
coordena_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);

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
coordena_preferences_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);

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
coordena_preferences_window_finalize (GObject *object)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->workspace);
  g_free (self->pending_field);
  G_OBJECT_CLASS (coordena_preferences_window_parent_class)->finalize (object);
}

static void
coordena_preferences_window_class_init (CoordenaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = coordena_preferences_window_constructed;
  object_class->set_property = coordena_preferences_window_set_property;
  object_class->get_property = coordena_preferences_window_get_property;
  object_class->finalize = coordena_preferences_window_finalize;
  object_class->notify = coordena_preferences_window_notify;
  widget_class->map = coordena_preferences_window_map;

  /* The database these preferences edit; the pages get it too. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-window.ui");
  gtk_widget_class_install_action (widget_class, "prefs.toast", "s", toast_action);
  for (guint i = 0; i < G_N_ELEMENTS (handovers); i++)
    gtk_widget_class_install_action (widget_class, handovers[i].action,
                                     g_str_equal (handovers[i].action, "prefs.open-recent") ? "s" : NULL, handover_action);
}

static void
coordena_preferences_window_init (CoordenaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_parts (GTK_WIDGET (self));
}
