/* SPDX-License-Identifier: GPL-3.0-or-later */
/* commands.c — the subcommand table. Each command lives in its own cli-*.c file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli.h"

int cli_cmd_info (CliContext *ctx, int argc, char **argv);
int cli_cmd_rules (CliContext *ctx, int argc, char **argv);
int cli_cmd_evaluate (CliContext *ctx, int argc, char **argv);
int cli_cmd_forecast (CliContext *ctx, int argc, char **argv);
int cli_cmd_compare (CliContext *ctx, int argc, char **argv);
int cli_cmd_init (CliContext *ctx, int argc, char **argv);
int cli_cmd_teams (CliContext *ctx, int argc, char **argv);
int cli_cmd_audit (CliContext *ctx, int argc, char **argv);
int cli_cmd_backup (CliContext *ctx, int argc, char **argv);
int cli_cmd_restore (CliContext *ctx, int argc, char **argv);
int cli_cmd_import (CliContext *ctx, int argc, char **argv);
int cli_cmd_export (CliContext *ctx, int argc, char **argv);
int cli_cmd_profile (CliContext *ctx, int argc, char **argv);
int cli_cmd_offers (CliContext *ctx, int argc, char **argv);
int cli_cmd_adhesion (CliContext *ctx, int argc, char **argv);
int cli_cmd_oficio (CliContext *ctx, int argc, char **argv);
int cli_cmd_municipios (CliContext *ctx, int argc, char **argv);
int cli_cmd_report (CliContext *ctx, int argc, char **argv);
int cli_cmd_purge_personal_data (CliContext *ctx, int argc, char **argv);
int cli_cmd_notificacao (CliContext *ctx, int argc, char **argv);

const CliCommand cli_commands[] = {
  { "info", N_("Show the version, the data directory and the database in use"), cli_cmd_info },
  { "init", N_("Create the database for a state (--uf UF), optionally with a demonstration roster"), cli_cmd_init },
  { "import", N_("Import teams: a roster CSV (roster FILE) or the CNES base (cnes PATH)"), cli_cmd_import },
  { "export", N_("Write the roster CSV (roster FILE) or a teams table for spreadsheets (equipes FILE)"), cli_cmd_export },
  { "teams", N_("List the teams in the database"), cli_cmd_teams },
  { "audit", N_("Show the audit log of changes to the database"), cli_cmd_audit },
  { "backup", N_("Write a copy of the database to a file"), cli_cmd_backup },
  { "restore", N_("Replace the database with a backup copy"), cli_cmd_restore },
  { "profile", N_("Show or set the secretariat profile the ofício prints"), cli_cmd_profile },
  { "offers", N_("List the offers, or show one with its deadline, signers and sources"), cli_cmd_offers },
  { "adhesion", N_("Show or move the state’s adhesion to an offer"), cli_cmd_adhesion },
  { "oficio", N_("Generate, list or export the adhesion ofício (PDF)"), cli_cmd_oficio },
  { "municipios", N_("Follow each municipality’s adhesion and Gerencia APS access"), cli_cmd_municipios },
  { "notificacao", N_("Notify each municipality of its teams suspended or at risk, and follow them up"), cli_cmd_notificacao },
  { "report", N_("Write the forecast of the database’s roster as a PDF report"), cli_cmd_report },
  { "rules", N_("List the rule sets in use, or show one with its clauses"), cli_cmd_rules },
  { "evaluate", N_("Apply the suspension rules to a roster CSV, per team and competência"), cli_cmd_evaluate },
  { "forecast", N_("Foresee, per team, the next suspension, until when to fix it and the money lost"), cli_cmd_forecast },
  { "compare", N_("Apply two rule sets to the same roster and set them side by side"), cli_cmd_compare },
  { "purge-personal-data", N_("Remove names and CNS from the database, keeping counts and results (LGPD)"), cli_cmd_purge_personal_data },
  { NULL, NULL, NULL },
};
