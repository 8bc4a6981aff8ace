/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reference.c — municipalities, UFs and CBO titles, read with the product's CSV reader. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/paths.h>
#include <coordena/reference.h>

struct _CoordenaReference {
  GArray *municipios;      /* CoordenaMunicipio, sorted by ibge7 */
  GArray *ufs;             /* CoordenaUf, sorted by codigo */
  guint32 *codes;          /* each municipality's ibge7 as a number, in the same order */
  GHashTable *cbo;         /* code → title */
};

typedef struct {
  CoordenaReference *ref;
  int c[6];
} LoadState;

static gboolean
on_uf (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  LoadState *s = data;
  CoordenaUf uf = { 0 };
  const char *code = coordena_csv_record_get (reader, record, s->c[0]);
  const char *sigla = coordena_csv_record_get (reader, record, s->c[1]);

  if (!coordena_is_digits (code, 2) || strlen (sigla) != 2)
    {
      coordena_csv_set_error (error, reader, record, s->c[0], _("not a UF code and sigla: “%s”, “%s”"), code, sigla);
      return FALSE;
    }
  uf.codigo = (guint) atoi (code);
  memcpy (uf.sigla, sigla, 2);
  uf.nome = g_strdup (coordena_csv_record_get (reader, record, s->c[2]));
  uf.regiao = g_strdup (coordena_csv_record_get (reader, record, s->c[3]));
  g_array_append_val (s->ref->ufs, uf);
  return TRUE;
}

static gboolean
on_municipio (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  LoadState *s = data;
  CoordenaMunicipio m = { 0 };
  const char *code = coordena_csv_record_get (reader, record, s->c[0]);
  const char *uf = coordena_csv_record_get (reader, record, s->c[2]);

  if (!coordena_is_digits (code, 7))
    {
      coordena_csv_set_error (error, reader, record, s->c[0], _("not a 7-digit IBGE code: “%s”"), code);
      return FALSE;
    }
  if (!coordena_is_digits (uf, 2))
    {
      coordena_csv_set_error (error, reader, record, s->c[2], _("not a UF code: “%s”"), uf);
      return FALSE;
    }
  memcpy (m.ibge7, code, 7);
  memcpy (m.ibge6, code, 6);
  m.nome = g_strdup (coordena_csv_record_get (reader, record, s->c[1]));
  m.codigo_uf = (guint) atoi (uf);
  m.capital = g_str_equal (coordena_csv_record_get (reader, record, s->c[3]), "1");
  g_array_append_val (s->ref->municipios, m);
  return TRUE;
}

static gboolean
on_cbo (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  LoadState *s = data;
  const char *code = coordena_csv_record_get (reader, record, s->c[0]);

  /* The official table holds a placeholder row ("XXX, CBO Inexistente"): skip what is no code. */
  if (strlen (code) != 6)
    return TRUE;
  g_hash_table_insert (s->ref->cbo, g_strdup (code), g_strdup (coordena_csv_record_get (reader, record, s->c[1])));
  return TRUE;
}

static gboolean
read_table (const char *directory, const char *name, CoordenaCsvRecordFunc func, LoadState *s,
            const char *const *columns, guint n_columns, GError **error)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  CoordenaCsvOptions options = { .separator = ',', .encoding = COORDENA_CSV_ENCODING_UTF8 };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new (path, &options, func, s);

  for (guint i = 0; i < n_columns; i++)
    s->c[i] = coordena_csv_reader_add_column (reader, columns[i], TRUE);
  return coordena_csv_reader_read_file (reader, path, error);
}

/* The CBO titles, read on their own (into ref->cbo, which nothing else touches meanwhile). */
typedef struct {
  const char *directory;
  const char *const *columns;
  LoadState state;
  gboolean ok;
  GError *error;
} CboLoad;

static gpointer
read_cbo (gpointer data)
{
  CboLoad *c = data;

  c->ok = read_table (c->directory, "cbo2002-ocupacao.csv", on_cbo, &c->state, c->columns, 2, &c->error);
  return NULL;
}

/* Codes of 7 digits, numerically: in the order of their text. */
static int
cmp_code_index (const void *a, const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static int
cmp_uf (const void *a, const void *b)
{
  return (int) ((const CoordenaUf *) a)->codigo - (int) ((const CoordenaUf *) b)->codigo;
}

CoordenaReference *
coordena_reference_load (const char *directory, GError **error)
{
  static const char *const uf_cols[] = { "codigo_uf", "uf", "nome", "regiao" };
  static const char *const mun_cols[] = { "codigo_ibge", "nome", "codigo_uf", "capital" };
  static const char *const cbo_cols[] = { "CODIGO", "TITULO" };
  g_autoptr(CoordenaReference) ref = g_new0 (CoordenaReference, 1);
  LoadState s = { ref, { 0 } };
  CboLoad cbo = { 0 };
  GThread *thread;
  gboolean ok;

  ref->municipios = g_array_new (FALSE, TRUE, sizeof (CoordenaMunicipio));
  ref->ufs = g_array_new (FALSE, TRUE, sizeof (CoordenaUf));
  ref->cbo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* The CBO titles are read on a thread of their own meanwhile; errors come in the tables' order. */
  cbo.directory = directory;
  cbo.state.ref = ref;
  cbo.columns = cbo_cols;
  thread = g_thread_try_new ("coordena-reference-cbo", read_cbo, &cbo, NULL);
  ok = read_table (directory, "estados.csv", on_uf, &s, uf_cols, G_N_ELEMENTS (uf_cols), error) &&
       read_table (directory, "municipios.csv", on_municipio, &s, mun_cols, G_N_ELEMENTS (mun_cols), error);
  if (thread != NULL)
    g_thread_join (thread);
  else
    read_cbo (&cbo);
  if (ok && !cbo.ok)
    g_propagate_error (error, g_steal_pointer (&cbo.error));
  g_clear_error (&cbo.error);
  if (!ok || !cbo.ok)
    return NULL;

  g_array_sort (ref->ufs, cmp_uf);
  /* By code: each code with its row, sorted as numbers. */
  {
    guint n = ref->municipios->len;
    g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));
    GArray *sorted = g_array_sized_new (FALSE, TRUE, sizeof (CoordenaMunicipio), n);

    for (guint i = 0; i < n; i++)
      keys[i] = (guint64) atoi (g_array_index (ref->municipios, CoordenaMunicipio, i).ibge7) << 32 | i;
    qsort (keys, n, sizeof (guint64), cmp_code_index);
    ref->codes = g_new (guint32, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      {
        CoordenaMunicipio m = g_array_index (ref->municipios, CoordenaMunicipio, (guint) (keys[i] & G_MAXUINT32));
        const CoordenaUf *uf = coordena_reference_find_uf (ref, m.codigo_uf);

        if (uf != NULL)
          memcpy (m.uf, uf->sigla, sizeof m.uf);
        g_array_append_val (sorted, m);
        ref->codes[i] = (guint32) (keys[i] >> 32);
      }
    g_array_unref (ref->municipios);
    ref->municipios = sorted;
  }
  return g_steal_pointer (&ref);
}

void
coordena_reference_free (CoordenaReference *ref)
{
  if (ref == NULL)
    return;
  if (ref->municipios != NULL)
    {
      for (guint i = 0; i < ref->municipios->len; i++)
        g_free (g_array_index (ref->municipios, CoordenaMunicipio, i).nome);
      g_array_unref (ref->municipios);
    }
  if (ref->ufs != NULL)
    {
      for (guint i = 0; i < ref->ufs->len; i++)
        {
          g_free (g_array_index (ref->ufs, CoordenaUf, i).nome);
          g_free (g_array_index (ref->ufs, CoordenaUf, i).regiao);
        }
      g_array_unref (ref->ufs);
    }
  g_free (ref->codes);
  g_clear_pointer (&ref->cbo, g_hash_table_unref);
  g_free (ref);
}

const CoordenaReference *
coordena_reference_get (GError **error)
{
  static GMutex lock;
  static CoordenaReference *shared;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (shared == NULL)
    {
      g_autofree char *dir = g_build_filename (coordena_datadir (), "reference", NULL);
      shared = coordena_reference_load (dir, error);
    }
  return shared;
}

/* The row of a 7-digit code, or of the 6 digits before its check digit; −1 when none. */
static gint
find_code (const CoordenaReference *ref, guint32 code, gboolean six)
{
  guint lo = 0, hi = ref->municipios->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 at = six ? ref->codes[mid] / 10 : ref->codes[mid];

      if (at == code)
        return (gint) mid;
      if (at < code)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

const CoordenaMunicipio *
coordena_reference_find_municipio (const CoordenaReference *ref, const char *ibge)
{
  g_autofree char *key = NULL;
  gint index;

  if (ibge == NULL)
    return NULL;
  /* Importers call this per row: copy only when there are blanks to trim. */
  if (!coordena_is_digits (ibge, 6) && !coordena_is_digits (ibge, 7))
    {
      key = g_strstrip (g_strdup (ibge));
      if (!coordena_is_digits (key, 6) && !coordena_is_digits (key, 7))
        return NULL;
      ibge = key;
    }
  index = find_code (ref, (guint32) atoi (ibge), strlen (ibge) == 6);
  if (index < 0)
    return NULL;
  return &g_array_index (ref->municipios, CoordenaMunicipio, index);
}

/* A name for comparisons: ASCII (accents dropped), lower case, blanks trimmed. */
static char *
name_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  return g_strstrip (g_ascii_strdown (ascii, -1));
}

const CoordenaMunicipio *
coordena_reference_find_municipio_by_name (const CoordenaReference *ref, guint codigo_uf, const char *nome)
{
  g_autofree char *key = NULL;

  if (nome == NULL)
    return NULL;
  key = name_key (nome);
  for (guint i = 0; i < ref->municipios->len; i++)
    {
      const CoordenaMunicipio *m = &g_array_index (ref->municipios, CoordenaMunicipio, i);
      g_autofree char *candidate = NULL;

      if (codigo_uf != 0 && m->codigo_uf != codigo_uf)
        continue;
      candidate = name_key (m->nome);
      if (g_str_equal (candidate, key))
        return m;
    }
  return NULL;
}

const CoordenaUf *
coordena_reference_find_uf (const CoordenaReference *ref, guint codigo)
{
  for (guint i = 0; i < ref->ufs->len; i++)
    if (g_array_index (ref->ufs, CoordenaUf, i).codigo == codigo)
      return &g_array_index (ref->ufs, CoordenaUf, i);
  return NULL;
}

const CoordenaUf *
coordena_reference_find_uf_by_sigla (const CoordenaReference *ref, const char *sigla)
{
  if (sigla == NULL)
    return NULL;
  for (guint i = 0; i < ref->ufs->len; i++)
    if (g_ascii_strcasecmp (g_array_index (ref->ufs, CoordenaUf, i).sigla, sigla) == 0)
      return &g_array_index (ref->ufs, CoordenaUf, i);
  return NULL;
}

const CoordenaUf *
coordena_reference_get_ufs (const CoordenaReference *ref, guint *n_ufs)
{
  if (n_ufs != NULL)
    *n_ufs = ref->ufs->len;
  return (const CoordenaUf *) (void *) ref->ufs->data;
}

const CoordenaMunicipio *
coordena_reference_get_municipios (const CoordenaReference *ref, guint *n_municipios)
{
  if (n_municipios != NULL)
    *n_municipios = ref->municipios->len;
  return (const CoordenaMunicipio *) (void *) ref->municipios->data;
}

static int
cmp_municipio_name (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipio *x = *(const CoordenaMunicipio *const *) a;
  const CoordenaMunicipio *y = *(const CoordenaMunicipio *const *) b;

  return g_utf8_collate (x->nome, y->nome);
}

GPtrArray *
coordena_reference_municipios_of_uf (const CoordenaReference *ref, guint codigo_uf)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < ref->municipios->len; i++)
    if (g_array_index (ref->municipios, CoordenaMunicipio, i).codigo_uf == codigo_uf)
      g_ptr_array_add (out, &g_array_index (ref->municipios, CoordenaMunicipio, i));
  g_ptr_array_sort (out, cmp_municipio_name);
  return out;
}

static int
by_title (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *cbo = data;

  return g_utf8_collate (g_hash_table_lookup (cbo, *(const char *const *) a), g_hash_table_lookup (cbo, *(const char *const *) b));
}

GPtrArray *
coordena_reference_cbo_codes (const CoordenaReference *ref)
{
  GPtrArray *codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, ref->cbo);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_ptr_array_add (codes, code);
  g_ptr_array_sort_with_data (codes, by_title, ref->cbo);
  return codes;
}

const char *
coordena_reference_cbo_title (const CoordenaReference *ref, const char *cbo)
{
  return cbo != NULL ? g_hash_table_lookup (ref->cbo, cbo) : NULL;
}
