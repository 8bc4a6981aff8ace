/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reference.h — the public reference tables Coordena ships: municipalities (IBGE), UFs and the
 * CBO 2002 occupations, read once from coordena_datadir()/reference/ and kept for the process. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char ibge7[8];     /* 7 digits, with the check digit */
  char ibge6[7];     /* the first 6, as DATASUS writes them */
  char *nome;
  guint codigo_uf;   /* 11–53 */
  char uf[3];        /* sigla, "GO" */
  gboolean capital;
} CoordenaMunicipio;

typedef struct {
  guint codigo;      /* 11–53 */
  char sigla[3];
  char *nome;
  char *regiao;
} CoordenaUf;

typedef struct _CoordenaReference CoordenaReference;

/* The shared tables, loaded on first use from coordena_datadir(); NULL with an error when a file
 * is missing or damaged (the next call tries again). Never free the result. */
const CoordenaReference *coordena_reference_get (GError **error);

/* Tables loaded from another directory (holding municipios.csv, estados.csv, cbo2002-ocupacao.csv). */
CoordenaReference *coordena_reference_load (const char *directory, GError **error);

/* Frees tables from coordena_reference_load(). */
void coordena_reference_free (CoordenaReference *reference);

/* The municipality with this IBGE code of 6 or 7 digits (6 → 7 by table lookup), or NULL. */
const CoordenaMunicipio *coordena_reference_find_municipio (const CoordenaReference *reference, const char *ibge);

/* The municipality of a UF (0: any UF, first by code) with this name, ignoring case, accents
 * and surrounding blanks ("sao joao d'alianca" finds "São João d'Aliança"), or NULL. */
const CoordenaMunicipio *coordena_reference_find_municipio_by_name (const CoordenaReference *reference,
                                                                   guint                    codigo_uf,
                                                                   const char              *nome);

/* The UF with this IBGE code (52), or NULL. */
const CoordenaUf *coordena_reference_find_uf (const CoordenaReference *reference, guint codigo);

/* The UF with this sigla ("GO", any case), or NULL. */
const CoordenaUf *coordena_reference_find_uf_by_sigla (const CoordenaReference *reference, const char *sigla);

/* Every UF, sorted by code. */
const CoordenaUf *coordena_reference_get_ufs (const CoordenaReference *reference, guint *n_ufs);

/* Every municipality, sorted by IBGE code. */
const CoordenaMunicipio *coordena_reference_get_municipios (const CoordenaReference *reference, guint *n_municipios);

/* The municipalities of a UF sorted by name; free the array (not its elements) with g_ptr_array_unref. */
GPtrArray *coordena_reference_municipios_of_uf (const CoordenaReference *reference, guint codigo_uf);

/* The CBO 2002 title of a 6-character code ("225142" → "Médico da estratégia de saúde da família"), or NULL. */
const char *coordena_reference_cbo_title (const CoordenaReference *reference, const char *cbo);

/* Every CBO 2002 code, ordered by title, for choosing an occupation by its name (the array owns
 * nothing: its strings belong to the reference). */
GPtrArray *coordena_reference_cbo_codes (const CoordenaReference *reference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaReference, coordena_reference_free)

G_END_DECLS
