/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ofício register as a hostile user (and a full disk) tries it: the real coordena-cli on a
 * real database, a real register beside it, real PDFs read with pdftotext. "Today" is injected
 * in every run (COORDENA_TODAY); the offer that is still open is the fictional one of
 * tests/fixtures/offers, installed with `offers add` as a user would. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <utime.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "test-utils.h"


#define OPEN_OFFER "exemplo-ficticio-2027"
#define PAST_OFFER "coordenacao-cuidado-2025"

static char *dir;    /* this test's folder */
static char *db;
static char *xdg;
static const char *today = "2026-12-06";
static const char *fsize_limit; /* bytes: the CLI runs as on a disk that fills up there */

static void
assert_has (const char *text, const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” not found in:\n%s", what, text);
}

static void
assert_lacks (const char *text, const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” should not be in:\n%s", what, text);
}

/* Runs coordena-cli --db DB ARGS… (NULL-terminated) on `today`, in Portuguese. */
static void
cli (Run *r, ...)
{
  const char *const env[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", "COORDENA_TODAY", today,
                              "XDG_DATA_HOME", xdg, NULL };
  g_autofree char *limit = NULL;
  const char *prefix[] = { "sh", "-c", "trap '' XFSZ; exec prlimit \"$0\" -- \"$@\"", NULL, NULL };
  va_list args;

  if (fsize_limit != NULL)
    {
      /* A full disk without root mounts: writes past the limit fail (EFBIG), as ENOSPC would. */
      limit = g_strdup_printf ("--fsize=%s", fsize_limit);
      prefix[3] = limit;
    }
  va_start (args, r);
  run_cli_valist (r, &(RunOptions) { .db = db, .env = env, .cwd = dir, .prefix = fsize_limit != NULL ? prefix : NULL },
                  args);
  va_end (args);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", "-layout", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static char *
in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}


/* A new folder with a database of Ceará, its profile, and the fictional open offer installed. */
static void
setup (const char *name)
{
  const char *const kv[] = {
    "secretaria.nome", "Secretaria da Saúde do Estado do Ceará",
    "secretaria.sigla", "COAPS/SESA",
    "cidade", "Fortaleza",
    "endereco", "Av. Almirante Barroso, 600, Praia de Iracema, 60060-440 Fortaleza/CE",
    "telefone", "(85) 3101-5123",
    "email", "coaps@saude.ce.gov.br",
    "secretario.nome", "Maria Clara Nogueira",
    "secretario.genero", "F",
    "coordenador.nome", "José Wellington Façanha",
    "coordenador.genero", "M",
    "contato.nome", "João Pedro Sampaio",
    "contato.email", "joao.sampaio@saude.ce.gov.br",
    "contato.telefone", "(85) 3101-5200",
    NULL,
  };
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "offers", OPEN_OFFER ".offer", NULL);
  g_auto(Run) r = { 0 };

  g_free (dir);
  g_free (db);
  g_free (xdg);
  dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "hostile-oficio", name, NULL);
  remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = in_dir ("estado.db");
  xdg = in_dir ("xdg");
  today = "2026-12-06";
  fsize_limit = NULL;

  cli (&r, "init", "--uf", "CE", NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; kv[i] != NULL; i += 2)
    {
      cli (&r, "profile", "set", kv[i], kv[i + 1], NULL);
      if (r.status != 0)
        g_error ("profile set %s: %s", kv[i], r.err);
    }
  cli (&r, "offers", "add", fixture, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static char *
generate (Run *r, const char *signer, const char *date, const char *name)
{
  char *out = in_dir (name);

  if (date != NULL)
    cli (r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", signer, "--date", date, "-o", out, NULL);
  else
    cli (r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", signer, "-o", out, NULL);
  return out;
}

/* Files in the test folder whose names start with a dot: leftovers of a temporary write. */
static guint
n_temporaries (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += name[0] == '.';
  return n;
}

static guint
n_lines (const char *path)
{
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* 11.2 (a): backup, generate, restore the backup, generate again: never the same number twice. */
static void
test_restore_cannot_reissue (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *one = NULL, *two = NULL, *three = NULL, *four = NULL;
  struct stat st;

  setup ("restore");
  backup = in_dir ("copia.db");
  reg = g_strconcat (db, ".oficios.log", NULL);
  one = generate (&r, "secretario", NULL, "um.pdf");
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2026/COAPS/SESA");
  cli (&r, "backup", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  two = generate (&r, "secretario", NULL, "dois.pdf");
  assert_has (r.out, "OFÍCIO Nº 2/2026/COAPS/SESA");
  three = generate (&r, "coordenador", NULL, "tres.pdf");
  assert_has (r.out, "OFÍCIO Nº 3/2026/COAPS/SESA");

  /* The register beside the database: one line per number, 0600. */
  g_assert_cmpint (g_stat (reg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (n_lines (reg), ==, 3);

  cli (&r, "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "os ofícios 2/2026 a 3/2026 foram emitidos depois desta cópia");

  four = generate (&r, "secretario", NULL, "quatro.pdf");
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 4/2026/COAPS/SESA");
  assert_lacks (r.out, "Nº 2/2026");

  /* A number the restored database forgot cannot be given by hand either. */
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "2/2026", "-o", two,
       NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 2/2026 já foi usado no OFÍCIO Nº 2/2026/COAPS/SESA");
}

/* 11.4: a generate that fails (here: the disk fills up while the database commits) leaves the
 * file the user had at -o exactly as it was, and no temporary file behind. */
static void
test_failed_generate_keeps_the_file (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *precious = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *regdir = NULL;
  gsize n_before = 0, n_after = 0;

  setup ("disco-cheio");
  precious = generate (&r, "secretario", NULL, "precioso.pdf");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (precious, &before, &n_before, NULL));

  /* Room for the new PDF, not for the database's write of it. */
  limit = g_strdup_printf ("%" G_GSIZE_FORMAT, n_before + 4096);
  fsize_limit = limit;
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "coordenador", "-o", precious, NULL);
  fsize_limit = NULL;
  g_assert_cmpint (r.status, ==, 1);
  /* The commit failed after the number was written in the registers: it is spent, and the
   * message says so instead of "nothing was changed". */
  {
    g_autofree char *reg = g_strconcat (db, ".oficios.log", NULL);

    g_assert_cmpuint (n_lines (reg), ==, 2);
    assert_has (r.err, "o número 2/2026 já tinha sido anotado no registro de números emitidos: ele está gasto");
    assert_lacks (r.err, "Nada foi alterado");
  }
  g_assert_true (g_file_get_contents (precious, &after, &n_after, NULL));
  g_assert_cmpuint (n_after, ==, n_before);
  g_assert_true (memcmp (before, after, n_before) == 0);
  g_assert_cmpuint (n_temporaries (), ==, 0);
  cli (&r, "oficio", "list", NULL);
  assert_lacks (r.out, "coordenador");

  /* A PDF larger than the room left: the same. */
  fsize_limit = "40000"; /* above the database’s shared-memory file, below the PDF */
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "coordenador", "-o", precious, NULL);
  fsize_limit = NULL;
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "O arquivo não foi alterado");
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (precious, &after, &n_after, NULL));
  g_assert_true (n_after == n_before && memcmp (before, after, n_before) == 0);
  g_assert_cmpuint (n_temporaries (), ==, 0);

  /* The register cannot be written (a folder in its place): refused before the commit. */
  regdir = g_strconcat (db, ".oficios.log.d", NULL);
  {
    g_autofree char *reg = g_strconcat (db, ".oficios.log", NULL);

    g_assert_cmpint (g_rename (reg, regdir), ==, 0);
    g_assert_cmpint (g_mkdir (reg, 0700), ==, 0);
    cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "coordenador", "-o", precious, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_has (r.err, "registro de números emitidos");
    g_clear_pointer (&after, g_free);
    g_assert_true (g_file_get_contents (precious, &after, &n_after, NULL));
    g_assert_true (n_after == n_before && memcmp (before, after, n_before) == 0);
    g_assert_cmpuint (n_temporaries (), ==, 0);
    g_rmdir (reg);
    g_assert_cmpint (g_rename (regdir, reg), ==, 0);
  }

  /* An export that cannot be written whole leaves the old file too. */
  fsize_limit = "40000"; /* above the database’s shared-memory file, below the PDF */
  cli (&r, "oficio", "export", "1/2026", "-o", precious, NULL);
  fsize_limit = NULL;
  g_assert_cmpint (r.status, ==, 1);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (precious, &after, &n_after, NULL));
  g_assert_true (n_after == n_before && memcmp (before, after, n_before) == 0);
  g_assert_cmpuint (n_temporaries (), ==, 0);

  /* With room again, the next number follows; none was printed twice. */
  {
    g_autofree char *next = generate (&r, "coordenador", NULL, "seguinte.pdf");

    g_assert_cmpint (r.status, ==, 0);
    assert_lacks (r.out, "Nº 1/2026");
  }
}

/* 13.1: dated today or up to 30 days ahead, never before today nor before the last ofício. */
static void
test_no_backdating (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *refused = NULL;

  setup ("datas");
  refused = generate (&r, "secretario", "2026-12-01", "recusado.pdf");
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a data 01/12/2026 é anterior a hoje (06/12/2026)");
  assert_has (r.err, "oficio register");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  g_free (generate (&r, "secretario", "1990-01-01", "recusado.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "anterior a hoje");
  g_free (generate (&r, "secretario", "2027-01-06", "recusado.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "mais de 30 dias à frente: escolha um dia até 05/01/2027");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  /* The default is today, and the PDF says so. */
  pdf = generate (&r, "secretario", NULL, "hoje.pdf");
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "06/12/2026");
  text = pdf_text (pdf);
  assert_has (text, "Fortaleza, 6 de dezembro de 2026.");
  assert_has (text, "OFÍCIO Nº 1/2026/COAPS/SESA");

  /* A later day for the signature; then nothing may be dated before it. */
  g_free (generate (&r, "secretario", "2026-12-20", "assinatura.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  g_free (generate (&r, "secretario", "2026-12-10", "recusado.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "anterior à do último documento da sequência, OFÍCIO Nº 2/2026/COAPS/SESA (20/12/2026)");

  /* The adhesion's step is dated the day of generation, not backdated. */
  cli (&r, "adhesion", "status", "--offer", OPEN_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "2026-12-06");
  assert_lacks (r.out, "2026-12-20");

  /* The shipped offer's deadline is past: today's ofício for it is refused, naming the act. */
  cli (&r, "oficio", "generate", "--offer", PAST_OFFER, "--signer", "secretario", "-o", refused, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "03/12/2025 (NT Conjunta nº 441/2025, item 2.6)");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

/* 13.3: the secretariat's own number, unique per year; the counter's style and next value. */
static void
test_own_number (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = in_dir ("sei.pdf");
  g_autofree char *text = NULL;

  setup ("numero");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "123/2026", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf);
  assert_has (text, "OFÍCIO Nº 123/2026/COAPS/SESA");

  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "123/2026", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 123/2026 já foi usado");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "7/2027", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 7/2027 é de 2027, mas o ofício é datado de 2026");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "doze", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não é um número de ofício");

  /* The counter is still the default, untouched by the given number. */
  g_free (generate (&r, "secretario", NULL, "contador.pdf"));
  assert_has (r.out, "OFÍCIO Nº 1/2026/COAPS/SESA");

  /* Its next value and style, as Preferências set them. */
  cli (&r, "profile", "set", "numeracao.proximo", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o contador já chegou a 1/2026");
  cli (&r, "profile", "set", "numeracao.proximo", "40", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "profile", "set", "numeracao.estilo", "N.º", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "profile", "show", NULL);
  assert_has (r.out, "40/2026");
  g_free (generate (&r, "secretario", NULL, "quarenta.pdf"));
  assert_has (r.out, "OFÍCIO N.º 40/2026/COAPS/SESA");
}

/* 13.2: an ofício sent outside Coordena, registered; the timeline counts the date sent. */
static void
test_register_sent_outside (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *scan = in_dir ("digitalizado.pdf");
  g_autofree char *back = in_dir ("de-volta.pdf");
  g_autofree char *a = NULL, *b = NULL;
  gsize la = 0, lb = 0;

  setup ("registro");
  g_assert_true (g_file_set_contents (scan, "%PDF-1.4 ofício assinado à mão e digitalizado\n", -1, NULL));

  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "88/2026", "--data-envio", "2026-12-07", "--canal",
       "SEI", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a data 07/12/2026 está no futuro");
  /* Sent years before the act that admits the ofício existed: refused, naming the act. */
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "4/2019", "--data-envio", "2019-05-02", "--canal",
       "SEI", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a data 02/05/2019 é anterior a 01/01/2026");
  assert_has (r.err, "NT Conjunta nº 901/2026");
  cli (&r, "oficio", "list", NULL);
  assert_has (r.out, "Nenhum ofício");
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "88/2026", "--data-envio", "2026-12-04", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_has (r.err, "--canal");

  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "88/2026", "--data-envio", "2026-12-04", "--canal",
       "SEI", "--recibo", "25000.190001/2026-10", "--arquivo", scan, "--signer", "secretario", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 88/2026/COAPS/SESA registrado");

  cli (&r, "oficio", "list", NULL);
  assert_has (r.out, "registrado, enviado por SEI · 25000.190001/2026-10");
  cli (&r, "oficio", "list", "--format", "json", NULL);
  assert_has (r.out, "\"origem\" : \"registrado\"");
  assert_has (r.out, "\"data_envio\" : \"2026-12-04\"");

  /* The adhesion is "enviado" since the date sent. */
  cli (&r, "adhesion", "status", "--offer", OPEN_OFFER, NULL);
  assert_has (r.out, "enviado");
  assert_has (r.out, "2026-12-04");

  /* The registered file comes back byte for byte. */
  cli (&r, "oficio", "export", "88/2026", "-o", back, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_file_get_contents (scan, &a, &la, NULL);
  g_file_get_contents (back, &b, &lb, NULL);
  g_assert_true (la == lb && memcmp (a, b, la) == 0);

  /* Its number is taken; a step before the date sent is refused. */
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "88/2026", "-o", back, NULL);
  g_assert_cmpint (r.status, ==, 1);
  cli (&r, "adhesion", "set", "--offer", OPEN_OFFER, "confirmado", "--date", "2026-12-03", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "anterior à última etapa da adesão");
  /* Nor can any step come before the offer's first act (NT Conjunta nº 901/2026). */
  cli (&r, "adhesion", "set", "--offer", OPEN_OFFER, "confirmado", "--date", "2019-03-01", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a data 01/03/2019 é anterior a 01/01/2026, início do ano do primeiro ato da oferta");
  cli (&r, "adhesion", "set", "--offer", OPEN_OFFER, "confirmado", "--date", "2026-12-05", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* Sent after the offer's deadline: refused, naming the act. */
  setup ("registro-tarde");
  cli (&r, "oficio", "register", "--offer", PAST_OFFER, "--numero", "9/2025", "--data-envio", "2025-12-05", "--canal",
       "Correios", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "NT Conjunta nº 441/2025, item 2.6");
}

/* 13.4: "Respeitosamente" from the coordinator to the federal Secretary, "Atenciosamente" from
 * the state Secretary; each signer's own setting wins. Both genders of both signers. */
static void
test_closing_by_signer (void)
{
  g_auto(Run) r = { 0 };
  const struct {
    const char *signer, *gender, *closing, *cargo;
  } cases[] = {
    { "secretario", "F", "Atenciosamente,", "Secretária de Estado da Saúde" },
    { "secretario", "M", "Atenciosamente,", "Secretário de Estado da Saúde" },
    { "coordenador", "F", "Respeitosamente,", "Coordenadora Estadual de Atenção Primária à Saúde" },
    { "coordenador", "M", "Respeitosamente,", "Coordenador Estadual de Atenção Primária à Saúde" },
  };

  setup ("fecho");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s.genero", cases[i].signer);
      g_autofree char *name = g_strdup_printf ("fecho-%s-%s.pdf", cases[i].signer, cases[i].gender);
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;

      cli (&r, "profile", "set", key, cases[i].gender, NULL);
      pdf = generate (&r, cases[i].signer, NULL, name);
      g_assert_cmpint (r.status, ==, 0);
      text = pdf_text (pdf);
      assert_has (text, cases[i].closing);
      assert_has (text, cases[i].cargo);
      assert_lacks (text, g_str_equal (cases[i].closing, "Atenciosamente,") ? "Respeitosamente" : "Atenciosamente");
    }
  cli (&r, "profile", "set", "secretario.fecho", "Respeitosamente", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *pdf = generate (&r, "secretario", NULL, "fecho-escolhido.pdf");
    g_autofree char *text = pdf_text (pdf);

    assert_has (text, "Respeitosamente,");
  }
  cli (&r, "profile", "set", "coordenador.fecho", "Cordialmente", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "Atenciosamente ou Respeitosamente");
}

/* 13.5 and 13.7: what the letter says, and the address block of the decree. */
static void
test_content_and_address (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  setup ("conteudo");
  pdf = generate (&r, "secretario", NULL, "conteudo.pdf");
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  assert_has (text, "Ao Senhor\n");
  assert_has (flat, "condicionante, nos termos do item 2.2 da Nota Técnica Conjunta nº 902/2026");
  assert_has (flat, "profissionais de saúde da APS, AES e VS");
  assert_has (flat, "previstas no item 5 da Nota Técnica Conjunta nº 901/2026");
  assert_has (flat, "item 3.1 da Nota Técnica Conjunta nº 902/2026");

  /* Decreto nº 9.758/2019, art. 4, literally: the cargo with no form of address. */
  cli (&r, "profile", "set", "enderecamento", "decreto", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_free (generate (&r, "secretario", NULL, "decreto.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *path = in_dir ("decreto.pdf");

    text = pdf_text (path);
  }
  assert_lacks (text, "Ao Senhor");
  assert_has (text, "Secretário de Atenção Primária à Saúde\nMinistério da Saúde");
  cli (&r, "profile", "set", "enderecamento", "Excelentíssimo", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

/* 13.5: the annex takes the latest competência on or before the ofício's date, says which, and
 * names the eAP modalidade. */
static void
test_annex_competencia (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "roster-60.csv", NULL);
  g_autofree char *later = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  setup ("anexo");
  later = in_dir ("dezembro.csv");
  g_assert_true (g_file_set_contents (later,
                                      "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
                                      "202612;2304400;2480000;0001500007;eAP20;700000000000013;Médico 0;225142;20\n"
                                      "202612;2304400;2480000;0001500007;eAP20;700000000000021;Enfermeira 0;223565;20\n",
                                      -1, NULL));
  cli (&r, "import", "roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "import", "roster", later, NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* Dated in November 2026: competência 10/2025 is the latest on or before it, not 12/2026. */
  today = "2026-11-20";
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--anexo", "equipes", "-o",
       (pdf = in_dir ("anexo-nov.pdf")), NULL);
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  assert_has (flat, "60 equipes ativas na competência 10/2025 do CNES, a mais recente até a data do ofício (20/11/2026)");
  assert_has (text, "eAP 30 h");

  /* Dated in December: competência 12/2026, one team of modalidade I. */
  today = "2026-12-06";
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);
  g_clear_pointer (&pdf, g_free);
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--anexo", "equipes", "-o",
       (pdf = in_dir ("anexo-dez.pdf")), NULL);
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  assert_has (flat, "1 equipes ativas na competência 12/2026");
  assert_has (text, "eAP 20 h");
}

/* 13.6: closed offers read "encerrada" with the act, open ones first; add validates and installs,
 * remove takes a user offer away and refuses a shipped one. */
static void
test_offers_over_time (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *broken = NULL;
  const char *open_at, *closed_at;

  setup ("ofertas");
  cli (&r, "offers", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  open_at = strstr (r.out, OPEN_OFFER);
  closed_at = strstr (r.out, PAST_OFFER);
  g_assert_nonnull (open_at);
  g_assert_nonnull (closed_at);
  g_assert_true (open_at < closed_at);
  assert_has (r.out, "aberta");
  assert_has (r.out, "encerrada — prazo encerrado em 03/12/2025 (NT Conjunta nº 441/2025, item 2.6)");

  /* On the fictional offer's last day it is still open; the day after, closed. */
  today = "2027-04-01";
  cli (&r, "offers", "list", NULL);
  assert_has (r.out, "prazo encerrado em 31/03/2027 (NT Conjunta nº 902/2026, item 2.6)");
  today = "2026-12-06";

  broken = in_dir ("quebrada.offer");
  g_assert_true (g_file_set_contents (broken, "[Offer]\nId=quebrada\nName=Quebrada\n\n[Deadline]\nDate=2027-02-30\n",
                                      -1, NULL));
  cli (&r, "offers", "add", broken, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "quebrada.offer:");
  assert_has (r.err, "[Offer]");
  cli (&r, "offers", "list", NULL);
  assert_lacks (r.out, "quebrada");

  cli (&r, "offers", "remove", PAST_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "vem com o Coordena");
  cli (&r, "offers", "remove", OPEN_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "offers", "list", NULL);
  assert_lacks (r.out, OPEN_OFFER);
}


/* Starts coordena-cli ARGS… on `today` without waiting (for kill -9 at any moment). */
static GSubprocess *
cli_start (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COORDENA_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "COORDENA_TODAY", today, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

/* 11.2 (b): generate killed with SIGKILL at every stage. Whatever moment the kill hits, an
 * ofício file that appears under its name is known to the database with the same SHA-256, and
 * no number is ever printed on two different documents. */
static void
test_kill_never_duplicates (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *reg = NULL;
  guint killed = 0, finished = 0;

  setup ("kill");
  reg = g_strconcat (db, ".oficios.log", NULL);
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("k%02u.pdf", i);
      g_autofree char *out = in_dir (name);
      const char *args[] = { "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "-o", out, NULL };
      g_autoptr(GSubprocess) proc = cli_start (args);

      g_usleep ((gulong) (i * 4000)); /* 0 to 60 ms: before, during and after the commit */
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      if (g_subprocess_get_if_signaled (proc))
        killed++;
      else
        finished++;
    }

  /* Every file that made it to its name is a stored ofício, byte for byte. */
  cli (&r, "oficio", "list", "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    for (guint i = 1; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = g_strsplit (lines[i], ";", -1);

        if (g_strv_length (f) < 9)
          continue;
        /* numero;ano;…;sha256 at column 8 */
        g_assert_false (g_hash_table_contains (seen, f[0]));
        g_hash_table_insert (seen, g_strdup (f[0]), g_strdup (f[8]));
      }
  }
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("k%02u.pdf", i);
      g_autofree char *out = in_dir (name);
      g_autofree char *bytes = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *text = NULL;
      gsize n = 0;
      gboolean known = FALSE;
      GHashTableIter it;
      gpointer key, value;

      if (!g_file_get_contents (out, &bytes, &n, NULL))
        continue;
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, n);
      g_hash_table_iter_init (&it, seen);
      while (g_hash_table_iter_next (&it, &key, &value))
        known = known || g_str_equal (value, sha);
      if (!known)
        g_error ("%s is on disk but its SHA-256 %s is not in the database", name, sha);
      text = pdf_text (out);
      assert_has (text, "OFÍCIO Nº");
    }

  /* The next number is past everything the register holds. */
  {
    g_autofree char *log = NULL;
    g_autofree char *next = NULL;
    g_autofree char *expected = NULL;
    g_auto(GStrv) lines = NULL;
    guint64 highest = 0;

    if (g_file_get_contents (reg, &log, NULL, NULL))
      {
        lines = g_strsplit (log, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          {
            g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

            if (g_strv_length (f) >= 9)
              highest = MAX (highest, g_ascii_strtoull (f[3], NULL, 10));
          }
      }
    next = generate (&r, "secretario", NULL, "depois.pdf");
    g_assert_cmpint (r.status, ==, 0);
    expected = g_strdup_printf ("OFÍCIO Nº %" G_GUINT64_FORMAT "/2026", highest + 1);
    assert_has (r.out, expected);
  }
  {
    guint on_disk = 0;

    for (guint i = 0; i < 16; i++)
      {
        g_autofree char *name = g_strdup_printf ("k%02u.pdf", i);
        g_autofree char *out = in_dir (name);

        on_disk += g_file_test (out, G_FILE_TEST_EXISTS);
      }
    g_test_message ("kill -9: %u killed, %u finished before the kill; %u ofícios stored, %u files under their name, "
                    "%u temporary files left", killed, finished, g_hash_table_size (seen), on_disk, n_temporaries ());
  }
}

/* QA 1: a copy of the database at another path (cp, or restore into another file) cannot
 * reissue a number: the user's register of the state keeps them too. A damaged register stops
 * the numbering, naming the file; a register left 0644 is made 0600. */
static void
test_copy_cannot_reissue (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *backup = NULL, *other = NULL, *restored = NULL, *main_db = NULL;
  g_autofree char *user_reg = NULL, *reg = NULL, *text = NULL;
  g_autofree char *out = NULL;
  struct stat st;

  setup ("copia-outro-caminho");
  backup = in_dir ("copia.db");
  other = in_dir ("outro.db");
  restored = in_dir ("restaurado.db");
  user_reg = g_build_filename (xdg, "coordena", "oficios-CE.log", NULL);
  reg = g_strconcat (db, ".oficios.log", NULL);
  g_free (generate (&r, "secretario", NULL, "um.pdf"));
  assert_has (r.out, "OFÍCIO Nº 1/2026/COAPS/SESA");
  cli (&r, "backup", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_free (generate (&r, "secretario", NULL, "dois.pdf"));
  assert_has (r.out, "OFÍCIO Nº 2/2026/COAPS/SESA");
  g_free (generate (&r, "secretario", NULL, "tres.pdf"));
  assert_has (r.out, "OFÍCIO Nº 3/2026/COAPS/SESA");
  g_assert_cmpint (g_stat (user_reg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (n_lines (user_reg), ==, 3);

  /* cp backup.db outro.db, then generate there. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (backup);
    g_autoptr(GFile) to = g_file_new_for_path (other);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  }
  main_db = g_steal_pointer (&db);
  db = g_strdup (other);
  g_free (generate (&r, "secretario", NULL, "copia.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 4/2026/COAPS/SESA");
  assert_lacks (r.out, "Nº 2/2026");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "3/2026", "-o",
       (out = in_dir ("tres-de-novo.pdf")), NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 3/2026 já foi usado no OFÍCIO Nº 3/2026/COAPS/SESA");

  /* restore the backup into a third file: the note names what was issued after it. */
  g_free (db);
  db = g_strdup (restored);
  cli (&r, "init", "--uf", "CE", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "os ofícios 2/2026 a 4/2026 foram emitidos depois desta cópia");

  /* A demonstration database never writes the state's register. */
  g_free (db);
  db = in_dir ("demo.db");
  cli (&r, "init", "--uf", "CE", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    const char *const kv[] = { "secretaria.nome", "Secretaria de Demonstração", "secretaria.sigla", "DEMO",
                               "cidade", "Fortaleza", "endereco", "Rua da Demonstração, 1", "telefone", "(85) 0000-0000",
                               "email", "demo@example.org", "contato.nome", "Demo", "contato.email", "demo@example.org",
                               "contato.telefone", "(85) 0000-0000", "secretario.nome", "Demo", "secretario.genero", "F",
                               NULL };

    for (guint i = 0; kv[i] != NULL; i += 2)
      {
        cli (&r, "profile", "set", kv[i], kv[i + 1], NULL);
        g_assert_cmpint (r.status, ==, 0);
      }
  }
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "-o",
       (g_free (out), out = in_dir ("demo.pdf")), NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2026/DEMO");
  g_assert_cmpuint (n_lines (user_reg), ==, 4);
  g_free (db);
  db = g_steal_pointer (&main_db);

  /* A register left readable by others is made 0600 again. */
  g_assert_cmpint (g_chmod (reg, 0644), ==, 0);
  g_assert_cmpint (g_chmod (user_reg, 0644), ==, 0);
  g_free (generate (&r, "coordenador", NULL, "cinco.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 5/2026/COAPS/SESA");
  g_assert_cmpint (g_stat (reg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (user_reg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A damaged line is not skipped: nothing is issued, and the message names the file. */
  g_assert_true (g_file_get_contents (user_reg, &text, NULL, NULL));
  {
    g_autofree char *damaged = g_strconcat ("v1\toficio\t2026\tseis\t2026-12-06\tcontador\t-\t-\tX\n", text, NULL);

    g_assert_true (g_file_set_contents (user_reg, damaged, -1, NULL));
  }
  g_free (generate (&r, "coordenador", NULL, "seis.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, user_reg);
  assert_has (r.err, "linha 1");
  assert_has (r.err, "cópia de segurança");
  g_free (out);
  out = in_dir ("seis.pdf");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (user_reg, text, -1, NULL));
  g_free (generate (&r, "coordenador", NULL, "seis.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 6/2026/COAPS/SESA");
}

/* QA 2, 3, 4, 6: numbers follow dates within one year's sequence; a post-dated January ofício
 * does not hold back December's; "assinado"/"enviado" not before the ofício's date; a registered
 * number's year is the year it was sent. */
static void
test_dates_within_the_year (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *pdf = NULL;

  setup ("datas-no-ano");
  pdf = in_dir ("x.pdf");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "3/2026", "--date",
       "2026-12-20", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "2/2026", "--date",
       "2026-12-21", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 2/2026 não pode ser datado de 21/12/2026: o número maior 3/2026");
  cli (&r, "oficio", "generate", "--offer", OPEN_OFFER, "--signer", "secretario", "--numero", "2/2026", "--date",
       "2026-12-20", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* The register of a number lower than one dated 20/12, sent later: refused too. */
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "1/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", NULL);
  g_assert_cmpint (r.status, ==, 0);

  setup ("janeiro");
  pdf = (g_free (pdf), in_dir ("x.pdf"));
  g_free (generate (&r, "secretario", "2027-01-05", "janeiro.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2027/COAPS/SESA");
  /* Signed and sent before the date it bears: refused. */
  cli (&r, "adhesion", "set", "--offer", OPEN_OFFER, "assinado", "--date", "2026-12-06", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "a data 06/12/2026 é anterior à do OFÍCIO Nº 1/2027/COAPS/SESA (05/01/2027)");
  /* December's ofícios still go out after a post-dated January one. */
  g_free (generate (&r, "coordenador", NULL, "dezembro.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 1/2026/COAPS/SESA");
  today = "2026-12-15";
  g_free (generate (&r, "coordenador", NULL, "dezembro2.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 2/2026/COAPS/SESA");
  today = "2026-12-06";

  /* A number of 2026 sent in 2025. */
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "13/2026", "--data-envio", "2025-12-01", "--canal",
       "SEI", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "o número 13/2026 é de 2026, mas o ofício foi enviado em 01/12/2025");
}

/* QA 6, 7: --arquivo takes only an ordinary PDF, PNG or JPEG (a database holding CNS, a FIFO,
 * /dev/zero are refused at once); the counter cannot be set past 99999. */
/* A register of numbers replaced by a pipe or a link to a device is refused at once: no hang, no
 * memory filled, no number issued. */
static void
test_register_not_a_file (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *reg = NULL;

  setup ("registro-estranho");
  reg = g_strconcat (db, ".oficios.log", NULL);
  g_unlink (reg);
  g_assert_cmpint (mkfifo (reg, 0600), ==, 0);
  g_free (generate (&r, "secretario", NULL, "fila.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "deveria ser o registro de números emitidos");
  g_unlink (reg);
  g_assert_cmpint (symlink ("/dev/zero", reg), ==, 0);
  g_free (generate (&r, "secretario", NULL, "zero.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "deveria ser o registro de números emitidos");
  g_unlink (reg);
}

static void
test_register_file_kinds (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *fifo = NULL, *sqlite = NULL, *png = NULL, *big = NULL;
  const char png_magic[] = "\x89PNG\r\n\x1a\n....";

  setup ("arquivo");
  fifo = in_dir ("fila");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* A FIFO nobody writes to would block the read forever: refused before it is opened. */
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--arquivo", fifo, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não é um arquivo comum");
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--arquivo", "/dev/zero", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não é um arquivo comum");
  /* The database itself, full of CNS. */
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--arquivo", db, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não é um arquivo PDF, PNG ou JPEG");
  /* Too large: refused by its size, without reading it. */
  big = in_dir ("grande.pdf");
  {
    FILE *f = fopen (big, "w");

    g_assert_nonnull (f);
    fputs ("%PDF-1.4\n", f);
    g_assert_cmpint (fseek (f, 60 * 1024 * 1024, SEEK_SET), ==, 0);
    fputc ('\n', f);
    fclose (f);
  }
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--arquivo", big, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "tem mais de 50 MB");
  cli (&r, "oficio", "list", NULL);
  assert_has (r.out, "Nenhum ofício");
  cli (&r, "profile", "set", "numeracao.proximo", "2147483647", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "de 1 a 99999");
  cli (&r, "profile", "set", "numeracao.proximo", "99999", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_free (generate (&r, "secretario", NULL, "ultimo.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "OFÍCIO Nº 99999/2026/COAPS/SESA");
  /* The year's numbering is full: the counter gives no 100000. */
  g_free (generate (&r, "secretario", NULL, "alem.pdf"));
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "chegou a 99999");
  {
    g_autofree char *beyond = in_dir ("alem.pdf");

    g_assert_false (g_file_test (beyond, G_FILE_TEST_EXISTS));
  }
  /* A scan as PNG is accepted. */
  png = in_dir ("scan.png");
  g_assert_true (g_file_set_contents (png, png_magic, sizeof png_magic - 1, NULL));
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--arquivo", png, NULL);
  g_assert_cmpint (r.status, ==, 0);

}

/* QA 5: an escape sequence or a direction override is refused at every input, and one already
 * stored (written by another program) reaches neither the terminal nor the PDF. */
static void
test_control_characters (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *offer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  const char *esc = "Ana\x1b[31mMaria";
  const char *bidi = "SEI \xe2\x80\xae" "fdp.exe";
  sqlite3 *handle = NULL;

  setup ("controles");
  cli (&r, "adhesion", "set", "--offer", OPEN_OFFER, "assinado", "--note", esc, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "--note tem um caractere de controle (U+001B");
  assert_lacks (r.err, "\x1b");
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       esc, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "--canal tem um caractere de controle");
  cli (&r, "oficio", "register", "--offer", OPEN_OFFER, "--numero", "5/2026", "--data-envio", "2026-12-06", "--canal",
       "SEI", "--recibo", bidi, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "--recibo tem um caractere de controle (U+202E");
  cli (&r, "municipios", "adesao", "--offer", OPEN_OFFER, "set", "2304400", "--secretario", "Ana\nMaria", "--genero",
       "F", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "caractere de controle (U+000A");

  /* An offer file with an escape in its Name: refused with the file and line. */
  offer = in_dir ("escape.offer");
  {
    g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "offers", OPEN_OFFER ".offer", NULL);
    g_autofree char *body = NULL;
    g_autoptr(GString) changed = NULL;

    g_assert_true (g_file_get_contents (fixture, &body, NULL, NULL));
    changed = g_string_new (body);
    g_string_replace (changed, "Id=" OPEN_OFFER, "Id=oferta-com-escape", 1);
    g_assert_nonnull (strstr (changed->str, "\nName="));
    g_string_replace (changed, "\nName=", "\nName=\x1b[2J", 1);
    g_assert_true (g_file_set_contents (offer, changed->str, -1, NULL));
  }
  cli (&r, "offers", "add", offer, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "escape.offer");
  assert_has (r.err, "caractere de controle (U+001B");

  /* A value another program stored with an escape: shown as U+FFFD, never raw. */
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE profile SET value = 'COAPS' || char(27) || '[31m' "
                                 "WHERE key = 'contato.nome'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  cli (&r, "profile", "show", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_lacks (r.out, "\x1b");
  assert_has (r.out, "COAPS\xef\xbf\xbd[31m");
  pdf = generate (&r, "secretario", NULL, "escape.pdf");
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_text (pdf);
  assert_lacks (text, "\x1b");
  assert_has (text, "COAPS?[31m");
}

/* QA 9: the shipped offer cannot be replaced by `offers add`; a user offer with ofícios is not
 * removed without --force; a file with no group says file and line in Portuguese. */
static void
test_offer_files_guarded (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *shipped = g_build_filename (g_getenv ("COORDENA_DATADIR") != NULL ? g_getenv ("COORDENA_DATADIR") : ".",
                                               "offers", PAST_OFFER ".offer", NULL);
  g_autofree char *body = NULL;
  g_autofree char *copy = NULL, *nogroup = NULL;
  g_autoptr(GString) changed = NULL;

  setup ("ofertas-guardadas");
  g_assert_true (g_file_get_contents (shipped, &body, NULL, NULL));
  changed = g_string_new (body);
  g_assert_cmpuint (g_string_replace (changed, "Date=2025-12-03", "Date=2027-06-30", 0), >, 0);
  copy = in_dir ("prazo-novo.offer");
  g_assert_true (g_file_set_contents (copy, changed->str, -1, NULL));
  cli (&r, "offers", "add", copy, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "vem com o Coordena e não pode ser substituída; dê ao seu arquivo um novo Id");
  cli (&r, "offers", "show", PAST_OFFER, NULL);
  assert_has (r.out, "03/12/2025");

  nogroup = in_dir ("sem-grupo.offer");
  g_assert_true (g_file_set_contents (nogroup, "# uma oferta\n\nId=sem-grupo\n[Offer]\n", -1, NULL));
  cli (&r, "offers", "add", nogroup, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "sem-grupo.offer, linha 3: o arquivo deve começar pelo grupo [Offer]");

  g_free (generate (&r, "secretario", NULL, "um.pdf"));
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "offers", "remove", OPEN_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "tem ofícios neste banco de dados (OFÍCIO Nº 1/2026/COAPS/SESA)");
  assert_has (r.err, "--force");
  cli (&r, "offers", "show", OPEN_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "offers", "remove", "--force", OPEN_OFFER, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

/* QA 10: a run killed between commit and rename left ".NAME.pdf.XXXXXX": the next generate into
 * that folder removes it and says how to write the stored ofício again; anything else is left. */
static void
test_stale_temporaries (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *stale = NULL, *fresh = NULL, *other = NULL, *mine = NULL, *pdf = NULL;
  struct utimbuf old = { 1577836800, 1577836800 }; /* 2020-01-01 */

  setup ("temporarios");
  stale = in_dir (".um.pdf.Ab12Cd");
  fresh = in_dir (".dois.pdf.Xy98Zw");
  other = in_dir (".notas.txt.Ab12Cd");
  mine = in_dir (".um.pdf.bak");
  g_assert_true (g_file_set_contents (stale, "%PDF-1.4 inacabado\n", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "%PDF-1.4 sendo escrito\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "notas", -1, NULL));
  g_assert_true (g_file_set_contents (mine, "cópia", -1, NULL));
  g_assert_cmpint (g_chmod (stale, 0600), ==, 0);
  g_assert_cmpint (g_chmod (fresh, 0600), ==, 0);
  g_assert_cmpint (g_chmod (other, 0600), ==, 0);
  g_assert_cmpint (g_chmod (mine, 0600), ==, 0);
  g_assert_cmpint (g_utime (stale, &old), ==, 0);
  g_assert_cmpint (g_utime (other, &old), ==, 0);
  g_assert_cmpint (g_utime (mine, &old), ==, 0);

  pdf = generate (&r, "secretario", NULL, "um.pdf");
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.err, "Removido o arquivo inacabado .um.pdf.Ab12Cd");
  assert_has (r.err, "oficio export NUMERO/ANO");
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile-oficio/restore-cannot-reissue", test_restore_cannot_reissue);
  g_test_add_func ("/hostile-oficio/failed-generate-keeps-the-file", test_failed_generate_keeps_the_file);
  g_test_add_func ("/hostile-oficio/no-backdating", test_no_backdating);
  g_test_add_func ("/hostile-oficio/own-number", test_own_number);
  g_test_add_func ("/hostile-oficio/register-sent-outside", test_register_sent_outside);
  g_test_add_func ("/hostile-oficio/closing-by-signer", test_closing_by_signer);
  g_test_add_func ("/hostile-oficio/content-and-address", test_content_and_address);
  g_test_add_func ("/hostile-oficio/annex-competencia", test_annex_competencia);
  g_test_add_func ("/hostile-oficio/offers-over-time", test_offers_over_time);
  g_test_add_func ("/hostile-oficio/kill-never-duplicates", test_kill_never_duplicates);
  g_test_add_func ("/hostile-oficio/copy-cannot-reissue", test_copy_cannot_reissue);
  g_test_add_func ("/hostile-oficio/dates-within-the-year", test_dates_within_the_year);
  g_test_add_func ("/hostile-oficio/register-file-kinds", test_register_file_kinds);
  g_test_add_func ("/hostile-oficio/register-not-a-file", test_register_not_a_file);
  g_test_add_func ("/hostile-oficio/control-characters", test_control_characters);
  g_test_add_func ("/hostile-oficio/offer-files-guarded", test_offer_files_guarded);
  g_test_add_func ("/hostile-oficio/stale-temporaries", test_stale_temporaries);
  return g_test_run ();
}
