/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the screens ask of the core before and around an ofício: the preview takes no number and
 * refuses what generation would, the letterhead shows whatever the profile holds, rule-set
 * parameters change only with an act, and the municipalities' IED strata are listed. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>
#include <coordena/rule-override.h>
#include <coordena/ruleset.h>
#include <coordena/strata.h>

#include "test-utils.h"

static const char *const profile[][2] = {
  { "secretaria.nome", "Secretaria da Saúde do Estado do Ceará" },
  { "secretaria.sigla", "COAPS/SESA" },
  { "cidade", "Fortaleza" },
  { "endereco", "Av. Almirante Barroso, 600, 60060-440 Fortaleza/CE" },
  { "telefone", "(85) 3101-5123" },
  { "email", "coaps@saude.ce.gov.br" },
  { "secretario.nome", "Maria Clara Albuquerque Nogueira" },
  { "secretario.genero", "F" },
  { "coordenador.nome", "José Wellington Façanha" },
  { "coordenador.genero", "M" },
  { "contato.nome", "João Pedro Sampaio" },
  { "contato.email", "joao.sampaio@saude.ce.gov.br" },
  { "contato.telefone", "(85) 3101-5200" },
};

typedef struct {
  char *dir;
  CoordenaStore *store;
  CoordenaOffer *offer;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("coordena-preview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "coordena.db", NULL);
  f->store = coordena_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (f->store, "CE", &error));
  for (guint i = 0; data == NULL && i < G_N_ELEMENTS (profile); i++)
    g_assert_true (coordena_profile_set (f->store, profile[i][0], profile[i][1], &error));
  g_assert_no_error (error);
  f->offer = coordena_offer_find ("coordenacao-cuidado-2025", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "coordena.db", NULL);

  coordena_offer_free (f->offer);
  coordena_store_close (f->store);
  g_unlink (db);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* "Today" for the code under test: an ofício is dated today or later, never before. */
static void
set_today (int day, int month, int year)
{
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  g_autoptr(GDateTime) now = g_date_time_new (tz, year, month, day, 12, 0, 0);

  coordena_clock_set_for_testing (now);
}

/* A request dated day/month/year, generated on that same day. */
static void
request_for (Fixture *f, CoordenaOficioRequest *request, const char *signer, int day, int month, int year)
{
  set_today (day, month, year);
  memset (request, 0, sizeof *request);
  request->offer = f->offer;
  request->signer = signer;
  g_date_clear (&request->date, 1);
  g_date_set_dmy (&request->date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* How many ofícios the store holds. */
static guint
n_oficios (CoordenaStore *store)
{
  g_autoptr(GPtrArray) list = coordena_adhesion_list_oficios (store, NULL);

  return list != NULL ? list->len : G_MAXUINT;
}

static void
test_preview_takes_no_number (Fixture *f, gconstpointer data)
{
  CoordenaOficioRequest request;
  g_autoptr(CoordenaOficioPreview) first = NULL;
  g_autoptr(CoordenaOficioPreview) again = NULL;
  g_autoptr(CoordenaOficioPreview) next = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint number = 0;

  request_for (f, &request, "secretario", 1, 12, 2025);
  first = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->number, ==, 1);
  g_assert_cmpstr (first->doc->identification, ==, "OFÍCIO Nº 1/2025/COAPS/SESA");
  g_assert_cmpstr (first->doc->place_date, ==, "Fortaleza, 1º de dezembro de 2025.");
  g_assert_cmpstr (first->signer_role, ==, "Secretário(a) Estadual de Saúde");

  /* Looking twice does not move the numbering. */
  again = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->number, ==, 1);
  g_assert_cmpuint (n_oficios (f->store), ==, 0);

  record = coordena_adhesion_generate_oficio (f->store, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->number, ==, 1);
  g_assert_true (coordena_oficio_next_number (f->store, 2025, &number, &error));
  g_assert_cmpuint (number, ==, 2);
  g_assert_true (coordena_oficio_next_number (f->store, 2026, &number, &error));
  g_assert_cmpuint (number, ==, 1);

  request_for (f, &request, "coordenador", 2, 12, 2025);
  next = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next->number, ==, 2);
  g_assert_cmpstr (next->doc->signer_cargo, ==, "Coordenador Estadual de Atenção Primária à Saúde");
}

static void
test_preview_refuses_like_generation (Fixture *f, gconstpointer data)
{
  CoordenaOficioRequest request;
  g_autoptr(CoordenaOficioPreview) late = NULL;
  g_autoptr(CoordenaOficioPreview) bad_signer = NULL;
  g_autoptr(CoordenaOficioPreview) from_signed = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  request_for (f, &request, "secretario", 4, 12, 2025);
  late = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_null (late);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "03/12/2025"));
  g_assert_nonnull (strstr (error->message, "441/2025"));
  g_clear_error (&error);

  request_for (f, &request, "chefe-de-gabinete", 1, 12, 2025);
  bad_signer = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_null (bad_signer);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);

  /* Once signed, the record takes no new ofício: the preview says so before the user tries. */
  request_for (f, &request, "secretario", 1, 12, 2025);
  record = coordena_adhesion_generate_oficio (f->store, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, 12, 2025);
  set_today (2, 12, 2025);
  g_assert_true (coordena_adhesion_set_state (f->store, f->offer, COORDENA_ADHESION_ASSINADO, &day, NULL, NULL, &error));
  g_assert_no_error (error);
  from_signed = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_null (from_signed);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpuint (n_oficios (f->store), ==, 1);
}

static void
test_preview_lists_missing_fields (Fixture *f, gconstpointer data)
{
  CoordenaOficioRequest request;
  g_autoptr(CoordenaOficioPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  request_for (f, &request, "secretario", 1, 12, 2025);
  preview = coordena_oficio_preview (f->store, &request, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "secretaria.nome"));
  g_assert_nonnull (strstr (error->message, "contato.email"));
}

static void
test_letterhead_from_partial_profile (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gsize size = 0;
  const char *bytes;

  /* Only the secretariat's name set: the letterhead still renders, the rest as stand-ins. */
  g_assert_true (coordena_profile_set (f->store, "secretaria.nome", "Secretaria da Saúde do Estado do Ceará", &error));
  pdf = coordena_oficio_preview_letterhead (f->store, f->offer, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (pdf, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF", 4) == 0);
}

static void
test_rule_override_needs_act (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_dir = g_dir_make_tmp ("coordena-rules-XXXXXX", &error);
  g_autofree char *shipped = g_build_filename (coordena_datadir (), "rules", NULL);
  g_autoptr(CoordenaRuleCatalog) catalog = coordena_rule_catalog_load_dirs (shipped, user_dir, &error);
  g_autoptr(CoordenaRuleCatalog) changed = NULL;
  g_autoptr(CoordenaRuleCatalog) restored = NULL;
  g_autofree char *written = NULL;
  g_autofree char *refused = NULL;
  g_auto(GStrv) changes = NULL;
  const CoordenaRuleSet *set;

  g_assert_no_error (error);
  set = coordena_rule_catalog_find (catalog, "portaria-6907-2025");
  g_assert_nonnull (set);
  g_assert_false (set->user_file);

  refused = coordena_rule_override_set (set, "max_total_hours", "40", "  ", user_dir, &error);
  g_assert_null (refused);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_null (coordena_rule_override_set (set, "percent", "10", "Portaria X", user_dir, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);
  /* A value the loader refuses writes nothing. */
  g_assert_null (coordena_rule_override_set (set, "provimento_repasse", "250", "Portaria X", user_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  written = coordena_rule_override_set (set, "max_total_hours", "40", "Portaria GM/MS nº 9.999/2026", user_dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (written, G_FILE_TEST_EXISTS));
  g_free (coordena_rule_override_set (coordena_rule_catalog_find (catalog, "portaria-6907-2025"), "eSF",
                                      "19.000,00;17.000,00;15.000,00;13.000,00", "Portaria GM/MS nº 9.998/2026",
                                      user_dir, &error));
  g_assert_no_error (error);

  changed = coordena_rule_catalog_load_dirs (shipped, user_dir, &error);
  g_assert_no_error (error);
  set = coordena_rule_catalog_find (changed, "portaria-6907-2025");
  g_assert_true (set->user_file);
  g_assert_cmpuint (set->max_total_hours, ==, 40);
  g_assert_cmpint (set->max_total_hours_confidence, ==, COORDENA_CONFIDENCE_A);
  g_assert_cmpint (set->base_values[COORDENA_TEAM_TYPE_ESF][1], ==, 1900000);
  /* The act the user named is now the parameter's basis. */
  g_assert_cmpstr (set->max_total_hours_basis, ==, "Portaria GM/MS nº 9.999/2026");
  g_assert_cmpstr (set->base_basis, ==, "Portaria GM/MS nº 9.998/2026");
  changes = coordena_rule_override_list (set);
  /* Both changes stay, each with its act: the second built on the first. */
  g_assert_cmpuint (g_strv_length (changes), ==, 2);
  {
    g_autofree char *all = g_strjoinv ("\n", changes);

    g_assert_nonnull (strstr (all, "max_total_hours = 40 — Portaria GM/MS nº 9.999/2026"));
    g_assert_nonnull (strstr (all, "eSF = 19.000,00;17.000,00;15.000,00;13.000,00 — Portaria GM/MS nº 9.998/2026"));
  }

  /* The eAP presence thresholds are parameters like any other. */
  g_free (coordena_rule_override_set (set, "eap20_min_hours", "25", "Portaria GM/MS nº 9.997/2026", user_dir, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CoordenaRuleCatalog) again = coordena_rule_catalog_load_dirs (shipped, user_dir, &error);
    const CoordenaRuleSet *s2;

    g_assert_no_error (error);
    s2 = coordena_rule_catalog_find (again, "portaria-6907-2025");
    g_assert_cmpuint (s2->eap20_min_hours, ==, 25);
    g_assert_cmpstr (s2->eap_min_hours_basis, ==, "Portaria GM/MS nº 9.997/2026");
    g_assert_cmpint (s2->eap_min_hours_confidence, ==, COORDENA_CONFIDENCE_A);
  }

  g_assert_true (coordena_rule_override_reset (set, &error));
  restored = coordena_rule_catalog_load_dirs (shipped, user_dir, &error);
  g_assert_no_error (error);
  g_assert_false (coordena_rule_catalog_find (restored, "portaria-6907-2025")->user_file);
  g_assert_false (coordena_rule_override_reset (coordena_rule_catalog_find (restored, "portaria-6907-2025"), &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_rmdir (user_dir);
}

static void
test_strata_listed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = coordena_strata_list (f->store, &error);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 184);
  g_assert_cmpstr (((CoordenaMunicipioStratum *) before->pdata[0])->nome, ==, "Abaiara");
  g_assert_true (coordena_store_set_ied_stratum (f->store, "2304400", 3, &error));
  g_assert_no_error (error);
  after = coordena_strata_list (f->store, &error);
  for (guint i = 0; i < after->len; i++)
    {
      const CoordenaMunicipioStratum *m = after->pdata[i];

      if (g_str_equal (m->ibge7, "2304400"))
        g_assert_cmpuint (m->stratum, ==, 3);
    }
}

int
main (int argc, char **argv)
{
  /* The ofício numbers issued for a state are kept in a register in the user's data folder, on
   * purpose beyond any one database: each run starts with a folder of its own. */
  g_autofree char *data_home = g_dir_make_tmp ("coordena-preview-data-XXXXXX", NULL);
  int status;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  coordena_i18n_init ();

  g_test_add ("/oficio-preview/takes-no-number", Fixture, NULL, fixture_set_up, test_preview_takes_no_number, fixture_tear_down);
  g_test_add ("/oficio-preview/refuses-like-generation", Fixture, NULL, fixture_set_up, test_preview_refuses_like_generation,
              fixture_tear_down);
  g_test_add ("/oficio-preview/lists-missing-fields", Fixture, "empty", fixture_set_up, test_preview_lists_missing_fields,
              fixture_tear_down);
  g_test_add ("/oficio-preview/letterhead-from-partial-profile", Fixture, "empty", fixture_set_up,
              test_letterhead_from_partial_profile, fixture_tear_down);
  g_test_add_func ("/rule-override/needs-act", test_rule_override_needs_act);
  g_test_add ("/strata/listed", Fixture, NULL, fixture_set_up, test_strata_listed, fixture_tear_down);
  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
