/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rules — figures of the rules core: CSV rows/s, engine time for the country
 * (50 000 teams x 24 competencias), 12-competência forecast, and `coordena-cli evaluate` of a
 * state (6 000 teams x 24 ~ 1 M rows) end to end with its peak memory; then `evaluate` of a
 * 6 000-team file of 8 competências (~ 317 k rows) beside two yardsticks timed in the same run:
 * `wc -l` on the file (target: evaluate <= 20x) and the same rules read the plain way in Python,
 * rules-plain.py (target: evaluate >= 50x faster).
 * Usage: bench-rules [PATH-OF-coordena-cli [PATH-OF-rules-plain.py RULES-DIR]] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include <glib/gstdio.h>

#include "roster-synth.h"

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process in ms: the figure a loaded machine does not distort. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v, int n)
{
  qsort (v, (size_t) n, sizeof *v, cmp_double);
  return v[n / 2];
}

static double
best (const double *v, int n)
{
  double b = v[0];
  for (int i = 1; i < n; i++)
    b = MIN (b, v[i]);
  return b;
}

/* Best wall time of n runs of argv, stdout to /dev/null; negative when it fails. *cpu (if given)
 * gets the best CPU time (user + system) of the runs. */
static double
best_run_ms (const char *const *argv, int n, double *cpu)
{
  double b = -1;

  if (cpu != NULL)
    *cpu = -1;

  for (int i = 0; i < n; i++)
    {
      int status = 0;
      gint64 t0 = g_get_monotonic_time ();
      pid_t pid = fork ();
      double ms;

      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);
          dup2 (null, 1);
          execvp (argv[0], (char **) argv);
          _exit (127);
        }
      {
        struct rusage child;
        double c;

        wait4 (pid, &status, 0, &child);
        ms = ms_since (t0);
        c = (double) (child.ru_utime.tv_sec + child.ru_stime.tv_sec) * 1000.0 +
            (double) (child.ru_utime.tv_usec + child.ru_stime.tv_usec) / 1000.0;
        if (cpu != NULL)
          *cpu = *cpu < 0 ? c : MIN (*cpu, c);
      }
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return -1;
      b = b < 0 ? ms : MIN (b, ms);
    }
  return b;
}

/* Every target missed makes the benchmark fail, so `make bench` says so. */
static gboolean missed;

static const char *
verdict_met (gboolean met)
{
  if (!met)
    missed = TRUE;
  return met ? "meta atingida" : "meta NÃO atingida";
}

static const char *
verdict (double value, double target)
{
  return verdict_met (value <= target);
}

/* The commands whose peak memory is measured are started by a small process forked before the
 * benchmark grows: the peak a child's rusage gives counts what the child held before its exec,
 * a copy of its parent (here, hundreds of megabytes of rosters). It reads an argv (its strings
 * one after the other, each with its NUL, after their total length), runs it with stdout to
 * /dev/null, and answers with what wait4 said. */
typedef struct {
  double wall_ms;
  double cpu_ms;
  double rss_mb;
  int ok;
} Measured;

static gboolean
io_full (int fd, void *data, gsize len, gboolean writing)
{
  guchar *p = data;

  while (len > 0)
    {
      gssize n = writing ? write (fd, p, len) : read (fd, p, len);

      if (n <= 0)
        return FALSE;
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static G_NORETURN void
launcher (int in, int out)
{
  for (;;)
    {
      guint32 len;
      char buf[4096], *args[32];
      int n = 0, status = 0;
      Measured m = { 0 };
      struct rusage usage;
      gint64 start;
      pid_t pid;

      if (!io_full (in, &len, sizeof len, FALSE) || len == 0 || len > sizeof buf || !io_full (in, buf, len, FALSE))
        _exit (0);
      for (guint32 at = 0; at < len && n < 31; at += (guint32) strlen (buf + at) + 1)
        args[n++] = buf + at;
      args[n] = NULL;
      start = g_get_monotonic_time ();
      pid = fork ();
      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);

          dup2 (null, 1);
          execvp (args[0], args);
          _exit (127);
        }
      wait4 (pid, &status, 0, &usage);
      m.wall_ms = ms_since (start);
      m.cpu_ms = (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                 (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
      m.rss_mb = (double) usage.ru_maxrss / 1024.0;
      m.ok = pid > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0;
      if (!io_full (out, &m, sizeof m, TRUE))
        _exit (0);
    }
}

typedef struct {
  int to, from;
  pid_t pid;
} Launcher;

static Launcher
launcher_start (void)
{
  Launcher l = { -1, -1, -1 };
  int down[2], up[2];

  if (pipe (down) != 0 || pipe (up) != 0)
    return l;
  l.pid = fork ();
  if (l.pid == 0)
    {
      close (down[1]);
      close (up[0]);
      launcher (down[0], up[1]);
    }
  close (down[0]);
  close (up[1]);
  l.to = down[1];
  l.from = up[0];
  return l;
}

static gboolean
launcher_run (Launcher *l, const char *const *argv, Measured *m)
{
  char buf[4096];
  guint32 len = 0;

  for (int i = 0; argv[i] != NULL; i++)
    {
      gsize n = strlen (argv[i]) + 1;

      if (len + n > sizeof buf)
        return FALSE;
      memcpy (buf + len, argv[i], n);
      len += (guint32) n;
    }
  return l->pid > 0 && io_full (l->to, &len, sizeof len, TRUE) && io_full (l->to, buf, len, TRUE) &&
         io_full (l->from, m, sizeof *m, FALSE);
}

static void
launcher_stop (Launcher *l)
{
  if (l->pid <= 0)
    return;
  close (l->to);
  close (l->from);
  waitpid (l->pid, NULL, 0);
}

int
main (int argc, char **argv)
{
  Launcher launch = launcher_start ();
  SynthSpec state = { 6000, 24, 202401, 42 };
  SynthSpec country = { 50000, 24, 202401, 7 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coordena-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estado.csv", NULL);
  g_autoptr(CoordenaRuleCatalog) cat = coordena_rule_catalog_load (&error);
  CoordenaRosterCsvOptions options = { 0 };
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  g_autoptr(CoordenaRoster) state_roster = NULL;
  g_autoptr(CoordenaRoster) big = NULL;
  double runs[5];
  guint64 rows = 0;
  gint64 t0;
  double read_ms, read_cpu, build_ms, eval_ms, forecast_ms;
  struct rusage self;

  if (cat == NULL)
    {
      g_printerr ("bench-rules: %s\n", error->message);
      return 1;
    }

  t0 = g_get_monotonic_time ();
  if (!synth_roster_write_csv (&state, path, &rows, &error))
    {
      g_printerr ("bench-rules: %s\n", error->message);
      return 1;
    }
  printf ("state file: %u teams x %u competencias, %" G_GUINT64_FORMAT " rows, written in %.0f ms\n",
           state.n_teams, state.n_months, rows, ms_since (t0));

  /* 1. CSV reading with every check of the format, into a roster. */
  {
    double c0 = cpu_ms ();
    t0 = g_get_monotonic_time ();
    state_roster = coordena_roster_csv_read (path, &options, &report, &error);
    read_ms = ms_since (t0);
    read_cpu = cpu_ms () - c0;
  }
  if (state_roster == NULL)
    {
      g_printerr ("bench-rules: %s\n", error->message);
      return 1;
    }
  printf ("roster CSV read:       %8.0f ms  %10.0f rows/s  (CPU %.0f ms: %.0f rows/s)\n", read_ms,
           (double) rows / (read_ms / 1000.0), read_cpu, (double) rows / (read_cpu / 1000.0));

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(CoordenaEvaluation) e = NULL;
      t0 = g_get_monotonic_time ();
      e = coordena_evaluate (state_roster, cat, NULL);
      runs[i] = ms_since (t0);
    }
  printf ("engine, state:         %8.1f ms  (best of 5; %u teams x %u competencias)\n", best (runs, 5), state.n_teams, state.n_months);

  /* 2. The country, built in memory. */
  t0 = g_get_monotonic_time ();
  big = synth_roster_build (&country);
  build_ms = ms_since (t0);
  {
    guint n_members = 0;
    coordena_roster_get_members (big, &n_members);
    printf ("country roster built:  %8.0f ms  (%u teams x %u competencias, %u members)\n",
             build_ms, country.n_teams, country.n_months, n_members);
  }
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(CoordenaEvaluation) e = NULL;
      t0 = g_get_monotonic_time ();
      e = coordena_evaluate (big, cat, NULL);
      runs[i] = ms_since (t0);
    }
  eval_ms = best (runs, 5);
  printf ("engine, country:       %8.1f ms  (best of 5; median %.1f ms)  target <= 50 ms: %s\n",
           eval_ms, median (runs, 5), verdict (eval_ms, 50));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CoordenaForecast) f = NULL;
      t0 = g_get_monotonic_time ();
      f = coordena_forecast (big, cat, NULL, 12, NULL, NULL);
      runs[i] = ms_since (t0);
    }
  forecast_ms = best (runs, 3);
  printf ("forecast 12, country:  %8.1f ms  (best of 3; median %.1f ms)\n", forecast_ms, median (runs, 3));
  g_clear_pointer (&big, coordena_roster_unref);

  /* 3. The command a user runs, end to end, with its own peak memory. */
  if (argc > 1)
    {
      double walls[3], cpus[3], rss = 0;
      gboolean failed = FALSE;

      for (int i = 0; i < 3; i++)
        {
          const char *cmd[] = { argv[1], "evaluate", "--format", "csv", path, NULL };
          Measured m = { 0 };

          failed = !launcher_run (&launch, cmd, &m) || !m.ok || failed;
          walls[i] = m.wall_ms;
          cpus[i] = m.cpu_ms;
          rss = MAX (rss, m.rss_mb);
        }
      printf ("coordena-cli evaluate: %8.0f ms  (best of 3; median %.0f ms; CPU %.0f ms)  target <= 2000 ms: %s; "
               "peak RSS %.0f MB, target <= 300 MB: %s%s\n",
               best (walls, 3), median (walls, 3), best (cpus, 3), verdict (best (walls, 3), 2000), rss,
               verdict (rss, 300), failed ? " (the command failed)" : "");
      if (failed)
        missed = TRUE;
    }

  /* 4. evaluate against its yardsticks, on the same file, in the same run. */
  if (argc > 1)
    {
      SynthSpec medium = { 6000, 8, 202401, 42 };
      g_autofree char *medium_path = g_build_filename (dir, "estado-8.csv", NULL);
      guint64 medium_rows = 0;
      const char *wc_argv[] = { "wc", "-l", medium_path, NULL };
      const char *eval_argv[] = { argv[1], "evaluate", "--format", "csv", medium_path, NULL };
      /* rules-plain.py ROSTER RULES-DIR */
      const char *py_argv[] = { "python3", argc > 3 ? argv[2] : "", medium_path, argc > 3 ? argv[3] : "", NULL };
      g_autofree char *python = g_find_program_in_path ("python3");
      double wc_ms, eval_ms_medium, py_ms = -1, wc_cpu, eval_cpu, py_cpu = -1;

      if (!synth_roster_write_csv (&medium, medium_path, &medium_rows, &error))
        {
          g_printerr ("bench-rules: %s\n", error->message);
          return 1;
        }
      /* Interleaved, so each sees the same load; the best of each. */
      wc_ms = eval_ms_medium = -1;
      wc_cpu = eval_cpu = -1;
      for (int round = 0; round < 5; round++)
        {
          double c, w = best_run_ms (wc_argv, 1, &c);

          wc_ms = wc_ms < 0 ? w : MIN (wc_ms, w);
          wc_cpu = wc_cpu < 0 ? c : MIN (wc_cpu, c);
          w = best_run_ms (eval_argv, 1, &c);
          if (w < 0)
            {
              eval_ms_medium = -1;
              break;
            }
          eval_ms_medium = eval_ms_medium < 0 ? w : MIN (eval_ms_medium, w);
          eval_cpu = eval_cpu < 0 ? c : MIN (eval_cpu, c);
        }
      if (argc > 3 && python != NULL)
        py_ms = best_run_ms (py_argv, 2, &py_cpu);
      if (eval_ms_medium < 0)
        {
          printf ("evaluate failed on %s: meta NÃO atingida\n", medium_path);
          missed = TRUE;
        }
      else
        {
          printf ("evaluate, %u teams x %u competencias (%" G_GUINT64_FORMAT " rows): %.0f ms (best of 5; CPU %.0f ms)\n",
                   medium.n_teams, medium.n_months, medium_rows, eval_ms_medium, eval_cpu);
          printf ("  beside wc -l on the file:        %.1f ms -> evaluate takes %.1fx, target <= 20x: %s "
                   "(in CPU time: %.1f ms, %.0fx)\n", wc_ms, eval_ms_medium / wc_ms,
                   verdict (eval_ms_medium / wc_ms, 20), wc_cpu, wc_cpu > 0 ? eval_cpu / wc_cpu : 0);
          if (py_ms > 0)
            printf ("  beside the plain Python reading: %.0f ms -> evaluate is %.1fx faster, target >= 50x: %s "
                     "(in CPU time: %.0f ms, %.1fx)\n", py_ms, py_ms / eval_ms_medium,
                     verdict_met (py_ms / eval_ms_medium >= 50), py_cpu, py_cpu / eval_cpu);
          else
            printf ("  the plain Python reading did not run (python3 or rules-plain.py missing): meta NÃO atingida\n");
          if (py_ms <= 0)
            missed = TRUE;
        }
      g_remove (medium_path);
    }

  getrusage (RUSAGE_SELF, &self);
  printf ("peak RSS of this benchmark: %.0f MB\n", (double) self.ru_maxrss / 1024.0);
  g_remove (path);
  g_rmdir (dir);
  launcher_stop (&launch);
  if (missed)
    printf ("bench-rules: meta NÃO atingida em ao menos uma medida acima\n");
  return missed ? 1 : 0;
}
