/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/ruleset.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_RULE_ROW (coordena_rule_row_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaRuleRow, coordena_rule_row, COORDENA, RULE_ROW, AdwExpanderRow)

/* One rule set as Preferências lists it: its validity, weakest confidence and act, and inside
 * every parameter, clause, open question and change of the user's. The row is named after the
 * set's id. Its "Change…" buttons activate "rules.change" with (set id, parameter, title,
 * current value as the file writes it); its undo button "rules.undo-changes" with the set's id. */
GtkWidget *coordena_rule_row_new (const CoordenaRuleSet *set);

const char *coordena_rule_row_get_set_id (CoordenaRuleRow *self);

/* A row for one parameter of set: title, the value as people read it and its confidence (or
 * NULL); with key a parameter the user may change, a "Change…" button (see above) offering
 * current, the value as the file writes it. */
GtkWidget *coordena_rule_parameter_row_new (const CoordenaRuleSet *set, const char *key, const char *title,
                                            const char *value, const char *confidence, const char *current);

/* Asks for the new value of a parameter and the act behind it, over the page's window; target
 * is the "rules.change" parameter. A change written reloads the workspace's catalogue and is told
 * through "prefs.toast". */
void coordena_rule_row_ask_change (GtkWidget *page, CoordenaWorkspace *workspace, GVariant *target);

/* Brings back the shipped rule set set_id (the user's copy is removed) and reloads the
 * workspace's catalogue. */
void coordena_rule_row_undo_changes (GtkWidget *page, CoordenaWorkspace *workspace, const char *set_id);

G_END_DECLS
