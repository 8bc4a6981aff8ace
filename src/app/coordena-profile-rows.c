/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/clock.h>
#include <coordena/numbering.h>
#include <coordena/oficio.h>
#include <coordena/profile.h>

#include "coordena-profile-rows.h"

struct _CoordenaProfileEntryRow
{
  AdwEntryRow parent_instance;

  GtkWidget *saved_mark;
  CoordenaWorkspace *workspace;
  char *key;
};

struct _CoordenaProfileComboRow
{
  AdwComboRow parent_instance;

  CoordenaWorkspace *workspace;
  char *key;
  gboolean loading;   /* the stored choice is being shown, not chosen */
};

G_DEFINE_FINAL_TYPE (CoordenaProfileEntryRow, coordena_profile_entry_row, ADW_TYPE_ENTRY_ROW)
G_DEFINE_FINAL_TYPE (CoordenaProfileComboRow, coordena_profile_combo_row, ADW_TYPE_COMBO_ROW)

enum { PROP_0, PROP_WORKSPACE, PROP_KEY, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *entry_properties[N_PROPS];
static GParamSpec *combo_properties[N_PROPS];
static guint entry_signals[N_SIGNALS];
static guint combo_signals[N_SIGNALS];

/* ---- Saving ------------------------------------------------------------------------------------ */

static GtkWidget *
find_problem_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_widget_get_name (root), "profile-problem") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_problem_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Under the row's group, where the eye already is: why the value was refused. A toast would
 * cover the fields below and go away before it is read. */
static void
show_row_problem (GtkWidget *row, const char *problem)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *label;

  if (group == NULL)
    return;
  if ((label = find_problem_label (group)) == NULL)
    {
      if (problem == NULL)
        return;
      label = gtk_label_new (NULL);
      gtk_widget_set_name (label, "profile-problem");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_add_css_class (label, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  gtk_label_set_text (GTK_LABEL (label), problem != NULL ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
}

gboolean
coordena_profile_row_save (GtkWidget *row, CoordenaWorkspace *workspace, const char *key, const char *value)
{
  CoordenaStore *store = coordena_workspace_get_store (workspace);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return FALSE;
  if (!coordena_profile_set (store, key, value, &error))
    {
      g_autofree char *problem = coordena_profile_name_fields (error->message);

      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, problem);
      show_row_problem (row, problem);
      return FALSE;
    }
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  show_row_problem (row, NULL);
  return TRUE;
}

/* ---- Choices ---------------------------------------------------------------------------------- */

/* The stored value of each combo choice, in display order; "" clears. */
static const char *const gender_values[] = { "", "F", "M", NULL };
/* The first of these is what the ofício prints when the key is unset. */
static const char *const style_values[] = { "Nº", "N.º", NULL };
static const char *const closing_values[] = { "Atenciosamente", "Respeitosamente", NULL };
static const char *const addressing_values[] = { "cargo", "decreto", NULL };

static const char *const *
combo_values (CoordenaProfileKind kind)
{
  switch (kind)
    {
    case COORDENA_PROFILE_GENDER:
      return gender_values;
    case COORDENA_PROFILE_STYLE:
      return style_values;
    case COORDENA_PROFILE_CLOSING:
      return closing_values;
    case COORDENA_PROFILE_ADDRESSING:
      return addressing_values;
    case COORDENA_PROFILE_NEXT_NUMBER:
    case COORDENA_PROFILE_TEXT:
    case COORDENA_PROFILE_EMAIL:
    case COORDENA_PROFILE_SIGLA:
    case COORDENA_PROFILE_PNG:
    default:
      return NULL;
    }
}

static GListModel *
combo_labels (CoordenaProfileKind kind)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (kind == COORDENA_PROFILE_GENDER)
    {
      gtk_string_list_append (labels, _("Not set"));
      gtk_string_list_append (labels, _("Feminine"));
      gtk_string_list_append (labels, _("Masculine"));
    }
  else if (kind == COORDENA_PROFILE_ADDRESSING)
    {
      gtk_string_list_append (labels, _("“À Senhora” and the cargo"));
      gtk_string_list_append (labels, _("The cargo only (Decreto 9.758/2019, art. 4)"));
    }
  else
    for (guint i = 0; combo_values (kind)[i] != NULL; i++)
      gtk_string_list_append (labels, combo_values (kind)[i]);
  return G_LIST_MODEL (labels);
}

static const char *
combo_subtitle (const CoordenaProfileKey *key)
{
  if (key->kind == COORDENA_PROFILE_GENDER)
    return _("“Senhora” and “Secretária”, or “Senhor” and “Secretário”");
  if (key->kind == COORDENA_PROFILE_CLOSING)
    return g_str_has_prefix (key->key, "coordenador") ? _("To the federal Secretary, a higher authority: “Respeitosamente”")
                                                      : _("To the federal Secretary, the same level: “Atenciosamente”");
  return NULL;
}

/* The stored choice; an unset closing shows the one the ofício will print for that signer. */
static guint
combo_selection (const CoordenaProfileKey *key, GHashTable *values)
{
  const char *value = values != NULL ? g_hash_table_lookup (values, key->key) : NULL;
  const char *const *choices = combo_values (key->kind);
  guint selected = 0;

  for (guint j = 0; value != NULL && choices[j] != NULL; j++)
    if (g_ascii_strcasecmp (choices[j], value) == 0)
      selected = j;
  if (key->kind == COORDENA_PROFILE_CLOSING && value == NULL)
    {
      g_autofree char *signer = g_strndup (key->key, strcspn (key->key, "."));

      selected = coordena_oficio_closing_respectful (values, signer) ? 1 : 0;
    }
  return selected;
}

/* ---- The text row ------------------------------------------------------------------------------ */

static void
entry_applied (CoordenaProfileEntryRow *self)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  gboolean saved = coordena_profile_row_save (GTK_WIDGET (self), self->workspace, self->key, value);

  /* The row itself says it was saved, until its text changes again. */
  gtk_widget_set_visible (self->saved_mark, saved);
  if (saved)
    g_signal_emit (self, entry_signals[SAVED], 0);
}

static void
entry_text_changed (CoordenaProfileEntryRow *self)
{
  gtk_widget_set_visible (self->saved_mark, FALSE);
}

/* The counter is not a stored value: the row shows the number it will give next. */
static void
show_next_number (CoordenaProfileEntryRow *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  GDate today;
  guint next = 0;

  coordena_clock_today (&today);
  if (store != NULL
      && coordena_numbering_peek_next (store, COORDENA_SEQUENCE_OFICIO, g_date_get_year (&today), &next, NULL))
    {
      g_autofree char *text = g_strdup_printf ("%u", next);

      gtk_editable_set_text (GTK_EDITABLE (self), text);
    }
}

static void
entry_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaProfileEntryRow *self = COORDENA_PROFILE_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entry_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaProfileEntryRow *self = COORDENA_PROFILE_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entry_row_finalize (GObject *object)
{
  CoordenaProfileEntryRow *self = COORDENA_PROFILE_ENTRY_ROW (object);

  g_clear_object (&self->workspace);
  g_free (self->key);
  G_OBJECT_CLASS (coordena_profile_entry_row_parent_class)->finalize (object);
}

static void
install_row_properties (GObjectClass *object_class, GParamSpec **properties)
{
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                              | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
coordena_profile_entry_row_class_init (CoordenaProfileEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = entry_row_set_property;
  object_class->get_property = entry_row_get_property;
  object_class->finalize = entry_row_finalize;
  install_row_properties (object_class, entry_properties);
  entry_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-profile-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaProfileEntryRow, saved_mark);
  gtk_widget_class_bind_template_callback (widget_class, entry_applied);
  gtk_widget_class_bind_template_callback (widget_class, entry_text_changed);
}

static void
coordena_profile_entry_row_init (CoordenaProfileEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- The choice row ---------------------------------------------------------------------------- */

static void
combo_selected (CoordenaProfileComboRow *self)
{
  const CoordenaProfileKey *key = coordena_profile_lookup (self->key);
  const char *const *values = key != NULL ? combo_values (key->kind) : NULL;
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (self->loading || values == NULL || i >= g_strv_length ((char **) values))
    return;
  if (coordena_profile_row_save (GTK_WIDGET (self), self->workspace, key->key, values[i]))
    g_signal_emit (self, combo_signals[SAVED], 0);
}

static void
combo_row_notify (GObject *object, GParamSpec *pspec)
{
  if (g_strcmp0 (pspec->name, "selected") == 0)
    combo_selected (COORDENA_PROFILE_COMBO_ROW (object));
  if (G_OBJECT_CLASS (coordena_profile_combo_row_parent_class)->notify != NULL)
    G_OBJECT_CLASS (coordena_profile_combo_row_parent_class)->notify (object, pspec);
}

static void
combo_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaProfileComboRow *self = COORDENA_PROFILE_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
combo_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaProfileComboRow *self = COORDENA_PROFILE_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
combo_row_finalize (GObject *object)
{
  CoordenaProfileComboRow *self = COORDENA_PROFILE_COMBO_ROW (object);

  g_clear_object (&self->workspace);
  g_free (self->key);
  G_OBJECT_CLASS (coordena_profile_combo_row_parent_class)->finalize (object);
}

static void
coordena_profile_combo_row_class_init (CoordenaProfileComboRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = combo_row_set_property;
  object_class->get_property = combo_row_get_property;
  object_class->finalize = combo_row_finalize;
  object_class->notify = combo_row_notify;
  install_row_properties (object_class, combo_properties);
  combo_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
coordena_profile_combo_row_init (CoordenaProfileComboRow *self)
{
}

/* ---- Either ------------------------------------------------------------------------------------ */

static GtkWidget *
combo_row_new (CoordenaWorkspace *workspace, const CoordenaProfileKey *key, GHashTable *values)
{
  CoordenaProfileComboRow *row = g_object_new (COORDENA_TYPE_PROFILE_COMBO_ROW, "workspace", workspace,
                                               "key", key->key, NULL);
  g_autoptr(GListModel) labels = combo_labels (key->kind);

  row->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), combo_selection (key, values));
  if (combo_subtitle (key) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), combo_subtitle (key));
  row->loading = FALSE;
  return GTK_WIDGET (row);
}

static GtkWidget *
entry_row_new (CoordenaWorkspace *workspace, const CoordenaProfileKey *key, GHashTable *values)
{
  CoordenaProfileEntryRow *row = g_object_new (COORDENA_TYPE_PROFILE_ENTRY_ROW, "workspace", workspace,
                                               "key", key->key, NULL);
  const char *value = values != NULL ? g_hash_table_lookup (values, key->key) : NULL;

  if (key->kind == COORDENA_PROFILE_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  if (key->kind == COORDENA_PROFILE_NEXT_NUMBER)
    show_next_number (row);
  /* What the field is for; the combos' choices and subtitles say it all. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), g_dgettext (GETTEXT_PACKAGE, key->description));
  return GTK_WIDGET (row);
}

GtkWidget *
coordena_profile_row_new (CoordenaWorkspace *workspace, const char *key_name, const char *title, GHashTable *values)
{
  const CoordenaProfileKey *key = coordena_profile_lookup (key_name);
  g_autofree char *name = g_strdup_printf ("profile-%s", key_name);
  GtkWidget *row;

  g_return_val_if_fail (key != NULL && key->kind != COORDENA_PROFILE_PNG, NULL);

  row = combo_values (key->kind) != NULL ? combo_row_new (workspace, key, values) : entry_row_new (workspace, key, values);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return row;
}
