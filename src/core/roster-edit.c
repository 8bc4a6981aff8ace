/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-edit.c — hand edits through the store's one roster writer, so a team typed in the
 * window is stored exactly as an imported one. Each edit is optimistic (see struct
 * _CoordenaTeamSnapshot). coordena-cli has no hand edits of teams: its imports read and replace
 * whole competências inside one transaction (serialized per state on a server), so there is no
 * version seen earlier for them to overwrite. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/reference.h>
#include <coordena/roster-edit.h>
#include <coordena/ruleset.h>

#include "import-private.h"
#include "store-internal.h"

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

typedef struct {
  CoordenaCompetencia competencia;
  CoordenaTeamType type;
  guint flags;
  GArray *members;   /* CoordenaMemberEdit, strings owned by the snapshot */
} SnapshotMonth;

/* A team as a roster or the database held it, or the absence of a team with the INE (present
 * FALSE). Edits are optimistic: each one compares what the person saw with what the database
 * holds inside its own transaction, and writes nothing when they differ. Contents are compared,
 * not a version number: the roster on screen already holds them, imports need not bump anything,
 * and the schema stays as it is on both engines. */
struct _CoordenaTeamSnapshot {
  char *ine, *cnes, *ibge7, *name;
  gboolean present;
  gint64 base_centavos;
  GArray *months;    /* SnapshotMonth */
  GPtrArray *strings;
  /* After a put with this snapshot as what was seen: the team as the edit left it, which its
   * Desfazer expects to find. */
  CoordenaTeamSnapshot *written;
};

static gboolean check_unchanged (CoordenaStore *store, const CoordenaTeamSnapshot *expected, CoordenaCompetencia scope,
                                 GError **error);
static CoordenaTeamSnapshot *read_team (CoordenaStore *store, const char *ine, GError **error);

/* Writes the team-month inside the caller's transaction, audited as action. */
static gboolean
write_team_month (CoordenaStore *store, const char *action, const CoordenaTeamEdit *team, CoordenaCompetencia competencia,
                  const CoordenaMemberEdit *members, guint n_members, GError **error)
{
  g_autoptr(CoordenaRosterWriter) writer = NULL;
  g_autoptr(GString) after = g_string_new (NULL);
  CoordenaWriterTeam wt = {
    .ine = team->ine, .ibge7 = team->ibge7, .cnes = team->cnes, .tp_equipe = type_code (team->type),
    .nome = team->name,
  };
  gint64 team_id;
  char entity[64];

  if ((writer = coordena_roster_writer_new (store, "manual", error)) == NULL
      || (team_id = coordena_roster_writer_team (writer, &wt, error)) == 0
      || !coordena_roster_writer_team_month (writer, team_id, competencia, team->type,
                                             team->provimento ? COORDENA_TEAM_FLAG_PROVIMENTO : 0, error))
    return FALSE;

  g_string_append_printf (after, "{\"ine\":\"%s\",\"competencia\":%u,\"membros\":[", team->ine, competencia);
  for (guint i = 0; i < n_members; i++)
    {
      gint64 prof = coordena_roster_writer_professional (writer, members[i].cns, members[i].name, error);
      g_autofree char *masked = coordena_cns_mask (members[i].cns);   /* logs never hold a whole CNS */

      if (prof == 0 || !coordena_roster_writer_member (writer, team_id, competencia, prof, members[i].cbo, members[i].hours, error))
        return FALSE;
      g_string_append_printf (after, "%s{\"cns\":\"%s\",\"cbo\":\"%s\",\"horas\":%u}", i > 0 ? "," : "",
                              masked, members[i].cbo, members[i].hours);
    }
  g_string_append (after, "]}");
  g_snprintf (entity, sizeof entity, "equipe %s", team->ine);
  return coordena_store_audit (store, action, entity, NULL, after->str, error);
}

gboolean
coordena_roster_edit_put (CoordenaStore *store, const char *action, CoordenaTeamSnapshot *seen, const CoordenaTeamEdit *team,
                          CoordenaCompetencia competencia, const CoordenaMemberEdit *members, guint n_members,
                          GError **error)
{
  g_autoptr(CoordenaTeamSnapshot) written = NULL;

  g_return_val_if_fail (coordena_competencia_is_valid (competencia), FALSE);
  g_return_val_if_fail (seen != NULL && g_str_equal (seen->ine, team->ine), FALSE);

  if (!coordena_store_begin (store, error))
    return FALSE;
  /* Only what the edit rewrites must be as seen: the team's fields and this competência; after an
   * edit through the same snapshot, as that edit left them. */
  if (!check_unchanged (store, seen->written != NULL ? seen->written : seen, competencia, error)
      || !write_team_month (store, action, team, competencia, members, n_members, error)
      || (written = read_team (store, team->ine, error)) == NULL
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  g_clear_pointer (&seen->written, coordena_team_snapshot_free);
  seen->written = g_steal_pointer (&written);
  return TRUE;
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

/* ---- Removing a whole team, and putting it back ------------------------------------------ */


static void
snapshot_month_clear (gpointer data)
{
  SnapshotMonth *m = data;
  g_clear_pointer (&m->members, g_array_unref);
}

void
coordena_team_snapshot_free (CoordenaTeamSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->ine);
  g_free (snapshot->cnes);
  g_free (snapshot->ibge7);
  g_free (snapshot->name);
  g_array_unref (snapshot->months);
  g_ptr_array_unref (snapshot->strings);
  coordena_team_snapshot_free (snapshot->written);
  g_free (snapshot);
}

const char *
coordena_team_snapshot_get_ine (const CoordenaTeamSnapshot *snapshot)
{
  return snapshot->ine;
}

const char *
coordena_team_snapshot_get_name (const CoordenaTeamSnapshot *snapshot)
{
  return snapshot->name;
}

static const char *
keep (CoordenaTeamSnapshot *s, const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (s->strings, copy);
  return copy;
}

/* Everything of the team the roster holds: its fields, each competência and its members. */
/* No team with the INE. */
static CoordenaTeamSnapshot *
snapshot_absent (const char *ine)
{
  CoordenaTeamSnapshot *s = g_new0 (CoordenaTeamSnapshot, 1);

  s->ine = g_strdup (ine);
  s->base_centavos = COORDENA_BASE_UNKNOWN;
  s->months = g_array_new (FALSE, TRUE, sizeof (SnapshotMonth));
  g_array_set_clear_func (s->months, snapshot_month_clear);
  s->strings = g_ptr_array_new_with_free_func (g_free);
  return s;
}

static CoordenaTeamSnapshot *
snapshot_new (const CoordenaRoster *roster, const CoordenaRosterTeam *team)
{
  CoordenaTeamSnapshot *s = snapshot_absent (team->ine);
  const CoordenaRosterMonth *months;
  guint n_months;

  s->present = TRUE;
  s->cnes = g_strdup (team->cnes);
  s->ibge7 = g_strdup (team->ibge);
  s->name = g_strdup (team->name);

  months = coordena_roster_team_months (roster, team, &n_months);
  for (guint i = 0; i < n_months; i++)
    {
      SnapshotMonth m = {
        .competencia = months[i].competencia,
        .type = months[i].type,
        .flags = months[i].flags,
        .members = g_array_new (FALSE, TRUE, sizeof (CoordenaMemberEdit)),
      };
      const CoordenaRosterMember *members;
      guint n;

      if (months[i].base_centavos != COORDENA_BASE_UNKNOWN)
        s->base_centavos = months[i].base_centavos;
      members = coordena_roster_month_members (roster, &months[i], &n);
      for (guint j = 0; j < n; j++)
        {
          const CoordenaRosterProfessional *prof = coordena_roster_member_professional (roster, &members[j]);
          CoordenaMemberEdit edit = {
            .cns = keep (s, prof->cns), .name = keep (s, prof->name), .cbo = keep (s, members[j].cbo),
            .hours = members[j].hours,
          };
          g_array_append_val (m.members, edit);
        }
      g_array_append_val (s->months, m);
    }
  return s;
}

/* ---- Telling two versions of a team apart ------------------------------------------------------ */

static int
member_cmp (gconstpointer a, gconstpointer b)
{
  const CoordenaMemberEdit *x = a, *y = b;
  int c = g_strcmp0 (x->cns, y->cns);

  return c != 0 ? c : g_strcmp0 (x->cbo, y->cbo);
}

static const SnapshotMonth *
snapshot_month (const CoordenaTeamSnapshot *s, CoordenaCompetencia competencia)
{
  for (guint i = 0; i < s->months->len; i++)
    if (g_array_index (s->months, SnapshotMonth, i).competencia == competencia)
      return &g_array_index (s->months, SnapshotMonth, i);
  return NULL;
}

/* Members are compared as sets: the database returns them in no particular order. */
static gboolean
months_equal (const SnapshotMonth *a, const SnapshotMonth *b)
{
  g_autoptr(GArray) x = NULL, y = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (a->type != b->type || a->flags != b->flags || a->members->len != b->members->len)
    return FALSE;
  x = g_array_copy (a->members);
  y = g_array_copy (b->members);
  g_array_set_clear_func (x, NULL);
  g_array_set_clear_func (y, NULL);
  g_array_sort (x, member_cmp);
  g_array_sort (y, member_cmp);
  for (guint i = 0; i < x->len; i++)
    {
      const CoordenaMemberEdit *m = &g_array_index (x, CoordenaMemberEdit, i);
      const CoordenaMemberEdit *n = &g_array_index (y, CoordenaMemberEdit, i);

      if (member_cmp (m, n) != 0 || g_strcmp0 (m->name, n->name) != 0 || m->hours != n->hours)
        return FALSE;
    }
  return TRUE;
}

/* The same team: its fields, and every competência (scope 0) or the one scope. */
static gboolean
snapshots_equal (const CoordenaTeamSnapshot *a, const CoordenaTeamSnapshot *b, CoordenaCompetencia scope)
{
  if (a->present != b->present)
    return FALSE;
  if (!a->present)
    return TRUE;
  if (g_strcmp0 (a->cnes, b->cnes) != 0 || g_strcmp0 (a->ibge7, b->ibge7) != 0 || g_strcmp0 (a->name, b->name) != 0)
    return FALSE;
  if (scope != 0)
    return months_equal (snapshot_month (a, scope), snapshot_month (b, scope));
  if (a->months->len != b->months->len)
    return FALSE;
  for (guint i = 0; i < a->months->len; i++)
    {
      const SnapshotMonth *m = &g_array_index (a->months, SnapshotMonth, i);

      if (!months_equal (m, snapshot_month (b, m->competencia)))
        return FALSE;
    }
  return TRUE;
}

/* Inside the edit's transaction, the team as the database holds it now. */
static CoordenaTeamSnapshot *
read_team (CoordenaStore *store, const char *ine, GError **error)
{
  g_autoptr(CoordenaRoster) now = coordena_store_lock_team (store, ine, error);
  const CoordenaRosterTeam *team;

  if (now == NULL)
    return NULL;
  team = coordena_roster_find_team (now, ine);
  return team != NULL ? snapshot_new (now, team) : snapshot_absent (ine);
}

static void
describe_month (GString *text, const SnapshotMonth *m)
{
  g_autofree char *when = coordena_competencia_format (m->competencia);
  const char *type = coordena_team_type_to_string (m->type);

  g_string_append_c (text, '\n');
  if (m->members->len == 0)
    {
      /* TRANSLATORS: a competência (MM/AAAA) and a team type (eSF, eAP20…) */
      g_string_append_printf (text, _("In %s it is an %s without members."), when, type);
      return;
    }
  /* TRANSLATORS: a competência, a team type, how many members, and the list of them */
  g_string_append_printf (text, ngettext ("In %s it is an %s with %u member:", "In %s it is an %s with %u members:",
                                          m->members->len),
                          when, type, m->members->len);
  for (guint i = 0; i < m->members->len; i++)
    {
      const CoordenaMemberEdit *e = &g_array_index (m->members, CoordenaMemberEdit, i);
      g_autofree char *masked = e->name == NULL ? coordena_cns_mask (e->cns) : NULL;

      g_string_append_c (text, '\n');
      /* TRANSLATORS: a member: name (or masked CNS), CBO and weekly hours */
      g_string_append_printf (text, _("%s (CBO %s, %u h)"), e->name != NULL ? e->name : masked, e->cbo, e->hours);
    }
}

/* The conflict: who changed the team and when, if the audit log knows, what the database holds
 * now, and what to do. */
static void
set_conflict (CoordenaStore *store, const CoordenaTeamSnapshot *now, CoordenaCompetencia scope, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = NULL, *who = NULL, *action = NULL;

  g_string_append_printf (text, _("Someone else changed the team %s after you opened it: nothing was saved."), now->ine);
  g_string_append (text, "\n\n");
  if (coordena_store_last_team_change (store, now->ine, &when, &who, &action, NULL) && when != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (when, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *shown = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (when);

      /* TRANSLATORS: date and time, who (the operating-system user, and on a server the database
       * role), and the action as the audit log names it */
      g_string_append_printf (text, _("Latest change in the audit log: %s, by %s (%s)."), shown, who, action);
    }
  else
    g_string_append (text, _("The audit log does not say who changed it."));
  g_string_append (text, "\n\n");
  if (!now->present)
    g_string_append (text, _("The database no longer has this team."));
  else
    {
      const SnapshotMonth *m = scope != 0 ? snapshot_month (now, scope) : NULL;

      /* A change of the whole team: its latest competência tells it best. */
      for (guint i = 0; scope == 0 && i < now->months->len; i++)
        if (m == NULL || g_array_index (now->months, SnapshotMonth, i).competencia > m->competencia)
          m = &g_array_index (now->months, SnapshotMonth, i);

      if (now->name != NULL)
        /* TRANSLATORS: the team's name and CNES as the database holds them now */
        g_string_append_printf (text, _("The database now has it as “%s”, CNES %s."), now->name,
                                now->cnes != NULL ? now->cnes : "—");
      else
        g_string_append_printf (text, _("The database now has it without a name, CNES %s."),
                                now->cnes != NULL ? now->cnes : "—");
      if (m != NULL)
        describe_month (text, m);
      else if (scope != 0)
        {
          g_autofree char *month = coordena_competencia_format (scope);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("It has no competência %s any more."), month);
        }
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Reopen the team to see the current version and redo your change."));
  g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT, text->str);
}

static gboolean
check_unchanged (CoordenaStore *store, const CoordenaTeamSnapshot *expected, CoordenaCompetencia scope, GError **error)
{
  g_autoptr(CoordenaTeamSnapshot) now = read_team (store, expected->ine, error);

  if (now == NULL)
    return FALSE;
  if (snapshots_equal (expected, now, scope))
    return TRUE;
  set_conflict (store, now, scope, error);
  return FALSE;
}

CoordenaTeamSnapshot *
coordena_roster_edit_remove_team (CoordenaStore *store, const CoordenaRoster *roster, const char *ine, GError **error)
{
  const CoordenaRosterTeam *team = roster != NULL ? coordena_roster_find_team (roster, ine) : NULL;
  g_autoptr(CoordenaTeamSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  char entity[64];

  if (team == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no team with INE %s"), ine);
      return NULL;
    }
  snapshot = snapshot_new (roster, team);

  if (!coordena_store_begin (store, error))
    return NULL;
  if (!check_unchanged (store, snapshot, 0, error) || !coordena_store_delete_team (store, ine, error))
    goto fail;
  /* Its Desfazer expects to find no team with the INE. */
  snapshot->written = snapshot_absent (ine);

  before = g_strdup_printf ("{\"ine\":\"%s\",\"competencias\":%u}", snapshot->ine, snapshot->months->len);
  g_snprintf (entity, sizeof entity, "equipe %s", snapshot->ine);
  if (!coordena_store_audit (store, "remover equipe", entity, before, NULL, error) || !coordena_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&snapshot);

fail:
  coordena_store_rollback (store);
  return NULL;
}

/* Writes the snapshot's team, competências and members, inside the caller's transaction. */
static gboolean
write_snapshot (CoordenaStore *store, const CoordenaTeamSnapshot *snapshot, GError **error)
{
  g_autoptr(CoordenaRosterWriter) writer = NULL;
  gint64 team_id;
  CoordenaTeamType type = snapshot->months->len > 0 ? g_array_index (snapshot->months, SnapshotMonth, 0).type
                                                    : COORDENA_TEAM_TYPE_OTHER;
  CoordenaWriterTeam wt = {
    .ine = snapshot->ine, .ibge7 = snapshot->ibge7, .cnes = snapshot->cnes, .tp_equipe = type_code (type),
    .nome = snapshot->name,
  };

  if ((writer = coordena_roster_writer_new (store, "manual", error)) == NULL
      || (team_id = coordena_roster_writer_team (writer, &wt, error)) == 0)
    return FALSE;
  if (snapshot->base_centavos != COORDENA_BASE_UNKNOWN
      && !coordena_roster_writer_team_base (writer, team_id, snapshot->base_centavos, error))
    return FALSE;
  for (guint i = 0; i < snapshot->months->len; i++)
    {
      const SnapshotMonth *m = &g_array_index (snapshot->months, SnapshotMonth, i);

      if (!coordena_roster_writer_team_month (writer, team_id, m->competencia, m->type,
                                              (int) (m->flags & COORDENA_TEAM_FLAG_PROVIMENTO), error))
        return FALSE;
      if ((m->flags & COORDENA_TEAM_FLAG_SEM_PRODUCAO) != 0 && !coordena_store_mark_sem_producao (store, team_id, m->competencia, error))
        return FALSE;
      for (guint j = 0; j < m->members->len; j++)
        {
          const CoordenaMemberEdit *e = &g_array_index (m->members, CoordenaMemberEdit, j);
          gint64 prof = coordena_roster_writer_professional (writer, e->cns, e->name, error);

          if (prof == 0 || !coordena_roster_writer_member (writer, team_id, m->competencia, prof, e->cbo, e->hours, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
coordena_roster_edit_restore_team (CoordenaStore *store, const CoordenaTeamSnapshot *snapshot, GError **error)
{
  g_autofree char *after = NULL;
  char entity[64];

  if (!coordena_store_begin (store, error))
    return FALSE;
  if ((snapshot->written != NULL && !check_unchanged (store, snapshot->written, 0, error))
      || !write_snapshot (store, snapshot, error))
    goto fail;
  after = g_strdup_printf ("{\"ine\":\"%s\",\"competencias\":%u}", snapshot->ine, snapshot->months->len);
  g_snprintf (entity, sizeof entity, "equipe %s", snapshot->ine);
  if (!coordena_store_audit (store, "desfazer remocao de equipe", entity, NULL, after, error)
      || !coordena_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}

/* ---- Removing one member, and putting them back -------------------------------------------- */

/* A member's removal is the team's snapshot narrowed to one competência. */
struct _CoordenaMemberRemoval {
  CoordenaTeamSnapshot *team;
  CoordenaCompetencia competencia;
  const char *name;  /* owned by the snapshot */
};

void
coordena_member_removal_free (CoordenaMemberRemoval *removal)
{
  if (removal == NULL)
    return;
  coordena_team_snapshot_free (removal->team);
  g_free (removal);
}

const char *
coordena_member_removal_get_name (const CoordenaMemberRemoval *removal)
{
  return removal->name;
}

/* Writes one competência of a snapshot, with the given members, as one audited action. */
static gboolean
put_month (CoordenaStore *store, const char *action, CoordenaTeamSnapshot *seen, const CoordenaTeamSnapshot *s,
           const SnapshotMonth *m, const CoordenaMemberEdit *members, guint n_members, GError **error)
{
  CoordenaTeamEdit team = {
    .ine = s->ine, .cnes = s->cnes, .ibge7 = s->ibge7, .name = s->name, .type = m->type,
    .provimento = (m->flags & COORDENA_TEAM_FLAG_PROVIMENTO) != 0,
  };

  return coordena_roster_edit_put (store, action, seen, &team, m->competencia, members, n_members, error);
}

CoordenaMemberRemoval *
coordena_roster_edit_remove_member (CoordenaStore *store, const CoordenaRoster *roster, const char *ine,
                                    CoordenaCompetencia competencia, const char *cns, GError **error)
{
  const CoordenaRosterTeam *team = roster != NULL ? coordena_roster_find_team (roster, ine) : NULL;
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(GArray) kept = NULL;
  SnapshotMonth *month = NULL;
  gboolean found = FALSE;

  if (team == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no team with INE %s"), ine);
      return NULL;
    }
  removal = g_new0 (CoordenaMemberRemoval, 1);
  removal->team = snapshot_new (roster, team);
  for (guint i = 0; i < removal->team->months->len; i++)
    if (g_array_index (removal->team->months, SnapshotMonth, i).competencia == competencia)
      month = &g_array_index (removal->team->months, SnapshotMonth, i);
  kept = g_array_new (FALSE, TRUE, sizeof (CoordenaMemberEdit));
  for (guint i = 0; month != NULL && i < month->members->len; i++)
    {
      const CoordenaMemberEdit *m = &g_array_index (month->members, CoordenaMemberEdit, i);

      if (g_strcmp0 (m->cns, cns) == 0)
        {
          found = TRUE;
          removal->name = m->name;
        }
      else
        g_array_append_val (kept, *m);
    }
  if (!found)
    {
      g_autofree char *masked = coordena_cns_mask (cns);
      g_autofree char *when = coordena_competencia_format (competencia);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The team %s has no member %s in %s"), ine, masked,
                   when);
      return NULL;
    }
  if (!put_month (store, "remover profissional", removal->team, removal->team, month, (const CoordenaMemberEdit *) kept->data,
                  kept->len, error))
    return NULL;
  removal->competencia = competencia;
  return g_steal_pointer (&removal);
}

gboolean
coordena_roster_edit_restore_member (CoordenaStore *store, const CoordenaMemberRemoval *removal, GError **error)
{
  for (guint i = 0; i < removal->team->months->len; i++)
    {
      const SnapshotMonth *m = &g_array_index (removal->team->months, SnapshotMonth, i);

      if (m->competencia == removal->competencia)
        return put_month (store, "desfazer remocao", removal->team->written, removal->team, m, (const CoordenaMemberEdit *) m->members->data,
                          m->members->len, error);
    }
  g_return_val_if_reached (FALSE);
}

/* ---- Undoing an edit ------------------------------------------------------------------------ */

CoordenaTeamSnapshot *
coordena_roster_edit_snapshot_team (const CoordenaRoster *roster, const char *ine)
{
  const CoordenaRosterTeam *team = roster != NULL && ine != NULL ? coordena_roster_find_team (roster, ine) : NULL;

  g_return_val_if_fail (ine != NULL, NULL);
  return team != NULL ? snapshot_new (roster, team) : snapshot_absent (ine);
}

gboolean
coordena_roster_edit_revert_team (CoordenaStore *store, const char *ine, const CoordenaTeamSnapshot *snapshot, GError **error)
{
  g_autofree char *after = NULL;
  char entity[64];

  g_return_val_if_fail (ine != NULL && snapshot != NULL, FALSE);
  g_return_val_if_fail (g_str_equal (snapshot->ine, ine), FALSE);
  /* Only an edit's snapshot knows what the edit left, and so whether anyone changed it since. */
  g_return_val_if_fail (snapshot->written != NULL, FALSE);

  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!check_unchanged (store, snapshot->written, 0, error))
    goto fail;
  if (!snapshot->present)
    {
      /* It did not exist before: the edit added it. */
      if (!coordena_store_delete_team (store, ine, error))
        goto fail;
    }
  else
    {
      /* Every competência as it was; the team row itself stays, and with it the scenario
       * changes planned for it. Writing only sets what is given: names come back exactly. */
      if (!coordena_store_delete_team_months (store, ine, error)
          || !write_snapshot (store, snapshot, error)
          || !coordena_store_set_team_name (store, ine, snapshot->name, error))
        goto fail;
      for (guint i = 0; i < snapshot->months->len; i++)
        {
          const SnapshotMonth *m = &g_array_index (snapshot->months, SnapshotMonth, i);

          for (guint j = 0; j < m->members->len; j++)
            {
              const CoordenaMemberEdit *e = &g_array_index (m->members, CoordenaMemberEdit, j);

              if (!coordena_store_set_professional_name (store, e->cns, e->name, error))
                goto fail;
            }
        }
    }
  g_snprintf (entity, sizeof entity, "equipe %s", ine);
  after = g_strdup_printf ("{\"ine\":\"%s\",\"competencias\":%u}", ine, snapshot->months->len);
  if (!coordena_store_audit (store, "desfazer edicao", entity, NULL, after, error) || !coordena_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}
