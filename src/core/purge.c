/* SPDX-License-Identifier: GPL-3.0-or-later */
/* purge.c — removing names and CNS from a database, keeping counts and results (purge.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/purge.h>
#include <coordena/store.h>

#include "store-private.h"

void
coordena_purge_report_clear (CoordenaPurgeReport *report)
{
  g_clear_pointer (&report->leftovers, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
}

char *
coordena_purge_pseudonym (gint64 professional_id)
{
  return g_strdup_printf ("X%014" G_GINT64_FORMAT, professional_id);
}

/* Runs one statement with no result rows; returns the rows changed, or −1 with error set. */
static int
exec_changes (CoordenaStore *store, const char *sql, GError **error)
{
  sqlite3 *db = coordena_store_get_db (store);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      coordena_store_set_error (store, error, _("removing personal data"));
      return -1;
    }
  return sqlite3_changes (db);
}

/* Adds every non-empty text of the query's first column to the set. */
static gboolean
collect (CoordenaStore *store, const char *sql, GHashTable *set, GError **error)
{
  sqlite3_stmt *st = NULL;
  int rc;

  if (sqlite3_prepare_v2 (coordena_store_get_db (store), sql, -1, &st, NULL) != SQLITE_OK)
    return coordena_store_set_error (store, error, _("removing personal data"));
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (st, 0);

      if (text != NULL && *text != '\0')
        g_hash_table_add (set, g_strdup (text));
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return coordena_store_set_error (store, error, _("removing personal data"));
  return TRUE;
}

/* Masks every 15-digit run (a CNS, valid or not) inside a piece of text. */
static void
mask_digit_runs (GString *out, const char *text, gsize len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize j = i;

      while (j < len && g_ascii_isdigit (text[j]))
        j++;
      if (j - i == 15)
        {
          g_autofree char *run = g_strndup (text + i, 15);
          g_autofree char *masked = coordena_cns_mask (run);

          g_string_append (out, masked);
          i = j;
        }
      else if (j > i)
        {
          g_string_append_len (out, text + i, (gssize) (j - i));
          i = j;
        }
      else
        g_string_append_c (out, text[i++]);
    }
}

/* The JSON of an audit entry with each string that is a known person's name or CNS masked, and
 * every CNS-like run of digits masked wherever it stands. NULL when nothing changed. */
static char *
redact_json (const char *json, GHashTable *people)
{
  g_autoptr(GString) out = NULL;
  const char *p = json;
  gboolean changed = FALSE;

  if (json == NULL)
    return NULL;
  out = g_string_sized_new (strlen (json));
  while (*p != '\0')
    {
      const char *start, *end;
      g_autofree char *literal = NULL;

      if (*p != '"')
        {
          const char *q = strchr (p, '"');
          gsize n = q != NULL ? (gsize) (q - p) : strlen (p);
          gsize before = out->len;

          mask_digit_runs (out, p, n);
          changed |= out->len != before + n || memcmp (out->str + before, p, n) != 0;
          p += n;
          continue;
        }
      start = ++p;
      while (*p != '\0' && *p != '"')
        p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
      end = p;
      if (*p == '"')
        p++;
      literal = g_strndup (start, (gsize) (end - start));
      g_string_append_c (out, '"');
      if (g_hash_table_contains (people, literal))
        {
          if (coordena_is_digits (literal, 15))
            {
              g_autofree char *masked = coordena_cns_mask (literal);
              g_string_append (out, masked);
            }
          else
            g_string_append (out, _("[removed]"));
          changed = TRUE;
        }
      else
        {
          gsize before = out->len;

          mask_digit_runs (out, literal, strlen (literal));
          changed |= strcmp (out->str + before, literal) != 0;
        }
      g_string_append_c (out, '"');
    }
  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean
redact_audit (CoordenaStore *store, GHashTable *people, guint *n_changed, GError **error)
{
  sqlite3 *db = coordena_store_get_db (store);
  sqlite3_stmt *read = NULL, *write = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, antes, depois FROM auditoria", -1, &read, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "UPDATE auditoria SET antes = ?2, depois = ?3 WHERE id = ?1", -1, &write, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (read);
      return coordena_store_set_error (store, error, _("removing personal data"));
    }
  while (ok && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *before = (const char *) sqlite3_column_text (read, 1);
      const char *after = (const char *) sqlite3_column_text (read, 2);
      g_autofree char *new_before = redact_json (before, people);
      g_autofree char *new_after = redact_json (after, people);

      if (new_before == NULL && new_after == NULL)
        continue;
      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_text (write, 2, new_before != NULL ? new_before : before, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 3, new_after != NULL ? new_after : after, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (write) == SQLITE_DONE;
      sqlite3_reset (write);
      (*n_changed)++;
    }
  if (ok && rc != SQLITE_DONE)
    ok = FALSE;
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (!ok)
    return coordena_store_set_error (store, error, _("removing personal data"));
  return TRUE;
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf x, y;

  return g_stat (a, &x) == 0 && g_stat (b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Copies that a purge cannot reach: beside the database, the backups made before migrations and
 * restores and the partial ones of an interrupted restore; anywhere, the copies the audit log says
 * were made with `backup FILE`. */
static void
find_leftovers (CoordenaStore *store, GPtrArray *backups, CoordenaPurgeReport *report)
{
  const char *path = coordena_store_get_path (store);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  report->leftovers = g_ptr_array_new_with_free_func (g_free);
  report->missing = g_ptr_array_new_with_free_func (g_free);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, base) && (g_str_has_suffix (name, ".bak") || g_str_has_suffix (name, ".bak.tmp")))
      g_ptr_array_add (report->leftovers, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < backups->len; i++)
    {
      const char *copy = backups->pdata[i];
      gboolean listed = FALSE;

      for (guint k = 0; k < report->leftovers->len && !listed; k++)
        listed = same_file (copy, report->leftovers->pdata[k]);
      for (guint k = 0; k < report->missing->len && !listed; k++)
        listed = g_str_equal (copy, report->missing->pdata[k]);
      if (listed)
        continue;
      g_ptr_array_add (g_file_test (copy, G_FILE_TEST_IS_REGULAR) ? report->leftovers : report->missing,
                       g_strdup (copy));
    }
  g_ptr_array_sort (report->leftovers, compare_paths);
  g_ptr_array_sort (report->missing, compare_paths);
}

/* Every CNS of the set found in the main file's bytes: what a reader of the file would still see. */
static guint
cns_left_in_file (const char *path, GHashTable *people, GError **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  const char *data;
  gsize len, i = 0;
  guint n = 0;

  if (file == NULL)
    return G_MAXUINT;
  data = g_mapped_file_get_contents (file);
  len = g_mapped_file_get_length (file);
  while (i < len)
    {
      gsize j = i;

      while (j < len && g_ascii_isdigit (data[j]))
        j++;
      if (j - i == 15)
        {
          char run[16];

          memcpy (run, data + i, 15);
          run[15] = '\0';
          if (g_hash_table_contains (people, run))
            n++;
        }
      i = j > i ? j : i + 1;
    }
  return n;
}

/* Moves every page of the WAL into the file and empties the WAL. Refused while another program
 * reads (it would keep the old pages alive). Before the purge a page is written first: a reader
 * that started on an empty WAL does not stop a checkpoint with nothing to copy, only one that
 * has to overwrite the file under it. */
static gboolean
checkpoint_truncate (CoordenaStore *store, gboolean purged, GError **error)
{
  sqlite3 *db = coordena_store_get_db (store);
  int n_log = -1, n_done = -1;
  int rc = SQLITE_OK;

  if (!purged)
    {
      g_autofree char *touch = g_strdup_printf ("PRAGMA user_version = %d", coordena_store_get_schema_version (store));

      rc = sqlite3_exec (db, touch, NULL, NULL, NULL);
    }
  /* After the purge, the file is rewritten whole first; it too stops on another program. */
  if (purged && rc == SQLITE_OK)
    rc = sqlite3_exec (db, "VACUUM", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);

  if (rc == SQLITE_OK && n_log == 0)
    return TRUE;
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_autofree char *holders = coordena_store_programs_holding (coordena_store_get_path (store));

      const char *who = holders != NULL ? holders
                                        : _("another program, such as another Coordena window or an SQLite browser");

      if (purged)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                     _("The personal data was removed from the database, but its file %s still holds the old "
                       "copy because %s started reading it meanwhile. Close that program and run the purge "
                       "again to finish."),
                     coordena_store_get_path (store), who);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                     _("The personal data was not removed: the database %s is being read by %s, so its file "
                       "could not be rewritten without them. Close that program and run the purge again. "
                       "Nothing was changed."),
                     coordena_store_get_path (store), who);
      return FALSE;
    }
  if (purged)
    {
      g_autoptr(GError) why = NULL;

      coordena_store_set_error (store, &why, _("compacting the database after removing personal data"));
      g_set_error (error, COORDENA_ERROR, why->code,
                   _("The personal data was removed from the database, but its file %s could not be rewritten "
                     "without the old copy: %s Run the purge again once that is solved."),
                   coordena_store_get_path (store), why->message);
      return FALSE;
    }
  return coordena_store_set_error (store, error, _("compacting the database after removing personal data"));
}

/* The copies `backup FILE` wrote and the ones restored from, from the audit log. */
static GPtrArray *
recorded_backups (CoordenaStore *store, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *st = coordena_store_prepare (store, "SELECT DISTINCT entidade FROM auditoria WHERE acao IN ('backup', 'restore') "
                                                    "AND entidade <> '' ORDER BY entidade", error);
  int rc;

  if (st == NULL)
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (st, 0)));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      coordena_store_set_error (store, error, _("reading the audit log"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
coordena_purge_personal_data (CoordenaStore *store, CoordenaPurgeReport *report, GError **error)
{
  CoordenaPurgeReport local = { 0 };
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = coordena_store_get_db (store);
  g_autofree char *after = NULL;
  int n;

  g_autoptr(GPtrArray) backups = NULL;
  guint left;

  if (report == NULL)
    report = &local;
  memset (report, 0, sizeof *report);

  /* Deleted values are overwritten with zeros, not merely unlinked from the b-tree. */
  if (sqlite3_exec (db, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
    return coordena_store_set_error (store, error, _("removing personal data"));
  /* A program reading the database would keep the old pages alive in the file: refused now,
   * before anything changes, rather than reported as done. */
  if (!checkpoint_truncate (store, FALSE, error))
    return FALSE;
  if ((backups = recorded_backups (store, error)) == NULL)
    return FALSE;
  if (!coordena_store_begin (store, error))
    return FALSE;

  if (!collect (store, "SELECT cns FROM profissional WHERE cns NOT GLOB 'X*'", people, error)
      || !collect (store, "SELECT nome FROM profissional", people, error)
      || !collect (store, "SELECT cns FROM cenario_mudanca", people, error)
      || !collect (store, "SELECT responsavel FROM municipio_adesao", people, error)
      || !collect (store, "SELECT acesso_titular FROM municipio_adesao", people, error)
      || !redact_audit (store, people, &report->n_audit, error))
    goto fail;

  /* Scenario changes follow their professional's pseudonym; a CNS not in the roster is dropped. */
  if ((n = exec_changes (store,
         "UPDATE cenario_mudanca SET cns = (SELECT printf ('X%014d', p.id) FROM profissional p"
         " WHERE p.cns = cenario_mudanca.cns) WHERE cns IS NOT NULL AND cns NOT GLOB 'X*'", error)) < 0)
    goto fail;
  report->n_scenarios = (guint) n;
  if ((n = exec_changes (store, "UPDATE profissional SET nome = NULL WHERE nome IS NOT NULL", error)) < 0)
    goto fail;
  report->n_names = (guint) n;
  if ((n = exec_changes (store,
         "UPDATE profissional SET cns = printf ('X%014d', id) WHERE cns NOT GLOB 'X*'", error)) < 0)
    goto fail;
  report->n_professionals = (guint) n;
  if ((n = exec_changes (store,
         "UPDATE municipio_adesao SET responsavel = NULL, acesso_titular = NULL"
         " WHERE responsavel IS NOT NULL OR acesso_titular IS NOT NULL", error)) < 0)
    goto fail;
  report->n_contacts = (guint) n;

  after = g_strdup_printf ("{\"profissionais\":%u,\"nomes\":%u,\"contatos_municipais\":%u,"
                           "\"cenarios\":%u,\"auditoria\":%u}",
                           report->n_professionals, report->n_names, report->n_contacts,
                           report->n_scenarios, report->n_audit);
  if (!coordena_store_audit (store, "purge-personal-data", "", NULL, after, error)
      || !coordena_store_commit (store, error))
    goto fail;

  /* Nothing of the old rows left in the WAL or in free pages. */
  find_leftovers (store, backups, report);
  if (!checkpoint_truncate (store, TRUE, error))
    return FALSE;
  left = cns_left_in_file (coordena_store_get_path (store), people, error);
  if (left == G_MAXUINT)
    return FALSE;
  if (left > 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL,
                   _("The file %s still holds %u CNS after the purge: please report it. Keep the file private "
                     "meanwhile."),
                   coordena_store_get_path (store), left);
      return FALSE;
    }
  coordena_purge_report_clear (&local);
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}
