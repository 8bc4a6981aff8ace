/* cnes-real.h — a CNES base at the size of the Ministry's monthly BASE_DE_DADOS_CNES_AAAAMM.ZIP:
 * the national row counts of each table the import reads, every column of the published layout
 * (so rows are as wide as in the real files), Latin-1, ';', quoted, CRLF, plus tables the import
 * never reads, zipped with deflate. One state's teams are complete and valid; the rest of the
 * country is what the import must filter out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint uf_code;             /* the state whose teams the import keeps, e.g. 43 */
  guint state_teams;         /* its teams (each with 8 members) */
  guint national_teams;      /* rows of tbEquipe (≈ 120 000) */
  guint64 carga_rows;        /* rows of tbCargaHorariaSus (≈ 6.1 M) */
  guint64 dados_rows;        /* rows of tbDadosProfissionalSus (≈ 7.1 M) */
  guint64 estab_rows;        /* rows of tbEstabelecimento (≈ 560 000) */
  guint64 unneeded_rows;     /* rows of rlEstabServClass, a table the import never reads (≈ 1.5 M) */
  guint competencia;         /* AAAAMM of the file names */
} CnesRealOptions;

/* The tables the import reads, in the names of the ZIP's entries. */
extern const char *const cnes_real_needed[5];

/* Writes the base's CSV files into dir (created), then zips them into zip_path with `zip`
 * (deflate, entries at the root, as the Ministry publishes it) and removes the CSV files. */
gboolean cnes_real_write_zip (const char *dir, const char *zip_path, const CnesRealOptions *options,
                              GError **error);

G_END_DECLS
