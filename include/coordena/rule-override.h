/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rule-override.h — changing a rule set's parameter where the user's own copy of the set lives
 * ($XDG_DATA_HOME/coordena/rules/, which replaces the shipped file of the same name), with the
 * act that justifies the change written next to it. */
#pragma once

#include <glib.h>

#include <coordena/ruleset.h>

G_BEGIN_DECLS

/* The parameters a user may change: "max_total_hours", "provimento_repasse", "revoke_after",
 * the presence thresholds "esf_min_hours", "eap20_min_hours", "eap30_min_hours" and
 * "sem_registro_percent" in [Rule Set], and the monthly bases "eSF", "eAP30", "eAP20" in [Base].
 * The change writes the act into the parameter's basis and raises its confidence to A. */
gboolean coordena_rule_override_is_allowed (const char *key);

/* Writes a copy of the set (or updates the user's copy) with key = value, a comment naming the
 * act, the date and the user, and the key's confidence raised to A where the set keeps one. The
 * result must load as a valid rule set, or nothing is written. user_dir NULL means the user's
 * rules folder. Returns the path written. */
char *coordena_rule_override_set (const CoordenaRuleSet *set,
                                  const char             *key,
                                  const char             *value,
                                  const char             *act,
                                  const char             *user_dir,
                                  GError                **error);

/* The changes recorded in the set's file, one line each ("max_total_hours = 40 — Portaria …,
 * 2026-11-23, maria"), NULL-terminated; empty for a shipped file. */
char **coordena_rule_override_list (const CoordenaRuleSet *set);

/* Removes the user's copy, so the shipped set applies again. FALSE with an error when the set
 * is not a user copy of a shipped one. */
gboolean coordena_rule_override_reset (const CoordenaRuleSet *set, GError **error);

G_END_DECLS
