/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ids.h — checks of the identifiers the roster carries (DOMAIN.md §8). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CNS of a professional: 15 digits, valid by the rules of the Cartão Nacional de Saúde. */
gboolean coordena_cns_is_valid (const char *cns);

/* CNES (7 digits): the empirical mod-11 check digit. A mismatch is a warning, never a refusal. */
gboolean coordena_cnes_check_digit_ok (const char *cnes);

/* INE (10 digits, the last 7 significant): the same empirical check as CNES. */
gboolean coordena_ine_check_digit_ok (const char *ine);

/* IBGE 7-digit code: the mod-10 check. Nine real municipalities break it, so never use this to
 * convert 6 → 7 digits: look the code up in the municipality table instead. */
gboolean coordena_ibge7_check_digit_ok (const char *ibge7);

/* CNPJ: 14 characters; from July 2026 the first 12 may be letters (value = ASCII − 48). */
gboolean coordena_cnpj_is_valid (const char *cnpj);

/* TRUE when text is exactly n ASCII digits. */
gboolean coordena_is_digits (const char *text, gsize n);

/* "898 **** **** 3208": a CNS for lists, hiding the middle eight digits. */
char *coordena_cns_mask (const char *cns);

G_END_DECLS
