/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/format.h>
#include <coordena/ids.h>

#include "coordena-display.h"

const char *
coordena_display_team_type (CoordenaTeamType type)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF:
      return "eSF";
    case COORDENA_TEAM_TYPE_EAP20:
      return _("eAP 20 h");
    case COORDENA_TEAM_TYPE_EAP30:
      return _("eAP 30 h");
    case COORDENA_TEAM_TYPE_OTHER:
    default:
      return _("Other");
    }
}

const char *
coordena_display_category (CoordenaCategory category)
{
  return coordena_category_name (category);
}

const char *
coordena_display_category_short (CoordenaCategory category)
{
  const char *code = coordena_category_to_string (category);

  return code != NULL ? code : "—";
}

const char *
coordena_display_presence (CoordenaPresence presence)
{
  switch (presence)
    {
    case COORDENA_PRESENCE_PRESENT:
      return _("present");
    case COORDENA_PRESENCE_ABSENT:
      return _("absent");
    case COORDENA_PRESENCE_HOURS_SHORT:
      return _("insufficient weekly hours");
    case COORDENA_PRESENCE_NOT_REQUIRED:
    default:
      return _("not required");
    }
}

const char *
coordena_display_presence_icon (CoordenaPresence presence)
{
  switch (presence)
    {
    case COORDENA_PRESENCE_PRESENT:
      return "object-select-symbolic";
    case COORDENA_PRESENCE_ABSENT:
      return "window-close-symbolic";
    case COORDENA_PRESENCE_HOURS_SHORT:
      return "alarm-symbolic";
    case COORDENA_PRESENCE_NOT_REQUIRED:
    default:
      return NULL;
    }
}

const char *
coordena_display_presence_class (CoordenaPresence presence)
{
  switch (presence)
    {
    case COORDENA_PRESENCE_PRESENT:
      return "success";
    case COORDENA_PRESENCE_ABSENT:
      return "error";
    case COORDENA_PRESENCE_HOURS_SHORT:
      return "warning";
    case COORDENA_PRESENCE_NOT_REQUIRED:
    default:
      return NULL;
    }
}

const char *
coordena_display_status (CoordenaStatus status)
{
  return coordena_status_to_string (status);
}

char *
coordena_display_money (gint64 centavos)
{
  return coordena_format_money_or_dash (centavos);
}

char *
coordena_display_money_marked (gint64 centavos, CoordenaConfidence confidence)
{
  g_autofree char *money = NULL;

  if (centavos == 0)
    return g_strdup ("—");
  money = coordena_format_money_or_dash (centavos);
  if (centavos < 0 || confidence == COORDENA_CONFIDENCE_A)
    return g_steal_pointer (&money);
  /* The star is explained where the list is shown (the amount resting on values to confirm). */
  return g_strdup_printf ("%s *", money);
}

char *
coordena_display_percent (int percent)
{
  return percent <= 0 ? g_strdup ("—") : coordena_format_percent (percent);
}

char *
coordena_display_next_step (const CoordenaTeamSummary *team)
{
  return team->next_step == 0 ? g_strdup ("—") : coordena_next_step_text (team->next_step, (guint) team->next_percent);
}

char *
coordena_display_team_state (const CoordenaTeamSummary *team)
{
  return coordena_status_text (team->status, (guint) team->percent, team->current);
}

char *
coordena_display_cns_full (const char *cns, gboolean show_full)
{
  if (cns == NULL)
    return g_strdup ("");
  return show_full ? g_strdup (cns) : coordena_cns_mask (cns);
}

char *
coordena_display_cns (const char *cns, GSettings *settings)
{
  return coordena_display_cns_full (cns, settings != NULL && g_settings_get_boolean (settings, "show-full-cns"));
}
