/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numbering.c — issued numbers of signed documents: the counter, the database's record and the
 * append-only register beside the database file. See numbering.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/numbering.h>
#include <coordena/paths.h>

#include "store-internal.h"

/* The register's first field: a line of another layout is never misread. */
#define REGISTER_TAG "v1"

static const char *const origin_names[] = { "contador", "informado", "registrado" };

const char *
coordena_number_origin_to_string (CoordenaNumberOrigin origin)
{
  return origin <= COORDENA_NUMBER_REGISTERED ? origin_names[origin] : "?";
}

static gboolean
origin_from_string (const char *text, CoordenaNumberOrigin *origin)
{
  for (guint i = 0; i < G_N_ELEMENTS (origin_names); i++)
    if (g_strcmp0 (text, origin_names[i]) == 0)
      {
        *origin = (CoordenaNumberOrigin) i;
        return TRUE;
      }
  return FALSE;
}

void
coordena_issued_number_free (CoordenaIssuedNumber *issued)
{
  if (issued == NULL)
    return;
  g_free (issued->sequence);
  g_free (issued->date);
  g_free (issued->document);
  g_free (issued->sha256);
  g_free (issued->recorded_at);
  g_free (issued);
}

char *
coordena_numbering_register_path (CoordenaStore *store)
{
  const char *path = coordena_store_get_path (store);

  /* A server keeps its numbers itself, for everyone who issues them; there is no folder beside it. */
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || coordena_store_is_server (store))
    return NULL;
  return g_strconcat (path, ".oficios.log", NULL);
}

char *
coordena_numbering_user_register_path (CoordenaStore *store)
{
  g_autofree char *uf = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  const char *path = coordena_store_get_path (store);

  /* A demonstration's numbers are never printed for real: they must not use the state's numbers. */
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || coordena_store_is_demo (store))
    return NULL;
  uf = coordena_store_get_uf (store);
  if (uf == NULL || *uf == '\0')
    return NULL;
  for (char *p = uf; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return NULL;
  dir = coordena_user_datadir ();
  name = g_strdup_printf ("oficios-%s.log", uf);
  return g_build_filename (dir, name, NULL);
}

/* Tabs and newlines would break a line of the register. */
static char *
field (const char *text)
{
  char *out = g_strdup (text != NULL && *text != '\0' ? text : "-");

  for (char *p = out; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return out;
}

/* A line a crash cut short: the start of a line of the register's layout, fewer fields. */
static gboolean
torn_line (const char *line, guint n_fields)
{
  return g_str_has_prefix (REGISTER_TAG "\t", line) || (g_str_has_prefix (line, REGISTER_TAG "\t") && n_fields < 9);
}

static gboolean
register_damaged (const char *path, guint line, GError **error)
{
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("The register of issued numbers %s is damaged at line %u, so Coordena cannot be sure which numbers "
                 "were already printed and issues none. Restore the file from a backup copy, or correct that line "
                 "(fields separated by tabs: v1, sequence, year, number, date, origin, SHA-256, time, document); never "
                 "delete the file."), path, line);
  return FALSE;
}

GPtrArray *
coordena_numbering_read_register (const char *path, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_issued_number_free);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  g_auto(GStrv) lines = NULL;
  struct stat st;
  guint n;

  if (path == NULL)
    return g_steal_pointer (&list);
  /* Read only an ordinary file of a sane size: a register replaced by a device, a pipe or a link to
   * one would otherwise hang or fill the memory. */
  if (g_stat (path, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > 256 * 1024 * 1024))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("%s should be the register of issued numbers, an ordinary text file, but it is not (a device, "
                     "a pipe, a folder or a file far too large). Coordena issues no number until it is one again: "
                     "restore it from a backup copy."), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, &length, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot read the register of issued numbers %s: %s. Without it Coordena cannot be sure a "
                     "number was not printed before; check the file’s permissions."), path, local->message);
      return NULL;
    }
  /* It names every document the secretariat signed: for its owner only, like the database. */
  if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
    g_chmod (path, 0600);
  if (memchr (text, '\0', length) != NULL)
    {
      const char *nul = memchr (text, '\0', length);
      guint line = 1;

      for (const char *p = text; p < nul; p++)
        line += *p == '\n';
      register_damaged (path, line, error);
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* The last piece follows the last newline: empty, or a line whose write was cut short. */
  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autoptr(CoordenaIssuedNumber) issued = NULL;
      guint n_fields = g_strv_length (f);
      guint64 year, number;
      char *end_year = NULL, *end_number = NULL;
      GDate date;

      if (*lines[i] == '\0' || torn_line (lines[i], n_fields))
        continue;
      if (n_fields < 9 || !g_str_equal (f[0], REGISTER_TAG))
        {
          register_damaged (path, i + 1, error);
          return NULL;
        }
      year = g_ascii_strtoull (f[2], &end_year, 10);
      number = g_ascii_strtoull (f[3], &end_number, 10);
      issued = g_new0 (CoordenaIssuedNumber, 1);
      if (*end_year != '\0' || *end_number != '\0' || year < 1900 || year > 9999 || number == 0
          || number > G_MAXINT || !origin_from_string (f[5], &issued->origin)
          || !coordena_parse_date (f[4], &date, NULL))
        {
          register_damaged (path, i + 1, error);
          return NULL;
        }
      issued->sequence = g_strdup (f[1]);
      issued->year = (guint) year;
      issued->number = (guint) number;
      issued->date = g_strdup (f[4]);
      issued->sha256 = g_str_equal (f[6], "-") ? NULL : g_strdup (f[6]);
      issued->recorded_at = g_strdup (f[7]);
      issued->document = g_strdup (f[8]);
      g_ptr_array_add (list, g_steal_pointer (&issued));
    }
  return g_steal_pointer (&list);
}

gboolean
coordena_numbering_parse (const char *text, guint *number, guint *year, GError **error)
{
  const char *slash = text != NULL ? strchr (text, '/') : NULL;
  guint64 n = 0, y = 0;
  char *end = NULL;

  if (slash != NULL && slash > text && g_ascii_isdigit (*text))
    {
      n = g_ascii_strtoull (text, &end, 10);
      if (end != slash)
        n = 0;
      if (strlen (slash + 1) == 4 && g_ascii_isdigit (slash[1]))
        {
          y = g_ascii_strtoull (slash + 1, &end, 10);
          if (*end != '\0')
            y = 0;
        }
    }
  if (n == 0 || n > G_MAXINT || y < 1900)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("“%s” is not an ofício number: write NUMERO/ANO, e.g. 123/2026"), text != NULL ? text : "");
      return FALSE;
    }
  *number = (guint) n;
  *year = (guint) y;
  return TRUE;
}

/* Both registers: the one beside the database and the user's one for the state, which a copy of
 * the database at another path cannot escape. */
static GPtrArray *
read_store_register (CoordenaStore *store, GError **error)
{
  g_autofree char *path = coordena_numbering_register_path (store);
  g_autofree char *user = coordena_numbering_user_register_path (store);
  g_autoptr(GPtrArray) all = coordena_numbering_read_register (path, error);
  g_autoptr(GPtrArray) more = NULL;

  if (all == NULL)
    return NULL;
  if ((more = coordena_numbering_read_register (user, error)) == NULL)
    return NULL;
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (all, g_steal_pointer (&more->pdata[i]));
  g_ptr_array_set_free_func (more, NULL);
  return g_steal_pointer (&all);
}

/* Every number issued in the sequence and year, in the database or either register. */
static GPtrArray *
issued_in_year (CoordenaStore *store, GPtrArray *reg, const char *sequence, guint year, GError **error)
{
  g_autoptr(GPtrArray) list = coordena_store_numbering_list (store, sequence, year, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < reg->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (reg, i);
      CoordenaIssuedNumber *copy;

      if (r->year != year || !g_str_equal (r->sequence, sequence))
        continue;
      copy = g_new0 (CoordenaIssuedNumber, 1);
      copy->sequence = g_strdup (r->sequence);
      copy->year = r->year;
      copy->number = r->number;
      copy->date = g_strdup (r->date);
      copy->document = g_strdup (r->document);
      copy->origin = r->origin;
      g_ptr_array_add (list, copy);
    }
  return g_steal_pointer (&list);
}

/* The latest date of a number of the sequence issued in that year (registered ones aside): numbers
 * restart each year, so a post-dated January ofício does not hold back December's. */
static gboolean
last_issued (CoordenaStore *store, const char *sequence, guint year, char **date, char **document, GError **error)
{
  g_autoptr(GPtrArray) reg = read_store_register (store, error);
  g_autoptr(GPtrArray) list = NULL;

  if (reg == NULL || (list = issued_in_year (store, reg, sequence, year, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (list, i);

      if (r->origin == COORDENA_NUMBER_REGISTERED)
        continue;
      if (*date == NULL || g_strcmp0 (r->date, *date) > 0)
        {
          g_free (*date);
          g_free (*document);
          *date = g_strdup (r->date);
          *document = g_strdup (r->document);
        }
    }
  return TRUE;
}

gboolean
coordena_numbering_check_date (CoordenaStore *store, const char *sequence, const GDate *date, GError **error)
{
  g_autofree char *last = NULL;
  g_autofree char *last_doc = NULL;
  GDate today, latest, previous;

  coordena_clock_today (&today);
  latest = today;
  g_date_add_days (&latest, COORDENA_NUMBERING_MAX_DAYS_AHEAD);
  if (g_date_compare (date, &today) < 0)
    {
      g_autofree char *d = coordena_format_date (date);
      g_autofree char *t = coordena_format_date (&today);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the date %s is before today (%s): a document generated by Coordena is dated the day it is "
                     "generated or a later day chosen for the signature, never an earlier one; an ofício already "
                     "sent is registered instead (“coordena-cli oficio register”)"), d, t);
      return FALSE;
    }
  if (g_date_compare (date, &latest) > 0)
    {
      g_autofree char *d = coordena_format_date (date);
      g_autofree char *l = coordena_format_date (&latest);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the date %s is more than %d days ahead: choose a day up to %s"), d,
                   COORDENA_NUMBERING_MAX_DAYS_AHEAD, l);
      return FALSE;
    }
  if (!last_issued (store, sequence, g_date_get_year (date), &last, &last_doc, error))
    return FALSE;
  if (last != NULL && coordena_parse_date (last, &previous, NULL) && g_date_compare (date, &previous) < 0)
    {
      g_autofree char *d = coordena_format_date (date);
      g_autofree char *p = coordena_format_date (&previous);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the date %s is before that of the last document of the sequence, %s (%s): numbers follow "
                     "dates, so choose %s or later"), d, last_doc, p, p);
      return FALSE;
    }
  return TRUE;
}

gboolean
coordena_numbering_check_order (CoordenaStore *store, const char *sequence, guint year, guint number,
                                const GDate *date, GError **error)
{
  g_autoptr(GPtrArray) reg = read_store_register (store, error);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *day = NULL;

  if (reg == NULL || (list = issued_in_year (store, reg, sequence, year, error)) == NULL)
    return FALSE;
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  for (guint i = 0; i < list->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (list, i);
      gboolean lower_after = r->number < number && g_strcmp0 (r->date, day) > 0;
      gboolean higher_before = r->number > number && g_strcmp0 (r->date, day) < 0;
      GDate other;
      g_autofree char *d = NULL;
      g_autofree char *o = NULL;

      if (!lower_after && !higher_before)
        continue;
      d = coordena_format_date (date);
      o = coordena_parse_date (r->date, &other, NULL) ? coordena_format_date (&other) : g_strdup (r->date);
      if (lower_after)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the number %u/%u cannot be dated %s: the lower number %u/%u (%s) is dated %s, and numbers "
                       "follow dates; date it %s or later, or give a higher number"),
                     number, year, d, r->number, year, r->document, o, o);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the number %u/%u cannot be dated %s: the higher number %u/%u (%s) is dated %s, and numbers "
                       "follow dates; give a number above %u/%u, or move the counter past it (Preferências, "
                       "“Próximo número do contador do Coordena neste ano”, or “coordena-cli profile set numeracao.proximo %u”)"),
                     number, year, d, r->number, year, r->document, o, r->number, year, r->number + 1);
      return FALSE;
    }
  return TRUE;
}

static const CoordenaIssuedNumber *
issued_in_register (GPtrArray *reg, const char *sequence, guint year, guint number)
{
  for (guint i = 0; i < reg->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (reg, i);

      if (r->year == year && r->number == number && g_str_equal (r->sequence, sequence))
        return r;
    }
  return NULL;
}

static gboolean
check_free (CoordenaStore *store, GPtrArray *reg, const char *sequence, guint year, guint number, GError **error)
{
  g_autofree char *document = NULL;
  g_autofree char *date = NULL;
  gboolean found = FALSE;
  const CoordenaIssuedNumber *r;

  if (!coordena_store_numbering_find (store, sequence, year, number, &document, &date, &found, error))
    return FALSE;
  if (!found && (r = issued_in_register (reg, sequence, year, number)) != NULL)
    {
      document = g_strdup (r->document);
      date = g_strdup (r->date);
      found = TRUE;
    }
  if (found)
    {
      GDate d;
      g_autofree char *shown = coordena_parse_date (date, &d, NULL) ? coordena_format_date (&d) : g_strdup (date);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the number %u/%u was already used on %s, dated %s: a number is never printed on two "
                     "documents; give another one"), number, year, document, shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
coordena_numbering_check_free (CoordenaStore *store, const char *sequence, guint year, guint number, GError **error)
{
  g_autoptr(GPtrArray) reg = read_store_register (store, error);

  return reg != NULL && check_free (store, reg, sequence, year, number, error);
}

static gboolean
next_number (CoordenaStore *store, GPtrArray *reg, const char *sequence, guint year, guint *number, GError **error)
{
  guint last = 0;

  if (!coordena_store_numbering_last_counted (store, sequence, year, &last, error))
    return FALSE;
  for (guint i = 0; i < reg->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (reg, i);

      if (r->year == year && r->origin == COORDENA_NUMBER_COUNTER && g_str_equal (r->sequence, sequence))
        last = MAX (last, r->number);
    }
  /* Skip the numbers given by hand or registered that the counter meets. */
  for (*number = last + 1;; (*number)++)
    {
      g_autofree char *document = NULL;
      g_autofree char *date = NULL;
      gboolean found = FALSE;

      if (!coordena_store_numbering_find (store, sequence, year, *number, &document, &date, &found, error))
        return FALSE;
      if (!found && issued_in_register (reg, sequence, year, *number) == NULL)
        break;
    }
  /* Past the ceiling the counter would print a number no register line or document layout was
   * made for; the year's numbering is full and nothing is issued. */
  if (*number > COORDENA_NUMBERING_MAX_NUMBER)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the numbering of %u has reached %u, its highest number: no further number is issued this year. "
                     "Give a number by hand (--numero) or register the document with the number it received"),
                   year, COORDENA_NUMBERING_MAX_NUMBER);
      return FALSE;
    }
  return TRUE;
}

gboolean
coordena_numbering_next (CoordenaStore *store, const char *sequence, guint year, guint *number, GError **error)
{
  g_autoptr(GPtrArray) reg = read_store_register (store, error);

  return reg != NULL && next_number (store, reg, sequence, year, number, error);
}

gboolean
coordena_numbering_peek_next (CoordenaStore *store, const char *sequence, guint year, guint *next, GError **error)
{
  return coordena_numbering_next (store, sequence, year, next, error);
}

/* Appends one line and makes it durable before the database commits. */
static gboolean
append_register (const char *path, const CoordenaIssuedNumber *issued, gboolean exclusive, GError **error)
{
  g_autofree char *seq = field (issued->sequence);
  g_autofree char *date = field (issued->date);
  g_autofree char *sha = field (issued->sha256);
  g_autofree char *at = field (issued->recorded_at);
  g_autofree char *doc = field (issued->document);
  g_autofree char *line = g_strdup_printf ("%s\t%s\t%u\t%u\t%s\t%s\t%s\t%s\t%s\n", REGISTER_TAG, seq, issued->year,
                                           issued->number, date, origin_names[issued->origin], sha, at, doc);
  gsize done = 0, length = strlen (line);
  struct stat st;
  gboolean created;
  char last = '\n';
  int fd, saved;

  created = g_stat (path, &st) != 0;
  fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    goto fail;
  if (!created && (st.st_mode & 077) != 0)
    fchmod (fd, 0600);
  /* The state's register is shared by every database of the state this user keeps: two of them
   * generating at the same moment could both have chosen the same number. Under the lock, the
   * register is read again and a number taken meanwhile is refused, never printed twice. */
  if (exclusive)
    {
      g_autoptr(GPtrArray) now = NULL;
      g_autoptr(GError) local = NULL;

      while (flock (fd, LOCK_EX) != 0)
        if (errno != EINTR)
          goto fail_fd;
      now = coordena_numbering_read_register (path, &local);
      if (now == NULL)
        {
          close (fd);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (issued_in_register (now, issued->sequence, issued->year, issued->number) != NULL)
        {
          close (fd);
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("The number %u/%u was issued a moment ago by another Coordena working on a database of "
                         "this state (register %s). Nothing was issued: generate the document again, and it takes "
                         "the next number."), issued->number, issued->year, path);
          return FALSE;
        }
      /* Lines written meanwhile by the other program change where the file ends. */
      if (!created && g_stat (path, &st) != 0)
        goto fail_fd;
    }
  /* A line cut short by a crash is closed, so the new one stands alone. */
  if (!created && st.st_size > 0)
    {
      int rfd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      if (rfd >= 0)
        {
          if (pread (rfd, &last, 1, st.st_size - 1) != 1)
            last = '\n';
          close (rfd);
        }
      if (last != '\n' && write (fd, "\n", 1) != 1)
        goto fail_fd;
    }
  while (done < length)
    {
      gssize n = write (fd, line + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail_fd;
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    goto fail_fd;
  close (fd);
  if (created)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (dfd >= 0)
        {
          fsync (dfd);
          close (dfd);
        }
    }
  return TRUE;

fail_fd:
  saved = errno;
  close (fd);
  errno = saved;
fail:
  saved = errno;
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
               _("Cannot write the register of issued numbers %s: %s. Nothing was issued; free space on the disk or "
                 "make the database’s folder writable, then try again."), path, g_strerror (saved));
  return FALSE;
}

gboolean
coordena_numbering_issue (CoordenaStore *store, const CoordenaIssuedNumber *issued, GError **error)
{
  g_autofree char *path = coordena_numbering_register_path (store);
  g_autofree char *user = coordena_numbering_user_register_path (store);

  if (!coordena_store_numbering_record (store, issued, error))
    return FALSE;
  /* The state's register first: it is the one another database can race for. */
  if (user != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (user);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                       _("Cannot create the folder %s for the register of issued numbers: %s. Nothing was issued; "
                         "make it writable, then try again."), dir, g_strerror (saved));
          return FALSE;
        }
      if (!append_register (user, issued, TRUE, error))
        return FALSE;
    }
  if (path != NULL && !append_register (path, issued, FALSE, error))
    return FALSE;
  return TRUE;
}

gboolean
coordena_numbering_set_next (CoordenaStore *store, const char *sequence, guint year, guint next, GError **error)
{
  g_autoptr(GPtrArray) reg = NULL;
  g_autofree char *after = NULL;
  guint would = 0;
  gboolean ok;

  if (next == 0 || next > COORDENA_NUMBERING_MAX_NUMBER)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the next number must be a whole number from 1 to %u"),
                   COORDENA_NUMBERING_MAX_NUMBER);
      return FALSE;
    }
  if (!coordena_store_begin (store, error))
    return FALSE;
  if ((reg = read_store_register (store, error)) == NULL || !next_number (store, reg, sequence, year, &would, error))
    goto fail;
  if (next < would)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the counter already reached %u/%u: the next number can only be %u or more, so that no number "
                     "is printed twice"), would - 1, year, would);
      goto fail;
    }
  ok = coordena_store_numbering_set_counter (store, sequence, year, next - 1, error);
  after = g_strdup_printf ("{\"sequencia\":\"%s\",\"ano\":%u,\"proximo\":%u}", sequence, year, next);
  if (!ok || !coordena_store_audit (store, "numbering-set-next", sequence, NULL, after, error)
      || !coordena_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}

/* "2/2025 a 5/2025, 7/2025 e 1/2026" from sorted (year, number) pairs. */
static void
append_ranges (GString *out, GArray *pairs)
{
  guint n_parts = 0, i = 0;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  while (i < pairs->len)
    {
      guint year = g_array_index (pairs, guint, i) >> 20, first = g_array_index (pairs, guint, i) & 0xfffff;
      guint j = i;

      while (j + 1 < pairs->len && g_array_index (pairs, guint, j + 1) == g_array_index (pairs, guint, j) + 1)
        j++;
      if (j == i)
        g_ptr_array_add (parts, g_strdup_printf ("%u/%u", first, year));
      else
        g_ptr_array_add (parts, g_strdup_printf ("%u/%u a %u/%u", first, year,
                                                 g_array_index (pairs, guint, j) & 0xfffff, year));
      i = j + 1;
    }
  n_parts = parts->len;
  for (i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n_parts ? " e " : ", ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
}

static gint
cmp_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

char *
coordena_numbering_restore_note (CoordenaStore *store, GError **error)
{
  g_autoptr(GPtrArray) reg = read_store_register (store, error);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) out = g_string_new (NULL);

  if (reg == NULL)
    return NULL;
  for (guint i = 0; i < reg->len; i++)
    {
      const CoordenaIssuedNumber *r = g_ptr_array_index (reg, i);
      g_autofree char *document = NULL;
      g_autofree char *date = NULL;
      gboolean found = FALSE;
      guint key;

      if (!g_str_equal (r->sequence, COORDENA_SEQUENCE_OFICIO) || r->number >= 0x100000)
        continue;
      if (!coordena_store_numbering_find (store, r->sequence, r->year, r->number, &document, &date, &found, error))
        return NULL;
      key = (r->year << 20) | r->number;
      if (!found)
        {
          gboolean dup = FALSE;

          for (guint j = 0; j < pairs->len && !dup; j++)
            dup = g_array_index (pairs, guint, j) == key;
          if (!dup)
            g_array_append_val (pairs, key);
        }
    }
  if (pairs->len == 0)
    return NULL;
  g_array_sort (pairs, cmp_guint);
  if (pairs->len == 1)
    {
      g_string_append (out, _("the ofício "));
      append_ranges (out, pairs);
      g_string_append (out, _(" was issued after this copy was made: its number will not be given again"));
    }
  else
    {
      g_string_append (out, _("the ofícios "));
      append_ranges (out, pairs);
      g_string_append (out, _(" were issued after this copy was made: their numbers will not be given again"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Files written whole or not at all -------------------------------------------------------- */

char *
coordena_file_write_temp (const char *path, const void *data, gsize size, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize done = 0;
  int fd, saved;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot write %s: %s. Nothing was written; choose a folder where you can write."), path,
                   g_strerror (saved));
      return NULL;
    }
  while (done < size)
    {
      gssize n = write (fd, (const char *) data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  saved = errno;
  if (done < size || fsync (fd) != 0)
    {
      if (done == size)
        saved = errno;
      close (fd);
      g_unlink (temp);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot write %s: %s. The file was not changed; free space on the disk and try again."), path,
                   g_strerror (saved != 0 ? saved : ENOSPC));
      return NULL;
    }
  if (close (fd) != 0)
    {
      saved = errno;
      g_unlink (temp);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot write %s: %s. The file was not changed; free space on the disk and try again."), path,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&temp);
}

gboolean
coordena_file_commit_temp (const char *temp, const char *path, GError **error)
{
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot write %s: %s. The file was not changed."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ".NAME.pdf.XXXXXX": what coordena_file_write_temp makes, and nothing else. */
static gboolean
is_own_temp_name (const char *name)
{
  gsize n = strlen (name);

  if (n < 1 + 5 + 7 || name[0] != '.' || name[n - 7] != '.')
    return FALSE;
  for (gsize i = n - 6; i < n; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return n - 7 > 5 && strncmp (name + n - 11, ".pdf", 4) == 0;
}

GPtrArray *
coordena_file_clean_stale_temps (const char *path)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  /* Older than this run by a margin: a file another Coordena is writing right now is left alone.
   * The machine's clock only compares file times here; it never reaches a document. */
  gint64 before = g_get_real_time () / G_USEC_PER_SEC - 120;
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *full = NULL;
      struct stat st;

      if (!is_own_temp_name (name))
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid () || (st.st_mode & 0777) != 0600
          || st.st_mtime > before)
        continue;
      if (g_unlink (full) == 0)
        g_ptr_array_add (removed, g_strdup (name));
    }
  return g_steal_pointer (&removed);
}
