/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The adhesion as a user drives it: the real coordena-cli on a real SQLite database. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "test-utils.h"


static char *dir;
static char *db;
static char *xdg; /* the user's data folder: its register of the state's numbers goes with the database */
/* The day the user works (COORDENA_TODAY for the CLI); NULL keeps the suite's day. */
static const char *today;

/* Works on that day from now on: an ofício is dated the day it is generated, or later. */
static void
on (const char *day)
{
  today = day;
}

/* Runs coordena-cli --db DB with the arguments (NULL-terminated), in Portuguese. */
static void
cli (Run *r, ...)
{
  const char *const env[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", "XDG_DATA_HOME", xdg != NULL ? xdg : g_get_user_data_dir (),
                              today != NULL ? "COORDENA_TODAY" : NULL, today, NULL };
  va_list args;

  va_start (args, r);
  run_cli_valist (r, &(RunOptions) { .db = db, .env = env, .cwd = dir }, args);
  va_end (args);
}

#define OFFER "coordenacao-cuidado-2025"

static void
assert_has (const char *text, const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” not found in:\n%s", what, text);
}

/* A fresh path in the output directory: what an earlier run left there is removed. */
static char *
path_in (const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_unlink (path);
  return path;
}

static void
fresh_database (const char *uf, gboolean demo)
{
  g_auto(Run) r = { 0 };

  g_free (db);
  today = NULL;
  db = g_build_filename (dir, demo ? "demo.db" : "estado.db", NULL);
  g_unlink (db);
  {
    /* A new database in the same place starts a new register of issued numbers too. */
    g_autofree char *reg = g_strconcat (db, ".oficios.log", NULL);

    g_unlink (reg);
  }
  /* ... and so does the user's register of the state's numbers. */
  g_free (xdg);
  xdg = g_build_filename (dir, "xdg", NULL);
  remove_tree (xdg);
  if (demo)
    cli (&r, "init", "--uf", uf, "--demo", NULL);
  else
    cli (&r, "init", "--uf", uf, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static void
fill_profile (void)
{
  const char *const kv[] = {
    "secretaria.nome", "Secretaria da Saúde do Estado do Ceará",
    "secretaria.sigla", "COAPS/SESA",
    "cidade", "Fortaleza",
    "endereco", "Av. Almirante Barroso, 600, Praia de Iracema, 60060-440 Fortaleza/CE",
    "telefone", "(85) 3101-5123",
    "email", "coaps@saude.ce.gov.br",
    "site", "www.saude.ce.gov.br",
    "secretario.nome", "Maria Clara Nogueira",
    "secretario.genero", "F",
    "coordenador.nome", "José Wellington Façanha",
    "coordenador.genero", "M",
    "contato.nome", "João Pedro Sampaio",
    "contato.email", "joao.sampaio@saude.ce.gov.br",
    "contato.telefone", "(85) 3101-5200",
    NULL,
  };

  for (guint i = 0; kv[i] != NULL; i += 2)
    {
      g_auto(Run) r = { 0 };

      cli (&r, "profile", "set", kv[i], kv[i + 1], NULL);
      if (r.status != 0)
        g_error ("profile set %s: %s", kv[i], r.err);
    }
}

static void
test_profile (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *alpha = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao-alpha.png", NULL);
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao.png", NULL);

  fresh_database ("CE", FALSE);
  cli (&r, "profile", "show", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "CE");
  assert_has (r.out, "secretario.genero");
  assert_has (r.out, "(não definido)");

  cli (&r, "profile", "set", "secretario.genero", "X", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "secretario.genero deve ser F ou M");

  cli (&r, "profile", "set", "numeracao.estilo", "No.", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "Nº ou N.º");

  {
    g_autofree char *longer = g_strnfill (400, 'a');

    cli (&r, "profile", "set", "secretaria.nome", longer, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_has (r.err, "tem mais de 300 caracteres");
  }

  cli (&r, "profile", "set", "secretaria.telefone", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "chave de perfil desconhecida “secretaria.telefone”");

  /* A coat of arms with a transparent background: most of them are, and the PDF lays it on white. */
  cli (&r, "profile", "set", "brasao", alpha, NULL);
  g_assert_cmpint (r.status, ==, 0);

  {
    /* A PNG cut short is refused before it reaches the database. */
    g_autofree char *data = NULL;
    g_autofree char *cut = path_in ("brasao-cortado.png");
    gsize n = 0;

    g_assert_true (g_file_get_contents (png, &data, &n, NULL));
    g_assert_true (g_file_set_contents (cut, data, (gssize) n - 20, NULL));
    cli (&r, "profile", "set", "brasao", cut, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_has (r.err, "o brasão é um PNG danificado");
  }

  cli (&r, "profile", "set", "brasao", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "profile", "set", "secretario.nome", "Maria Clara Nogueira", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "profile", "show", NULL);
  assert_has (r.out, "PNG, 356 bytes");
  assert_has (r.out, "Maria Clara Nogueira");

  cli (&r, "audit", NULL);
  assert_has (r.out, "profile-set");
}

static void
test_offers (void)
{
  g_auto(Run) r = { 0 };

  fresh_database ("CE", FALSE);
  cli (&r, "offers", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, OFFER);
  assert_has (r.out, "03/12/2025");
  cli (&r, "offers", "show", OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "Prazo: 03/12/2025");
  assert_has (r.out, "NT Conjunta nº 441/2025, item 2.6");
  assert_has (r.out, "Coordenador(a) de Atenção Primária à Saúde");
  assert_has (r.out, "SEI 0052176291");
  cli (&r, "offers", "show", "outra", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "oferta desconhecida “outra”");
}

static void
test_generate_refusals_and_numbering (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *refused = path_in ("recusado.pdf");
  g_autofree char *first = path_in ("primeiro.pdf");
  g_autofree char *second = path_in ("segundo.pdf");
  g_autofree char *exported = path_in ("exportado.pdf");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la = 0, lb = 0;
  struct stat st;

  fresh_database ("CE", FALSE);

  /* An empty profile: every missing field at once. */
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", refused, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "falta no perfil o que o ofício exige: secretaria.nome, secretaria.sigla, cidade");
  assert_has (r.err, "contato.telefone, secretario.nome, secretario.genero");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  fill_profile ();
  on ("2025-12-04");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-04", "-o", refused, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o prazo do ofício é 03/12/2025 (NT Conjunta nº 441/2025, item 2.6)");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "chefe", "--date", "2025-12-01", "-o", refused, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "“chefe” não pode assinar este ofício");
  assert_has (r.err, "NT Conjunta nº 441/2025, item 2.7");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  cli (&r, "profile", "set", "contato.nome", "Jõao Sampaio ✓", NULL);
  g_assert_cmpint (r.status, ==, 0);
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", refused, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "contato.nome contém o caractere “✓” (U+2713)");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  cli (&r, "profile", "set", "contato.nome", "João Pedro Sampaio", NULL);

  /* A file that cannot be written takes no number either. */
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01",
       "-o", "/nonexistent-dir/oficio.pdf", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* Four refusals later, the first ofício still gets number 1. */
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", first, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2025/COAPS/SESA");
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  on ("2025-12-02");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "coordenador", "--date", "2025-12-02", "-o", second, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 2/2025/COAPS/SESA");

  cli (&r, "oficio", "list", "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "numero;ano;identificacao;");
  assert_has (r.out, "1;2025;OFÍCIO Nº 1/2025/COAPS/SESA;" OFFER ";2025-12-01;secretario;;1;");

  cli (&r, "oficio", "list", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "\"identificacao\" : \"OFÍCIO Nº 1/2025/COAPS/SESA\"");
  assert_has (r.out, "\"signatario\" : \"coordenador\"");

  /* The export is the very file that was generated. */
  cli (&r, "oficio", "export", "1/2025", "-o", exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_file_get_contents (first, &a, &la, NULL);
  g_file_get_contents (exported, &b, &lb, NULL);
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (a, b, la) == 0);

  cli (&r, "oficio", "export", "9/2025", "-o", exported, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não há ofício 9/2025");

  cli (&r, "audit", NULL);
  assert_has (r.out, "oficio-generate");
}

static void
test_adhesion_steps (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = path_in ("adesao.pdf");
  g_autofree char *late = path_in ("tarde.pdf");

  fresh_database ("CE", FALSE);
  fill_profile ();

  cli (&r, "adhesion", "status", "--offer", OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "rascunho");

  cli (&r, "adhesion", "set", "--offer", OFFER, "assinado", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a adesão está em “rascunho” e não pode passar a “assinado”");

  cli (&r, "adhesion", "set", "--offer", OFFER, "oficio_gerado", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "oficio generate");

  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  on ("2025-12-02");
  cli (&r, "adhesion", "set", "--offer", OFFER, "assinado", "--date", "2025-12-02", "--note", "assinado no gov.br", NULL);
  g_assert_cmpint (r.status, ==, 0);

  on ("2025-12-04");
  cli (&r, "adhesion", "set", "--offer", OFFER, "enviado", "--date", "2025-12-04", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "03/12/2025 (NT Conjunta nº 441/2025, item 2.6)");

  on ("2025-12-03");
  cli (&r, "adhesion", "set", "--offer", OFFER, "enviado", "--date", "2025-12-03", "--protocolo", "25000.170001/2025-11", NULL);
  g_assert_cmpint (r.status, ==, 0);
  on ("2025-12-10");
  cli (&r, "adhesion", "set", "--offer", OFFER, "confirmado", "--date", "2025-12-10", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "confirmado");
  assert_has (r.out, "25000.170001/2025-11");
  assert_has (r.out, "assinado no gov.br");

  cli (&r, "adhesion", "set", "--offer", OFFER, "rascunho", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "um estado final");

  /* A confirmed adhesion takes no new ofício, and the refusal consumes no number. */
  on ("2025-12-03");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-03", "-o", late, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_false (g_file_test (late, G_FILE_TEST_EXISTS));
  cli (&r, "oficio", "list", NULL);
  g_assert_null (strstr (r.out, "Nº 2/2025"));

  cli (&r, "audit", NULL);
  assert_has (r.out, "adhesion-step");
}

static void
test_egestor_needs_protocol (void)
{
  g_auto(Run) r = { 0 };

  fresh_database ("CE", FALSE);
  on ("2025-11-28");
  cli (&r, "adhesion", "set", "--offer", OFFER, "aderido_egestor", "--date", "2025-11-28", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "protocolo");
  on ("2025-11-28");
  cli (&r, "adhesion", "set", "--offer", OFFER, "aderido_egestor", "--date", "2025-11-28", "--protocolo", "EG-2025-0042", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "aderido_egestor");
}

static void
test_municipal_follow_up (void)
{
  g_auto(Run) r = { 0 };

  fresh_database ("CE", FALSE);
  cli (&r, "municipios", "adesao", "--offer", OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "184 municípios: 0 aderiram no e-Gestor, 0 pendentes, 184 não iniciados");
  assert_has (r.out, "Fortaleza");

  on ("2025-11-20");
  cli (&r, "municipios", "adesao", "--offer", OFFER, "set", "2304400", "aderiu_egestor", "--date", "2025-11-20",
       "--acesso-titular", "Ana Lima", "--acesso-uso", "2025-01-10", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "municipios", "adesao", "--offer", OFFER, "set", "230440", "--responsavel", "Carlos Melo", NULL);
  g_assert_cmpint (r.status, ==, 0); /* six digits are looked up; the status stays */
  cli (&r, "municipios", "adesao", "--offer", OFFER, "set", "2307304", "pendente", NULL);
  g_assert_cmpint (r.status, ==, 0);

  cli (&r, "municipios", "adesao", "--offer", OFFER, "--alerts", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "Fortaleza");
  assert_has (r.out, "Ana Lima");
  assert_has (r.out, "ALERTA: o acesso expira após 90 dias");
  assert_has (r.out, "1 aderiram no e-Gestor, 1 pendentes, 182 não iniciados; 1 alertas de acesso");
  g_assert_null (strstr (r.out, "Juazeiro do Norte"));

  cli (&r, "municipios", "adesao", "--offer", OFFER, "set", "3550308", "pendente", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não é o código IBGE de um município deste estado");
  cli (&r, "municipios", "adesao", "--offer", OFFER, "set", "2304400", "talvez", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "situação municipal desconhecida “talvez”");
}

static void
test_demo_roster_never_annexed (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = path_in ("anexo-demo.pdf");
  g_autofree char *plain = path_in ("sem-anexo.pdf");

  fresh_database ("SE", TRUE);
  fill_profile ();
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01",
       "--anexo", "equipes", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "demonstração");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01",
       "--anexo", "pessoas", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "anexo desconhecido “pessoas”");

  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", plain, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2025/COAPS/SESA"); /* the refusals took no number */
}

static char *
pdf_page_text (const char *path, int page)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *err = NULL;
  char *out = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, "pdftotext",
                           "-layout", "-f", number, "-l", number, path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  return out;
}

static void
test_annex_from_imported_roster (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "roster-60.csv", NULL);
  g_autofree char *pdf = path_in ("anexo-equipes.pdf");
  guint rows = 0, annex_pages = 0;

  fresh_database ("CE", FALSE);
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01",
       "--anexo", "equipes", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1); /* no profile, no teams: refused, nothing written */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  cli (&r, "import", "roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  fill_profile ();
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01",
       "--anexo", "equipes", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2025/COAPS/SESA");
  assert_has (r.out, "Páginas:   3");

  {
    g_autofree char *letter = pdf_page_text (pdf, 1);

    assert_has (letter, "Segue anexa a relação das 60 equipes");
    assert_has (letter, "MARIA CLARA NOGUEIRA");
  }
  for (int p = 2; p <= 3; p++)
    {
      g_autofree char *text = pdf_page_text (pdf, p);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      /* every annex page opens with the table header */
      assert_has (text, "Município");
      assert_has (text, "INE");
      annex_pages++;
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "Caucaia") || g_str_has_prefix (lines[i], "Fortaleza")
            || g_str_has_prefix (lines[i], "Juazeiro do Norte"))
          rows++;
    }
  g_assert_cmpuint (annex_pages, ==, 2);
  g_assert_cmpuint (rows, ==, 60);
}

static void
test_discarded_draft_keeps_its_number (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *one = path_in ("descartado.pdf");
  g_autofree char *two = path_in ("novo.pdf");

  fresh_database ("CE", FALSE);
  fill_profile ();
  on ("2025-12-01");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "secretario", "--date", "2025-12-01", "-o", one, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "adhesion", "set", "--offer", OFFER, "rascunho", "--note", "texto revisto", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "oficio", "list", NULL);
  assert_has (r.out, "(descartado)");

  on ("2025-12-02");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "coordenador", "--date", "2025-12-02", "-o", two, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 2/2025/COAPS/SESA");

  /* The closing follows the profile. */
  {
    g_autofree char *three = path_in ("respeitosamente.pdf");
    g_autofree char *text = NULL;

    cli (&r, "profile", "set", "fecho", "Respeitosamente", NULL);
    g_assert_cmpint (r.status, ==, 0);
    on ("2025-12-02");
    cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "coordenador", "--date", "2025-12-02", "-o", three, NULL);
    g_assert_cmpint (r.status, ==, 0);
    text = pdf_page_text (three, 1);
    assert_has (text, "Respeitosamente,");
    g_assert_null (strstr (text, "Atenciosamente"));
    assert_has (text, "JOSÉ WELLINGTON FAÇANHA");
    assert_has (text, "Coordenador Estadual de Atenção Primária à Saúde");
  }

  /* The discarded ofício is still there, byte for byte. */
  {
    g_autofree char *copy = path_in ("descartado-copia.pdf");

    cli (&r, "oficio", "export", "1/2025", "-o", copy, NULL);
  }
  g_assert_cmpint (r.status, ==, 0);
}

static char *
sha_line (const char *out)
{
  const char *at = strstr (out, "SHA-256:");

  g_assert_nonnull (at);
  return g_strndup (at, 8 + 4 + 64);
}

static void
test_same_inputs_same_bytes (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *a = path_in ("igual-a.pdf");
  g_autofree char *b = path_in ("igual-b.pdf");
  g_autofree char *sha_a = NULL;
  g_autofree char *sha_b = NULL;

  /* Two databases with the same profile: the same ofício, byte for byte. */
  fresh_database ("CE", FALSE);
  fill_profile ();
  on ("2025-11-28");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "coordenador", "--date", "2025-11-28", "-o", a, NULL);
  g_assert_cmpint (r.status, ==, 0);
  sha_a = sha_line (r.out);

  g_usleep (1100 * 1000);
  fresh_database ("CE", FALSE);
  fill_profile ();
  on ("2025-11-28");
  cli (&r, "oficio", "generate", "--offer", OFFER, "--signer", "coordenador", "--date", "2025-11-28", "-o", b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  sha_b = sha_line (r.out);
  g_assert_cmpstr (sha_a, ==, sha_b);
}

/* The number of pages pdfinfo reports. */
static guint
pdf_n_pages (const char *path)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "pdfinfo", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6, NULL, 10);
}

static void
test_forecast_report (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "roster-60.csv", NULL);
  g_autofree char *pdf = path_in ("previsao.pdf");
  g_autofree char *text = NULL;

  fresh_database ("CE", FALSE);
  cli (&r, "report", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "importe antes as equipes");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  cli (&r, "import", "roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "report", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "previsao.pdf");
  /* Page 1: the state's letterhead, the summary and the chart. */
  text = pdf_page_text (pdf, 1);
  assert_has (text, "GOVERNO DO ESTADO DO CEARÁ");
  assert_has (text, "Previsão de suspensões do financiamento federal");
  assert_has (text, "Equipes avaliadas");
  assert_has (text, "60");
  assert_has (text, "Ceará");
  assert_has (text, "Perda mensal");
  g_assert_null (strstr (text, "DEMONSTRAÇÃO"));
  g_clear_pointer (&text, g_free);
  /* Page 2 on: the teams, grouped under their municipality, with monthly and total loss. */
  {
    g_autoptr(GString) rest = g_string_new (NULL);
    guint pages = pdf_n_pages (pdf);

    for (guint page = 2; page <= pages; page++)
      {
        g_autofree char *page_text = pdf_page_text (pdf, (int) page);
        g_string_append (rest, page_text);
      }
    assert_has (rest->str, "por município");
    assert_has (rest->str, "Juazeiro do Norte");
    assert_has (rest->str, "16 equipes");
    assert_has (rest->str, "Equipe e o que falta");
    assert_has (rest->str, "Próximo passo");
    assert_has (rest->str, "Corrigir");
    assert_has (rest->str, "Atos em que os valores se apoiam");
  }
}

static void
test_forecast_report_demo_marked (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = path_in ("previsao-demo.pdf");
  g_autofree char *first = NULL, *last = NULL;
  guint pages;

  fresh_database ("CE", TRUE);
  cli (&r, "report", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  first = pdf_page_text (pdf, 1);
  assert_has (first, "Dados de demonstração");
  pages = pdf_n_pages (pdf);
  g_assert_cmpuint (pages, >, 1);
  /* Every page says so, not only the first. */
  last = pdf_page_text (pdf, pages);
  assert_has (last, "DADOS DE DEMONSTRAÇÃO");
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "adhesion-output", NULL);
  g_mkdir_with_parents (dir, 0700);

  g_test_add_func ("/adhesion/profile", test_profile);
  g_test_add_func ("/adhesion/offers", test_offers);
  g_test_add_func ("/adhesion/forecast-report-demo-marked", test_forecast_report_demo_marked);
  g_test_add_func ("/adhesion/generate-refusals-and-numbering", test_generate_refusals_and_numbering);
  g_test_add_func ("/adhesion/steps", test_adhesion_steps);
  g_test_add_func ("/adhesion/egestor-needs-protocol", test_egestor_needs_protocol);
  g_test_add_func ("/adhesion/municipal-follow-up", test_municipal_follow_up);
  g_test_add_func ("/adhesion/demo-roster-never-annexed", test_demo_roster_never_annexed);
  g_test_add_func ("/adhesion/annex-from-imported-roster", test_annex_from_imported_roster);
  g_test_add_func ("/adhesion/discarded-draft-keeps-its-number", test_discarded_draft_keeps_its_number);
  g_test_add_func ("/adhesion/same-inputs-same-bytes", test_same_inputs_same_bytes);
  g_test_add_func ("/report/forecast", test_forecast_report);

  rc = g_test_run ();
  g_free (db);
  g_free (dir);
  return rc;
}
