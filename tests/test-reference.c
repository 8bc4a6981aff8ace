/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shipped reference tables: municipalities by 6 or 7 digits, UFs, CBO titles. */
#include "config.h"

#include <locale.h>
#include <coordena/coordena.h>
#include <coordena/reference.h>

static void
test_municipio_lookup (void)
{
  g_autoptr(GError) error = NULL;
  const CoordenaReference *ref = coordena_reference_get (&error);
  const CoordenaMunicipio *m;

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_true (coordena_reference_get (NULL) == ref);

  m = coordena_reference_find_municipio (ref, "5208707");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->nome, ==, "Goiânia");
  g_assert_cmpstr (m->uf, ==, "GO");
  g_assert_true (m->capital);
  g_assert_true (coordena_reference_find_municipio (ref, "520870") == m);
  g_assert_null (coordena_reference_find_municipio (ref, "5208708"));
  g_assert_null (coordena_reference_find_municipio (ref, "52087"));
  g_assert_null (coordena_reference_find_municipio (ref, NULL));
}

static void
test_ibge_six_to_seven_by_table (void)
{
  const CoordenaReference *ref = coordena_reference_get (NULL);
  guint n = 0, breaking = 0;
  const CoordenaMunicipio *all = coordena_reference_get_municipios (ref, &n);

  g_assert_cmpuint (n, ==, 5571);
  /* Some municipalities break the mod-10 rule: the 6 → 7 conversion must still find them. */
  for (guint i = 0; i < n; i++)
    if (!coordena_ibge7_check_digit_ok (all[i].ibge7))
      {
        breaking++;
        g_assert_true (coordena_reference_find_municipio (ref, all[i].ibge6) == &all[i]);
      }
  g_assert_cmpuint (breaking, >, 0);
}

static void
test_ufs (void)
{
  const CoordenaReference *ref = coordena_reference_get (NULL);
  guint n = 0;
  const CoordenaUf *ufs = coordena_reference_get_ufs (ref, &n);
  const CoordenaUf *df = coordena_reference_find_uf_by_sigla (ref, "df");
  g_autoptr(GPtrArray) go = coordena_reference_municipios_of_uf (ref, 52);

  g_assert_cmpuint (n, ==, 27);
  g_assert_cmpuint (ufs[0].codigo, ==, 11);
  /* estados.csv has no final newline: the last line still counts. */
  g_assert_cmpuint (ufs[n - 1].codigo, ==, 53);
  g_assert_nonnull (df);
  g_assert_cmpuint (df->codigo, ==, 53);
  g_assert_cmpstr (coordena_reference_find_uf (ref, 52)->nome, ==, "Goiás");
  g_assert_cmpuint (go->len, ==, 246);
  g_assert_cmpstr (((CoordenaMunicipio *) go->pdata[0])->nome, ==, "Abadia de Goiás");
}

static void
test_municipio_by_name (void)
{
  const CoordenaReference *ref = coordena_reference_get (NULL);
  const CoordenaMunicipio *m = coordena_reference_find_municipio_by_name (ref, 52, "  sao joao d'alianca ");

  g_assert_nonnull (m);
  g_assert_cmpstr (m->nome, ==, "São João d'Aliança");
  g_assert_cmpstr (coordena_reference_find_municipio_by_name (ref, 0, "GOIÂNIA")->ibge7, ==, "5208707");
  /* Bom Jesus exists in several UFs: the UF picks one. */
  g_assert_cmpstr (coordena_reference_find_municipio_by_name (ref, 43, "Bom Jesus")->uf, ==, "RS");
  g_assert_cmpstr (coordena_reference_find_municipio_by_name (ref, 42, "bom jesus")->uf, ==, "SC");
  g_assert_null (coordena_reference_find_municipio_by_name (ref, 11, "Goiânia"));
  g_assert_null (coordena_reference_find_municipio_by_name (ref, 0, "Atlântida"));
}

static void
test_cbo_titles (void)
{
  const CoordenaReference *ref = coordena_reference_get (NULL);

  g_assert_cmpstr (coordena_reference_cbo_title (ref, "225142"), ==, "Médico da estratégia de saúde da família");
  g_assert_cmpstr (coordena_reference_cbo_title (ref, "515105"), ==, "Agente comunitário de saúde");
  g_assert_null (coordena_reference_cbo_title (ref, "999999"));
}

static void
test_missing_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaReference) ref = coordena_reference_load ("/nao/existe", &error);

  g_assert_null (ref);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "/nao/existe/estados.csv"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reference/municipio-lookup", test_municipio_lookup);
  g_test_add_func ("/reference/ibge-six-to-seven-by-table", test_ibge_six_to_seven_by_table);
  g_test_add_func ("/reference/ufs", test_ufs);
  g_test_add_func ("/reference/municipio-by-name", test_municipio_by_name);
  g_test_add_func ("/reference/cbo-titles", test_cbo_titles);
  g_test_add_func ("/reference/missing-directory", test_missing_directory);
  return g_test_run ();
}
