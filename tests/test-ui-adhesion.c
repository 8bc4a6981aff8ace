/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Adesão page under Xvfb, in Portuguese, on a real database per test: the offer and its
 * deadline, an ofício generated through the dialog and found stored with the next number, the
 * refusals (late date, missing profile field) shown with nothing stored, the record moving along
 * its timeline with only the allowed steps offered, printing, and the municipal follow-up. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <poppler.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/secretario.h>
#include <coordena/import.h>
#include <coordena/profile.h>

#include "coordena-adhesion-page.h"
#include "coordena-municipalities-view.h"
#include "coordena-oficio-dialog.h"
#include "coordena-oficio-files.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

#define OFFER "coordenacao-cuidado-2025"

static CoordenaApplication *app;

/* ---- Setup ------------------------------------------------------------------------------------ */

/* The user works on that day (DD/MM/AAAA): an ofício is dated today or later, a step is dated
 * today or earlier. NULL returns to the suite's day. */
static void
work_on (const char *day)
{
  GDate date;
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  g_autoptr(GDateTime) now = NULL;

  if (day == NULL)
    {
      coordena_clock_set_for_testing (NULL);
      return;
    }
  if (!coordena_parse_date (day, &date, NULL))
    return;
  now = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  coordena_clock_set_for_testing (now);
}

/* A demonstration database of Ceará with the secretariat's profile, except the key left out. */
static char *
make_database (const char *leave_out)
{
  work_on (NULL);
  return ui_app_make_profiled_database (leave_out);
}

static CoordenaWindow *
open_on (const char *db_path)
{
  return ui_app_open_on (app, db_path, "adesao");
}

static CoordenaAdhesionPage *
page_of (CoordenaWindow *window)
{
  return COORDENA_ADHESION_PAGE (coordena_window_get_page_widget (window, "adesao"));
}

static CoordenaStore *
store_of (CoordenaWindow *window)
{
  return coordena_workspace_get_store (coordena_window_get_workspace (window));
}

/* ---- Looking at widgets ----------------------------------------------------------------------- */

/* The widget with this name in any shown toplevel. */
static GtkWidget *
find_named_toplevel (const char *name)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWidget *found;

      if (gtk_widget_get_visible (l->data) && (found = ui_find_named (l->data, name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
button_offered (GtkWidget *page, const char *state)
{
  g_autofree char *name = g_strdup_printf ("step-%s", state);
  GtkWidget *button = ui_find_named (page, name);

  return button != NULL && gtk_widget_get_visible (button);
}

static void
tick_responsibilities (GtkWidget *page)
{
  /* Every responsibility's check button. */
  for (GtkWidget *w = page; w != NULL;)
    {
      if (GTK_IS_CHECK_BUTTON (w) && g_str_has_prefix (gtk_widget_get_name (w), "oficio-responsibility-"))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (w), TRUE);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == page) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
}

/* ---- The ofício dialog -------------------------------------------------------------------------- */

static void
set_date (CoordenaOficioDialog *dialog, const char *date)
{
  work_on (date);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-date")), date);
  ui_flush ();
}

static CoordenaOficioDialog *
open_dialog (CoordenaWindow *window)
{
  GtkWidget *page = GTK_WIDGET (page_of (window));
  CoordenaOficioDialog *dialog;

  g_assert_true (gtk_widget_activate_action (page, "adesao.generate", NULL));
  ui_flush ();
  dialog = COORDENA_OFICIO_DIALOG (ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG));
  g_assert_nonnull (dialog);
  /* Generating waits until each responsibility is ticked. */
  set_date (dialog, "01/12/2025");
  if (coordena_oficio_dialog_get_refusal (dialog) == NULL)
    g_assert_false (coordena_oficio_dialog_can_generate (dialog));
  tick_responsibilities (GTK_WIDGET (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG) == NULL;
}

static void
generate (CoordenaOficioDialog *dialog)
{
  g_assert_true (coordena_oficio_dialog_can_generate (dialog));
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "oficio-generate"), "clicked");
  g_assert_true (ui_app_wait_for (dialog_gone, NULL));
  ui_flush ();
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

static char *
exported_text (CoordenaStore *store, const char *numero_ano)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "oficio.pdf", NULL);
  g_autoptr(CoordenaOficioRecord) record = coordena_adhesion_export_oficio (store, numero_ano, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return pdf_text (path);
}

static guint
n_oficios (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_adhesion_list_oficios (store, &error);

  g_assert_no_error (error);
  return records->len;
}

/* ---- Tests ---------------------------------------------------------------------------------------- */

static void
test_page_shows_offer (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  GtkWidget *page = GTK_WIDGET (page_of (window));
  g_autofree char *png = NULL;

  g_assert_true (shows_text (page, "Aperfeiçoamento da Prática em Coordenação do Cuidado"));
  /* The deadline of 03/12/2025 is behind the test machine's clock: the page says so and why. */
  g_assert_true (shows_text (page, "Oferta encerrada: o prazo terminou"));
  g_assert_true (shows_text (page, "03/12/2025"));
  g_assert_true (shows_text (page, "NT Conjunta nº 441/2025, item 2.6"));
  g_assert_true (shows_text (page, "Nota Técnica Conjunta nº 436/2025"));
  g_assert_true (shows_text (page, "e-Gestor APS › Gerencia APS"));
  g_assert_true (shows_text (page, "carga horária protegida"));
  g_assert_true (shows_text (page, "Rascunho"));
  g_assert_true (shows_text (page, "Nenhum ofício gerado"));

  /* From a draft: an ofício or the e-Gestor adhesion, nothing else. */
  g_assert_true (button_offered (page, "oficio_gerado"));
  g_assert_true (button_offered (page, "aderido_egestor"));
  g_assert_false (button_offered (page, "assinado"));
  g_assert_false (button_offered (page, "enviado"));
  g_assert_false (button_offered (page, "confirmado"));

  png = ui_save_png (GTK_WIDGET (window), "adesao");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_generate_stores_next_number (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  CoordenaStore *store = store_of (window);
  CoordenaOficioDialog *dialog = open_dialog (window);
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;

  set_date (dialog, "01/12/2025");
  g_assert_true (coordena_oficio_dialog_can_generate (dialog));
  g_assert_null (coordena_oficio_dialog_get_refusal (dialog));
  /* The summary shows what will print before anything is stored. */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "OFÍCIO Nº 1/2025/COAPS/SESA"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Fortaleza, 1º de dezembro de 2025."));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "MARIA CLARA ALBUQUERQUE NOGUEIRA"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "À Senhora"));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  png = ui_save_png (GTK_WIDGET (dialog), "oficio-dialogo");
  g_assert_cmpuint (n_oficios (store), ==, 0);
  {
    /* The summary further down, as the user scrolls to it. */
    GtkWidget *scrolled = gtk_widget_get_ancestor (ui_find_named (GTK_WIDGET (dialog), "oficio-summary"), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *summary_png = NULL;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_wait_for_frames (GTK_WIDGET (dialog), 2);
    summary_png = ui_save_png (GTK_WIDGET (dialog), "oficio-dialogo-resumo");
  }

  generate (dialog);
  records = coordena_adhesion_list_oficios (store, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpuint (((CoordenaOficioRecord *) records->pdata[0])->number, ==, 1);
  text = exported_text (store, "1/2025");
  g_assert_nonnull (strstr (text, "OFÍCIO Nº 1/2025/COAPS/SESA"));
  g_assert_nonnull (strstr (text, "1º de dezembro de 2025"));

  /* The list shows it, and the record moved on. */
  g_assert_true (shows_text (GTK_WIDGET (page_of (window)), "OFÍCIO Nº 1/2025/COAPS/SESA"));
  g_assert_true (shows_text (GTK_WIDGET (page_of (window)), "Ofício gerado"));

  /* The next one takes the next number; the coordinator signs it this time. */
  dialog = open_dialog (window);
  set_date (dialog, "02/12/2025");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_find_named (GTK_WIDGET (dialog), "oficio-signer-coordenador")), TRUE);
  ui_flush ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "OFÍCIO Nº 2/2025/COAPS/SESA"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "JOSÉ WELLINGTON FAÇANHA"));
  /* The teams annex is refused on demonstration data: a letter to the Ministry lists real teams. */
  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (dialog), "oficio-annex")), TRUE);
  ui_flush ();
  g_assert_nonnull (coordena_oficio_dialog_get_refusal (dialog));
  g_assert_nonnull (strstr (coordena_oficio_dialog_get_refusal (dialog), "demonstração"));
  g_assert_false (coordena_oficio_dialog_can_generate (dialog));
  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (dialog), "oficio-annex")), FALSE);
  ui_flush ();
  generate (dialog);
  g_assert_cmpuint (n_oficios (store), ==, 2);
  g_clear_pointer (&text, g_free);
  text = exported_text (store, "2/2025");
  g_assert_nonnull (strstr (text, "OFÍCIO Nº 2/2025/COAPS/SESA"));
  g_assert_nonnull (strstr (text, "Coordenador Estadual de Atenção Primária à Saúde"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_clear_pointer (&png, g_free);
  png = ui_save_png (GTK_WIDGET (window), "adesao-oficios");
}

/* A roster imported from the CNES fixture (Rio Grande do Sul): real, not demonstration, data. */
static char *
make_imported_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "coordena.db", NULL);
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
  g_autoptr(CoordenaStore) store = coordena_store_open (path, &error);
  const CoordenaCompetencia competencias[] = { 202508 };
  CoordenaImportReport *report;

  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "RS", &error));
  report = coordena_import_cnes (store, base, competencias, G_N_ELEMENTS (competencias), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  coordena_import_report_free (report);
  ui_app_fill_profile (store, NULL);
  g_assert_true (coordena_profile_set (store, "secretaria.nome", "Secretaria da Saúde do Estado do Rio Grande do Sul", &error));
  g_assert_true (coordena_profile_set (store, "cidade", "Porto Alegre", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_annex_from_real_roster (void)
{
  g_autofree char *db = make_imported_database ();
  CoordenaWindow *window = open_on (db);
  CoordenaOficioDialog *dialog = open_dialog (window);
  g_autofree char *text = NULL;

  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (dialog), "oficio-annex")), TRUE);
  ui_flush ();
  g_assert_null (coordena_oficio_dialog_get_refusal (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "equipes, por município"));
  generate (dialog);
  text = exported_text (store_of (window), "1/2025");
  g_assert_nonnull (strstr (text, "ANEXO"));
  g_assert_nonnull (strstr (text, "0001111116"));
  g_assert_true (shows_text (GTK_WIDGET (page_of (window)), "com o anexo das equipes"));
}

static void
test_refusals_store_nothing (void)
{
  g_autofree char *db = make_database ("contato.email");
  CoordenaWindow *window = open_on (db);
  CoordenaStore *store = store_of (window);
  CoordenaOficioDialog *dialog = open_dialog (window);
  const char *refusal;
  g_autofree char *png = NULL;

  /* A day after the deadline: refused, saying the deadline and the note. */
  set_date (dialog, "04/12/2025");
  refusal = coordena_oficio_dialog_get_refusal (dialog);
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "03/12/2025"));
  g_assert_nonnull (strstr (refusal, "441/2025"));
  /* The missing profile field is named in the same list. */
  g_assert_nonnull (strstr (refusal, "E-mail da pessoa de contato"));
  g_assert_false (coordena_oficio_dialog_can_generate (dialog));
  g_assert_false (gtk_widget_get_sensitive (ui_find_named (GTK_WIDGET (dialog), "oficio-generate")));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Este ofício não pode ser gerado"));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  png = ui_save_png (GTK_WIDGET (dialog), "oficio-dialogo-recusa");

  /* Within the deadline, the missing field alone still refuses. */
  set_date (dialog, "01/12/2025");
  refusal = coordena_oficio_dialog_get_refusal (dialog);
  g_assert_nonnull (refusal);
  g_assert_null (strstr (refusal, "03/12/2025"));
  g_assert_nonnull (strstr (refusal, "E-mail da pessoa de contato"));
  g_assert_false (coordena_oficio_dialog_can_generate (dialog));

  /* Not a date at all. */
  set_date (dialog, "31/02/2025");
  g_assert_nonnull (coordena_oficio_dialog_get_refusal (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  ui_flush ();
  g_assert_cmpuint (n_oficios (store), ==, 0);
  {
    g_autoptr(CoordenaAdhesion) adhesion = coordena_adhesion_get (store, OFFER, NULL);

    g_assert_cmpint (adhesion->state, ==, COORDENA_ADHESION_RASCUNHO);
  }
}

/* The shown message dialog with this heading, or NULL. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* Answers the step dialog the page opened. */
static void
record_step (CoordenaWindow *window, const char *state, const char *date, const char *protocolo)
{
  GtkWidget *page = GTK_WIDGET (page_of (window));
  g_autofree char *name = g_strdup_printf ("step-%s", state);
  GtkWidget *button = ui_find_named (page, name);
  AdwMessageDialog *dialog;

  g_assert_nonnull (button);
  gtk_widget_activate (button);
  ui_flush ();
  dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (find_named_toplevel ("step-date"), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  if (date != NULL)
    {
      work_on (date);
      gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "step-date")), date);
    }
  if (protocolo != NULL)
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "step-protocolo")), protocolo);
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  {
    g_autofree char *png = g_strdup_printf ("adesao-passo-%s", state);

    g_free (ui_save_png (GTK_WIDGET (dialog), png));
  }
  adw_message_dialog_response (dialog, "record");
  ui_flush ();
}

static void
test_timeline_moves (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  GtkWidget *page = GTK_WIDGET (page_of (window));
  CoordenaOficioDialog *dialog = open_dialog (window);
  AdwMessageDialog *refusal;
  g_autofree char *png = NULL;

  set_date (dialog, "01/12/2025");
  generate (dialog);
  g_assert_true (button_offered (page, "assinado"));
  g_assert_true (button_offered (page, "rascunho"));
  g_assert_false (button_offered (page, "enviado"));

  record_step (window, "assinado", "02/12/2025", NULL);
  g_assert_true (shows_text (page, "Assinado"));
  g_assert_true (button_offered (page, "enviado"));
  g_assert_false (button_offered (page, "assinado"));
  g_assert_false (button_offered (page, "oficio_gerado"));

  /* Sent after the deadline: refused with the reason, the record stays signed. */
  record_step (window, "enviado", "05/12/2025", NULL);
  refusal = find_message_dialog ("O passo não foi registrado");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "03/12/2025"));
  adw_message_dialog_response (refusal, "close");
  ui_flush ();
  g_assert_true (button_offered (page, "enviado"));

  record_step (window, "enviado", "03/12/2025", NULL);
  g_assert_true (shows_text (page, "Enviado"));
  g_assert_true (button_offered (page, "confirmado"));
  g_assert_true (button_offered (page, "indeferido"));
  g_assert_false (button_offered (page, "rascunho"));

  record_step (window, "confirmado", "10/12/2025", "25000.999999/2025-01");
  g_assert_true (shows_text (page, "Confirmado"));
  g_assert_true (shows_text (page, "25000.999999/2025-01"));
  /* A final state: no step left to offer. */
  for (guint s = 0; s < COORDENA_ADHESION_N_STATES; s++)
    g_assert_false (button_offered (page, coordena_adhesion_state_to_string (s)));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  png = ui_save_png (GTK_WIDGET (window), "adesao-linha-do-tempo");
}

static void
test_print_renders_stored_pdf (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  CoordenaOficioDialog *dialog = open_dialog (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-print-XXXXXX", &error);
  g_autofree char *stored = g_build_filename (dir, "stored.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;

  set_date (dialog, "01/12/2025");
  generate (dialog);
  record = coordena_adhesion_export_oficio (store_of (window), "1/2025", stored, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coordena_print_pdf_file (GTK_WINDOW (window), stored, "Ofício 1/2025", GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            printed, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "OFÍCIO Nº 1/2025/COAPS/SESA"));
  g_assert_nonnull (strstr (text, "MARIA CLARA ALBUQUERQUE NOGUEIRA"));

  /* "Abrir" hands a fresh copy of the stored bytes to the system's viewer. */
  {
    g_autofree char *copy = g_build_filename (g_get_user_cache_dir (), "coordena", "oficios", "Oficio-1-2025.pdf", NULL);
    g_autofree char *copy_text = NULL;

    g_unlink (copy);
    gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "adesao.open", "s", "1/2025");
    ui_flush ();
    g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
    copy_text = pdf_text (copy);
    g_assert_nonnull (strstr (copy_text, "OFÍCIO Nº 1/2025/COAPS/SESA"));
  }
}

static void
test_municipal_follow_up (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  CoordenaStore *store = store_of (window);
  GtkWidget *page = GTK_WIDGET (page_of (window));
  CoordenaMunicipalitiesView *view;
  CoordenaMunicipioStatus adhered = COORDENA_MUNICIPIO_ADERIU_EGESTOR;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *long_ago = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -120);

  long_ago = g_date_time_format (then, "%d/%m/%Y");
  g_assert_true (coordena_adhesion_set_municipio (store, OFFER, "2304400", &adhered, "28/11/2025", "Ana Lima",
                                                  "Carlos Souza", long_ago, NULL, &error));
  g_assert_no_error (error);
  coordena_adhesion_page_refresh (page_of (window));
  view = COORDENA_MUNICIPALITIES_VIEW (gtk_widget_get_ancestor (ui_find_named (page, "municipios-table"), COORDENA_TYPE_MUNICIPALITIES_VIEW));
  /* The page's second tab. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK)), "municipios");
  ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* Every municipality of Ceará is there; the alert names the 90 days. */
  g_assert_cmpuint (coordena_municipalities_view_get_n_total (view), ==, 184);
  g_assert_cmpuint (coordena_municipalities_view_get_n_shown (view), ==, 184);
  g_assert_true (shows_text (GTK_WIDGET (view), "90 dias"));
  g_assert_true (shows_text (GTK_WIDGET (view), "184 de 184 municípios · 1 aderiu no e-Gestor"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_find_named (GTK_WIDGET (view), "municipios-alert")), TRUE);
  ui_flush ();
  g_assert_cmpuint (coordena_municipalities_view_get_n_shown (view), ==, 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_find_named (GTK_WIDGET (view), "municipios-alert")), FALSE);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (GTK_WIDGET (view), "municipios-status")), 2);
  ui_flush ();
  g_assert_cmpuint (coordena_municipalities_view_get_n_shown (view), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (GTK_WIDGET (view), "municipios-status")), 0);

  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (view), "municipios-search")), "fortal");
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-search"), "search-changed");
  ui_flush ();
  g_assert_cmpuint (coordena_municipalities_view_get_n_shown (view), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (view), "municipios-search")), "");
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-search"), "search-changed");
  ui_flush ();
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  png = ui_save_png (GTK_WIDGET (window), "adesao-municipios");

  /* A row opens its editor; what is saved shows in the table. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (view), "municipios-search")), "Sobral");
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-search"), "search-changed");
  ui_flush ();
  g_assert_cmpuint (coordena_municipalities_view_get_n_shown (view), ==, 1);
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-table"), "activate", 0);
  ui_flush ();
  {
    AdwMessageDialog *editor = find_message_dialog ("Sobral");
    g_autoptr(GPtrArray) list = NULL;
    gboolean found = FALSE;

    g_assert_nonnull (editor);
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "municipio-responsavel")), "Rita Farias");
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "municipio-uso")), "01/12/2025");
    adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (editor), "municipio-status")), COORDENA_MUNICIPIO_PENDENTE);
    adw_message_dialog_response (editor, "save");
    ui_flush ();
    list = coordena_adhesion_list_municipios (store, OFFER, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < list->len; i++)
      {
        CoordenaMunicipioAdesao *m = g_ptr_array_index (list, i);

        if (g_str_equal (m->nome, "Sobral"))
          {
            found = TRUE;
            g_assert_cmpint (m->status, ==, COORDENA_MUNICIPIO_PENDENTE);
            g_assert_cmpstr (m->responsavel, ==, "Rita Farias");
            g_assert_cmpstr (m->acesso_ultimo_uso, ==, "2025-12-01");
          }
      }
    g_assert_true (found);
    g_assert_true (shows_text (GTK_WIDGET (view), "1 de 184 municípios"));
  }

  /* The municipal secretary, for the notifications: a name without a gender is refused and
   * records nothing; with the gender it is kept and shown again when the editor reopens. */
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-table"), "activate", 0);
  ui_flush ();
  {
    AdwMessageDialog *editor = find_message_dialog ("Sobral");
    AdwMessageDialog *refusal;
    g_autoptr(CoordenaSecretarioMunicipal) sec = NULL;
    g_autofree char *sobral = coordena_store_lookup_ibge7 (store, "231290");

    g_assert_nonnull (editor);
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "municipio-secretario")), "Ana Beatriz Mourão");
    adw_message_dialog_response (editor, "save");
    ui_flush ();
    refusal = find_message_dialog ("O acompanhamento não foi salvo");
    g_assert_nonnull (refusal);
    g_assert_true (shows_text (GTK_WIDGET (refusal), "Escolha o gênero"));
    gtk_window_destroy (GTK_WINDOW (refusal));
    sec = coordena_secretario_municipal_get (store, sobral, &error);
    g_assert_no_error (error);
    g_assert_null (sec);
  }
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-table"), "activate", 0);
  ui_flush ();
  {
    AdwMessageDialog *editor = find_message_dialog ("Sobral");
    g_autoptr(CoordenaSecretarioMunicipal) sec = NULL;
    g_autofree char *sobral = coordena_store_lookup_ibge7 (store, "231290");

    g_assert_nonnull (editor);
    gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "municipio-secretario")), "Ana Beatriz Mourão");
    adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (editor), "municipio-genero")), 1);
    adw_message_dialog_response (editor, "save");
    ui_flush ();
    sec = coordena_secretario_municipal_get (store, sobral, &error);
    g_assert_no_error (error);
    g_assert_nonnull (sec);
    g_assert_cmpstr (sec->nome, ==, "Ana Beatriz Mourão");
    g_assert_cmpint (sec->gender, ==, 'F');
  }
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (view), "municipios-table"), "activate", 0);
  ui_flush ();
  {
    AdwMessageDialog *editor = find_message_dialog ("Sobral");

    g_assert_nonnull (editor);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "municipio-secretario"))), ==,
                     "Ana Beatriz Mourão");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (editor), "municipio-genero"))),
                      ==, 1);
    ui_wait_for_frames (GTK_WIDGET (editor), 3);
    g_free (ui_save_png (GTK_WIDGET (editor), "municipio-editor-secretario"));
    adw_message_dialog_response (editor, "cancel");
    ui_flush ();
  }
}


/* ---- The open offer of tests/fixtures, added through the page --------------------------------- */

#define OPEN_OFFER "exemplo-ficticio-2027"

static AdwMessageDialog *
open_register_dialog (CoordenaWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_of (window)), "adesao.register", NULL));
  ui_flush ();
  return ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (find_named_toplevel ("register-numero"), ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_open_offer_dated_numbered_registered (void)
{
  g_autofree char *db = make_database (NULL);
  CoordenaWindow *window = open_on (db);
  GtkWidget *page = GTK_WIDGET (page_of (window));
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "offers", OPEN_OFFER ".offer", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *text = NULL;
  g_autofree char *png = NULL;
  CoordenaOficioDialog *dialog;
  AdwMessageDialog *reg, *refusal;
  GListModel *names;

  /* "Adicionar oferta…" with a broken file: refused, with file, line, group and key. */
  broken = g_build_filename (g_get_tmp_dir (), "quebrada.offer", NULL);
  g_assert_true (g_file_set_contents (broken, "[Offer]\nId=quebrada\n", -1, NULL));
  g_assert_false (coordena_adhesion_page_add_offer_file (page_of (window), broken, &error));
  g_assert_nonnull (strstr (error->message, "quebrada.offer:"));
  g_assert_nonnull (strstr (error->message, "[Offer] Name"));
  g_clear_error (&error);
  g_unlink (broken);

  /* The fictional open offer: installed, shown first; the shipped one reads "encerrada". */
  g_assert_true (coordena_adhesion_page_add_offer_file (page_of (window), fixture, &error));
  g_assert_no_error (error);
  ui_flush ();
  g_assert_true (shows_text (page, "Curso Fictício de Qualificação da Gestão da APS"));
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (ui_find_named (page, "offer-dropdown")));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Curso Fictício de Qualificação da Gestão da APS");
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), "— encerrada"));

  /* The Data field refuses a day before today. */
  g_assert_true (gtk_widget_activate_action (page, "adesao.generate", NULL));
  ui_flush ();
  dialog = COORDENA_OFICIO_DIALOG (ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG));
  g_assert_nonnull (dialog);
  tick_responsibilities (GTK_WIDGET (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-date")), "01/12/2026");
  ui_flush ();
  g_assert_false (coordena_oficio_dialog_can_generate (dialog));
  g_assert_nonnull (strstr (coordena_oficio_dialog_get_refusal (dialog), "anterior a hoje (06/12/2026)"));
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-date")), "06/12/2026");
  ui_flush ();
  g_assert_true (coordena_oficio_dialog_can_generate (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Atenciosamente,"));

  /* The secretariat's own number, and the coordinator's closing in the preview. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-numero")), "123/2026");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_find_named (GTK_WIDGET (dialog), "oficio-signer-coordenador")), TRUE);
  ui_flush ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "OFÍCIO Nº 123/2026/COAPS/SESA"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Respeitosamente,"));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  png = ui_save_png (GTK_WIDGET (dialog), "oficio-numero-proprio");
  g_clear_pointer (&png, g_free);
  generate (dialog);
  g_assert_cmpuint (n_oficios (store_of (window)), ==, 1);
  text = exported_text (store_of (window), "123/2026");
  g_assert_nonnull (strstr (text, "OFÍCIO Nº 123/2026/COAPS/SESA"));
  g_assert_nonnull (strstr (text, "Respeitosamente,"));
  g_assert_nonnull (strstr (text, "6 de dezembro de 2026"));

  /* Registering an ofício sent outside Coordena: a date before the last step is refused. */
  reg = open_register_dialog (window);
  g_assert_nonnull (reg);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-numero")), "88/2026");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-date")), "05/12/2026");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-channel")), "SEI");
  ui_wait_for_frames (GTK_WIDGET (reg), 2);
  g_free (ui_save_png (GTK_WIDGET (reg), "adesao-registrar"));
  adw_message_dialog_response (reg, "register");
  ui_flush ();
  refusal = find_message_dialog ("O ofício não foi registrado");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "anterior à última etapa da adesão"));
  adw_message_dialog_response (refusal, "close");
  gtk_window_destroy (GTK_WINDOW (refusal));
  ui_flush ();

  reg = open_register_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-numero")), "88/2026");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-channel")), "SEI");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (reg), "register-receipt")), "25000.190001/2026-10");
  adw_message_dialog_response (reg, "register");
  ui_flush ();
  refusal = find_message_dialog ("O ofício não foi registrado");
  if (refusal != NULL)
    g_error ("refused: %s", adw_message_dialog_get_body (refusal));
  g_assert_true (shows_text (page, "OFÍCIO Nº 88/2026/COAPS/SESA"));
  g_assert_true (shows_text (page, "Enviado"));
  gtk_stack_set_visible_child_name (GTK_STACK (ui_find_named (page, "adesao-inner-stack")), "estado");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  png = ui_save_png (GTK_WIDGET (window), "adesao-registrado");

  /* The offer leaves the user's folder again, as "offers remove" does. */
  g_assert_true (coordena_offer_remove_user (OPEN_OFFER, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  /* Offers added here go to a folder of this program's own. */
  {
    g_autofree char *xdg = g_dir_make_tmp ("coordena-ui-adesao-XXXXXX", NULL);

    g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  }
  ui_app_init (&argc, &argv);
  app = ui_app_new ("");

  g_test_add_func ("/adesao/page-shows-offer", test_page_shows_offer);
  g_test_add_func ("/adesao/generate-stores-next-number", test_generate_stores_next_number);
  g_test_add_func ("/adesao/annex-from-real-roster", test_annex_from_real_roster);
  g_test_add_func ("/adesao/refusals-store-nothing", test_refusals_store_nothing);
  g_test_add_func ("/adesao/timeline-moves", test_timeline_moves);
  g_test_add_func ("/adesao/print-renders-stored-pdf", test_print_renders_stored_pdf);
  g_test_add_func ("/adesao/municipal-follow-up", test_municipal_follow_up);
  g_test_add_func ("/adesao/open-offer-dated-numbered-registered", test_open_offer_dated_numbered_registered);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
