/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-team-filter.c — the teams table's search and choices. A keystroke costs what GTK does
 * with the rows, not the test of thousands of teams; still, a search that only narrows (one more
 * letter, one more word) reads the teams it showed, not all of them. */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include <coordena/coordena.h>

#include "coordena-team-filter.h"

struct _CoordenaTeamFilter
{
  GListModel *sorted;
  gulong changed_handler;

  char **terms;            /* folded search words, NULL: none */
  char *searched;          /* the folded text they came from */
  int type;                /* CoordenaTeamType or −1 */
  int status;              /* CoordenaStatus or −1 */
  char *municipio;         /* ibge7 or NULL */

  /* What the last apply showed, in table order, and the criteria it used: a narrower search
   * only needs to look at these. */
  GPtrArray *last;         /* CoordenaTeamItem, owned */
  gboolean last_valid;
  char **last_terms;
  int last_type, last_status;
  char *last_municipio;
};

static void
sorted_changed (CoordenaTeamFilter *self)
{
  self->last_valid = FALSE;
}

CoordenaTeamFilter *
coordena_team_filter_new (GListModel *sorted)
{
  CoordenaTeamFilter *self = g_new0 (CoordenaTeamFilter, 1);

  self->sorted = g_object_ref (sorted);
  self->changed_handler = g_signal_connect_swapped (sorted, "items-changed", G_CALLBACK (sorted_changed), self);
  self->type = -1;
  self->status = -1;
  self->last = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
coordena_team_filter_free (CoordenaTeamFilter *self)
{
  if (self == NULL)
    return;
  g_signal_handler_disconnect (self->sorted, self->changed_handler);
  g_object_unref (self->sorted);
  g_strfreev (self->terms);
  g_free (self->searched);
  g_free (self->municipio);
  g_ptr_array_unref (self->last);
  g_strfreev (self->last_terms);
  g_free (self->last_municipio);
  g_free (self);
}

gboolean
coordena_team_filter_set_search (CoordenaTeamFilter *self, const char *text)
{
  g_autofree char *folded = coordena_team_item_fold (text != NULL ? text : "");
  g_auto(GStrv) words = NULL;
  GPtrArray *terms;

  if (g_strcmp0 (folded, self->searched) == 0)
    return FALSE;
  g_free (self->searched);
  self->searched = g_strdup (folded);
  words = g_strsplit_set (folded, " \t", -1);
  terms = g_ptr_array_new ();
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (terms, g_strdup (words[i]));
  g_strfreev (self->terms);
  if (terms->len == 0)
    {
      g_ptr_array_free (terms, TRUE);
      self->terms = NULL;
    }
  else
    {
      g_ptr_array_add (terms, NULL);
      self->terms = (char **) g_ptr_array_free (terms, FALSE);
    }
  return TRUE;
}

void
coordena_team_filter_set_choices (CoordenaTeamFilter *self, int type, int status, const char *municipio)
{
  self->type = type;
  self->status = status;
  if (g_strcmp0 (municipio, self->municipio) != 0)
    {
      g_free (self->municipio);
      self->municipio = g_strdup (municipio);
    }
}

gboolean
coordena_team_filter_matches (CoordenaTeamFilter *self, CoordenaTeamItem *team)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (team);

  if (self->type >= 0 && (int) ts->type != self->type)
    return FALSE;
  if (self->status >= 0 && (int) ts->status != self->status)
    return FALSE;
  if (self->municipio != NULL && strcmp (coordena_team_item_get_team (team)->ibge, self->municipio) != 0)
    return FALSE;
  if (self->terms != NULL)
    {
      const char *key = coordena_team_item_get_search_key (team);

      for (guint i = 0; self->terms[i] != NULL; i++)
        if (strstr (key, self->terms[i]) == NULL)
          return FALSE;
    }
  return TRUE;
}

/* TRUE when every team the current criteria accept was accepted by the last ones: each earlier
 * word lies inside some word now (a key holding the longer word holds the shorter), and each
 * choice is the same or was "any". */
static gboolean
narrower_than_last (CoordenaTeamFilter *self)
{
  if (!self->last_valid)
    return FALSE;
  if ((self->last_type >= 0 && self->last_type != self->type)
      || (self->last_status >= 0 && self->last_status != self->status)
      || (self->last_municipio != NULL && g_strcmp0 (self->last_municipio, self->municipio) != 0))
    return FALSE;
  for (guint i = 0; self->last_terms != NULL && self->last_terms[i] != NULL; i++)
    {
      gboolean inside = FALSE;

      for (guint j = 0; self->terms != NULL && self->terms[j] != NULL && !inside; j++)
        inside = strstr (self->terms[j], self->last_terms[i]) != NULL;
      if (!inside)
        return FALSE;
    }
  return TRUE;
}

guint
coordena_team_filter_apply (CoordenaTeamFilter *self, GListStore *slots, CoordenaTeamItem *shown)
{
  GListModel *old_model = G_LIST_MODEL (slots);
  guint n_old = g_list_model_get_n_items (old_model);
  g_autoptr(GPtrArray) matches = g_ptr_array_new_full (0, g_object_unref);
  guint selected = GTK_INVALID_LIST_POSITION;

  /* 1. The teams to show, in table order. */
  if (narrower_than_last (self))
    {
      for (guint i = 0; i < self->last->len; i++)
        if (coordena_team_filter_matches (self, self->last->pdata[i]))
          g_ptr_array_add (matches, g_object_ref (self->last->pdata[i]));
    }
  else
    {
      guint n = g_list_model_get_n_items (self->sorted);

      for (guint i = 0; i < n; i++)
        {
          CoordenaTeamItem *item = g_list_model_get_item (self->sorted, i);

          if (coordena_team_filter_matches (self, item))
            g_ptr_array_add (matches, item);
          else
            g_object_unref (item);
        }
    }
  g_ptr_array_set_size (self->last, 0);
  for (guint i = 0; i < matches->len; i++)
    {
      g_ptr_array_add (self->last, g_object_ref (matches->pdata[i]));
      if (matches->pdata[i] == shown)
        selected = i;
    }
  self->last_valid = TRUE;
  g_strfreev (self->last_terms);
  self->last_terms = g_strdupv (self->terms);
  self->last_type = self->type;
  self->last_status = self->status;
  g_free (self->last_municipio);
  self->last_municipio = g_strdup (self->municipio);

  /* 2. The rows keep their places: the slot of each place takes the team shown there (a slot
   * given the team it has changes nothing), and only the places added or dropped at the end
   * reach the table as a change. The table keeps its scroll, and a row is built only when the
   * list grows. */
  for (guint i = 0; i < MIN (n_old, matches->len); i++)
    {
      g_autoptr(CoordenaTeamSlot) slot = g_list_model_get_item (old_model, i);

      coordena_team_slot_set_team (slot, matches->pdata[i]);
    }
  if (matches->len > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_full (matches->len - n_old, g_object_unref);

      for (guint i = n_old; i < matches->len; i++)
        g_ptr_array_add (added, coordena_team_slot_new (matches->pdata[i]));
      g_list_store_splice (slots, n_old, 0, added->pdata, added->len);
    }
  else if (matches->len < n_old)
    g_list_store_splice (slots, matches->len, n_old - matches->len, NULL, 0);
  return selected;
}
