/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/reference.h>

#include "coordena-first-run.h"
#include "coordena-import-dialog.h"

struct _CoordenaFirstRun
{
  GtkWidget parent_instance;

  GtkSearchEntry *uf_search;
  GtkListBox *uf_list;
  char *filter;                 /* folded text typed, or NULL */
  GtkLabel *error_label;

  CoordenaWorkspace *workspace;
  GPtrArray *siglas;
};

G_DEFINE_FINAL_TYPE (CoordenaFirstRun, coordena_first_run, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show_error (CoordenaFirstRun *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Sets the state chosen; the window leaves this screen when the workspace says so. */
static gboolean
init_uf (CoordenaFirstRun *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->uf_list);
  guint i = row != NULL ? (guint) gtk_list_box_row_get_index (row) : G_MAXUINT;
  g_autoptr(GError) error = NULL;

  show_error (self, NULL);
  if (self->workspace == NULL || i >= self->siglas->len)
    return FALSE;
  if (!coordena_store_init_uf (coordena_workspace_get_store (self->workspace), g_ptr_array_index (self->siglas, i), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The demonstration lives in a database of its own, one per state: the user's database stays
 * as it was (still at this screen), and "Leave the Demonstration" comes back to it. */
static void
demo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaFirstRun *self = COORDENA_FIRST_RUN (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->uf_list);
  guint i = row != NULL ? (guint) gtk_list_box_row_get_index (row) : G_MAXUINT;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean filled = FALSE;
  const char *sigla;

  show_error (self, NULL);
  if (self->workspace == NULL || i >= self->siglas->len)
    return;
  sigla = g_ptr_array_index (self->siglas, i);
  path = coordena_demo_db_path (sigla);
  if (!coordena_demo_prepare (path, sigla, &filled, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (filled)
    coordena_workspace_open (self->workspace, path);
  else
    coordena_import_dialog_start (coordena_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace,
                                                              COORDENA_IMPORT_DEMO, path, NULL, 0));
}

static void
import_cnes_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaFirstRun *self = COORDENA_FIRST_RUN (widget);

  if (init_uf (self))
    {
      coordena_import_choose_and_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace, COORDENA_IMPORT_CNES, FALSE);
      coordena_workspace_reload (self->workspace);
    }
}

gboolean
coordena_first_run_select_uf (CoordenaFirstRun *self, const char *sigla)
{
  for (guint i = 0; i < self->siglas->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->siglas, i), sigla) == 0)
      {
        gtk_list_box_select_row (self->uf_list, gtk_list_box_get_row_at_index (self->uf_list, (int) i));
        return TRUE;
      }
  return FALSE;
}

void
coordena_first_run_set_workspace (CoordenaFirstRun *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_FIRST_RUN (self));

  if (g_set_object (&self->workspace, workspace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* Nothing happens until a state is chosen: no state is a default. */
static void
uf_chosen (CoordenaFirstRun *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->uf_list);
  gboolean chosen = selected != NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->uf_list, i)) != NULL; i++)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "check"), row == selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-run.demo", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-run.import-cnes", chosen);
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate ((*(const CoordenaUf *const *) a)->nome, (*(const CoordenaUf *const *) b)->nome);
}

/* The states by name, as a person looks for theirs; none chosen. */
static void
load_ufs (CoordenaFirstRun *self)
{
  g_autoptr(GError) error = NULL;
  const CoordenaReference *reference = coordena_reference_get (&error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const CoordenaUf *ufs;
  guint n = 0;

  if (reference == NULL)
    {
      show_error (self, error->message);
      return;
    }
  ufs = coordena_reference_get_ufs (reference, &n);
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (order, (gpointer) &ufs[i]);
    g_ptr_array_sort (order, by_name);
    for (guint i = 0; i < order->len; i++)
      {
        const CoordenaUf *uf = g_ptr_array_index (order, i);

        gtk_string_list_append (names, uf->nome);
        g_ptr_array_add (self->siglas, g_strdup (uf->sigla));
      }
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_string_list_get_string (names, i));
      gtk_widget_set_visible (check, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->uf_list, row);
    }
}

static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  return g_ascii_strdown (ascii, -1);
}

static gboolean
uf_visible (GtkListBoxRow *row, gpointer data)
{
  CoordenaFirstRun *self = data;
  g_autofree char *name = NULL;

  if (self->filter == NULL)
    return TRUE;
  name = fold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return strstr (name, self->filter) != NULL;
}

static GtkListBoxRow *
first_shown (CoordenaFirstRun *self, guint *matches)
{
  GtkListBoxRow *row, *first = NULL;

  *matches = 0;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->uf_list, i)) != NULL; i++)
    if (uf_visible (row, self))
      {
        (*matches)++;
        first = first != NULL ? first : row;
      }
  return first;
}

static void
uf_search_changed (CoordenaFirstRun *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->uf_search));
  GtkListBoxRow *first;
  guint matches;

  g_clear_pointer (&self->filter, g_free);
  if (*text != '\0')
    self->filter = fold (text);
  gtk_list_box_invalidate_filter (self->uf_list);
  /* One state left: it is the one meant. */
  first = first_shown (self, &matches);
  if (self->filter != NULL && matches == 1)
    gtk_list_box_select_row (self->uf_list, first);
}

/* Enter in the search chooses the first state it shows. */
static void
uf_search_activated (CoordenaFirstRun *self)
{
  guint matches;
  GtkListBoxRow *first = first_shown (self, &matches);

  if (first != NULL)
    gtk_list_box_select_row (self->uf_list, first);
}

static void
coordena_first_run_dispose (GObject *object)
{
  CoordenaFirstRun *self = COORDENA_FIRST_RUN (object);
  GtkWidget *child;

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->siglas, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_FIRST_RUN);
  /* The template's top widget is not bound: it leaves with its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (coordena_first_run_parent_class)->dispose (object);
}

static void
coordena_first_run_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaFirstRun *self = COORDENA_FIRST_RUN (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_first_run_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaFirstRun *self = COORDENA_FIRST_RUN (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      coordena_first_run_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_first_run_class_init (CoordenaFirstRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_first_run_dispose;
  object_class->get_property = coordena_first_run_get_property;
  object_class->set_property = coordena_first_run_set_property;

  /* Given by the window that shows the page (in its template, hence not at construction). */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-first-run.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaFirstRun, uf_search);
  gtk_widget_class_bind_template_child (widget_class, CoordenaFirstRun, uf_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaFirstRun, error_label);

  gtk_widget_class_bind_template_callback (widget_class, uf_chosen);
  gtk_widget_class_bind_template_callback (widget_class, uf_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, uf_search_activated);
  gtk_widget_class_install_action (widget_class, "first-run.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "first-run.import-cnes", NULL, import_cnes_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coordena_first_run_init (CoordenaFirstRun *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->siglas = g_ptr_array_new_with_free_func (g_free);
  load_ufs (self);
  gtk_list_box_set_filter_func (self->uf_list, uf_visible, self, NULL);
  gtk_list_box_unselect_all (self->uf_list);
  uf_chosen (self);
}
