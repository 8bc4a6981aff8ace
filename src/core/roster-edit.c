/* roster-edit.c — hand edits through the store's one roster writer, so a team typed in the
 * window is stored exactly as an imported one. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/reference.h>
#include <coordena/roster-edit.h>
#include <coordena/ruleset.h>

#include "import-private.h"

static const char *
type_code (CoordenaTeamType type)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF: return "70";
    case COORDENA_TEAM_TYPE_EAP20:
    case COORDENA_TEAM_TYPE_EAP30: return "76";
    case COORDENA_TEAM_TYPE_OTHER:
    default: return NULL;
    }
}

gboolean
coordena_roster_edit_put (CoordenaStore *store, const char *action, const CoordenaTeamEdit *team,
                          CoordenaCompetencia competencia, const CoordenaMemberEdit *members, guint n_members,
                          GError **error)
{
  g_autoptr(CoordenaRosterWriter) writer = NULL;
  g_autoptr(GString) after = g_string_new (NULL);
  CoordenaWriterTeam wt = {
    .ine = team->ine, .ibge7 = team->ibge7, .cnes = team->cnes, .tp_equipe = type_code (team->type),
    .nome = team->name,
  };
  gint64 team_id;
  char entity[64];

  g_return_val_if_fail (coordena_competencia_is_valid (competencia), FALSE);

  if (!coordena_store_begin (store, error))
    return FALSE;
  if ((writer = coordena_roster_writer_new (store, "manual", error)) == NULL
      || (team_id = coordena_roster_writer_team (writer, &wt, error)) == 0
      || !coordena_roster_writer_team_month (writer, team_id, competencia, team->type,
                                             team->provimento ? COORDENA_TEAM_FLAG_PROVIMENTO : 0, error))
    goto fail;

  g_string_append_printf (after, "{\"ine\":\"%s\",\"competencia\":%u,\"membros\":[", team->ine, competencia);
  for (guint i = 0; i < n_members; i++)
    {
      gint64 prof = coordena_roster_writer_professional (writer, members[i].cns, members[i].name, error);

      if (prof == 0 || !coordena_roster_writer_member (writer, team_id, competencia, prof, members[i].cbo, members[i].hours, error))
        goto fail;
      g_string_append_printf (after, "%s{\"cns\":\"%s\",\"cbo\":\"%s\",\"horas\":%u}", i > 0 ? "," : "",
                              members[i].cns, members[i].cbo, members[i].hours);
    }
  g_string_append (after, "]}");
  g_snprintf (entity, sizeof entity, "equipe %s", team->ine);
  if (!coordena_store_audit (store, action, entity, NULL, after->str, error)
      || !coordena_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}

GArray *
coordena_roster_edit_members (const CoordenaRoster *roster, const char *ine, CoordenaCompetencia competencia)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (CoordenaMemberEdit));
  const CoordenaRosterTeam *team = roster != NULL ? coordena_roster_find_team (roster, ine) : NULL;
  const CoordenaRosterMonth *months;
  guint n_months;

  if (team == NULL)
    return out;
  months = coordena_roster_team_months (roster, team, &n_months);
  for (guint m = 0; m < n_months; m++)
    {
      const CoordenaRosterMember *members;
      guint n;

      if (months[m].competencia != competencia)
        continue;
      members = coordena_roster_month_members (roster, &months[m], &n);
      for (guint i = 0; i < n; i++)
        {
          const CoordenaRosterProfessional *prof = coordena_roster_member_professional (roster, &members[i]);
          CoordenaMemberEdit edit = { .cns = prof->cns, .name = prof->name, .cbo = members[i].cbo, .hours = members[i].hours };

          g_array_append_val (out, edit);
        }
    }
  return out;
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

gboolean
coordena_check_ine (const char *text, char **warning, GError **error)
{
  g_autofree char *t = trimmed (text);

  if (!coordena_is_digits (t, 10))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The INE has 10 digits, zeros on the left included."));
      return FALSE;
    }
  if (warning != NULL && !coordena_ine_check_digit_ok (t))
    *warning = g_strdup (_("The INE’s check digit does not match: confirm it in the CNES."));
  return TRUE;
}

gboolean
coordena_check_cnes (const char *text, char **warning, GError **error)
{
  g_autofree char *t = trimmed (text);

  if (!coordena_is_digits (t, 7))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The CNES has 7 digits."));
      return FALSE;
    }
  if (warning != NULL && !coordena_cnes_check_digit_ok (t))
    *warning = g_strdup (_("The CNES’s check digit does not match: confirm it in the CNES."));
  return TRUE;
}

gboolean
coordena_check_cns (const char *text, GError **error)
{
  g_autofree char *t = trimmed (text);

  if (!coordena_is_digits (t, 15))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The CNS has 15 digits."));
      return FALSE;
    }
  if (!coordena_cns_is_valid (t))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("This is not a valid CNS: check the digits on the card."));
      return FALSE;
    }
  return TRUE;
}

gboolean
coordena_check_cbo (const char *text, char **warning, GError **error)
{
  g_autofree char *t = trimmed (text);
  g_autoptr(CoordenaCboMap) map = NULL;
  gsize n = strlen (t);

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (t[i]))
      n = 0;
  if (n != 6)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The CBO has 6 characters, such as 225142 or 2231F9."));
      return FALSE;
    }
  if (warning != NULL && (map = coordena_cbo_map_load (NULL)) != NULL
      && coordena_cbo_map_lookup (map, t) == COORDENA_CATEGORY_NONE)
    *warning = g_strdup (_("This occupation is kept but does not count for the composition rules."));
  return TRUE;
}

gboolean
coordena_check_hours (const char *text, guint *hours, GError **error)
{
  g_autofree char *t = trimmed (text);
  guint64 value = 0;

  if (*t == '\0' || !g_ascii_string_to_unsigned (t, 10, 0, 168, &value, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Weekly hours are a whole number from 0 to 168."));
      return FALSE;
    }
  if (hours != NULL)
    *hours = (guint) value;
  return TRUE;
}

gboolean
coordena_check_municipio (const char *text, guint uf_code, char **ibge7, GError **error)
{
  const CoordenaReference *reference = coordena_reference_get (error);
  g_autofree char *t = trimmed (text);
  const CoordenaMunicipio *found = NULL;

  if (reference == NULL)
    return FALSE;
  if (coordena_is_digits (t, 6) || coordena_is_digits (t, 7))
    found = coordena_reference_find_municipio (reference, t);
  else
    {
      g_autoptr(GPtrArray) list = coordena_reference_municipios_of_uf (reference, uf_code);
      g_autofree char *want = g_utf8_casefold (t, -1);

      for (guint i = 0; list != NULL && i < list->len && found == NULL; i++)
        {
          const CoordenaMunicipio *m = g_ptr_array_index (list, i);
          g_autofree char *name = g_utf8_casefold (m->nome, -1);

          if (g_utf8_collate (name, want) == 0)
            found = m;
        }
    }
  if (found == NULL || found->codigo_uf != uf_code)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("No municipality of the state is called “%s”."), t);
      return FALSE;
    }
  *ibge7 = g_strdup (found->ibge7);
  return TRUE;
}
