/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Notificar municípios…" under Xvfb, in Portuguese, on a real database: the municipalities
 * with teams suspended or at risk preselected with their totals, one unticked, the preview, the
 * generation through the worker (each PDF in the folder and in the database, one combined PDF),
 * and the Painel's follow-up after a newer competência where some teams were fixed and some not. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <poppler.h>
#include <sqlite3.h>

#include <coordena/coordena.h>
#include <coordena/import.h>
#include <coordena/notification.h>
#include <coordena/profile.h>

#include "coordena-adhesion-page.h"
#include "coordena-municipalities-view.h"
#include "coordena-notify-dialog-private.h"
#include "coordena-import-dialog.h"
#include "coordena-teams-page-private.h"
#include "coordena-dashboard-page.h"
#include "coordena-team-detail.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

#define FORTALEZA "2304400"
#define CAUCAIA   "2303709"

static CoordenaApplication *app;

static gboolean
import_finished (gpointer data)
{
  return !coordena_import_dialog_is_running (data);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "notificacao", name, NULL);
}

/* Ceará with the profile and the roster of 10–11/2026: teams suspended, at risk and complete in
 * Fortaleza and Caucaia, complete ones in Sobral. */
static char *
make_database (void)
{
  g_autofree char *path = ui_app_make_database (NULL);
  g_autofree char *roster = fixture ("roster-1011.csv");
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  store = coordena_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "CE", &error));
  ui_app_fill_profile (store, NULL);
  report = coordena_import_roster_csv (store, roster, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
shows_text (GtkWidget *root, const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Labels and the column view's inscriptions. */
static gboolean
shows_cell (GtkWidget *root, const char *text)
{
  const char *shown = GTK_IS_INSCRIPTION (root) ? gtk_inscription_get_text (GTK_INSCRIPTION (root)) : NULL;

  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_cell (child, text))
      return TRUE;
  return FALSE;
}

static gint64
count (const char *db, const char *query)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, query, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static gboolean
generated (gpointer data)
{
  CoordenaNotifyDialog *dialog = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (ui_find_named (GTK_WIDGET (dialog), "notify-done"), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "done") == 0;
}

static gboolean
card_shows_follow_up (gpointer data)
{
  return shows_text (GTK_WIDGET (data), "1 regularizada");
}

static CoordenaNotifyDialog *
open_dialog (CoordenaWindow *window, const char *page)
{
  GtkWidget *button = ui_find_named (coordena_window_get_page_widget (window, page), "notify-municipios");
  CoordenaNotifyDialog *dialog;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_flush ();
  dialog = COORDENA_NOTIFY_DIALOG (ui_find_toplevel (COORDENA_TYPE_NOTIFY_DIALOG));
  g_assert_nonnull (dialog);
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

static gboolean
one_municipio_shown (gpointer view)
{
  return coordena_municipalities_view_get_n_shown (COORDENA_MUNICIPALITIES_VIEW (view)) == 1;
}

static void
test_notify_then_follow_up (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *folder = ui_app_temp_dir ("notificacoes");
  g_autofree char *later = fixture ("roster-101112.csv");
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  GtkWidget *painel = coordena_window_get_page_widget (window, "painel");
  CoordenaNotifyDialog *dialog;
  g_auto(GStrv) ticked = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  const char *entry;

  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (shows_text (painel, "Nenhum município notificado"));

  /* The forecast's municipalities, ticked, with their totals; Sobral (all complete) is not offered. */
  dialog = open_dialog (window, "painel");
  g_assert_cmpuint (coordena_notify_dialog_get_n_municipios (dialog), ==, 2);
  ticked = coordena_notify_dialog_get_ticked (dialog);
  g_assert_cmpuint (g_strv_length (ticked), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) ticked, CAUCAIA));
  g_assert_true (g_strv_contains ((const char *const *) ticked, FORTALEZA));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "2 suspensas, 1 em risco"));
  /* Caucaia: each count in its own number, never "0 suspensas". */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "0 suspensa, 1 em risco"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Sobral"));

  /* No folder yet: refused before anything is written, in words. */
  g_assert_false (coordena_notify_dialog_can_generate (dialog));
  g_assert_nonnull (strstr (coordena_notify_dialog_get_refusal (dialog), "pasta"));
  /* A date before today is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "notify-date")), "05/12/2026");
  coordena_notify_dialog_set_folder (dialog, folder);
  g_assert_false (coordena_notify_dialog_can_generate (dialog));
  g_assert_nonnull (strstr (coordena_notify_dialog_get_refusal (dialog), "antes de hoje"));
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "notify-date")), "06/12/2026");
  g_assert_true (coordena_notify_dialog_can_generate (dialog));

  /* The preview of one letter, unnumbered. */
  g_assert_cmpuint (coordena_notify_dialog_preview (dialog), >=, 1);
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  png = ui_save_png (GTK_WIDGET (dialog), "notificar-municipios");
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao"), ==, 0);

  /* Caucaia unticked: only Fortaleza's letter is made. */
  g_assert_true (coordena_notify_dialog_set_ticked (dialog, CAUCAIA, FALSE));
  g_assert_true (coordena_notify_dialog_can_generate (dialog));
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "notify-generate"), "clicked");
  g_assert_true (ui_app_wait_for (generated, dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_clear_pointer (&png, g_free);
  png = ui_save_png (GTK_WIDGET (dialog), "notificar-municipios-feito");

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_strdup (entry));
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao"), ==, 1);
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao WHERE ibge7 = '" FORTALEZA "'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao_equipe"), ==, 3);
  {
    g_autofree char *combined_text = pdf_text (coordena_notify_dialog_get_combined (dialog));

    g_assert_nonnull (strstr (combined_text, "Secretaria Municipal de Saúde de Fortaleza"));
    g_assert_null (strstr (combined_text, "Caucaia"));
    g_assert_nonnull (strstr (combined_text, "0001000003"));
  }
  for (guint i = 0; i < files->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (files, i), FORTALEZA "-notificacao-"))
      {
        g_autofree char *path = g_build_filename (folder, g_ptr_array_index (files, i), NULL);
        g_autofree char *text = pdf_text (path);

        g_assert_nonnull (strstr (text, "OFÍCIO Nº 1/2026/"));
      }
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();

  /* The newer competência: 0001000002 fixed, 0001000003 still without an ACS (the step
   * happened: it was due by 12/2026), 0001000004 still without a nurse. */
  /* Imported through the window's import dialog, which runs the follow-up as `coordena-cli import`
   * does and says what it found. */
  {
    CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
    CoordenaImportDialog *importer = coordena_import_dialog_new (GTK_WINDOW (window), workspace,
                                                                 COORDENA_IMPORT_ROSTER_CSV, later, NULL, 0);

    coordena_import_dialog_start (importer);
    g_assert_true (ui_app_wait_for (import_finished, importer));
    g_assert_true (coordena_import_dialog_succeeded (importer));
    g_assert_nonnull (strstr (coordena_import_dialog_get_report (importer),
                              "Equipes notificadas: 1 regularizada, 1 pendente, 1 suspensa"));
    g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao_equipe WHERE situacao = 'regularizada'"), ==, 1);
    gtk_window_destroy (GTK_WINDOW (importer));
    ui_app_wait_loaded (window);
    /* The Painel, refreshing on the competência it showed before the import, does not undo the
     * follow-up: one check of 12/2026 in the audit log, none back to "aguardando". */
    g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao_equipe WHERE situacao = 'regularizada'"), ==, 1);
    g_assert_cmpint (count (db, "SELECT COUNT (*) FROM auditoria WHERE acao = 'notificacao-acompanhamento'"), ==, 1);
  }
  g_assert_true (ui_app_wait_for (card_shows_follow_up, ui_find_named (painel, "notify-card")));
  g_assert_true (shows_text (painel, "3 equipes notificadas: 1 regularizada, 1 pendente, 1 suspensa"));
  g_assert_true (shows_text (painel, "R$ 162.000,00"));
  g_assert_true (shows_text (painel, "0001000003"));
  g_assert_nonnull (ui_find_named (painel, "notify-overdue"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_clear_pointer (&png, g_free);
  png = ui_save_png (GTK_WIDGET (window), "painel-notificacoes");

  /* The team still pending at its "corrigir até" is also an alert, first in the Painel's list, and
   * opens the team in Equipes. */
  {
    GtkListBox *alerts = coordena_dashboard_page_get_alerts (COORDENA_DASHBOARD_PAGE (painel));
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (alerts, 0);
    const char *ine;
    CoordenaTeamsPage *equipes;
    CoordenaTeamItem *shown;

    g_assert_nonnull (first);
    g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "alert-notified");
    ine = g_object_get_data (G_OBJECT (first), "ine");
    g_assert_nonnull (ine);
    g_assert_true (shows_text (GTK_WIDGET (first), "Notificada, não corrigida até"));
    g_assert_true (shows_text (GTK_WIDGET (first), "Fortaleza"));
    g_assert_true (shows_text (GTK_WIDGET (first), "OFÍCIO Nº 1/2026/"));
    g_assert_true (shows_text (ui_find_named (painel, "notify-overdue"), ine));
    g_signal_emit_by_name (first, "activate");
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
    equipes = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
    shown = coordena_team_detail_get_item (COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (equipes)));
    g_assert_nonnull (shown);
    g_assert_cmpstr (coordena_team_item_get_ine (shown), ==, ine);
    coordena_window_show_page (window, "painel");
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_clear_pointer (&png, g_free);
    png = ui_save_png (GTK_WIDGET (window), "painel-alerta-notificada");
  }

  /* The municipal follow-up tab: Fortaleza's notified teams as they stand now. */
  {
    GtkWidget *adesao = coordena_window_get_page_widget (window, "adesao");
    GtkWidget *view;

    coordena_window_show_page (window, "adesao");
    coordena_adhesion_page_refresh (COORDENA_ADHESION_PAGE (adesao));
    view = gtk_widget_get_ancestor (ui_find_named (adesao, "municipios-search"), COORDENA_TYPE_MUNICIPALITIES_VIEW);
    g_assert_nonnull (view);
    gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK)), "municipios");
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (adesao, "municipios-search")), "Fortaleza");
    /* A search entry applies its text after a short pause, longer on a busy machine. */
    g_assert_true (ui_app_wait_for (one_municipio_shown, view));
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_cmpuint (coordena_municipalities_view_get_n_shown (COORDENA_MUNICIPALITIES_VIEW (view)), ==, 1);
    g_assert_true (shows_cell (view, "3: 1 regularizada, 1 pendente, 1 suspensa"));
    g_clear_pointer (&png, g_free);
    png = ui_save_png (GTK_WIDGET (window), "municipios-notificacoes");
  }

  /* The Previsão page offers the same. */
  coordena_window_show_page (window, "previsao");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  dialog = open_dialog (window, "previsao");
  g_assert_cmpuint (coordena_notify_dialog_get_n_municipios (dialog), >=, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
}

static gboolean
back_on_form (gpointer data)
{
  CoordenaNotifyDialog *dialog = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (ui_find_named (GTK_WIDGET (dialog), "notify-done"), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "form") == 0
         && coordena_notify_dialog_get_refusal (dialog) != NULL;
}

/* Cancel while the letters are being made: nothing is stored and the folder stays empty. */
static void
test_cancel_stores_nothing (void)
{
  g_autofree char *db = ui_app_make_profiled_database (NULL);
  g_autofree char *folder = ui_app_temp_dir ("canceladas");
  CoordenaWindow *window = ui_app_open_on (app, db, "previsao");
  CoordenaNotifyDialog *dialog = open_dialog (window, "previsao");
  g_autoptr(GDir) dir = NULL;

  /* The demonstration roster: dozens of municipalities to write to. */
  g_assert_cmpuint (coordena_notify_dialog_get_n_municipios (dialog), >, 20);
  coordena_notify_dialog_set_folder (dialog, folder);
  g_assert_true (coordena_notify_dialog_can_generate (dialog));
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "notify-generate"), "clicked");
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "notify-cancel"), "clicked");
  g_assert_true (ui_app_wait_for (back_on_form, dialog));
  g_assert_nonnull (strstr (coordena_notify_dialog_get_refusal (dialog), "Cancelado"));
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM notificacao"), ==, 0);
  g_assert_cmpint (count (db, "SELECT COUNT (*) FROM numero_emitido"), ==, 0);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
}

int
main (int argc, char **argv)
{
  int status;

  ui_app_init (&argc, &argv);
  app = ui_app_new ("");

  g_test_add_func ("/notificacao/notify-then-follow-up", test_notify_then_follow_up);
  g_test_add_func ("/notificacao/cancel-stores-nothing", test_cancel_stores_nothing);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
