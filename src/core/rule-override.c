/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rule-override.c — parameter changes kept in the user's copy of a rule set, each with its act. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/paths.h>
#include <coordena/rule-override.h>

#define MARK "Alteração: "

static const struct {
  const char *key;
  const char *group;
  const char *confidence;  /* the key holding its confidence, NULL when none */
  const char *basis;       /* the key holding its act, rewritten with the act of the change */
} allowed[] = {
  { "max_total_hours", "Rule Set", "max_total_hours_confidence", "max_total_hours_basis" },
  { "provimento_repasse", "Rule Set", "provimento_confidence", "provimento_basis" },
  { "revoke_after", "Rule Set", "revoke_confidence", "revoke_basis" },
  { "esf_min_hours", "Rule Set", "esf_min_hours_confidence", "esf_min_hours_basis" },
  { "eap20_min_hours", "Rule Set", "eap_min_hours_confidence", "eap_min_hours_basis" },
  { "eap30_min_hours", "Rule Set", "eap_min_hours_confidence", "eap_min_hours_basis" },
  { "sem_registro_percent", "Rule Set", "sem_registro_confidence", "sem_registro_basis" },
  { "eSF", "Base", "confidence", "basis" },
  { "eAP30", "Base", "confidence", "basis" },
  { "eAP20", "Base", "confidence", "basis" },
};

static int
find_allowed (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (allowed); i++)
    if (g_str_equal (allowed[i].key, key))
      return (int) i;
  return -1;
}

gboolean
coordena_rule_override_is_allowed (const char *key)
{
  return find_allowed (key) >= 0;
}

char *
coordena_rule_override_set (const CoordenaRuleSet *set, const char *key, const char *value, const char *act,
                            const char *user_dir, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *dir = user_dir != NULL ? g_strdup (user_dir) : g_build_filename (coordena_user_datadir (), "rules", NULL);
  g_autofree char *base = g_path_get_basename (set->path);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *data = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *old_comment = NULL;
  g_autofree char *clean_value = NULL;
  g_autofree char *clean_act = NULL;
  g_autoptr(GDateTime) now = coordena_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(CoordenaRuleSet) check = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  int i = find_allowed (key);

  if (i < 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("“%s” cannot be changed here (allowed: max_total_hours, provimento_repasse, revoke_after, "
                     "esf_min_hours, eap20_min_hours, eap30_min_hours, sem_registro_percent, eSF, eAP30, eAP20)"), key != NULL ? key : "");
      return NULL;
    }
  clean_act = g_strstrip (g_strdup (act != NULL ? act : ""));
  clean_value = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (*clean_act == '\0')
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("a rule changes only with the act that changed it: name the act (e.g. “Portaria GM/MS nº …”)"));
      return NULL;
    }
  if (*clean_value == '\0')
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the new value of %s is empty"), key);
      return NULL;
    }
  if (strchr (clean_act, '\n') != NULL || strchr (clean_value, '\n') != NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the value and the act fit on one line each"));
      return NULL;
    }

  /* Changes build on the user's copy when there is one, whatever file the set was read from. */
  if (!g_key_file_load_from_file (kf, g_file_test (path, G_FILE_TEST_EXISTS) ? path : set->path,
                                  G_KEY_FILE_KEEP_COMMENTS, error))
    return NULL;
  old_comment = g_key_file_get_comment (kf, allowed[i].group, key, NULL);
  comment = g_strdup_printf ("%s%s" MARK "%s = %s — %s, %s, %s", old_comment != NULL ? old_comment : "",
                             old_comment != NULL && !g_str_has_suffix (old_comment, "\n") ? "\n" : "",
                             key, clean_value, clean_act, today, g_get_user_name ());
  g_key_file_set_value (kf, allowed[i].group, key, clean_value);
  if (!g_key_file_set_comment (kf, allowed[i].group, key, comment, error))
    return NULL;
  if (allowed[i].confidence != NULL)
    g_key_file_set_value (kf, allowed[i].group, allowed[i].confidence, "A");
  /* The value now rests on the act the user named: that is the basis shown next to it. */
  if (allowed[i].basis != NULL)
    g_key_file_set_value (kf, allowed[i].group, allowed[i].basis, clean_act);
  data = g_key_file_to_data (kf, &length, NULL);

  /* Checked by the real loader before the user's copy is touched. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot create %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  tmp = g_strdup_printf ("%s.new", path);
  if (!g_file_set_contents_full (tmp, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  if ((check = coordena_rule_set_load_file (tmp, &local)) == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the rule set would not be valid: %s"), local->message);
      return NULL;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot write %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&path);
}

char **
coordena_rule_override_list (const CoordenaRuleSet *set)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;

  if (set->user_file && g_file_get_contents (set->path, &text, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *p = lines[i];

          while (*p == '#' || *p == ' ')
            p++;
          if (g_str_has_prefix (p, MARK))
            g_strv_builder_add (builder, p + strlen (MARK));
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
coordena_rule_override_reset (const CoordenaRuleSet *set, GError **error)
{
  if (!set->user_file)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the rule set “%s” has no changes of yours"), set->id);
      return FALSE;
    }
  if (g_unlink (set->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot remove %s: %s"), set->path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
