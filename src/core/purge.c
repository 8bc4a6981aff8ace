/* SPDX-License-Identifier: GPL-3.0-or-later */
/* purge.c — removing names and CNS from a database, keeping counts and results (purge.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/purge.h>
#include <coordena/store.h>

#include "store-internal.h"

void
coordena_purge_report_clear (CoordenaPurgeReport *report)
{
  g_clear_pointer (&report->leftovers, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_clear_pointer (&report->unverified, g_ptr_array_unref);
}

char *
coordena_purge_pseudonym (gint64 professional_id)
{
  return g_strdup_printf ("X%014" G_GINT64_FORMAT, professional_id);
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
redact_json (const char *json, gpointer people)
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
  report->unverified = g_ptr_array_new_with_free_func (g_free);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, base) && (g_str_has_suffix (name, ".bak") || g_str_has_suffix (name, ".bak.tmp")))
      g_ptr_array_add (report->leftovers, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < backups->len; i++)
    {
      const char *copy = backups->pdata[i];
      g_autofree char *found = NULL;
      gboolean listed = FALSE;

      /* Older versions recorded the name as typed: relative to a folder no longer known. The
       * current folder and the database's are tried; otherwise nothing is claimed about it. */
      if (!g_path_is_absolute (copy))
        {
          g_autofree char *here = g_canonicalize_filename (copy, NULL);
          g_autofree char *beside = g_canonicalize_filename (copy, dir);

          if (g_file_test (here, G_FILE_TEST_IS_REGULAR))
            found = g_steal_pointer (&here);
          else if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
            found = g_steal_pointer (&beside);
          else
            {
              for (guint k = 0; k < report->unverified->len && !listed; k++)
                listed = g_str_equal (copy, report->unverified->pdata[k]);
              if (!listed)
                g_ptr_array_add (report->unverified, g_strdup (copy));
              continue;
            }
          copy = found;
        }

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
  g_ptr_array_sort (report->unverified, compare_paths);
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

/* Empties the WAL into the file, saying who holds the database when another program stops it. */
static gboolean
checkpoint_truncate (CoordenaStore *store, gboolean purged, GError **error)
{
  g_autoptr(GError) why = NULL;
  CoordenaStoreCheckpoint done = coordena_store_checkpoint_truncate (store, purged, &why);

  if (done == COORDENA_STORE_CHECKPOINT_DONE)
    return TRUE;
  if (done == COORDENA_STORE_CHECKPOINT_BUSY)
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
      g_set_error (error, COORDENA_ERROR, why->code,
                   _("The personal data was removed from the database, but its file %s could not be rewritten "
                     "without the old copy: %s Run the purge again once that is solved."),
                   coordena_store_get_path (store), why->message);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&why));
  return FALSE;
}

gboolean
coordena_purge_personal_data (CoordenaStore *store, CoordenaPurgeReport *report, GError **error)
{
  CoordenaPurgeReport local = { 0 };
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *after = NULL;

  g_autoptr(GPtrArray) backups = NULL;
  guint left;

  if (report == NULL)
    report = &local;
  memset (report, 0, sizeof *report);

  /* Deleted values are overwritten with zeros, not merely unlinked from the b-tree. */
  if (!coordena_store_purge_secure_delete (store, error))
    return FALSE;
  /* A program reading the database would keep the old pages alive in the file: refused now,
   * before anything changes, rather than reported as done. */
  if (!checkpoint_truncate (store, FALSE, error))
    return FALSE;
  if ((backups = coordena_store_purge_recorded_backups (store, error)) == NULL)
    return FALSE;
  if (!coordena_store_begin (store, error))
    return FALSE;

  if (!coordena_store_purge_collect_people (store, people, error)
      || !coordena_store_purge_redact_audit (store, redact_json, people, &report->n_audit, error)
      || !coordena_store_purge_letters (store, redact_json, people, &report->n_letters, error)
      || !coordena_store_purge_pseudonymise (store, report, error))
    goto fail;

  after = g_strdup_printf ("{\"profissionais\":%u,\"nomes\":%u,\"contatos_municipais\":%u,"
                           "\"cenarios\":%u,\"auditoria\":%u,\"notificacoes\":%u}",
                           report->n_professionals, report->n_names, report->n_contacts,
                           report->n_scenarios, report->n_audit, report->n_letters);
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
