/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster interchange CSV as a user writes it: encodings, padded codes, and every refused row
 * with its arquivo:linha:coluna. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <coordena/coordena.h>
#include <coordena/roster-csv.h>

#include "roster-dump.h"
#include "test-utils.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "rules", name, NULL);
}

static void
check_roster (CoordenaRoster *r)
{
  const CoordenaRosterTeam *a = coordena_roster_find_team (r, "0000010014");
  const CoordenaRosterTeam *c = coordena_roster_find_team (r, "0000010030");
  const CoordenaRosterTeam *d = coordena_roster_find_team (r, "0000010049");
  const CoordenaRosterMonth *months;
  const CoordenaRosterMember *members;
  guint n;

  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, 4);
  g_assert_cmpuint (coordena_roster_get_n_professionals (r), ==, 8);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->ibge, ==, "5208707"); /* written 520870 on some rows: one municipality */
  g_assert_cmpstr (a->cnes, ==, "0020010");
  g_assert_cmpuint (a->ied_stratum, ==, 1);
  months = coordena_roster_team_months (r, a, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (months[0].type, ==, COORDENA_TEAM_TYPE_ESF);
  members = coordena_roster_month_members (r, &months[0], &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (coordena_roster_member_professional (r, &members[0])->name, ==, "João da Conceição");
  g_assert_cmpint (members[0].category, ==, COORDENA_CATEGORY_MED);
  g_assert_cmpint (members[3].category, ==, COORDENA_CATEGORY_ACS); /* type 70 read as eSF */
  /* 05/2025 declares the team on a row with no CNS: the médico is missing. */
  coordena_roster_month_members (r, &months[1], &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (coordena_roster_month_absent (r, &months[1], 60), ==, COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_MED));

  months = coordena_roster_team_months (r, c, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (months[0].n_members, ==, 0);
  months = coordena_roster_team_months (r, d, &n);
  g_assert_cmpuint (months[0].type, ==, COORDENA_TEAM_TYPE_OTHER);
  months = coordena_roster_team_months (r, coordena_roster_find_team (r, "0000010022"), &n);
  g_assert_cmpint (months[2].base_centavos, ==, 1262500);
  g_assert_cmpuint (months[2].type, ==, COORDENA_TEAM_TYPE_EAP30);
}

static void
test_utf8_bom_crlf (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = coordena_roster_csv_read (path, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report.n_rows, ==, 25);
  g_assert_cmpuint (report.warnings->len, ==, 0);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  check_roster (r);
}

static void
test_windows_1252 (void)
{
  g_autofree char *path = fixture ("roster-cp1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = coordena_roster_csv_read (path, NULL, NULL, &error);

  g_assert_no_error (error);
  check_roster (r);
}

static const char *const expected_errors[] = {
  "roster-erros.csv:2:1: competência inválida “202513”: o mês 13 não existe",
  "roster-erros.csv:3:2: “9999999” não é o código IBGE (6 ou 7 dígitos) de um município conhecido",
  "roster-erros.csv:4:6: o CNS “144082627260005” não é válido (15 dígitos com a verificação do Cartão Nacional de Saúde)",
  "roster-erros.csv:5:9: a carga horária semanal “41h” deve ser um número inteiro de 0 a 168",
  "roster-erros.csv:6:5: o tipo de equipe 76 (eAP) precisa da modalidade: escreva eAP20 ou eAP30",
  "roster-erros.csv:7:5: tipo de equipe desconhecido “eAP”: use eSF, eAP20 ou eAP30 (70 é lido como eSF)",
  "roster-erros.csv:8:10: provimento deve ser S ou N, não “X”",
  "roster-erros.csv:9:11: “abc” não é um valor em reais (16.833,33 ou 16833.33)",
  "roster-erros.csv:10:12: o estrato IED “5” deve ser 1, 2, 3 ou 4",
  "roster-erros.csv:12:5: a equipe 0000010014 já tem o tipo eSF em 04/2025 (linha 11); uma equipe tem um só tipo por competência",
  "roster-erros.csv:14:8: o CBO “2251” deve ter 6 caracteres",
  /* Line 15 opens a quoted name that ends on line 16: the next row is line 17. */
  "roster-erros.csv:17:1: competência inválida “2025-06”: esperado AAAAMM (ano e mês, p. ex. 202512)",
  "roster-erros.csv:18:12: o município 5208707 tem estrato IED 2 aqui e 1 na linha 11",
  "roster-erros.csv: 13 linhas recusadas; nada foi avaliado",
};

/* The message's lines with the fixture directory taken off. */
static GStrv
relative_lines (const char *text, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStrv lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], dir))
      memmove (lines[i], lines[i] + strlen (dir) + 1, strlen (lines[i]) - strlen (dir));
  return lines;
}

static void
test_every_error_with_its_line (void)
{
  g_autofree char *path = fixture ("roster-erros.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = coordena_roster_csv_read (path, NULL, NULL, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (r);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  lines = relative_lines (error->message, path);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected_errors));
  for (guint i = 0; i < G_N_ELEMENTS (expected_errors); i++)
    g_assert_cmpstr (lines[i], ==, expected_errors[i]);
}

static void
test_lenient_skips_and_lists (void)
{
  g_autofree char *path = fixture ("roster-erros.csv");
  CoordenaRosterCsvOptions options = { .lenient = TRUE };
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = coordena_roster_csv_read (path, &options, &report, &error);
  g_autofree char *skipped = NULL;
  g_autofree char *warnings = NULL;
  g_auto(GStrv) lines = NULL;
  const CoordenaRosterTeam *t;
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpuint (report.n_rows, ==, 16);
  g_ptr_array_add (report.skipped, NULL);
  skipped = g_strjoinv ("\n", (char **) report.skipped->pdata);
  g_ptr_array_remove_index (report.skipped, report.skipped->len - 1);
  lines = relative_lines (skipped, path);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  for (guint i = 0; i < 13; i++)
    g_assert_cmpstr (lines[i], ==, expected_errors[i]);

  /* The good rows are kept: lines 11, 13 (a warning only) and 15–16. */
  t = coordena_roster_find_team (r, "0000010014");
  coordena_roster_team_months (r, t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (coordena_roster_find_team (r, "0000010022"));
  g_assert_cmpuint (report.warnings->len, ==, 1);
  warnings = g_strdup (report.warnings->pdata[0]);
  g_assert_true (g_str_has_suffix (warnings, "roster-erros.csv:13:3: o dígito verificador do CNES 0020011 não confere (mantido: é um aviso, não um erro)"));
}

static void
test_codes_padded_and_names_multiline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "planilha.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterTeam *t;

  /* Spreadsheets drop leading zeros and may reorder or add columns. */
  g_assert_true (g_file_set_contents (path,
    "CNS;Tipo_Equipe;INE;CNES;IBGE;Competencia;CBO;Carga_Horaria;observacao\n"
    "700000000000102;eSF;10014;20010;5208707;202504;225142;40;\"linha 1\nlinha 2\"\n", -1, NULL));
  r = coordena_roster_csv_read (path, NULL, NULL, &error);
  g_assert_no_error (error);
  t = coordena_roster_find_team (r, "0000010014");
  g_assert_nonnull (t);
  g_assert_cmpstr (t->cnes, ==, "0020010");
  g_remove (path);
  g_rmdir (dir);
}

static void
test_header_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vazio.csv", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: o arquivo não tem nenhuma linha de dados, só o cabeçalho", path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "competencia;ibge;cnes;ine;tipo_equipe;cns;cbo;carga_horaria\n;;;;\n", -1, NULL));
  g_assert_null (coordena_roster_csv_read (path, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_remove (path);
  g_rmdir (dir);
}

/* One professional, team, competência and CBO is one row: a second row with other hours is
 * refused with both lines, whether or not the CNS is written with its digits only. */
static void
test_member_twice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "duas-vezes.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = NULL;
  const char *header = "competencia;ibge;cnes;ine;tipo_equipe;cns;cbo;carga_horaria\n";
  g_autofree char *good = g_strconcat (header,
                                       "202504;5208707;0020010;0000010014;eSF;700000000000102;225142;40\n"
                                       /* the same row again, another CBO, another competência, another team */
                                       "202504;5208707;0020010;0000010014;eSF;700000000000102;225142;40\n"
                                       "202504;5208707;0020010;0000010014;eSF;700000000000102;225130;20\n"
                                       "202505;5208707;0020010;0000010014;eSF;700000000000102;225142;20\n"
                                       "202504;5208707;0020010;0000010022;eSF;700000000000102;225142;20\n", NULL);
  g_autofree char *bad = g_strconcat (header,
                                      "202504;5208707;0020010;0000010014;eSF;700000000000102;225142;40\n"
                                      "202504;5208707;0020010;0000010022;eSF;700000000000102;225142;20\n"
                                      "202504;5208707;0020010;10014;eSF;700000000000102;225142;30\n", NULL);

  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  r = coordena_roster_csv_read (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, 2);

  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  g_clear_pointer (&r, coordena_roster_unref);
  r = coordena_roster_csv_read (path, NULL, NULL, &error);
  g_assert_null (r);
  expected = g_strdup_printf ("%s:4:8: o CNS 700000000000102 com o CBO 225142 já está na equipe 0000010014 em 04/2025 "
                              "com 40 h na linha 2, e aqui com 30 h: deixe uma linha por profissional, equipe, "
                              "competência e CBO, com a carga horária que vale", path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_remove (path);
  g_rmdir (dir);
}

/* The rows of a team-month repeat its fields, and the next competência repeats its people: a row
 * after a refused one is still checked whole, and a name given later still reaches the CNS. */
static void
test_repeated_team_fields (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "repetidas.csv", NULL);
  CoordenaRosterCsvOptions options = { .lenient = TRUE };
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  g_autofree char *at3 = NULL, *at4 = NULL, *at6 = NULL;
  guint n;
  const char *text =
    "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
    "202504;5208707;0020010;0000010014;eSF;700000000000102;;225142;40\n"
    "202504;5208707;0020010;0000010014;eSF;700000000000103;Bia;223565;40\n"
    "202504;5208707;0020010;0000010014;eAP30;700000000000218;Bia;223565;40\n"
    "202505;5208707;0020010;0000010014;eSF;700000000000102;Ana;225142;40\n"
    "202505;5208707;0020010;0000010014;eSF;700000000000102;Ana;225142;20\n"
    "202505;5208707;0020010;0000010014;eSF;700000000000218;Bia;223565;40\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  r = coordena_roster_csv_read (path, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.skipped->len, ==, 3);
  at3 = g_strdup_printf ("%s:3:6: ", path); /* a CNS with a wrong check */
  at4 = g_strdup_printf ("%s:4:5: ", path); /* another type for the same team-month */
  at6 = g_strdup_printf ("%s:6:9: ", path); /* the same member with other hours */
  g_assert_true (g_str_has_prefix (report.skipped->pdata[0], at3));
  g_assert_true (g_str_has_prefix (report.skipped->pdata[1], at4));
  g_assert_true (g_str_has_prefix (report.skipped->pdata[2], at6));

  g_assert_cmpuint (coordena_roster_get_n_professionals (r), ==, 2);
  team = coordena_roster_find_team (r, "0000010014");
  g_assert_nonnull (team);
  months = coordena_roster_team_months (r, team, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (months[0].n_members, ==, 1);
  g_assert_cmpuint (months[1].n_members, ==, 2);
  g_assert_cmpstr (coordena_roster_member_professional (r, coordena_roster_month_members (r, &months[0], NULL))->name, ==, "Ana");
  g_remove (path);
  g_rmdir (dir);
}

/* A team-month of many rows (a whole municipality written under one INE) is checked the same way. */
static void
test_member_twice_in_a_long_team_month (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "longa.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) csv = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;cbo;carga_horaria\n");
  g_autoptr(GError) error = NULL;
  char first[16] = "";
  guint rows = 0;

  for (guint64 n = G_GUINT64_CONSTANT (700000000000100); rows < 100; n++)
    {
      char cns[16];

      g_snprintf (cns, sizeof cns, "%" G_GUINT64_FORMAT, n);
      if (!coordena_cns_is_valid (cns))
        continue;
      if (rows == 0)
        memcpy (first, cns, sizeof first);
      g_string_append_printf (csv, "202504;5208707;0020010;0000010014;eSF;%s;515105;40\n", cns);
      rows++;
    }
  /* Line 102: the first professional again, with other hours. */
  g_string_append_printf (csv, "202504;5208707;0020010;0000010014;eSF;%s;515105;20\n", first);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  g_assert_null (coordena_roster_csv_read (path, NULL, NULL, &error));
  expected = g_strdup_printf ("%s:102:8: o CNS %s com o CBO 515105 já está na equipe 0000010014 em 04/2025 com 40 h "
                              "na linha 2, e aqui com 20 h", path, first);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_sem_producao_column (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "producao.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterMonth *months;

  g_assert_true (g_file_set_contents (path,
    "competencia;ibge;cnes;ine;tipo_equipe;cns;cbo;carga_horaria;sem_producao\n"
    "202505;5208707;0020010;0000010014;eSF;700000000000102;225142;40;S\n"
    "202506;5208707;0020010;0000010014;eSF;700000000000102;225142;40;n\n", -1, NULL));
  r = coordena_roster_csv_read (path, NULL, NULL, &error);
  g_assert_no_error (error);
  months = coordena_roster_team_months (r, coordena_roster_get_team (r, 0), NULL);
  g_assert_cmpuint (months[0].flags, ==, COORDENA_TEAM_FLAG_SEM_PRODUCAO);
  g_assert_cmpuint (months[1].flags, ==, 0);

  g_assert_true (g_file_set_contents (path,
    "competencia;ibge;cnes;ine;tipo_equipe;cns;cbo;carga_horaria;sem_producao\n"
    "202505;5208707;0020010;0000010014;eSF;700000000000102;225142;40;talvez\n", -1, NULL));
  g_assert_null (coordena_roster_csv_read (path, NULL, NULL, &error));
  expected = g_strdup_printf ("%s:2:9: sem_producao deve ser S ou N, não “talvez”", path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_missing_column (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sem-cbo.csv", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:1: a coluna obrigatória “cbo” não está no cabeçalho", path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "competencia;ibge;cnes;ine;tipo_equipe;cns;carga_horaria\n", -1, NULL));
  g_assert_null (coordena_roster_csv_read (path, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_remove (path);
  g_rmdir (dir);
}

/* The reader for plain files against the general one: the same roster, report and messages on the
 * fixtures and on hundreds of damaged copies of them (bytes changed, lines lost, doubled or moved);
 * and it does take the plain ones. */
static void
check_agree (const char *path, gboolean *plain)
{
  for (int lenient = 0; lenient < 2; lenient++)
    {
      CoordenaRosterCsvOptions general = { .lenient = lenient, .general_reader_only = TRUE };
      CoordenaRosterCsvOptions either = { .lenient = lenient };
      g_autofree char *expected = roster_reading_dump (path, &general);
      g_autofree char *got = roster_reading_dump (path, &either);

      if (strcmp (expected, got) != 0)
        {
          g_autofree char *text = read_text (path);
          g_test_message ("file:\n%s", text);
        }
      g_assert_cmpstr (got, ==, expected);
    }
  if (plain != NULL)
    {
      CoordenaRosterCsvOptions options = { 0 };
      g_auto(CoordenaRosterCsvReport) report = { 0 };
      CoordenaRoster *r = coordena_roster_csv_read (path, &options, &report, NULL);

      *plain = report.plain;
      g_clear_pointer (&r, coordena_roster_unref);
    }
}

static char *
mutate (GRand *rand, const char *text)
{
  static const char *const inserts[] = { ";", "\"", "\r", "\n", " ", "'", "\t", "0", "1", "7", "9", "x", "S",
                                         "N", ",", ".", "\xC3\x89", "\xE9", "202513", "76", "eAP20", "" };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  GString *out;
  int op = g_rand_int_range (rand, 0, 8);

  if (op >= 3 && n > 2)
    {
      guint a = (guint) g_rand_int_range (rand, 1, (gint32) n - 1), b = (guint) g_rand_int_range (rand, 1, (gint32) n - 1);
      GPtrArray *kept = g_ptr_array_new ();
      g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n; i++)
        {
          const char *line = lines[i];

          if (op == 3 && i == a)
            continue;                       /* a line lost */
          if (op == 4 && i == a)
            line = lines[b];                /* a line where another was */
          g_ptr_array_add (kept, (gpointer) line);
          if (op == 5 && i == a)
            g_ptr_array_add (kept, lines[a]); /* a line twice */
          if (op == 6 && i == a)
            g_ptr_array_add (kept, (gpointer) ""); /* a blank line */
          if (op == 7 && i == a)
            {
              /* the line again, a digit changed: the same member with other hours, another CNS… */
              char *copy = g_strdup (lines[a]);
              gsize at = strlen (copy) > 0 ? (gsize) g_rand_int_range (rand, 0, (gint32) strlen (copy)) : 0;

              for (; copy[at] != '\0' && !g_ascii_isdigit (copy[at]); at++)
                ;
              if (copy[at] != '\0')
                copy[at] = (char) ('0' + (copy[at] - '0' + 1) % 10);
              g_ptr_array_add (kept, copy);
              g_ptr_array_add (copies, copy);
            }
        }
      g_ptr_array_add (kept, NULL);
      {
        char *joined = g_strjoinv ("\n", (char **) kept->pdata);
        g_ptr_array_unref (kept);
        return joined;
      }
    }
  out = g_string_new (text);
  {
    gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) MAX (out->len, 1));

    if (op == 0)
      g_string_erase (out, (gssize) at, 1);
    else if (op == 1 && g_ascii_isdigit (out->str[at]))
      out->str[at] = (char) ('0' + g_rand_int_range (rand, 0, 10));
    else
      g_string_insert (out, (gssize) at, inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))]);
  }
  return g_string_free (out, FALSE);
}

static void
test_plain_reader_agrees (void)
{
  const char *const names[] = { "roster.csv", "roster-parado.csv", "roster-cp1252.csv", "roster-erros.csv" };
  const gboolean expect_plain[] = { TRUE, TRUE, FALSE, FALSE };
  g_autofree char *dir = g_dir_make_tmp ("coordena-plain-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "equipes.csv", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  guint taken = 0, left = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *source = fixture (names[f]);
      g_autofree char *text = read_text (source);
      gboolean plain = FALSE;

      check_agree (source, &plain);
      g_assert_cmpint (plain, ==, expect_plain[f]);
      if (!expect_plain[f])
        continue;
      for (int i = 0; i < 500; i++)
        {
          g_autofree char *once = mutate (rand, text);
          g_autofree char *damaged = g_rand_boolean (rand) ? mutate (rand, once) : g_strdup (once);

          g_assert_true (g_file_set_contents (path, damaged, -1, NULL));
          check_agree (path, &plain);
          if (plain)
            taken++;
          else
            left++;
        }
    }
  /* Both readers were at work: the plain one on copies still plain, the general one on the rest. */
  g_test_message ("%u damaged copies read by the plain reader, %u by the general one", taken, left);
  g_assert_cmpuint (taken, >, 50);
  g_assert_cmpuint (left, >, 50);
  g_unlink (path);
  g_rmdir (dir);
}

/* A code of width digits from a serial, its last digits chosen so that check() accepts it. */
static void
valid_code (guint64 serial, guint width, guint free_digits, gboolean (*check) (const char *), char *out)
{
  guint64 limit = 1;

  for (guint i = 0; i < free_digits; i++)
    limit *= 10;
  for (guint64 tail = 0; tail < limit; tail++)
    {
      g_snprintf (out, width + 1, "%0*" G_GUINT64_FORMAT "%0*" G_GUINT64_FORMAT, (int) (width - free_digits), serial,
                  (int) free_digits, tail);
      if (check (out))
        return;
    }
  g_assert_not_reached ();
}

static gboolean
cns_with_seven (const char *cns)
{
  return cns[0] == '7' && coordena_cns_is_valid (cns);
}

/* A roster of a few megabytes, read in blocks on a thread of its own: lines cut between blocks,
 * CRLF, and a bad row in the last block, which gives the file to the general reader. */
/* Team t's INE and CNES, and its member m's CNS, all valid, for the large files below. */
static void
team_codes (guint t, char ine[11], char cnes[8])
{
  valid_code (1000 + t, 10, 1, coordena_ine_check_digit_ok, ine);
  valid_code (2000 + t / 3, 7, 1, coordena_cnes_check_digit_ok, cnes);
}

static void
member_cns (guint t, guint m, char cns[16])
{
  valid_code (7000000000000ull + t * 10 + m, 15, 2, cns_with_seven, cns);
}

static void
test_plain_reader_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-plain-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "equipes.csv", NULL);
  const char *const cbos[] = { "225142", "223565", "322245", "515105", "515105" };
  GString *text = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;valor_base;estrato_ied\n");
  gboolean plain = FALSE;

  for (guint comp = 202501; comp <= 202503; comp++)
    for (guint t = 0; t < 2500; t++)
      {
        char ine[11], cnes[8];

        team_codes (t, ine, cnes);
        for (guint m = 0; m < 5; m++)
          {
            char cns[16];

            member_cns (t, m, cns);
            g_string_append_printf (text, "%u;%s;%s;%s;eSF;%s;Profissional %u-%u Conceição;%s;%u;%s;%s;%u\n", comp,
                                    t % 2 ? "5208707" : "5201108", cnes, ine, cns, t, m, cbos[m], 20 + m * 5,
                                    t % 7 ? "N" : "S", t % 5 ? "" : "16833,33", t % 2 ? 1 : 2);
          }
      }
  g_assert_cmpuint (text->len, >, 3 * 1024 * 1024);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  check_agree (path, &plain);
  g_assert_true (plain);

  {
    g_autofree char *crlf = NULL;
    g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);

    crlf = g_strjoinv ("\r\n", lines);
    g_assert_true (g_file_set_contents (path, crlf, -1, NULL));
    check_agree (path, &plain);
    g_assert_true (plain);
  }

  /* The last row again with another IED stratum for its municipality: refused, with its line. */
  {
    gsize at = text->len - 2;

    while (text->str[at - 1] != '\n')
      at--;
    g_string_append_len (text, text->str + at, (gssize) (text->len - at));
    text->str[text->len - 2] = text->str[text->len - 2] == '1' ? '3' : '1';
    g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
    check_agree (path, &plain);
    g_assert_false (plain);
  }

  /* A quoted name on the first row: the plain reader stops at once, and the general one reads it. */
  {
    char *name = strstr (text->str, "Profissional");

    name[-1] = '"';
    name[strlen ("Profissional 0-0 Conceição")] = '"';
    g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
    check_agree (path, &plain);
    g_assert_false (plain);
  }
  g_string_free (text, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

/* A file much larger than the blocks the reading thread fills ahead, with a row the plain reader
 * does not take (a quoted name) near its start, in its middle or on its last line: the plain
 * reader stops its thread and hands the file over, and the general reader reads it all. Each
 * case runs under a deadline: a thread left waiting for a block would hang the program. */
static void
test_plain_reader_declines_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-plain-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "equipes.csv", NULL);
  const char *const cbos[] = { "225142", "223565", "322245", "515105" };
  GString *text = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n");
  GPtrArray *names = g_ptr_array_new ();
  const double where[] = { 0.0001, 0.15, 0.5, 1.0 };

  for (guint comp = 0; comp < 16; comp++)
    for (guint t = 0; t < 3000; t++)
      {
        char ine[11], cnes[8];

        team_codes (t, ine, cnes);
        for (guint m = 0; m < 4; m++)
          {
            char cns[16];

            member_cns (t, m, cns);
            g_string_append_printf (text, "%u;5208707;%s;%s;eSF;%s;", 202501 + comp % 12 + comp / 12 * 100, cnes, ine, cns);
            g_ptr_array_add (names, GSIZE_TO_POINTER (text->len));
            g_string_append_printf (text, "Profissional %u-%u;%s;40\n", t, m, cbos[m]);
          }
      }
  g_assert_cmpuint (text->len, >, 12 * 1024 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      gsize row = MIN ((gsize) (where[i] * names->len), names->len - 1);
      gsize at = GPOINTER_TO_SIZE (names->pdata[row]);
      g_autoptr(GString) copy = g_string_new_len (text->str, (gssize) text->len);
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      CoordenaRosterCsvOptions options = { 0 };
      g_auto(CoordenaRosterCsvReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      CoordenaRoster *r;

      /* The name, quoted: the same name to the general reader. */
      g_string_insert_c (copy, (gssize) (strchr (copy->str + at, ';') - copy->str), '"');
      g_string_insert_c (copy, (gssize) at, '"');
      g_assert_true (g_file_set_contents (path, copy->str, (gssize) copy->len, NULL));
      r = coordena_roster_csv_read (path, &options, &report, &error);
      g_assert_no_error (error);
      g_assert_nonnull (r);
      g_assert_false (report.plain);
      g_assert_cmpuint (report.n_rows, ==, names->len);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      {
        /* The quoted name reads back without its quotes. */
        guint n_profs = coordena_roster_get_n_professionals (r);
        const CoordenaRosterProfessional *profs = coordena_roster_get_professionals (r);
        gboolean quoted = FALSE;

        g_assert_cmpuint (n_profs, ==, 3000 * 4);
        for (guint p = 0; p < n_profs; p++)
          quoted = quoted || strchr (profs[p].name, '"') != NULL;
        g_assert_false (quoted);
      }
      coordena_roster_unref (r);
    }
  g_ptr_array_unref (names);
  g_string_free (text, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster-csv/utf8-bom-crlf", test_utf8_bom_crlf);
  g_test_add_func ("/roster-csv/windows-1252", test_windows_1252);
  g_test_add_func ("/roster-csv/every-error-with-its-line", test_every_error_with_its_line);
  g_test_add_func ("/roster-csv/lenient-skips-and-lists", test_lenient_skips_and_lists);
  g_test_add_func ("/roster-csv/codes-padded", test_codes_padded_and_names_multiline);
  g_test_add_func ("/roster-csv/missing-column", test_missing_column);
  g_test_add_func ("/roster-csv/header-only", test_header_only);
  g_test_add_func ("/roster-csv/sem-producao-column", test_sem_producao_column);
  g_test_add_func ("/roster-csv/member-twice", test_member_twice);
  g_test_add_func ("/roster-csv/repeated-team-fields", test_repeated_team_fields);
  g_test_add_func ("/roster-csv/member-twice-long-team-month", test_member_twice_in_a_long_team_month);
  g_test_add_func ("/roster-csv/plain-reader-agrees", test_plain_reader_agrees);
  g_test_add_func ("/roster-csv/plain-reader-large", test_plain_reader_large);
  g_test_add_func ("/roster-csv/plain-reader-declines-large", test_plain_reader_declines_large);
  return g_test_run ();
}
