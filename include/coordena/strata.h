/* SPDX-License-Identifier: GPL-3.0-or-later */
/* strata.h — the IED stratum of each municipality of the state, as the money rules read it. */
#pragma once

#include <glib.h>

#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  char *ibge7;
  char *nome;
  guint stratum;   /* 1–4, 0 when not known */
  guint n_teams;   /* teams of the municipality in the roster */
} CoordenaMunicipioStratum;

void coordena_municipio_stratum_free (CoordenaMunicipioStratum *m);

/* Every municipality of the database's state, by name, with its stratum and team count. */
GPtrArray *coordena_strata_list (CoordenaStore *store, GError **error);

G_END_DECLS
