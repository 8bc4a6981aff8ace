/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/offer.h>
#include <coordena/profile.h>

#include "coordena-preferences-signers.h"
#include "coordena-profile-rows.h"

struct _CoordenaPreferencesSigners
{
  AdwPreferencesPage parent_instance;

  AdwPreferencesGroup *secretario_group;
  AdwPreferencesGroup *coordenador_group;

  CoordenaWorkspace *workspace;
  GHashTable *fields;   /* key → its row, owned by the page's groups */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesSigners, coordena_preferences_signers, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The two signers, as the offers and the profile keys name them. */
static const char *const signers[] = { "secretario", "coordenador" };

static const struct {
  const char *suffix;
  const char *title;
} fields[] = {
  { "nome", N_("Name") },
  { "genero", N_("Forms of address") },
  { "cargo", N_("Title under the signature (optional)") },
  { "fecho", N_("Closing") },
};

GtkWidget *
coordena_preferences_signers_new (CoordenaWorkspace *workspace)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_SIGNERS, "workspace", workspace, NULL);
}

GtkWidget *
coordena_preferences_signers_get_field (CoordenaPreferencesSigners *self, const char *key)
{
  g_return_val_if_fail (COORDENA_IS_PREFERENCES_SIGNERS (self), NULL);

  return g_hash_table_lookup (self->fields, key);
}

/* The group carries the role the offer allows, and the default titles. */
static void
describe_group (AdwPreferencesGroup *group, const CoordenaOfferSigner *signer)
{
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (group, signer->role);
  /* TRANSLATORS: the default titles printed under a signer's name */
  description = g_strdup_printf (_("Left blank, the title printed is “%s” or “%s”, by the forms chosen."),
                                 signer->cargo_f, signer->cargo_m);
  adw_preferences_group_set_description (group, description);
}

static void
build_group (CoordenaPreferencesSigners *self, AdwPreferencesGroup *group, const char *signer, GHashTable *values)
{
  GPtrArray *offers = coordena_workspace_get_offers (self->workspace);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *key = g_strdup_printf ("%s.%s", signer, fields[i].suffix);
      GtkWidget *row = coordena_profile_row_new (self->workspace, key, _(fields[i].title), values);

      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->fields, key, row);
    }
  if (offers->len > 0)
    {
      const CoordenaOfferSigner *described = coordena_offer_get_signer (g_ptr_array_index (offers, 0), signer);

      if (described != NULL)
        describe_group (group, described);
    }
}

static void
coordena_preferences_signers_constructed (GObject *object)
{
  CoordenaPreferencesSigners *self = COORDENA_PREFERENCES_SIGNERS (object);
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  g_autoptr(GHashTable) values = NULL;

  G_OBJECT_CLASS (coordena_preferences_signers_parent_class)->constructed (object);

  values = store != NULL ? coordena_profile_load (store, NULL) : NULL;
  build_group (self, self->secretario_group, signers[0], values);
  build_group (self, self->coordenador_group, signers[1], values);
}

static void
coordena_preferences_signers_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesSigners *self = COORDENA_PREFERENCES_SIGNERS (object);

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
coordena_preferences_signers_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaPreferencesSigners *self = COORDENA_PREFERENCES_SIGNERS (object);

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
coordena_preferences_signers_finalize (GObject *object)
{
  CoordenaPreferencesSigners *self = COORDENA_PREFERENCES_SIGNERS (object);

  g_clear_object (&self->workspace);
  g_hash_table_unref (self->fields);
  G_OBJECT_CLASS (coordena_preferences_signers_parent_class)->finalize (object);
}

static void
coordena_preferences_signers_class_init (CoordenaPreferencesSignersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = coordena_preferences_signers_constructed;
  object_class->set_property = coordena_preferences_signers_set_property;
  object_class->get_property = coordena_preferences_signers_get_property;
  object_class->finalize = coordena_preferences_signers_finalize;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-signers.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesSigners, secretario_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesSigners, coordenador_group);
}

static void
coordena_preferences_signers_init (CoordenaPreferencesSigners *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
