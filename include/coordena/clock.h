/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.h — the one place Coordena asks what time it is.
 *
 * Everything dated (ofícios, adhesion steps, the audit log, deadlines, restores) reads the time
 * here. The environment variable COORDENA_TODAY ("AAAA-MM-DD", optionally "AAAA-MM-DDTHH:MM:SS")
 * fixes "now" for the whole process: the tests set it, so none depends on the machine's clock. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The secretariat's time zone: America/Sao_Paulo unless COORDENA_TZ names another. */
GTimeZone *coordena_clock_timezone (void);

/* Now, in the secretariat's time zone (or the injected moment). */
GDateTime *coordena_clock_now (void);

/* Today's date in the secretariat's time zone (or the injected date). */
void coordena_clock_today (GDate *today);

/* Now in UTC as "AAAA-MM-DDTHH:MM:SSZ", as the database stores moments. */
char *coordena_clock_now_utc_iso (void);

/* Fixes "now" for this process (tests of the window); NULL returns to the real clock. */
void coordena_clock_set_for_testing (GDateTime *now);

G_END_DECLS
