/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferências under Xvfb, in Portuguese, on a real database per test: a profile change that
 * shows in the next ofício's PDF, a refused value that leaves the stored one, the letterhead
 * preview, a rule-set parameter changed with its act (and refused without one), an IED stratum,
 * and a backup restored after confirmation. Saves a PNG of every page, and one in dark style.
 * Closed, the window and its pages are finalized. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <poppler.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/numbering.h>
#include <coordena/profile.h>
#include <coordena/rule-override.h>
#include <coordena/ruleset.h>
#include <coordena/strata.h>

#include "coordena-oficio-dialog.h"
#include "coordena-preferences-window-private.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static char *
make_database (void)
{
  return ui_app_make_profiled_database (NULL);
}

static CoordenaWindow *
open_on (const char *db_path)
{
  return ui_app_open_on (app, db_path, "adesao");
}

static CoordenaStore *
store_of (CoordenaWindow *window)
{
  return coordena_workspace_get_store (coordena_window_get_workspace (window));
}

static AdwPreferencesWindow *
open_preferences (CoordenaWindow *window)
{
  AdwPreferencesWindow *prefs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  ui_flush ();
  prefs = ADW_PREFERENCES_WINDOW (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  return prefs;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  ui_flush ();
}

static void
collect_pages (GtkWidget *root, GPtrArray *pages)
{
  /* The window's own search results are a page too: only the five of Preferências count. */
  if (ADW_IS_PREFERENCES_PAGE (root) && g_str_has_prefix (G_OBJECT_TYPE_NAME (root), "CoordenaPreferences"))
    g_ptr_array_add (pages, g_object_ref (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_pages (child, pages);
}

/* Closed, the window and each of its five pages go away: nothing else keeps them alive. */
static void
close_and_assert_finalized (AdwPreferencesWindow *prefs)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect_pages (GTK_WIDGET (prefs), pages);
  g_assert_cmpuint (pages->len, ==, 5);
  g_object_ref (prefs);
  close_window (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);
  for (guint i = 0; i < pages->len; i++)
    g_assert_finalize_object (g_ptr_array_index (pages, i));
}

static char *
profile_value (CoordenaStore *store, const char *key)
{
  return coordena_store_get_profile (store, key);
}

static void
apply_entry (AdwPreferencesWindow *prefs, const char *key, const char *value)
{
  g_autofree char *name = g_strdup_printf ("profile-%s", key);
  GtkWidget *row = ui_find_named (GTK_WIDGET (prefs), name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_signal_emit_by_name (row, "apply");
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

static gboolean
dialog_gone (gpointer data)
{
  return ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG) == NULL;
}

/* Generates an ofício dated 01/12/2025 through the dialog; returns the PDF's text. */
static char *
generate_through_dialog (CoordenaWindow *window)
{
  GtkWidget *page = coordena_window_get_page_widget (window, "adesao");
  CoordenaOficioDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-prefs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "oficio.pdf", NULL);
  g_autofree char *numero_ano = NULL;
  const CoordenaOficioRecord *last;

  coordena_window_show_page (window, "adesao");
  ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_true (gtk_widget_activate_action (page, "adesao.generate", NULL));
  ui_flush ();
  dialog = COORDENA_OFICIO_DIALOG (ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG));
  g_assert_nonnull (dialog);
  /* Generated on the day it is dated, within the shipped offer's deadline. */
  {
    g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
    g_autoptr(GDateTime) day = g_date_time_new (tz, 2025, 12, 1, 12, 0, 0);

    coordena_clock_set_for_testing (day);
  }
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-date")), "01/12/2025");
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("oficio-responsibility-%u", i);
      GtkWidget *check = ui_find_named (GTK_WIDGET (dialog), name);

      if (check == NULL)
        break;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
  ui_flush ();
  g_assert_null (coordena_oficio_dialog_get_refusal (dialog));
  g_assert_true (coordena_oficio_dialog_can_generate (dialog));
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (dialog), "oficio-generate"), "clicked");
  g_assert_true (ui_app_wait_for (dialog_gone, NULL));
  coordena_clock_set_for_testing (NULL);

  records = coordena_adhesion_list_oficios (store_of (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >, 0);
  last = g_ptr_array_index (records, records->len - 1);
  numero_ano = g_strdup_printf ("%u/%u", last->number, last->year);
  record = coordena_adhesion_export_oficio (store_of (window), numero_ano, path, &error);
  g_assert_no_error (error);
  return pdf_text (path);
}

/* A small opaque RGB PNG, as a state's coat of arms would be. */
static char *
write_coat_of_arms (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-brasao-XXXXXX", &error);
  char *path = g_build_filename (dir, "brasao.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 72);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  /* A black shield on white. */
  for (int y = 0; y < 72; y++)
    for (int x = 0; x < 60; x++)
      {
        gboolean inside = x > 6 && x < 54 && y > 4 && (y < 44 || abs (x - 30) < 24 - (y - 44) * 24 / 28);
        guchar v = inside ? 20 : 255;

        pixels[y * stride + x * 3] = pixels[y * stride + x * 3 + 1] = pixels[y * stride + x * 3 + 2] = v;
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static void
test_profile_change_in_next_oficio (void)
{
  g_autofree char *db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *email = NULL;
  g_autofree char *png = NULL;
  GtkWidget *email_row;

  before = generate_through_dialog (window);
  g_assert_nonnull (strstr (before, "MARIA CLARA ALBUQUERQUE NOGUEIRA"));

  /* The coat of arms the chooser would store. */
  {
    g_autofree char *png_path = write_coat_of_arms ();
    g_autoptr(GError) error = NULL;

    g_assert_true (coordena_profile_set (store_of (window), "brasao", png_path, &error));
    g_assert_no_error (error);
  }
  prefs = open_preferences (window);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_named (GTK_WIDGET (prefs), "profile-brasao"))), "PNG"));
  apply_entry (prefs, "secretario.nome", "Ana Beatriz Figueiredo Lopes");
  apply_entry (prefs, "subunidade", "Coordenadoria de Políticas de Atenção Primária");
  /* The Secretary's closing shows its default, "Atenciosamente", until changed. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (prefs), "profile-secretario.fecho"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (prefs), "profile-coordenador.fecho"))), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (prefs), "profile-secretario.fecho")), 1);
  ui_flush ();
  {
    g_autofree char *v = profile_value (store_of (window), "secretario.nome");
    g_autofree char *f = profile_value (store_of (window), "secretario.fecho");

    g_assert_cmpstr (v, ==, "Ana Beatriz Figueiredo Lopes");
    g_assert_cmpstr (f, ==, "Respeitosamente");
  }

  /* A value the profile refuses leaves the stored one and marks the row. */
  apply_entry (prefs, "email", "coaps-sem-arroba");
  email = profile_value (store_of (window), "email");
  g_assert_cmpstr (email, ==, "coaps@saude.ce.gov.br");
  email_row = ui_find_named (GTK_WIDGET (prefs), "profile-email");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));

  /* The counter's next number: it may jump ahead, and the address block of the decree. */
  {
    GDate today;
    guint next = 0;
    GtkWidget *counter = ui_find_named (GTK_WIDGET (prefs), "profile-numeracao.proximo");

    coordena_clock_today (&today);
    g_assert_nonnull (counter);
    apply_entry (prefs, "numeracao.proximo", "40");
    g_assert_true (coordena_numbering_peek_next (store_of (window), COORDENA_SEQUENCE_OFICIO, g_date_get_year (&today),
                                                 &next, NULL));
    g_assert_cmpuint (next, ==, 40);
    g_assert_false (gtk_widget_has_css_class (counter, "error"));
    apply_entry (prefs, "numeracao.proximo", "0");
    g_assert_true (gtk_widget_has_css_class (counter, "error"));
    adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (prefs), "profile-enderecamento")), 1);
    ui_flush ();
    {
      g_autofree char *e = profile_value (store_of (window), "enderecamento");

      g_assert_cmpstr (e, ==, "decreto");
    }
  }
  apply_entry (prefs, "email", "coaps@saude.ce.gov.br");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));

  /* The letterhead preview is drawn from the profile. */
  g_assert_true (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (prefs), "header-preview")));
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  png = ui_save_png (GTK_WIDGET (prefs), "preferencias-perfil");
  close_window (GTK_WINDOW (prefs));

  after = generate_through_dialog (window);
  g_assert_nonnull (strstr (after, "ANA BEATRIZ FIGUEIREDO LOPES"));
  g_assert_null (strstr (after, "MARIA CLARA"));
  g_assert_nonnull (strstr (after, "Coordenadoria de Políticas de Atenção Primária"));
  g_assert_nonnull (strstr (after, "Respeitosamente,"));
}

static void
test_pages_and_dark_style (void)
{
  g_autofree char *db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs = open_preferences (window);
  static const char *const pages[][2] = {
    { "signatarios", "preferencias-signatarios" },
    { "valores", "preferencias-valores" },
    { "regras", "preferencias-regras" },
    { "dados", "preferencias-dados" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = NULL;

      adw_preferences_window_set_visible_page_name (prefs, pages[i][0]);
      ui_wait_for_frames (GTK_WIDGET (prefs), 2);
      png = ui_save_png (GTK_WIDGET (prefs), pages[i][1]);
      g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  /* The signers' groups are named after the roles the offer allows. */
  adw_preferences_window_set_visible_page_name (prefs, "signatarios");
  g_assert_nonnull (ui_find_named (GTK_WIDGET (prefs), "profile-coordenador.genero"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  adw_preferences_window_set_visible_page_name (prefs, "perfil");
  ui_wait_for_frames (GTK_WIDGET (prefs), 3);
  {
    g_autofree char *png = ui_save_png (GTK_WIDGET (prefs), "preferencias-perfil-escuro");
    g_autofree char *page_png = NULL;

    close_and_assert_finalized (prefs);
    coordena_window_show_page (window, "adesao");
    ui_wait_for_frames (GTK_WIDGET (window), 3);
    page_png = ui_save_png (GTK_WIDGET (window), "adesao-escuro");
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ui_flush ();
}

static const CoordenaRuleSet *
find_set (CoordenaRuleCatalog *catalog, const char *id)
{
  const CoordenaRuleSet *set = coordena_rule_catalog_find (catalog, id);

  g_assert_nonnull (set);
  return set;
}

static void
answer_override (const char *value, const char *act)
{
  GtkWidget *value_row = NULL, *act_row = NULL;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && (value_row = ui_find_named (l->data, "override-value")) != NULL)
      {
        dialog = l->data;
        act_row = ui_find_named (l->data, "override-act");
        break;
      }
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (act_row), act);
  adw_message_dialog_response (dialog, "change");
  ui_flush ();
}

static void
test_rule_override_with_act (void)
{
  g_autofree char *leftover = g_build_filename (g_get_user_data_dir (), "coordena", "rules", "portaria-6907-2025.ruleset", NULL);
  g_autofree char *db = NULL;

  /* A copy left by an interrupted run would change every forecast here. */
  g_unlink (leftover);
  db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs = open_preferences (window);
  g_autoptr(CoordenaRuleCatalog) catalog = NULL;
  g_autoptr(CoordenaRuleCatalog) changed = NULL;
  g_auto(GStrv) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  adw_preferences_window_set_visible_page_name (prefs, "regras");
  ui_wait_for_frames (GTK_WIDGET (prefs), 1);
  button = ui_find_named (GTK_WIDGET (prefs), "change-portaria-6907-2025-max_total_hours");
  g_assert_nonnull (button);

  /* Without an act the change is refused and nothing is written. */
  g_signal_emit_by_name (button, "clicked");
  ui_flush ();
  answer_override ("40", "");
  catalog = coordena_rule_catalog_load (&error);
  g_assert_no_error (error);
  g_assert_false (find_set (catalog, "portaria-6907-2025")->user_file);
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    gboolean refused = FALSE;

    for (GList *l = windows; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
          && g_strcmp0 (adw_message_dialog_get_heading (l->data), "A regra não foi alterada") == 0)
        {
          refused = strstr (adw_message_dialog_get_body (l->data), "ato") != NULL;
          adw_message_dialog_response (l->data, "close");
        }
    g_assert_true (refused);
  }

  button = ui_find_named (GTK_WIDGET (prefs), "change-portaria-6907-2025-max_total_hours");
  g_signal_emit_by_name (button, "clicked");
  ui_flush ();
  answer_override ("40", "Portaria GM/MS nº 9.999, de 1º de outubro de 2026");
  changed = coordena_rule_catalog_load (&error);
  g_assert_no_error (error);
  g_assert_true (find_set (changed, "portaria-6907-2025")->user_file);
  g_assert_cmpuint (find_set (changed, "portaria-6907-2025")->max_total_hours, ==, 40);
  g_assert_cmpint (find_set (changed, "portaria-6907-2025")->max_total_hours_confidence, ==, COORDENA_CONFIDENCE_A);
  changes = coordena_rule_override_list (find_set (changed, "portaria-6907-2025"));
  g_assert_nonnull (changes[0]);
  g_assert_nonnull (strstr (changes[0], "Portaria GM/MS nº 9.999"));

  /* The page shows the change with its act, and undoing it brings the shipped set back. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find_named (GTK_WIDGET (prefs), "portaria-6907-2025")), TRUE);
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  {
    g_autofree char *png = ui_save_png (GTK_WIDGET (prefs), "preferencias-regras-alterada");
  }
  g_assert_true (coordena_rule_override_reset (find_set (changed, "portaria-6907-2025"), &error));
  g_assert_no_error (error);
  close_and_assert_finalized (prefs);
}

static GtkWidget *
find_toplevel_named (const char *name)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
signer_restored (gpointer store)
{
  g_autofree char *name = profile_value (store, "secretario.nome");

  return g_strcmp0 (name, "Maria Clara Albuquerque Nogueira") == 0;
}

/* The dialog that names the ofícios a restored copy does not know, NULL until it shows. */
static gpointer
restore_note_shown (gpointer unused)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), "Ofícios emitidos depois desta cópia") == 0)
      return l->data;
  return NULL;
}

static gboolean
restore_note_is_shown (gpointer unused)
{
  return restore_note_shown (NULL) != NULL;
}

static void
test_stratum_and_backup_restore (void)
{
  g_autofree char *db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs = open_preferences (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-backup-XXXXXX", &error);
  g_autofree char *backup = g_build_filename (dir, "copia.db", NULL);
  g_autoptr(GPtrArray) strata = NULL;
  GtkWidget *list, *row = NULL;
  AdwMessageDialog *confirm;

  /* Fortaleza into stratum 2. */
  adw_preferences_window_set_visible_page_name (prefs, "valores");
  list = ui_find_named (GTK_WIDGET (prefs), "strata-list");
  for (GtkWidget *r = gtk_widget_get_first_child (list); r != NULL; r = gtk_widget_get_next_sibling (r))
    if (ADW_IS_COMBO_ROW (r) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)), "Fortaleza") == 0)
      row = r;
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  ui_flush ();
  strata = coordena_strata_list (store_of (window), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < strata->len; i++)
    {
      CoordenaMunicipioStratum *m = g_ptr_array_index (strata, i);

      if (g_str_equal (m->nome, "Fortaleza"))
        g_assert_cmpuint (m->stratum, ==, 2);
    }

  /* A backup, a change, then the backup back after confirmation. */
  coordena_preferences_window_backup_to (COORDENA_PREFERENCES_WINDOW (prefs), backup);
  g_assert_true (ui_app_wait_for (file_exists, backup));
  ui_flush ();
  apply_entry (prefs, "secretario.nome", "Outra Pessoa");
  /* An ofício issued after the copy: the restore will say its number stays spent. */
  {
    g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
    g_autoptr(GDateTime) day = g_date_time_new (tz, 2025, 12, 1, 12, 0, 0);
    g_autoptr(CoordenaOffer) offer = coordena_offer_find ("coordenacao-cuidado-2025", &error);
    g_autoptr(CoordenaOficioRecord) record = NULL;
    CoordenaOficioRequest request = { 0 };

    g_assert_no_error (error);
    coordena_clock_set_for_testing (day);
    request.offer = offer;
    request.signer = "secretario";
    coordena_clock_today (&request.date);
    record = coordena_adhesion_generate_oficio (store_of (window), &request, NULL, NULL, &error);
    g_assert_no_error (error);
    coordena_clock_set_for_testing (NULL);
  }
  coordena_preferences_window_confirm_restore (COORDENA_PREFERENCES_WINDOW (prefs), backup);
  ui_flush ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel_named ("restore-confirm"));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "copia.db"));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (confirm), 2);
    png = ui_save_png (GTK_WIDGET (confirm), "preferencias-restaurar");
  }
  adw_message_dialog_response (confirm, "restore");
  g_assert_true (ui_app_wait_for (signer_restored, store_of (window)));
  {
    AdwMessageDialog *note;

    g_assert_true (ui_app_wait_for (restore_note_is_shown, NULL));
    note = restore_note_shown (NULL);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (note), "o ofício 1/2025 foi emitido depois desta cópia"));
    gtk_window_destroy (GTK_WINDOW (note));
  }
  close_window (GTK_WINDOW (prefs));
}

static gboolean
state_is_rs (gpointer store)
{
  g_autofree char *uf = coordena_store_get_uf (store);

  return g_strcmp0 (uf, "RS") == 0;
}

/* A copy of another state's database is restored only after a dialog that says so. */
static void
test_restore_other_state (void)
{
  g_autofree char *db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs = open_preferences (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-backup-XXXXXX", &error);
  g_autofree char *other = g_build_filename (dir, "rs.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "copia-rs.db", NULL);
  g_autofree char *ours = coordena_store_get_uf (store_of (window));
  AdwMessageDialog *confirm;

  g_assert_cmpstr (ours, !=, "RS");
  {
    g_autoptr(CoordenaStore) rs = coordena_store_open (other, &error);

    g_assert_no_error (error);
    g_assert_true (coordena_store_init_uf (rs, "RS", &error));
    g_assert_true (coordena_store_backup (rs, backup, &error));
    g_assert_no_error (error);
  }
  coordena_preferences_window_confirm_restore (COORDENA_PREFERENCES_WINDOW (prefs), backup);
  ui_flush ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel_named ("restore-confirm"));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Restaurar a cópia de outro estado?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "de RS"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), ours));
  g_assert_true (adw_message_dialog_has_response (confirm, "restore-other-state"));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (confirm), 2);
    png = ui_save_png (GTK_WIDGET (confirm), "preferencias-restaurar-outro-estado");
  }
  adw_message_dialog_response (confirm, "restore-other-state");
  g_assert_true (ui_app_wait_for (state_is_rs, store_of (window)));
  close_window (GTK_WINDOW (prefs));
}

static AdwActionRow *
find_action_row (GtkWidget *root, const char *action)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_action_row (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_says_waiting (gpointer row)
{
  return g_strcmp0 (adw_action_row_get_subtitle (row), "Aguardando outro programa liberar o banco de dados…") == 0;
}

static GtkWidget *
find_dialog_with_heading (const char *heading)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static gboolean
refusal_shown (gpointer data)
{
  return find_dialog_with_heading ("A cópia de segurança não foi restaurada") != NULL;
}

/* Another program (the sqlite3 shell) holds the database: the restore says it waits, then gives
 * up within seconds with a message that names the program; the database is untouched. */
static void
test_restore_waits_in_words (void)
{
  g_autofree char *db = make_database ();
  CoordenaWindow *window = open_on (db);
  AdwPreferencesWindow *prefs = open_preferences (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-backup-XXXXXX", &error);
  g_autofree char *backup = g_build_filename (dir, "copia.db", NULL);
  const char *script = ".timeout 10000\nBEGIN IMMEDIATE;\nINSERT INTO profile (key, value) VALUES ('x', 'y');\n"
                       "SELECT 'pronto';\n";
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  AdwActionRow *row = find_action_row (GTK_WIDGET (prefs), "prefs.restore");
  AdwMessageDialog *confirm;
  GtkWidget *refusal;
  gint64 start;

  g_assert_nonnull (row);
  g_assert_true (coordena_store_backup (store_of (window), backup, &error));
  g_assert_no_error (error);
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "sqlite3", db, NULL);
  g_assert_no_error (error);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (shell), script, strlen (script), NULL, NULL, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (shell));
  while (line == NULL || !g_str_equal (line, "pronto"))
    {
      g_free (line);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }

  adw_preferences_window_set_visible_page_name (prefs, "dados");
  coordena_preferences_window_confirm_restore (COORDENA_PREFERENCES_WINDOW (prefs), backup);
  ui_flush ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel_named ("restore-confirm"));
  g_assert_nonnull (confirm);
  start = g_get_monotonic_time ();
  adw_message_dialog_response (confirm, "restore");
  g_assert_true (ui_app_wait_for (row_says_waiting, row));
  {
    g_autofree char *png = NULL;

    ui_wait_for_frames (GTK_WIDGET (prefs), 2);
    png = ui_save_png (GTK_WIDGET (prefs), "preferencias-restaurar-aguardando");
  }
  g_assert_true (ui_app_wait_for (refusal_shown, NULL));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  refusal = find_dialog_with_heading ("A cópia de segurança não foi restaurada");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)),
                            "está em uso por outro programa, sqlite3 (processo"));
  g_assert_false (row_says_waiting (row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (refusal), "close");

  g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (shell, NULL, &error);
  g_assert_no_error (error);
  close_window (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  int status;

  ui_app_init (&argc, &argv);
  app = ui_app_new ("");

  g_test_add_func ("/preferencias/profile-change-in-next-oficio", test_profile_change_in_next_oficio);
  g_test_add_func ("/preferencias/pages-and-dark-style", test_pages_and_dark_style);
  g_test_add_func ("/preferencias/rule-override-with-act", test_rule_override_with_act);
  g_test_add_func ("/preferencias/stratum-and-backup-restore", test_stratum_and_backup_restore);
  g_test_add_func ("/preferencias/restore-other-state", test_restore_other_state);
  g_test_add_func ("/preferencias/restore-waits-in-words", test_restore_waits_in_words);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
