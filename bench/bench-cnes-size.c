/* bench-cnes-size — `coordena-cli import cnes` of one state from a base at the real size
 * (cnes-real.h: ≈ 7.1 M + 6.1 M rows in the two big tables, every column of each table), against
 * the time `unzip -p` takes to inflate the five entries the import reads, in the same run.
 * Targets: the import takes ≤ 2× the inflate time and ≤ 300 MB peak RSS.
 *
 * The base is written once (several minutes) into $COORDENA_BENCH_CACHE, or else
 * ~/.cache/coordena-bench, and reused by later runs. COORDENA_BENCH_CNES_SCALE=N divides every row
 * count by N for a quick look (a base of its own in the cache).
 * Usage: bench-cnes-size PATH-OF-coordena-cli */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "cnes-real.h"

#define TARGET_RATIO 2.0
#define TARGET_MB 300.0
#define ROUNDS 2
/* Bump when the generator changes, so a stale base is not reused. */
#define BASE_VERSION "1"

typedef struct {
  double wall_s;
  double cpu_s;
  double rss_mb;
  gboolean ok;
} Run;

/* Runs argv with stdout into out_path (or /dev/null), measuring the child alone. */
static Run
run_child (const char *const *argv, const char *out_path)
{
  Run run = { 0 };
  struct rusage usage;
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      int fd = open (out_path != NULL ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);

      dup2 (fd, 1);
      execvp (argv[0], (char **) argv);
      _exit (127);
    }
  wait4 (pid, &status, 0, &usage);
  run.wall_s = (g_get_monotonic_time () - start) / 1e6;
  run.cpu_s = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run.rss_mb = usage.ru_maxrss / 1024.0;
  run.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  return run;
}

/* Sizes of the ZIP's entries: the needed ones' total, the others' total and count. */
static void
entry_sizes (const char *zip, guint competencia, guint64 *needed, guint64 *other, guint *n_other)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  *needed = *other = 0;
  *n_other = 0;
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, zip, 1 << 16) != ARCHIVE_OK)
    {
      archive_read_free (a);
      return;
    }
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      gboolean is_needed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cnes_real_needed); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s%06u.csv", cnes_real_needed[i], competencia);

          is_needed = is_needed || g_strcmp0 (archive_entry_pathname (entry), name) == 0;
        }
      if (is_needed)
        *needed += (guint64) archive_entry_size (entry);
      else
        {
          *other += (guint64) archive_entry_size (entry);
          (*n_other)++;
        }
      archive_read_data_skip (a);
    }
  archive_read_free (a);
}

static double
load_average (void)
{
  double load[1] = { 0 };

  return getloadavg (load, 1) == 1 ? load[0] : -1;
}

int
main (int argc, char **argv)
{
  CnesRealOptions options = { 43, 6000, 120000, 6100000, 7100000, 560000, 1500000, 202508 };
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("coordena-bench-XXXXXX", NULL);
  g_autofree char *report = g_build_filename (tmp, "relatorio.txt", NULL);
  g_autofree char *comp = g_strdup_printf ("%u", options.competencia);
  GPtrArray *unzip_argv = g_ptr_array_new ();
  Run inflate = { G_MAXDOUBLE, G_MAXDOUBLE, 0, TRUE }, import = { G_MAXDOUBLE, G_MAXDOUBLE, 0, TRUE };
  guint64 needed = 0, other = 0;
  guint n_other = 0;
  GStatBuf st = { 0 };
  guint scale = 1;
  gboolean met;

  if (argc < 2)
    {
      g_printerr ("usage: bench-cnes-size PATH-OF-coordena-cli\n");
      return 2;
    }
  if (g_getenv ("COORDENA_BENCH_CNES_SCALE") != NULL)
    scale = MAX (1, (guint) g_ascii_strtoull (g_getenv ("COORDENA_BENCH_CNES_SCALE"), NULL, 10));
  options.state_teams /= scale;
  options.national_teams /= scale;
  options.carga_rows /= scale;
  options.dados_rows /= scale;
  options.estab_rows /= scale;
  options.unneeded_rows /= scale;
  /* The command's report in readable text whatever the caller's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", FALSE);
  cache = g_strdup (g_getenv ("COORDENA_BENCH_CACHE"));
  if (cache == NULL || *cache == '\0')
    {
      g_free (cache);
      cache = g_build_filename (g_get_user_cache_dir (), "coordena-bench", NULL);
    }
  {
    g_autofree char *name = g_strdup_printf ("BASE_DE_DADOS_CNES_%06u.ZIP", options.competencia);
    g_autofree char *sub = scale == 1 ? g_strdup ("cnes-real-v" BASE_VERSION)
                                      : g_strdup_printf ("cnes-real-v" BASE_VERSION "-1-%u", scale);
    g_autofree char *folder = g_build_filename (cache, sub, NULL);

    zip = g_build_filename (folder, name, NULL);
    if (!g_file_test (zip, G_FILE_TEST_IS_REGULAR))
      {
        g_autofree char *work = g_build_filename (folder, "csv", NULL);
        gint64 start = g_get_monotonic_time ();

        g_print ("cnes-size: writing the real-size base once into %s (several minutes)\n", folder);
        if (!cnes_real_write_zip (work, zip, &options, &error))
          {
            g_printerr ("bench-cnes-size: %s\n", error->message);
            return 1;
          }
        g_rmdir (work);
        g_print ("cnes-size: base written in %.0f s\n", (g_get_monotonic_time () - start) / 1e6);
      }
    else
      g_print ("cnes-size: reusing %s\n", zip);
  }
  g_stat (zip, &st);
  entry_sizes (zip, options.competencia, &needed, &other, &n_other);
  g_print ("cnes-size: ZIP %.0f MB; the 5 entries the import reads: %.0f MB inflated; %u other entries: %.0f MB "
           "(skipped unread)\n",
           st.st_size / 1048576.0, needed / 1048576.0, n_other, other / 1048576.0);
  g_print ("cnes-size: rows: tbDadosProfissionalSus %" G_GUINT64_FORMAT ", tbCargaHorariaSus %" G_GUINT64_FORMAT
           ", tbEstabelecimento %" G_GUINT64_FORMAT ", tbEquipe %u (%u of UF %u)\n",
           options.dados_rows, options.carga_rows, options.estab_rows, options.national_teams, options.state_teams,
           options.uf_code);

  g_ptr_array_add (unzip_argv, (gpointer) "unzip");
  g_ptr_array_add (unzip_argv, (gpointer) "-p");
  g_ptr_array_add (unzip_argv, zip);
  for (guint i = 0; i < G_N_ELEMENTS (cnes_real_needed); i++)
    g_ptr_array_add (unzip_argv, g_strdup_printf ("%s%06u.csv", cnes_real_needed[i], options.competencia));
  g_ptr_array_add (unzip_argv, NULL);

  /* Alternated, so both see the same load; the best of each. */
  for (int round = 0; round < ROUNDS; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/rodada%d.db", tmp, round);
      const char *init_argv[] = { argv[1], "--db", db, "init", "--uf", "RS", NULL };
      const char *import_argv[] = { argv[1], "--db", db, "import", "cnes", zip, "--uf", "RS", "--competencia", comp,
                                    NULL };
      Run a, b;

      a = run_child ((const char *const *) unzip_argv->pdata, NULL);
      if (!run_child (init_argv, NULL).ok)
        {
          g_printerr ("bench-cnes-size: %s init failed\n", argv[1]);
          return 1;
        }
      b = run_child (import_argv, report);
      g_print ("cnes-size: round %d: unzip -p %.2f s (CPU %.2f s); import %.2f s (CPU %.2f s, peak RSS %.0f MB)%s; "
               "load %.2f\n",
               round + 1, a.wall_s, a.cpu_s, b.wall_s, b.cpu_s, b.rss_mb, b.ok ? "" : " FAILED", load_average ());
      inflate.wall_s = MIN (inflate.wall_s, a.wall_s);
      inflate.cpu_s = MIN (inflate.cpu_s, a.cpu_s);
      inflate.ok = inflate.ok && a.ok;
      import.wall_s = MIN (import.wall_s, b.wall_s);
      import.cpu_s = MIN (import.cpu_s, b.cpu_s);
      import.rss_mb = MAX (import.rss_mb, b.rss_mb);
      import.ok = import.ok && b.ok;
      g_remove (db);
    }
  fflush (stdout);
  {
    g_autofree char *text = NULL;

    if (g_file_get_contents (report, &text, NULL, NULL))
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", 12);

        for (guint i = 0; lines[i] != NULL && i < 11; i++)
          if (*lines[i] != '\0')
            printf ("cnes-size:   | %s\n", lines[i]); /* UTF-8 as the command wrote it */
      }
  }
  fflush (stdout);
  met = inflate.ok && import.ok && import.wall_s <= TARGET_RATIO * inflate.wall_s && import.rss_mb <= TARGET_MB;
  g_print ("cnes-size: import %.2f s vs inflating its entries (unzip -p) %.2f s: %.2fx (CPU %.2f s vs %.2f s: "
           "%.2fx), target <= %.0fx; peak RSS %.0f MB, target <= %.0f MB: %s\n",
           import.wall_s, inflate.wall_s, import.wall_s / inflate.wall_s, import.cpu_s, inflate.cpu_s,
           import.cpu_s / inflate.cpu_s, TARGET_RATIO, import.rss_mb, TARGET_MB, met ? "meta atingida" : "meta NÃO atingida");
  g_remove (report);
  g_rmdir (tmp);
  for (guint i = 3; i < unzip_argv->len - 1; i++)
    g_free (unzip_argv->pdata[i]);
  g_ptr_array_unref (unzip_argv);
  return met ? 0 : 1;
}
