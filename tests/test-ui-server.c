/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on the secretariat's PostgreSQL server, under Xvfb with the test server of
 * tests/pg-cluster.sh: another coordena-cli importing into the same database reloads the window
 * and a toast names who did it; a login with the role leitura gets the read-only banner and no
 * import; the server dialog of Preferências › Dados tests a connection for real and says, in
 * Portuguese, why a bad address fails. Saves PNGs of the Dados page and of the dialog. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libpq-fe.h>

#include <coordena/coordena.h>

#include "coordena-databases.h"
#include "coordena-preferences-window-private.h"
#include "coordena-server-dialog.h"
#include "coordena-server-watch.h"
#include "test-pg.h"
#include "test-utils.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static gboolean
skip_without_server (void)
{
  if (g_getenv ("COORDENA_TEST_POSTGRESQL") == NULL)
    {
      g_test_skip ("COORDENA_TEST_POSTGRESQL is not set: run under tests/pg-cluster.sh run (the postgresql suite)");
      return TRUE;
    }
  return FALSE;
}

static void
cli_ok (const char *db, ...)
{
  g_auto(Run) r = { 0 };
  RunOptions options = { .db = db };
  va_list args;

  va_start (args, db);
  run_cli_valist (&r, &options, args);
  va_end (args);
  if (r.status != 0)
    g_error ("coordena-cli failed (%d): %s", r.status, r.err);
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "docs", "exemplos", name, NULL);
}

/* The grants of data/sql/postgresql/roles.sql on a database of the test, as the IT would run them. */
static void
apply_roles (const char *uri)
{
  g_autofree char *path = g_build_filename (g_getenv ("COORDENA_DATADIR"), "sql", "postgresql", "roles.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;
  PGresult *res;

  g_assert_true (g_file_get_contents (path, &sql, NULL, &error));
  g_assert_no_error (error);
  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("roles.sql: %s", PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
}

/* The same database as another login of the test server. */
static char *
as_login (const char *uri, const char *login)
{
  g_autoptr(GString) s = g_string_new (uri);
  g_autofree char *user = g_strdup_printf ("user=%s", login);

  g_assert_cmpuint (g_string_replace (s, "user=postgres", user, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static guint
n_teams (CoordenaWindow *window)
{
  return g_list_model_get_n_items (coordena_workspace_get_teams (coordena_window_get_workspace (window)));
}

static gboolean
has_teams (gpointer data)
{
  CoordenaWindow *window = data;

  return n_teams (window) > 0 && !coordena_workspace_is_loading (coordena_window_get_workspace (window));
}

static gboolean
toast_arrived (gpointer data)
{
  AdwToast *toast = coordena_window_get_last_toast (data);

  return toast != NULL && strstr (adw_toast_get_title (toast), "teste_coordenacao") != NULL;
}

typedef struct {
  guint reloads;
  guint toasts;
  char *last;
} Seen;

static void
seen_loading (CoordenaWorkspace *workspace, GParamSpec *pspec, Seen *seen)
{
  if (coordena_workspace_is_loading (workspace))
    seen->reloads++;
}

static void
seen_toast (CoordenaWorkspace *workspace, GObject *toast, Seen *seen)
{
  seen->toasts++;
  g_free (seen->last);
  seen->last = g_strdup (adw_toast_get_title (ADW_TOAST (toast)));
}

static gboolean
toasts_reach (gpointer data)
{
  Seen *seen = ((gpointer *) data)[0];

  return seen->toasts >= GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

static gboolean
reloads_reach (gpointer data)
{
  Seen *seen = ((gpointer *) data)[0];

  return seen->reloads >= GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

/* Another program (coordena-cli, another login) imports: the window shows the teams, and says who. */
static void
test_others_import_reaches_window (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *coord = NULL;
  g_autofree char *csv = example ("equipes.csv");
  CoordenaWindow *window;
  const char *title;

  if (skip_without_server ())
    return;
  uri = test_pg_new_database ("janela");
  cli_ok (uri, "init", "--uf", "RS", NULL);
  apply_roles (uri);
  coord = as_login (uri, "teste_coordenacao");

  window = ui_app_open_on (app, uri, "equipes");
  g_assert_cmpuint (n_teams (window), ==, 0);
  g_assert_false (coordena_server_watch_is_read_only (GTK_WINDOW (window)));
  g_assert_false (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (window), "read-only-banner")));

  cli_ok (coord, "import", "roster", csv, NULL);
  g_assert_true (ui_app_wait_for (has_teams, window));
  g_assert_true (ui_app_wait_for (toast_arrived, window));
  title = adw_toast_get_title (coordena_window_get_last_toast (window));
  g_test_message ("toast: %s", title);
  g_assert_nonnull (strstr (title, g_get_user_name ()));
  g_assert_nonnull (strstr (title, "(papel teste_coordenacao) importou um cadastro (equipes.csv)"));
  g_assert_cmpuint (n_teams (window), >, 0);
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (window), 3);
    png = ui_save_png (GTK_WIDGET (window), "servidor-alteracao-de-outro");

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  /* A burst (three changes while the window is busy): one reload, one toast that counts them. */
  {
    CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
    Seen seen = { 0 };
    gpointer want[2] = { &seen, GUINT_TO_POINTER (1) };
    gulong h1 = g_signal_connect (workspace, "notify::loading", G_CALLBACK (seen_loading), &seen);
    gulong h2 = g_signal_connect (workspace, "toast", G_CALLBACK (seen_toast), &seen);

    cli_ok (coord, "profile", "set", "cidade", "Porto Alegre", NULL);
    cli_ok (coord, "profile", "set", "telefone", "(51) 3288-5800", NULL);
    cli_ok (coord, "profile", "set", "email", "aps@saude.rs.gov.br", NULL);
    g_assert_true (ui_app_wait_for (toasts_reach, want));
    ui_app_wait_loaded (window);
    g_test_message ("burst: %u reloads, %u toasts: %s", seen.reloads, seen.toasts, seen.last);
    g_assert_cmpuint (seen.reloads, ==, 1);
    g_assert_cmpuint (seen.toasts, ==, 1);
    g_assert_cmpstr (strstr (seen.last, "(papel teste_coordenacao) alterou o perfil da secretaria (email), e mais 2 "
                                        "alterações"), !=, NULL);

    /* What this user does through another connection with the window's own login comes back as
     * data, without a toast about themselves. */
    seen.reloads = seen.toasts = 0;
    cli_ok (uri, "profile", "set", "cidade", "Canoas", NULL);
    g_assert_true (ui_app_wait_for (reloads_reach, want));
    ui_app_wait_loaded (window);
    g_assert_cmpuint (seen.toasts, ==, 0);
    g_signal_handler_disconnect (workspace, h1);
    g_signal_handler_disconnect (workspace, h2);
    g_free (seen.last);
  }
}

/* The buttons and rows of the window tied to the action, wherever a page put them. */
static void
find_actionables (GtkWidget *root, const char *action, GPtrArray *found)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_actionables (child, action, found);
}

static void
assert_buttons_disabled (CoordenaWindow *window, const char *action)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_actionables (GTK_WIDGET (window), action, found);
  g_assert_cmpuint (found->len, >, 0);
  for (guint i = 0; i < found->len; i++)
    g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (found, i)));
}

static gboolean
enabled_via (GtkWidget *probe)
{
  return gtk_widget_get_sensitive (probe);
}

/* A reader's window says it only shows, and its import is disabled (the menu item greys out as a
 * button tied to the action does). */
static void
test_reader_gets_read_only_window (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *csv = example ("equipes.csv");
  CoordenaWindow *window;
  GtkWidget *banner, *probe;

  if (skip_without_server ())
    return;
  uri = test_pg_new_database ("leitura");
  cli_ok (uri, "init", "--uf", "RS", NULL);
  cli_ok (uri, "import", "roster", csv, NULL);
  apply_roles (uri);
  reader = as_login (uri, "teste_leitura");

  window = ui_app_open_on (app, reader, "painel");
  g_assert_null (coordena_workspace_get_error (coordena_window_get_workspace (window)));
  g_assert_cmpuint (n_teams (window), >, 0);
  g_assert_false (coordena_workspace_can_write (coordena_window_get_workspace (window)));
  g_assert_true (coordena_server_watch_is_read_only (GTK_WINDOW (window)));
  banner = ui_find_named (GTK_WIDGET (window), "read-only-banner");
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_visible (banner));

  probe = gtk_button_new ();
  gtk_widget_set_visible (probe, FALSE);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (banner)), probe);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.import-cnes");
  ui_flush ();
  g_assert_false (enabled_via (probe));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.add-team");
  ui_flush ();
  g_assert_false (enabled_via (probe));
  /* The pages' own buttons: the teams page's, the team detail's, the adhesion page's. */
  assert_buttons_disabled (window, "win.add-team");
  assert_buttons_disabled (window, "team.edit");
  assert_buttons_disabled (window, "team.remove");
  assert_buttons_disabled (window, "team.add-member");
  assert_buttons_disabled (window, "adesao.add-offer");
  /* What a reader may do stays: exporting the teams. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.export-teams");
  ui_flush ();
  g_assert_true (enabled_via (probe));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (window), 3);
    png = ui_save_png (GTK_WIDGET (window), "servidor-somente-leitura");

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  /* Back on a database it may write, the banner goes and the import comes back. */
  {
    g_autofree char *file = ui_app_make_database ("CE");

    window = ui_app_open_on (app, file, "painel");
  }
  g_assert_false (gtk_widget_get_visible (banner));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.import-cnes");
  ui_flush ();
  g_assert_true (enabled_via (probe));
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (probe)), probe);
}

static gboolean
test_ended (gpointer data)
{
  return !coordena_server_dialog_is_testing (data) && coordena_server_dialog_get_result (data) != NULL;
}

static const char *
run_test (CoordenaServerDialog *dialog, const char *address)
{
  coordena_server_dialog_set_address (dialog, address);
  coordena_server_dialog_test (dialog);
  g_assert_true (ui_app_wait_for (test_ended, dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_test_message ("%s → %s", address, coordena_server_dialog_get_result (dialog));
  return coordena_server_dialog_get_result (dialog);
}

/* Preferências › Dados shows where the data is; its dialog tests a connection in a worker. */
static void
test_server_dialog (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *reader = NULL;
  CoordenaWindow *window;
  AdwPreferencesWindow *prefs;
  CoordenaServerDialog *dialog;
  GtkWidget *row;
  const char *result;

  if (skip_without_server ())
    return;
  uri = test_pg_new_database ("dialogo");
  cli_ok (uri, "init", "--uf", "RS", NULL);
  apply_roles (uri);
  reader = as_login (uri, "teste_leitura");

  window = ui_app_open_on (app, uri, "painel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  ui_flush ();
  prefs = ADW_PREFERENCES_WINDOW (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  adw_preferences_window_set_visible_page_name (prefs, "dados");
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  row = ui_find_named (GTK_WIDGET (prefs), "server");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Em uso: o servidor postgresql:///"));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (prefs), 3);
    png = ui_save_png (GTK_WIDGET (prefs), "preferencias-dados-servidor");

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  g_assert_true (gtk_widget_activate_action (row, "prefs.server", NULL));
  ui_flush ();
  dialog = COORDENA_SERVER_DIALOG (ui_find_toplevel (COORDENA_TYPE_SERVER_DIALOG));
  g_assert_nonnull (dialog);

  result = run_test (dialog, uri);
  g_assert_true (coordena_server_dialog_get_result_ok (dialog));
  g_assert_nonnull (strstr (result, "Servidor: PostgreSQL 15"));
  g_assert_nonnull (strstr (result, "dados do Coordena de RS"));
  g_assert_nonnull (strstr (result, "papel coordenação"));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (dialog), 3);
    png = ui_save_png (GTK_WIDGET (dialog), "servidor-dialogo-conectado");

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  result = run_test (dialog, reader);
  g_assert_true (coordena_server_dialog_get_result_ok (dialog));
  g_assert_nonnull (strstr (result, "teste_leitura tem o papel leitura"));

  /* A database that is not there: the server's refusal, in Portuguese. */
  {
    g_autofree char *missing = test_pg_missing_database ();

    result = run_test (dialog, missing);
    g_assert_false (coordena_server_dialog_get_result_ok (dialog));
    g_assert_nonnull (strstr (result, "servidor"));
    g_assert_null (strstr (result, "Connected"));
  }
  /* A server nobody runs. */
  result = run_test (dialog, "postgresql://127.0.0.1:1/coordena?connect_timeout=3");
  g_assert_false (coordena_server_dialog_get_result_ok (dialog));
  g_assert_nonnull (strstr (result, "servidor"));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (dialog), 3);
    png = ui_save_png (GTK_WIDGET (dialog), "servidor-dialogo-recusado");

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  /* A password in the address is refused before connecting, pointing to ~/.pgpass. */
  result = run_test (dialog, "postgresql://joana:segredo@127.0.0.1:1/coordena");
  g_assert_false (coordena_server_dialog_get_result_ok (dialog));
  g_assert_nonnull (strstr (result, "~/.pgpass"));
  /* A file name is not a server. */
  coordena_server_dialog_set_address (dialog, "/tmp/coordena.db");
  coordena_server_dialog_test (dialog);
  g_assert_false (coordena_server_dialog_is_testing (dialog));
  g_assert_nonnull (strstr (coordena_server_dialog_get_result (dialog), "Abrir banco de dados"));

  /* "Usar este servidor" switches the window as a recent database does, and remembers it. */
  coordena_server_dialog_set_address (dialog, reader);
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "server-use"), "clicked");
  ui_flush ();
  ui_app_wait_loaded (window);
  g_assert_cmpstr (coordena_workspace_get_path (coordena_window_get_workspace (window)), ==, reader);
  g_assert_true (coordena_server_watch_is_read_only (GTK_WINDOW (window)));
  {
    g_auto(GStrv) recent = g_settings_get_strv (coordena_application_get_settings (app), "recent-databases");

    g_assert_true (g_strv_contains ((const char *const *) recent, reader));
  }
  /* An address with a password never reaches the settings, even if something tried to keep it. */
  {
    GSettings *settings = coordena_application_get_settings (app);
    g_auto(GStrv) before = g_settings_get_strv (settings, "recent-databases");
    g_auto(GStrv) after = NULL;
    g_autofree char *current = NULL;

    coordena_databases_remember (settings, "postgresql://joana:segredo@bd.saude.rs.gov.br/coordena");
    coordena_databases_remember (settings, "service=coordena password=segredo");
    after = g_settings_get_strv (settings, "recent-databases");
    current = g_settings_get_string (settings, "database-path");
    g_assert_true (g_strv_equal ((const char *const *) before, (const char *const *) after));
    g_assert_cmpstr (current, ==, reader);
    g_assert_false (coordena_databases_has_password ("/home/joana/password-manager/coordena.db"));
    g_assert_false (coordena_databases_has_password (reader));
  }
  /* Switching closes Preferências, as opening a recent database there does, and the dialog. */
  ui_flush ();
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_SERVER_DIALOG));
}

int
main (int argc, char **argv)
{
  int status;

  ui_app_init (&argc, &argv);
  app = ui_app_new ("");

  g_test_add_func ("/servidor/others-import-reaches-window", test_others_import_reaches_window);
  g_test_add_func ("/servidor/reader-gets-read-only-window", test_reader_gets_read_only_window);
  g_test_add_func ("/servidor/server-dialog", test_server_dialog);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
