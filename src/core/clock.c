/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.c — see clock.h. */
#include "config.h"

#include <coordena/clock.h>

#include <stdio.h>

static GDateTime *fixed_now;

GTimeZone *
coordena_clock_timezone (void)
{
  const char *name = g_getenv ("COORDENA_TZ");
  GTimeZone *tz = g_time_zone_new_identifier (name != NULL && *name != '\0' ? name : "America/Sao_Paulo");

  if (tz == NULL)
    tz = g_time_zone_new_offset (-3 * 3600);
  return tz;
}

static GDateTime *
injected_now (GTimeZone *tz)
{
  const char *text = g_getenv ("COORDENA_TODAY");
  int y = 0, m = 0, d = 0, hh = 12, mm = 0, ss = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  if (sscanf (text, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mm, &ss) < 3)
    {
      g_printerr ("COORDENA_TODAY=%s: use AAAA-MM-DD; o relógio do sistema será usado.\n", text);
      return NULL;
    }
  return g_date_time_new (tz, y, m, d, hh, mm, ss);
}

GDateTime *
coordena_clock_now (void)
{
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  GDateTime *now;

  if (fixed_now != NULL)
    return g_date_time_to_timezone (fixed_now, tz);
  now = injected_now (tz);
  if (now != NULL)
    return now;
  return g_date_time_new_now (tz);
}

void
coordena_clock_today (GDate *today)
{
  g_autoptr(GDateTime) now = coordena_clock_now ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

char *
coordena_clock_now_utc_iso (void)
{
  g_autoptr(GDateTime) now = coordena_clock_now ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
coordena_clock_set_for_testing (GDateTime *now)
{
  g_clear_pointer (&fixed_now, g_date_time_unref);
  if (now != NULL)
    fixed_now = g_date_time_ref (now);
}
