#include "config.h"

#include <glib/gi18n.h>

#include "coordena-editing.h"

void
coordena_editing_edit_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine)
{
}

void
coordena_editing_remove_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine)
{
}

void
coordena_editing_edit_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                              CoordenaCompetencia competencia, const char *cns)
{
}

void
coordena_editing_remove_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                                CoordenaCompetencia competencia, const char *cns)
{
}
