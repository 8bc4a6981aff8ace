/* secretario.h — the Secretário(a) Municipal de Saúde of each municipality of the state, as the
 * municipal follow-up records it; the notifications address their letters with it. */
#pragma once

#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  char *nome;
  char gender;   /* 'F' or 'M' */
} CoordenaSecretarioMunicipal;

void coordena_secretario_municipal_free (CoordenaSecretarioMunicipal *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaSecretarioMunicipal, coordena_secretario_municipal_free)

/* Whether nome and genero can be recorded (a blank name always can: it forgets), without writing:
 * lets a caller refuse before it saves anything else. */
gboolean coordena_secretario_municipal_check (const char *nome, const char *genero, GError **error);

/* Records (nome non-empty, genero "F" or "M") or, with nome NULL or blank, forgets the secretary
 * of the state's municipality ibge (6 or 7 digits), audited. COORDENA_ERROR_INPUT on a code of
 * another state, a name without a gender or a gender other than F or M. */
gboolean coordena_secretario_municipal_set (CoordenaStore *store, const char *ibge, const char *nome,
                                            const char *genero, GError **error);

/* The secretary of ibge7, or NULL (error unset) when not known. */
CoordenaSecretarioMunicipal *coordena_secretario_municipal_get (CoordenaStore *store, const char *ibge7,
                                                                 GError **error);

G_END_DECLS
