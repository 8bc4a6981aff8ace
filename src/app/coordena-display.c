#include "config.h"

#include <glib/gi18n.h>

#include <coordena/format.h>
#include <coordena/ids.h>

#include "coordena-application.h"
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
  switch (category)
    {
    case COORDENA_CATEGORY_MED:
      return _("Physician");
    case COORDENA_CATEGORY_ENF:
      return _("Nurse");
    case COORDENA_CATEGORY_TEC:
      return _("Nursing technician or assistant");
    case COORDENA_CATEGORY_ACS:
      return _("Community health agent");
    case COORDENA_CATEGORY_NONE:
    case COORDENA_N_CATEGORIES:
    default:
      return _("Other occupation");
    }
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
  switch (status)
    {
    case COORDENA_STATUS_REGULAR:
      return _("Regular");
    case COORDENA_STATUS_AT_RISK:
      return _("At risk");
    case COORDENA_STATUS_SUSPENDED:
      return _("Suspended");
    case COORDENA_STATUS_NOT_EVALUATED:
    default:
      return _("Not evaluated");
    }
}

char *
coordena_display_money (gint64 centavos)
{
  return centavos < 0 ? g_strdup ("—") : coordena_format_money (centavos);
}

char *
coordena_display_percent (int percent)
{
  return percent <= 0 ? g_strdup ("—") : g_strdup_printf ("%d %%", percent);
}

char *
coordena_display_next_step (const CoordenaTeamSummary *team)
{
  g_autofree char *when = NULL;

  if (team->next_step == 0)
    return g_strdup ("—");
  when = coordena_competencia_format (team->next_step);
  /* TRANSLATORS: a suspension percent and the competência it starts, "75 % em 11/2025" */
  return g_strdup_printf (_("%d %% from %s"), team->next_percent, when);
}

char *
coordena_display_team_state (const CoordenaTeamSummary *team)
{
  if (team->status == COORDENA_STATUS_SUSPENDED)
    /* TRANSLATORS: a team's state with its suspension percent */
    return g_strdup_printf (_("Suspended %d %%"), team->percent);
  return g_strdup (coordena_display_status (team->status));
}

char *
coordena_display_cns (const char *cns)
{
  GApplication *app = g_application_get_default ();

  if (cns == NULL)
    return g_strdup ("");
  if (COORDENA_IS_APPLICATION (app)
      && g_settings_get_boolean (coordena_application_get_settings (COORDENA_APPLICATION (app)), "show-full-cns"))
    return g_strdup (cns);
  return coordena_cns_mask (cns);
}
