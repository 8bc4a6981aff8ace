/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-server-watch.c — a window on a server database: who may write, and what others change.
 * The workspace's own connection listens (PostgreSQL LISTEN), so what this window commits through
 * it is not announced back; the socket is watched on the main loop and read without blocking. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "coordena-server-watch.h"

/* Others' changes come in bursts (an import is one, ten team edits are ten): one reload a second. */
#define RELOAD_INTERVAL_US G_USEC_PER_SEC
/* A notification read by libpq during one of the window's own queries leaves nothing on the
 * socket: the queue is looked at this often as well. */
#define POLL_INTERVAL_S 2

/* The actions that change data, by name, wherever a widget of the window installs them. */
static const char *const write_actions[] = {
  "win.import-cnes", "win.import-cnes-folder", "win.import-csv", "win.add-team", "win.undo",
  "first-run.demo", "first-run.import-cnes",
  "team.edit", "team.add-member", "team.edit-member", "team.remove-member", "team.remove",
  "adesao.generate", "adesao.step", "adesao.add-offer", "adesao.register",
  "prefs.restore",
  NULL,
};

typedef struct {
  GtkWindow *window;               /* owns this */
  CoordenaWorkspace *workspace;
  CoordenaStore *store;            /* the connection listened to, the workspace's */
  int fd;
  guint fd_source, poll_source, reload_source, idle_source;
  gint64 last_reload;
  GPtrArray *pending;              /* CoordenaStoreChange */
  gboolean pending_others;         /* one of them by another person */
  char *me;                        /* how the audit names this user and login: "joana (papel joana)" */
  GtkWidget *banner;
  gboolean read_only;
} Watch;

static void
stop_listening (Watch *w)
{
  g_clear_handle_id (&w->fd_source, g_source_remove);
  g_clear_handle_id (&w->poll_source, g_source_remove);
  g_clear_handle_id (&w->reload_source, g_source_remove);
  g_ptr_array_set_size (w->pending, 0);
  w->pending_others = FALSE;
  g_clear_pointer (&w->me, g_free);
  w->store = NULL;
  w->fd = -1;
}

static void
watch_free (Watch *w)
{
  stop_listening (w);
  g_clear_handle_id (&w->idle_source, g_source_remove);
  g_ptr_array_unref (w->pending);
  g_clear_object (&w->workspace);
  g_free (w);
}

/* ---- What the toast says -------------------------------------------------------------------- */

char *
coordena_server_watch_describe (const CoordenaStoreChange *change)
{
  const char *who = change->user != NULL && *change->user != '\0' ? change->user : _("another user");
  const char *action = change->action != NULL ? change->action : "";
  const char *entity = change->entity != NULL ? change->entity : "";
  g_autofree char *base = *entity != '\0' ? g_path_get_basename (entity) : g_strdup ("");

  if (g_str_equal (action, "import-cnes"))
    /* TRANSLATORS: a toast: who (user and database role), then the file or folder imported */
    return g_strdup_printf (_("%s imported the CNES base (%s)"), who, base);
  if (g_str_equal (action, "import-roster"))
    return g_strdup_printf (_("%s imported a roster (%s)"), who, base);
  if (g_str_equal (action, "demo"))
    return g_strdup_printf (_("%s made the demonstration roster"), who);
  if (g_str_equal (action, "init"))
    /* TRANSLATORS: a toast: who, then the state ("CE") */
    return g_strdup_printf (_("%s prepared the database for %s"), who, entity);
  if (g_str_equal (action, "oficio-generate"))
    /* TRANSLATORS: a toast: who, then the ofício's identification */
    return g_strdup_printf (_("%s generated the ofício %s"), who, entity);
  if (g_str_equal (action, "oficio-register"))
    return g_strdup_printf (_("%s registered the ofício %s"), who, entity);
  if (g_str_equal (action, "notificacao-generate"))
    return g_strdup_printf (_("%s generated the notification %s"), who, entity);
  if (g_str_equal (action, "notificacao-acompanhamento"))
    return g_strdup_printf (_("%s recorded the follow-up of notified teams"), who);
  if (g_str_equal (action, "adhesion-step") || g_str_equal (action, "municipio-adesao"))
    return g_strdup_printf (_("%s recorded a step of the adhesion"), who);
  if (g_str_equal (action, "profile-set"))
    /* TRANSLATORS: a toast: who, then the profile key ("cidade") */
    return g_strdup_printf (_("%s changed the secretariat profile (%s)"), who, entity);
  if (g_str_equal (action, "restore"))
    return g_strdup_printf (_("%s restored the database from a backup"), who);
  if (g_str_equal (action, "purge-personal-data"))
    return g_strdup_printf (_("%s removed the personal data"), who);
  if (g_str_has_prefix (entity, "equipe "))
    /* TRANSLATORS: a toast: who, then the team's INE */
    return g_strdup_printf (_("%s changed the team %s"), who, entity + strlen ("equipe "));
  if (g_str_equal (action, "set-team-base") || g_str_equal (action, "set-team-flags"))
    return g_strdup_printf (_("%s changed the team %s"), who, entity);
  return g_strdup_printf (_("%s changed the database"), who);
}

/* ---- Others' changes -------------------------------------------------------------------------- */

static gboolean
reload_now (gpointer data)
{
  Watch *w = data;
  g_autofree char *text = NULL;
  AdwToast *toast;

  w->reload_source = 0;
  if (w->pending->len == 0)
    return G_SOURCE_REMOVE;
  w->last_reload = g_get_monotonic_time ();
  coordena_workspace_reload (w->workspace);
  /* What this person did from this computer through another connection (an import, a restore)
   * they already know of: the data comes back, no toast. */
  if (!w->pending_others)
    {
      g_ptr_array_set_size (w->pending, 0);
      return G_SOURCE_REMOVE;
    }
  w->pending_others = FALSE;
  for (guint i = w->pending->len; i > 0 && text == NULL; i--)
    {
      CoordenaStoreChange *change = g_ptr_array_index (w->pending, i - 1);

      if (g_strcmp0 (change->user, w->me) != 0)
        text = coordena_server_watch_describe (change);
    }
  if (w->pending->len > 1)
    {
      guint others = w->pending->len - 1;
      g_autofree char *first = g_steal_pointer (&text);

      /* TRANSLATORS: a toast: the last change, then how many others came with it */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, and %u other change", "%s, and %u other changes",
                                           others), first, others);
    }
  g_ptr_array_set_size (w->pending, 0);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 5);
  coordena_workspace_toast (w->workspace, G_OBJECT (toast));
  g_object_unref (toast);
  return G_SOURCE_REMOVE;
}

static void
read_changes (Watch *w)
{
  CoordenaStoreChange *change;
  gint64 wait;

  /* The workspace may have closed the connection since (another database is opening). */
  if (w->store == NULL || coordena_workspace_get_store (w->workspace) != w->store)
    {
      stop_listening (w);
      return;
    }
  while ((change = coordena_store_next_change (w->store)) != NULL)
    {
      /* A copy written elsewhere changes nothing here. */
      if (g_str_equal (change->action, "backup"))
        coordena_store_change_free (change);
      else
        {
          if (g_strcmp0 (change->user, w->me) != 0)
            w->pending_others = TRUE;
          g_ptr_array_add (w->pending, change);
        }
    }
  if (w->pending->len == 0 || w->reload_source != 0)
    return;
  wait = w->last_reload + RELOAD_INTERVAL_US - g_get_monotonic_time ();
  w->reload_source = g_timeout_add (wait > 0 ? (guint) (wait / 1000) + 1 : 0, reload_now, w);
}

static gboolean
fd_ready (int fd, GIOCondition condition, gpointer data)
{
  Watch *w = data;

  if (condition & (G_IO_NVAL | G_IO_ERR | G_IO_HUP))
    {
      w->fd_source = 0;
      stop_listening (w);
      return G_SOURCE_REMOVE;
    }
  read_changes (w);
  return w->fd_source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
poll_changes (gpointer data)
{
  Watch *w = data;

  read_changes (w);
  return w->poll_source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
listen_to (Watch *w, CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  int fd;

  if (store == w->store && (store == NULL || coordena_store_get_change_fd (store) == w->fd))
    return;
  stop_listening (w);
  if (store == NULL || !coordena_store_is_server_name (coordena_workspace_get_path (w->workspace)))
    return;
  if (!coordena_store_watch_changes (store, &error) || (fd = coordena_store_get_change_fd (store)) < 0)
    {
      g_warning ("%s", error != NULL ? error->message : "no socket");
      return;
    }
  w->store = store;
  w->fd = fd;
  {
    g_autofree char *login = coordena_store_server_user (store);

    /* As coordena_store_audit writes it. */
    w->me = g_strdup_printf ("%s (papel %s)", g_get_user_name (), login != NULL ? login : "?");
  }
  w->fd_source = g_unix_fd_add (fd, G_IO_IN, fd_ready, w);
  w->poll_source = g_timeout_add_seconds (POLL_INTERVAL_S, poll_changes, w);
}

/* ---- Read-only screens ---------------------------------------------------------------------- */

static void
set_actions_enabled (GtkWidget *widget, gboolean enabled)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *name, *property;
  const GVariantType *type;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    /* Back on a database that may be written, the page decides whether an ofício can be made. */
    if (g_strv_contains (write_actions, name) && (!enabled || !g_str_equal (name, "adesao.generate")))
      gtk_widget_action_set_enabled (widget, name, enabled);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    set_actions_enabled (child, enabled);
}

static gboolean
disable_again (gpointer data)
{
  Watch *w = data;

  /* A page that enables its own actions when it shows the data again runs after "changed". */
  w->idle_source = 0;
  if (w->read_only)
    set_actions_enabled (GTK_WIDGET (w->window), FALSE);
  return G_SOURCE_REMOVE;
}

static GtkWidget *
build_banner (GtkWidget *after)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *label = gtk_label_new (_("Read only: your role on the server lets you view, forecast and make reports, "
                                      "not change anything"));

  gtk_widget_set_name (box, "read-only-banner");
  gtk_widget_add_css_class (box, "rules-banner");
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (box, FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (after)), box, after);
  return box;
}

void
coordena_server_watch_update (GtkWindow *window, CoordenaWorkspace *workspace, GtkWidget *banner_after)
{
  Watch *w = g_object_get_data (G_OBJECT (window), "coordena-server-watch");
  gboolean read_only;

  if (w == NULL)
    {
      w = g_new0 (Watch, 1);
      w->window = window;
      w->workspace = g_object_ref (workspace);
      w->fd = -1;
      w->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_store_change_free);
      w->banner = build_banner (banner_after);
      g_object_set_data_full (G_OBJECT (window), "coordena-server-watch", w, (GDestroyNotify) watch_free);
    }
  listen_to (w, coordena_workspace_get_store (workspace));

  read_only = coordena_workspace_is_open (workspace) && !coordena_workspace_can_write (workspace);
  gtk_widget_set_visible (w->banner, read_only);
  if (read_only != w->read_only || read_only)
    set_actions_enabled (GTK_WIDGET (window), !read_only);
  w->read_only = read_only;
  if (read_only && w->idle_source == 0)
    w->idle_source = g_idle_add (disable_again, w);
}

gboolean
coordena_server_watch_is_read_only (GtkWindow *window)
{
  Watch *w = g_object_get_data (G_OBJECT (window), "coordena-server-watch");

  return w != NULL && w->read_only;
}
