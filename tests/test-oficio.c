/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The adhesion ofício as the Ministry receives it: real PDFs read back with Poppler's tools. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include <coordena/coordena.h>
#include <coordena/offer.h>
#include <coordena/oficio.h>
#include <coordena/pdf.h>

static CoordenaOffer *offer;
static char *out_dir;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_tool (Run *r, const char *const *argv)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
  /* Poppler complains on stderr about anything odd in a PDF: there must be nothing. */
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
}

static char *
pdf_text (const char *path, int page)
{
  g_auto(Run) r = { 0 };
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    {
      const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };
      run_tool (&r, argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
      run_tool (&r, argv);
    }
  return g_steal_pointer (&r.out);
}

/* The text with every run of blanks and line ends as one space. */
static char *
flatten (const char *text)
{
  GString *flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\f')
        space = TRUE;
      else
        {
          if (space && flat->len > 0)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_c (flat, *p);
        }
    }
  return g_string_free (flat, FALSE);
}

static GHashTable *
base_profile (void)
{
  GHashTable *v = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

#define SET(k, x) g_hash_table_insert (v, g_strdup (k), g_strdup (x))
  SET ("secretaria.nome", "Secretaria da Saúde do Estado do Ceará");
  SET ("secretaria.sigla", "COAPS/SESA");
  SET ("subunidade", "Coordenadoria de Atenção Primária à Saúde");
  SET ("cidade", "Fortaleza/CE");
  SET ("endereco", "Av. Almirante Barroso, 600, Praia de Iracema, 60060-440 Fortaleza/CE");
  SET ("telefone", "(85) 3101-5123");
  SET ("email", "coaps@saude.ce.gov.br");
  SET ("site", "www.saude.ce.gov.br");
  SET ("secretario.nome", "Maria Clara Albuquerque Nogueira");
  SET ("secretario.genero", "F");
  SET ("coordenador.nome", "José Wellington Façanha");
  SET ("coordenador.genero", "M");
  SET ("contato.nome", "João Pedro Sampaio");
  SET ("contato.email", "joao.sampaio@saude.ce.gov.br");
  SET ("contato.telefone", "(85) 3101-5200");
#undef SET
  return v;
}

static void
request_init (CoordenaOficioRequest *rq, GHashTable *profile, const char *signer, int day, int month, int year)
{
  memset (rq, 0, sizeof *rq);
  rq->offer = offer;
  rq->profile.uf = "CE";
  rq->profile.values = profile;
  rq->signer = signer;
  g_date_clear (&rq->date, 1);
  g_date_set_dmy (&rq->date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Composes, renders and writes the ofício; returns its path in the test output directory. */
static char *
render_to_file (const CoordenaOficioRequest *rq, guint number, const char *name, guint *pages, GBytes **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOficioDoc) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *path = g_build_filename (out_dir, name, NULL);

  coordena_oficio_check (rq, &error);
  g_assert_no_error (error);
  doc = coordena_oficio_compose (rq, number, &error);
  g_assert_no_error (error);
  bytes = coordena_oficio_doc_render (doc, pages, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  if (bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);
  return path;
}

static char *
render_default (const char *name, guint *pages)
{
  g_autoptr(GHashTable) profile = base_profile ();
  CoordenaOficioRequest rq;

  request_init (&rq, profile, "secretario", 1, 12, 2025);
  return render_to_file (&rq, 12, name, pages, NULL);
}

static void
test_page_and_fonts (void)
{
  g_autofree char *path = render_default ("padrao.pdf", NULL);
  g_auto(Run) info = { 0 };
  g_auto(Run) fonts = { 0 };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_auto(GStrv) lines = NULL;
  guint carlito = 0;

  run_tool (&info, info_argv);
  g_assert_nonnull (strstr (info.out, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info.out, "Pages:           1"));
  g_assert_nonnull (strstr (info.out, "Ofício Nº 12/2025/COAPS/SESA"));
  g_assert_nonnull (strstr (info.out, "Encrypted:       no"));

  run_tool (&fonts, fonts_argv);
  lines = g_strsplit (fonts.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Carlito") != NULL)
      {
        /* name, type, encoding, then emb sub uni: embedded and subset */
        g_assert_nonnull (strstr (lines[i], "TrueType"));
        g_assert_nonnull (strstr (lines[i], " yes yes "));
        carlito++;
      }
  g_assert_cmpuint (carlito, ==, 2); /* regular and bold */
  g_assert_null (strstr (fonts.out, "Helvetica"));
}

static void
assert_in_order (const char *text, const char *const *parts)
{
  const char *at = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = strstr (at, parts[i]);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", parts[i], text);
      at = found + strlen (parts[i]);
    }
}

static void
test_parts_in_order (void)
{
  g_autofree char *path = render_default ("partes.pdf", NULL);
  g_autofree char *text = pdf_text (path, 0);
  const char *const parts[] = {
    "GOVERNO DO ESTADO DO CEARÁ",
    "SECRETARIA DA SAÚDE DO ESTADO DO CEARÁ",
    "Coordenadoria de Atenção Primária à Saúde",
    "OFÍCIO Nº 12/2025/COAPS/SESA",
    "Fortaleza, 1º de dezembro de 2025.",
    "À Senhora",
    "Secretária de Atenção Primária à Saúde",
    "Ministério da Saúde",
    "Esplanada dos Ministérios, Bloco G",
    "70058-900 Brasília/DF",
    "Assunto: Adesão ao Aperfeiçoamento da Prática em Coordenação do Cuidado a partir da APS.",
    "Senhora Secretária,",
    "1. Cumprimentando-a cordialmente",
    "2. A adesão observa",
    "3. Declaro ciência",
    "4. Para a etapa de inscrição",
    "Coloco-me à disposição",
    "Atenciosamente,",
    "MARIA CLARA ALBUQUERQUE NOGUEIRA",
    "Secretária de Estado da Saúde",
    "Av. Almirante Barroso, 600",
    "coaps@saude.ce.gov.br",
    NULL,
  };
  const char *const content[] = {
    "Nota Técnica Conjunta nº 425/2025", "(SEI nº 0051750542)", "Nota Técnica Conjunta nº 436/2025",
    "Nota Técnica Conjunta nº 441/2025", "(SEI nº 0052176291)", "Processo nº 25000.164480/2025-23",
    "carga horária protegida", "infraestrutura mínima", "vínculo dos profissionais no Cadastro Nacional",
    "João Pedro Sampaio", "joao.sampaio@saude.ce.gov.br", "(85) 3101-5200", "itens 2.6 e 3.2",
    NULL,
  };

  g_autofree char *flat = flatten (text);

  assert_in_order (text, parts);
  for (guint i = 0; content[i] != NULL; i++)
    if (strstr (flat, content[i]) == NULL)
      g_error ("“%s” missing in:\n%s", content[i], flat);
  /* The vocative and the closing are never numbered. */
  g_assert_null (strstr (text, ". Senhora Secretária"));
  g_assert_null (strstr (text, "5. Atenciosamente"));
  g_assert_null (strstr (text, "5. "));
  /* Decreto nº 9.758/2019: no such forms of address. */
  g_assert_null (strstr (text, "Vossa Senhoria"));
  g_assert_null (strstr (text, "V. Sa."));
  g_assert_null (strstr (text, "Ilustríssim"));
  g_assert_null (strstr (text, "Digníssim"));
  g_assert_null (strstr (text, "Excelentíssim"));
  /* The city is printed without its UF. */
  g_assert_null (strstr (text, "Fortaleza/CE, "));
}

typedef struct {
  double x_min, y_min, x_max, y_max;
  char *word;
  int page;
} Word;

static void
word_free (gpointer data)
{
  Word *w = data;

  g_free (w->word);
  g_free (w);
}

static double
attr (const char *line, const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s=\"", name);
  const char *at = strstr (line, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* Every word of the PDF with its box (pdftotext -bbox; y grows downwards from the top). */
static GPtrArray *
pdf_words (const char *path)
{
  g_auto(Run) r = { 0 };
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_auto(GStrv) lines = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  int page = 0;

  run_tool (&r, argv);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (strstr (line, "<page ") != NULL)
        page++;
      else if (strstr (line, "<word ") != NULL)
        {
          Word *w = g_new0 (Word, 1);
          const char *gt = strchr (line, '>');
          const char *lt = strstr (line, "</word>");

          w->x_min = attr (line, "xMin");
          w->y_min = attr (line, "yMin");
          w->x_max = attr (line, "xMax");
          w->y_max = attr (line, "yMax");
          w->word = g_strndup (gt + 1, (gsize) (lt - gt - 1));
          w->page = page;
          g_ptr_array_add (words, w);
        }
    }
  return words;
}

static const Word *
find_word (GPtrArray *words, const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_str_equal (((Word *) g_ptr_array_index (words, i))->word, text))
      return g_ptr_array_index (words, i);
  g_error ("the word “%s” is not in the PDF", text);
}

static void
test_margins_and_alignment (void)
{
  g_autofree char *path = render_default ("margens.pdf", NULL);
  g_autoptr(GPtrArray) words = pdf_words (path);
  const double left = 85.04, right = 595.28 - 42.52;
  guint at_right = 0;
  const Word *date, *name, *closing, *vocative, *subject;

  g_assert_cmpuint (words->len, >, 200);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = g_ptr_array_index (words, i);

      if (w->x_min < left - 0.5 || w->x_max > right + 0.5)
        g_error ("“%s” is outside the margins (%.2f–%.2f)", w->word, w->x_min, w->x_max);
      if (w->x_max > right - 0.6)
        at_right++;
    }
  /* Justified lines end on the right margin. */
  g_assert_cmpuint (at_right, >=, 8);

  /* The date is right-aligned; the closing and the vocative start at the 2,5 cm indent. */
  date = find_word (words, "2025.");
  g_assert_cmpfloat_with_epsilon (date->x_max, right, 0.6);
  vocative = NULL;
  for (guint i = 0; i < words->len; i++)
    if (g_str_equal (((Word *) g_ptr_array_index (words, i))->word, "Senhora"))
      vocative = g_ptr_array_index (words, i); /* the last one: "À Senhora" comes first */
  if (vocative == NULL)
    g_error ("no vocative");
  closing = find_word (words, "Atenciosamente,");
  g_assert_cmpfloat_with_epsilon (closing->x_min, left + 70.87, 0.6);
  g_assert_cmpfloat_with_epsilon (vocative->x_min, left + 70.87, 0.6);
  subject = find_word (words, "Assunto:");
  g_assert_cmpfloat_with_epsilon (subject->x_min, left, 0.6);

  /* A blank band of at least 3 cm between the closing and the signer's name; name centred. */
  name = find_word (words, "MARIA");
  g_assert_cmpfloat (name->y_min - closing->y_max, >=, 85.04);
  {
    const Word *last = find_word (words, "NOGUEIRA");
    double centre = (name->x_min + last->x_max) / 2;

    g_assert_cmpfloat_with_epsilon (centre, left + (right - left) / 2, 1.0);
  }
}

static void
test_date_rules (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  CoordenaOficioRequest rq;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  request_init (&rq, profile, "secretario", 3, 12, 2025);
  path = render_to_file (&rq, 7, "data-3.pdf", NULL, NULL);
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "Fortaleza, 3 de dezembro de 2025."));
  g_assert_null (strstr (text, "03 de dezembro"));
  g_assert_null (strstr (text, "Dezembro"));
  g_assert_nonnull (strstr (text, "OFÍCIO Nº 7/2025/COAPS/SESA"));

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  request_init (&rq, profile, "secretario", 1, 7, 2025);
  path = render_to_file (&rq, 1, "data-1.pdf", NULL, NULL);
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "Fortaleza, 1º de julho de 2025."));
}

static void
test_numbering_style (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  CoordenaOficioRequest rq;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_hash_table_insert (profile, g_strdup ("numeracao.estilo"), g_strdup ("N.º"));
  request_init (&rq, profile, "secretario", 2, 12, 2025);
  path = render_to_file (&rq, 123, "estilo.pdf", NULL, NULL);
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "OFÍCIO N.º 123/2025/COAPS/SESA"));
}

static void
test_signers_and_genders (void)
{
  const struct {
    const char *signer;
    const char *gender;
    const char *name;
    const char *upper;
    const char *cargo;
  } cases[] = {
    { "secretario", "F", "Maria Clara Nogueira", "MARIA CLARA NOGUEIRA", "Secretária de Estado da Saúde" },
    { "secretario", "M", "Antônio Carlos Lima", "ANTÔNIO CARLOS LIMA", "Secretário de Estado da Saúde" },
    { "coordenador", "F", "Ana Luíza Pereira", "ANA LUÍZA PEREIRA", "Coordenadora Estadual de Atenção Primária à Saúde" },
    { "coordenador", "M", "José Wellington Façanha", "JOSÉ WELLINGTON FAÇANHA", "Coordenador Estadual de Atenção Primária à Saúde" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) profile = base_profile ();
      g_autofree char *name_key = g_strdup_printf ("%s.nome", cases[i].signer);
      g_autofree char *gender_key = g_strdup_printf ("%s.genero", cases[i].signer);
      g_autofree char *file = g_strdup_printf ("signatario-%s-%s.pdf", cases[i].signer, cases[i].gender);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *qualidade = g_strdup_printf ("na qualidade de %s,", cases[i].cargo);
      CoordenaOficioRequest rq;

      g_hash_table_insert (profile, g_strdup (name_key), g_strdup (cases[i].name));
      g_hash_table_insert (profile, g_strdup (gender_key), g_strdup (cases[i].gender));
      request_init (&rq, profile, cases[i].signer, 2, 12, 2025);
      path = render_to_file (&rq, 20 + i, file, NULL, NULL);
      text = pdf_text (path, 0);
      g_assert_nonnull (strstr (text, cases[i].upper));
      g_assert_nonnull (strstr (text, cases[i].cargo));
      /* The body names the signer's cargo in the right gender (line breaks aside). */
      {
        g_autofree char *flat = flatten (text);

        g_assert_nonnull (strstr (flat, qualidade));
      }
    }

  /* A cargo typed in capitals prints with initial capitals and lower-case prepositions; a name
   * typed with combining accents prints as the same letters. */
  {
    g_autoptr(GHashTable) profile = base_profile ();
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    CoordenaOficioRequest rq;

    g_hash_table_insert (profile, g_strdup ("secretario.cargo"), g_strdup ("SECRETÁRIA EXECUTIVA DE VIGILÂNCIA E ATENÇÃO À SAÚDE"));
    g_hash_table_insert (profile, g_strdup ("secretario.nome"), g_strdup ("Ine\xcc\x82s Mota")); /* e + U+0302 */
    request_init (&rq, profile, "secretario", 2, 12, 2025);
    path = render_to_file (&rq, 31, "cargo-maiusculas.pdf", NULL, NULL);
    text = pdf_text (path, 0);
    g_assert_nonnull (strstr (text, "Secretária Executiva de Vigilância e Atenção à Saúde"));
    g_assert_nonnull (strstr (text, "INÊS MOTA"));
  }

  /* A male addressee (a later act may change it): "Ao Senhor", "Senhor Secretário,". */
  {
    g_autoptr(GHashTable) profile = base_profile ();
    g_autoptr(CoordenaOffer) other = coordena_offer_load_file (offer->path, NULL);
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    CoordenaOficioRequest rq;

    other->addressee_gender = COORDENA_GENDER_M;
    request_init (&rq, profile, "secretario", 2, 12, 2025);
    rq.offer = other;
    path = render_to_file (&rq, 30, "destinatario-m.pdf", NULL, NULL);
    text = pdf_text (path, 0);
    g_assert_nonnull (strstr (text, "Ao Senhor"));
    g_assert_nonnull (strstr (text, "Secretário de Atenção Primária à Saúde"));
    g_assert_nonnull (strstr (text, "Senhor Secretário,"));
    g_assert_nonnull (strstr (text, "Cumprimentando-o"));
  }
}

static void
assert_refused (const CoordenaOficioRequest *rq, const char *const *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (coordena_oficio_check (rq, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("“%s” missing in the refusal: %s", expected[i], error->message);
}

static void
test_refusals (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  CoordenaOficioRequest rq;

  request_init (&rq, profile, "secretario", 4, 12, 2025);
  {
    const char *const expected[] = { "03/12/2025", "04/12/2025", "NT Conjunta nº 441/2025, item 2.6", NULL };
    assert_refused (&rq, expected);
  }

  request_init (&rq, profile, "chefe", 1, 12, 2025);
  {
    const char *const expected[] = { "chefe", "Secretário(a) Estadual de Saúde", "Coordenador(a) de Atenção Primária à Saúde",
                                     "NT Conjunta nº 441/2025, item 2.7", NULL };
    assert_refused (&rq, expected);
  }

  request_init (&rq, profile, "secretario", 1, 12, 2025);
  rq.profile.uf = "DF";
  {
    const char *const expected[] = { "distrital", "item 3.2", NULL };
    assert_refused (&rq, expected);
  }

  {
    g_autoptr(GHashTable) partial = base_profile ();
    const char *const expected[] = { "secretaria.sigla", "cidade", "contato.email", "coordenador.genero", NULL };

    g_hash_table_remove (partial, "secretaria.sigla");
    g_hash_table_remove (partial, "cidade");
    g_hash_table_remove (partial, "contato.email");
    g_hash_table_remove (partial, "coordenador.genero");
    request_init (&rq, partial, "coordenador", 1, 12, 2025);
    assert_refused (&rq, expected);
  }

  {
    g_autoptr(GHashTable) odd = base_profile ();
    const char *const expected[] = { "secretario.nome", "“Ł”", "U+0141", NULL };

    g_hash_table_insert (odd, g_strdup ("secretario.nome"), g_strdup ("Łucja Nogueira"));
    request_init (&rq, odd, "secretario", 1, 12, 2025);
    assert_refused (&rq, expected);
  }

  /* Everything Portuguese writes fits the single-byte route. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *bytes = coordena_pdf_encode ("Ação nº 1ª — “aspas” ‘simples’ … § 3º 25 °C Ü ç", "x", &error);

    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }
}

static void
test_same_input_same_bytes (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *pc = NULL;
  CoordenaOficioRequest rq;

  request_init (&rq, profile, "secretario", 2, 12, 2025);
  pa = render_to_file (&rq, 9, "igual-a.pdf", NULL, &a);
  g_usleep (1100 * 1000); /* a clock in the output would show now */
  pb = render_to_file (&rq, 9, "igual-b.pdf", NULL, &b);
  g_assert_true (g_bytes_equal (a, b));

  request_init (&rq, profile, "secretario", 3, 12, 2025);
  pc = render_to_file (&rq, 9, "igual-c.pdf", NULL, &c);
  g_assert_false (g_bytes_equal (a, c));

  {
    g_auto(Run) info = { 0 };
    const char *argv[] = { "pdfinfo", "-isodates", pa, NULL };

    run_tool (&info, argv);
    g_assert_nonnull (strstr (info.out, "2025-12-02T12:00:00-03"));
  }
}

static CoordenaOficioAnnex *
annex_of (guint n)
{
  const char *const columns[] = { "Município", "IBGE", "CNES", "INE", "Tipo", "Equipe" };
  const double widths[] = { 22, 10, 11, 14, 8, 35 };
  CoordenaOficioAnnex *annex = coordena_oficio_annex_new ("ANEXO — EQUIPES DE ATENÇÃO PRIMÁRIA DO ESTADO DO CEARÁ",
                                                          6, columns, widths);

  annex->note = g_strdup ("Equipes por município na competência 10/2025 do CNES.");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ine = g_strdup_printf ("%010u", 1000000 + i * 37);
      g_autofree char *cnes = g_strdup_printf ("%07u", 2000000 + i * 11);
      g_autofree char *team = g_strdup_printf ("ESF %s %u", i % 3 == 0 ? "Vila São José da Boa Esperança" : "Centro", i + 1);
      const char *row[] = { i < 30 ? "Fortaleza" : "Juazeiro do Norte", i < 30 ? "2304400" : "2307304", cnes, ine,
                            i % 4 == 0 ? "eAP" : "eSF", team };

      coordena_oficio_annex_add_row (annex, row);
    }
  return annex;
}

static void
test_annex_repeats_header (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  g_autoptr(CoordenaOficioAnnex) annex = annex_of (60);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  CoordenaOficioRequest rq;
  guint pages = 0, rows = 0, annex_first = 0;

  request_init (&rq, profile, "coordenador", 2, 12, 2025);
  rq.annex = annex;
  rq.annex_description = "a relação das equipes de Atenção Primária à Saúde do Estado, por município";
  path = render_to_file (&rq, 40, "anexo-60.pdf", &pages, NULL);
  g_assert_cmpuint (pages, >=, 3); /* the letter, then the annex over at least two pages */

  first = pdf_text (path, 1);
  g_assert_nonnull (strstr (first, "Segue anexa a relação das equipes"));
  g_assert_null (strstr (first, "ANEXO"));
  for (guint p = 2; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, (int) p);

      if (strstr (text, "ANEXO") != NULL)
        {
          annex_first = p;
          break;
        }
    }
  g_assert_cmpuint (annex_first, >=, 2);
  g_assert_cmpuint (pages - annex_first + 1, >=, 2); /* the annex spans several pages */
  for (guint p = annex_first; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, (int) p);
      g_autofree char *number = g_strdup_printf ("%u", p);
      const char *at = text;

      /* the header row on every page of the table, above its rows */
      g_assert_nonnull (strstr (text, "Município"));
      g_assert_nonnull (strstr (text, "INE"));
      g_assert_true (strstr (text, "Município") < strstr (text, "Centro"));
      while ((at = strstr (at, "ESF ")) != NULL)
        {
          rows++;
          at += 4;
        }
      g_assert_nonnull (strstr (text, number));
    }
  g_assert_cmpuint (rows, ==, 60);

  /* The table, its header and the footers keep to the margins on every page. */
  {
    g_autoptr(GPtrArray) words = pdf_words (path);

    for (guint i = 0; i < words->len; i++)
      {
        const Word *w = g_ptr_array_index (words, i);

        if (w->x_min < 85.04 - 0.5 || w->x_max > 595.28 - 42.52 + 0.5)
          g_error ("“%s” on page %d is outside the margins (%.2f–%.2f)", w->word, w->page, w->x_min, w->x_max);
      }
  }
}

static void
test_page_numbers_from_two (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  g_autoptr(CoordenaOficioAnnex) annex = annex_of (10);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) words = NULL;
  CoordenaOficioRequest rq;
  guint pages = 0;
  gboolean number_on_two = FALSE;

  request_init (&rq, profile, "secretario", 2, 12, 2025);
  rq.annex = annex;
  rq.annex_description = "a relação das equipes";
  path = render_to_file (&rq, 41, "paginas.pdf", &pages, NULL);
  g_assert_cmpuint (pages, ==, 2);
  words = pdf_words (path);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = g_ptr_array_index (words, i);

      /* a page number sits at the foot, right-aligned */
      if (w->y_min > 841.89 - 56.69 - 60 && w->x_max > 595.28 - 42.52 - 0.6)
        {
          g_assert_cmpint (w->page, !=, 1);
          if (w->page == 2 && g_str_equal (w->word, "2"))
            number_on_two = TRUE;
        }
    }
  g_assert_true (number_on_two);
}

static void
test_signature_never_alone (void)
{
  guint moved = 0;

  /* Lengthen the body a line at a time: wherever the page breaks, the signer's name keeps the
   * last sentence (and the closing) on its page. */
  for (guint extra = 0; extra < 18; extra++)
    {
      g_autoptr(GHashTable) profile = base_profile ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CoordenaOficioDoc) doc = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = g_build_filename (out_dir, "assinatura.pdf", NULL);
      g_autoptr(GString) filler = g_string_new ("Registro, para constar, que esta manifestação");
      CoordenaOficioRequest rq;
      guint pages = 0, n;
      char **longer;

      request_init (&rq, profile, "secretario", 2, 12, 2025);
      doc = coordena_oficio_compose (&rq, 50, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < extra * 12; i++)
        g_string_append (filler, " reitera a adesão formal");
      g_string_append (filler, ".");
      n = g_strv_length (doc->paragraphs);
      longer = g_new0 (char *, n + 2);
      for (guint i = 0; i + 1 < n; i++)
        longer[i] = g_strdup (doc->paragraphs[i]);
      longer[n - 1] = g_strdup (filler->str);
      longer[n] = g_strdup (doc->paragraphs[n - 1]);
      g_strfreev (doc->paragraphs);
      doc->paragraphs = longer;

      bytes = coordena_oficio_doc_render (doc, &pages, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);

      for (guint p = 1; p <= pages; p++)
        {
          g_autofree char *text = pdf_text (path, (int) p);

          if (strstr (text, "MARIA CLARA") != NULL)
            {
              g_assert_nonnull (strstr (text, "Coloco-me à disposição"));
              g_assert_nonnull (strstr (text, "Atenciosamente,"));
              if (p > 1)
                moved++;
            }
        }
    }
  /* Some of those lengths did push the signature to a new page. */
  g_assert_cmpuint (moved, >, 0);
}

static void
test_coat_of_arms (void)
{
  g_autoptr(GHashTable) profile = base_profile ();
  g_autofree char *png_path = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao.png", NULL);
  g_autofree char *alpha_path = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao-alpha.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  gsize len = 0;
  guint pages = 0;
  CoordenaOficioRequest rq;

  g_file_get_contents (png_path, &contents, &len, &error);
  g_assert_no_error (error);
  request_init (&rq, profile, "secretario", 2, 12, 2025);
  rq.profile.coat_of_arms = g_bytes_new (contents, len);
  path = render_to_file (&rq, 60, "brasao.pdf", &pages, &first);
  {
    g_autofree char *again = render_to_file (&rq, 60, "brasao-2.pdf", NULL, &second);

    g_assert_true (g_bytes_equal (first, second)); /* the image too is written the same way */
  }
  g_bytes_unref (rq.profile.coat_of_arms);
  /* With the coat of arms the letter (now saying what NT 441 items 2.2 and 3.1 ask) takes a second
   * page: the contact paragraph moves there with the closing and the signature. */
  g_assert_cmpuint (pages, ==, 2);
  {
    g_auto(Run) r = { 0 };
    const char *argv[] = { "pdfimages", "-list", path, NULL };

    run_tool (&r, argv);
    g_assert_nonnull (strstr (r.out, "gray"));
  }
  (void) alpha_path;
}

static void
test_png_of_first_page (void)
{
  g_autofree char *path = render_default ("pagina1.pdf", NULL);
  g_autofree char *prefix = g_build_filename (out_dir, "pagina1", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_auto(Run) r = { 0 };
  const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, prefix, NULL };

  run_tool (&r, argv);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("first page rendered to %s", png);
}

/* An act's Date= bounds what the offer accepts: an ofício cannot predate the act that admitted its
 * route, and no step the offer's first act. Without dates, the year in the act's number does. */
static void
test_offer_act_dates (void)
{
  g_autofree char *dir = g_build_filename (out_dir, "offers-dated", NULL);
  g_autofree char *path = g_build_filename (dir, "datada.offer", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) dated = NULL;
  const CoordenaOfferReference *act = NULL;
  GString *edited;
  GDate day, bound;

  g_assert_true (coordena_offer_earliest (offer, "oficio", &bound, &act));
  g_assert_cmpint (g_date_get_year (&bound), ==, 2025);
  g_assert_cmpint (g_date_get_month (&bound), ==, 1);
  g_assert_cmpint (g_date_get_day (&bound), ==, 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, 12, 2024);
  g_assert_false (coordena_offer_check_not_before (offer, NULL, &day, &error));
  g_assert_nonnull (strstr (error->message, "31/12/2024 é anterior a 01/01/2025"));
  g_clear_error (&error);

  g_mkdir_with_parents (dir, 0700);
  g_file_get_contents (offer->path, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  g_string_replace (edited, "Sei=0052176291\n", "Sei=0052176291\nDate=2025-12-03\n", 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);
  dated = coordena_offer_load_file (path, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&day, 2, 12, 2025);
  g_assert_false (coordena_offer_check_not_before (dated, "oficio", &day, &error));
  g_assert_nonnull (strstr (error->message, "02/12/2025 é anterior a 03/12/2025, data do ato que admitiu a via do ofício"));
  g_clear_error (&error);
  /* An adhesion step by e-Gestor may come before the ofício route was opened. */
  g_assert_true (coordena_offer_check_not_before (dated, NULL, &day, &error));
  g_date_set_dmy (&day, 3, 12, 2025);
  g_assert_true (coordena_offer_check_not_before (dated, "oficio", &day, &error));

  g_string_replace (edited, "Date=2025-12-03", "Date=2025-12-32", 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_string_free (edited, TRUE);
  g_assert_null (coordena_offer_load_file (path, &error));
  g_assert_nonnull (strstr (error->message, "[Reference nt-441] Date"));
}

static void
test_offer_file_errors (void)
{
  g_autofree char *dir = g_build_filename (out_dir, "offers", NULL);
  g_autofree char *path = g_build_filename (dir, "quebrada.offer", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GString *broken;

  g_mkdir_with_parents (dir, 0700);
  g_file_get_contents (offer->path, &text, NULL, &error);
  g_assert_no_error (error);
  broken = g_string_new (text);
  g_string_replace (broken, "Date=2025-12-03", "Date=2025-13-03", 1);
  g_file_set_contents (path, broken->str, -1, &error);
  g_string_free (broken, TRUE);
  g_assert_no_error (error);
  g_assert_null (coordena_offer_load_file (path, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "quebrada.offer:"));
  g_assert_nonnull (strstr (error->message, "[Deadline] Date"));
  g_assert_nonnull (strstr (error->message, "2025-13-03"));

  /* A backslash at the end of a value is refused with its line, not a GLib warning. */
  g_clear_error (&error);
  g_file_set_contents (path, "[Offer]\nId=\\A\\\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (coordena_offer_load_file (path, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "quebrada.offer:2: [Offer] Id"));
}

static void
test_offer_user_override (void)
{
  g_autofree char *user_dir = coordena_user_datadir ();
  g_autofree char *dir = g_build_filename (user_dir, "offers", NULL);
  g_autofree char *path = g_build_filename (dir, "prorrogada.offer", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) moved = NULL;
  GString *changed;
  GDate day;

  g_mkdir_with_parents (dir, 0700);
  g_file_get_contents (offer->path, &text, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (text);
  /* A later note moves the deadline: the file records which act did it. */
  g_string_replace (changed, "References=nt-425;nt-436;nt-441", "References=nt-425;nt-436;nt-441;nt-999", 1);
  g_string_replace (changed, "[Channel egestor]", "[Reference nt-999]\nTitle=Nota Técnica Conjunta nº 999/2025\n"
                    "Short=NT Conjunta nº 999/2025\n\n[Channel egestor]", 1);
  g_string_replace (changed, "Date=2025-12-03\nTimeZone=America/Sao_Paulo\nSource=nt-441\nItem=2.6",
                    "Date=2025-12-10\nTimeZone=America/Sao_Paulo\nSource=nt-999\nItem=1.1", 1);
  g_file_set_contents (path, changed->str, -1, &error);
  g_string_free (changed, TRUE);
  g_assert_no_error (error);

  moved = coordena_offer_find ("coordenacao-cuidado-2025", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->path, ==, path);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, 12, 2025);
  g_assert_true (coordena_offer_check_date (moved, &day, NULL));
  g_date_set_dmy (&day, 11, 12, 2025);
  g_assert_false (coordena_offer_check_date (moved, &day, &error));
  g_assert_nonnull (strstr (error->message, "10/12/2025 (NT Conjunta nº 999/2025, item 1.1)"));
  g_unlink (path);
}

static void
test_offer_shipped (void)
{
  const CoordenaOfferReference *nt441 = coordena_offer_get_reference (offer, "nt-441");
  const CoordenaOfferChannel *oficio = coordena_offer_get_channel (offer, "oficio");
  g_autofree char *deadline = coordena_format_date (&offer->deadline);

  g_assert_cmpstr (offer->id, ==, "coordenacao-cuidado-2025");
  g_assert_cmpstr (deadline, ==, "03/12/2025");
  g_assert_cmpstr (offer->deadline_source, ==, "nt-441");
  g_assert_nonnull (nt441);
  g_assert_cmpstr (nt441->sei, ==, "0052176291");
  g_assert_cmpstr (coordena_offer_get_reference (offer, "nt-425")->sei, ==, "0051750542");
  g_assert_cmpstr (coordena_offer_get_reference (offer, "nt-436")->sei, ==, "0052073321");
  g_assert_cmpstr (offer->processo, ==, "25000.164480/2025-23");
  g_assert_nonnull (oficio);
  g_assert_true (g_strv_contains ((const char *const *) oficio->managers, "estadual"));
  g_assert_false (g_strv_contains ((const char *const *) oficio->managers, "municipal"));
  g_assert_true (g_strv_contains ((const char *const *) coordena_offer_get_channel (offer, "egestor")->managers, "municipal"));
  g_assert_cmpuint (offer->signers->len, ==, 2);
  g_assert_cmpuint (g_strv_length (offer->responsibilities), ==, 3);
  g_assert_cmpint (offer->addressee_gender, ==, COORDENA_GENDER_F);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *offer_path = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  coordena_i18n_init ();

  offer_path = g_build_filename (coordena_datadir (), "offers", "coordenacao-cuidado-2025.offer", NULL);
  offer = coordena_offer_load_file (offer_path, &error);
  g_assert_no_error (error);
  out_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                              "oficio-output", NULL);
  g_mkdir_with_parents (out_dir, 0700);

  g_test_add_func ("/offer/shipped", test_offer_shipped);
  g_test_add_func ("/offer/file-errors", test_offer_file_errors);
  g_test_add_func ("/offer/act-dates", test_offer_act_dates);
  g_test_add_func ("/offer/user-override", test_offer_user_override);
  g_test_add_func ("/oficio/page-and-fonts", test_page_and_fonts);
  g_test_add_func ("/oficio/parts-in-order", test_parts_in_order);
  g_test_add_func ("/oficio/margins-and-alignment", test_margins_and_alignment);
  g_test_add_func ("/oficio/date-rules", test_date_rules);
  g_test_add_func ("/oficio/numbering-style", test_numbering_style);
  g_test_add_func ("/oficio/signers-and-genders", test_signers_and_genders);
  g_test_add_func ("/oficio/refusals", test_refusals);
  g_test_add_func ("/oficio/same-input-same-bytes", test_same_input_same_bytes);
  g_test_add_func ("/oficio/annex-repeats-header", test_annex_repeats_header);
  g_test_add_func ("/oficio/page-numbers-from-two", test_page_numbers_from_two);
  g_test_add_func ("/oficio/signature-never-alone", test_signature_never_alone);
  g_test_add_func ("/oficio/coat-of-arms", test_coat_of_arms);
  g_test_add_func ("/oficio/png-of-first-page", test_png_of_first_page);

  rc = g_test_run ();
  coordena_offer_free (offer);
  g_free (out_dir);
  return rc;
}
