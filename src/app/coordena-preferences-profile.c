/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <poppler.h>

#include <coordena/offer.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>

#include "coordena-file-chooser.h"
#include "coordena-preferences-profile.h"
#include "coordena-profile-rows.h"

struct _CoordenaPreferencesProfile
{
  AdwPreferencesPage parent_instance;

  GtkStack *preview_stack;
  GtkPicture *preview_picture;
  GtkLabel *preview_message;
  AdwActionRow *brasao_row;
  AdwPreferencesGroup *secretariat_group;
  AdwPreferencesGroup *contacts_group;
  AdwPreferencesGroup *contact_person_group;

  CoordenaWorkspace *workspace;
  GHashTable *fields;   /* key → its row, owned by the page's groups */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesProfile, coordena_preferences_profile, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Where each profile key of this page shows and what it is called on screen. */
typedef enum { GROUP_SECRETARIAT, GROUP_CONTACTS, GROUP_CONTACT_PERSON } Group;

static const struct {
  const char *key;
  Group group;
  const char *title;
} fields[] = {
  { "secretaria.nome", GROUP_SECRETARIAT, N_("Secretariat’s name") },
  { "secretaria.sigla", GROUP_SECRETARIAT, N_("Acronyms for the number (smallest first, e.g. COAPS/SESA)") },
  { "subunidade", GROUP_SECRETARIAT, N_("Sub-units under the header (separate lines with “;”)") },
  { "numeracao.estilo", GROUP_SECRETARIAT, N_("Number style") },
  { "numeracao.proximo", GROUP_SECRETARIAT, N_("Next number of Coordena’s counter this year") },
  { "enderecamento", GROUP_SECRETARIAT, N_("Address block") },
  { "cidade", GROUP_CONTACTS, N_("City in the date line") },
  { "endereco", GROUP_CONTACTS, N_("Address") },
  { "telefone", GROUP_CONTACTS, N_("Phone") },
  { "email", GROUP_CONTACTS, N_("E-mail") },
  { "site", GROUP_CONTACTS, N_("Site") },
  { "contato.nome", GROUP_CONTACT_PERSON, N_("Name") },
  { "contato.email", GROUP_CONTACT_PERSON, N_("E-mail") },
  { "contato.telefone", GROUP_CONTACT_PERSON, N_("Phone") },
};

GtkWidget *
coordena_preferences_profile_new (CoordenaWorkspace *workspace)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_PROFILE, "workspace", workspace, NULL);
}

GtkWidget *
coordena_preferences_profile_get_field (CoordenaPreferencesProfile *self, const char *key)
{
  g_return_val_if_fail (COORDENA_IS_PREFERENCES_PROFILE (self), NULL);

  return g_hash_table_lookup (self->fields, key);
}

/* ---- The letterhead preview ---------------------------------------------------------------- */

/* The top of page 1, where the coat of arms and the header lines sit, on white paper. */
static GdkTexture *
render_letterhead (PopplerPage *page)
{
  const double scale = 1.5, height = 175;
  double width = 0, page_height = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  int w, h;

  poppler_page_get_size (page, &width, &page_height);
  w = (int) (width * scale);
  h = (int) (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    gsize stride = (gsize) cairo_image_surface_get_stride (surface);
    g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface), stride * (gsize) h);

    texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels, stride);
  }
  cairo_surface_destroy (surface);
  return texture;
}

static void
update_preview (CoordenaPreferencesProfile *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  GPtrArray *offers = coordena_workspace_get_offers (self->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *page = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (store == NULL || offers->len == 0)
    return;
  if ((pdf = coordena_oficio_preview_letterhead (store, g_ptr_array_index (offers, 0), &error)) == NULL
      || (document = poppler_document_new_from_bytes (pdf, NULL, &error)) == NULL
      || (page = poppler_document_get_page (document, 0)) == NULL)
    {
      gtk_label_set_text (self->preview_message, error != NULL ? error->message : "");
      gtk_stack_set_visible_child_name (self->preview_stack, "message");
      g_clear_object (&document);
      return;
    }
  texture = render_letterhead (page);
  g_object_unref (page);
  g_object_unref (document);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "picture");
}

/* ---- The coat of arms ------------------------------------------------------------------------ */

static void
update_brasao_row (CoordenaPreferencesProfile *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GHashTable) values = store != NULL ? coordena_profile_load (store, NULL) : NULL;
  const char *stored = values != NULL ? g_hash_table_lookup (values, "brasao") : NULL;

  adw_action_row_set_subtitle (self->brasao_row, stored != NULL ? stored : _("None: the letterhead prints text only"));
}

static void
brasao_chosen (GtkNativeDialog *native, int response, CoordenaPreferencesProfile *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL
      || !coordena_profile_row_save (GTK_WIDGET (self->brasao_row), self->workspace, "brasao", path))
    return;
  update_brasao_row (self);
  update_preview (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.toast", "s", _("Coat of arms stored in the database"));
}

static void
choose_brasao (GtkButton *button, CoordenaPreferencesProfile *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose the Coat of Arms"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (self->workspace));
  g_signal_connect_object (native, "response", G_CALLBACK (brasao_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_brasao (GtkButton *button, CoordenaPreferencesProfile *self)
{
  if (!coordena_profile_row_save (GTK_WIDGET (self->brasao_row), self->workspace, "brasao", ""))
    return;
  update_brasao_row (self);
  update_preview (self);
}

/* ---- The fields -------------------------------------------------------------------------------- */

static AdwPreferencesGroup *
group_for (CoordenaPreferencesProfile *self, Group group)
{
  switch (group)
    {
    case GROUP_CONTACTS:
      return self->contacts_group;
    case GROUP_CONTACT_PERSON:
      return self->contact_person_group;
    case GROUP_SECRETARIAT:
    default:
      return self->secretariat_group;
    }
}

static void
build_fields (CoordenaPreferencesProfile *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GHashTable) values = store != NULL ? coordena_profile_load (store, NULL) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = coordena_profile_row_new (self->workspace, fields[i].key, _(fields[i].title), values);

      /* A value stored anywhere on the page may change the letterhead. */
      g_signal_connect_object (row, "saved", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (group_for (self, fields[i].group), row);
      g_hash_table_insert (self->fields, (gpointer) fields[i].key, row);
    }
}

/* ---- The page ------------------------------------------------------------------------------------ */

static void
coordena_preferences_profile_constructed (GObject *object)
{
  CoordenaPreferencesProfile *self = COORDENA_PREFERENCES_PROFILE (object);

  G_OBJECT_CLASS (coordena_preferences_profile_parent_class)->constructed (object);

  update_brasao_row (self);
  build_fields (self);
  update_preview (self);
}

static void
coordena_preferences_profile_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesProfile *self = COORDENA_PREFERENCES_PROFILE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_preferences_profile_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesProfile *self = COORDENA_PREFERENCES_PROFILE (object);

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
coordena_preferences_profile_finalize (GObject *object)
{
  CoordenaPreferencesProfile *self = COORDENA_PREFERENCES_PROFILE (object);

  g_clear_object (&self->workspace);
  g_hash_table_unref (self->fields);
  G_OBJECT_CLASS (coordena_preferences_profile_parent_class)->finalize (object);
}

static void
coordena_preferences_profile_class_init (CoordenaPreferencesProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_preferences_profile_constructed;
  object_class->set_property = coordena_preferences_profile_set_property;
  object_class->get_property = coordena_preferences_profile_get_property;
  object_class->finalize = coordena_preferences_profile_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, preview_message);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, brasao_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, secretariat_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesProfile, contact_person_group);
  gtk_widget_class_bind_template_callback (widget_class, choose_brasao);
  gtk_widget_class_bind_template_callback (widget_class, remove_brasao);
}

static void
coordena_preferences_profile_init (CoordenaPreferencesProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
}
