#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include <poppler.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/format.h>
#include <coordena/offer.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>
#include <coordena/rule-override.h>
#include <coordena/ruleset.h>
#include <coordena/strata.h>

#include "coordena-file-chooser.h"
#include "coordena-application.h"
#include "coordena-databases.h"
#include "coordena-oficio-files.h"
#include "coordena-preferences-window.h"

#include <coordena/clock.h>
#include <coordena/numbering.h>
#include <coordena/oficio.h>
#include "coordena-window-private.h"

struct _CoordenaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkStack *preview_stack;
  GtkPicture *preview_picture;
  GtkLabel *preview_message;
  AdwPreferencesGroup *secretariat_group;
  AdwPreferencesGroup *contacts_group;
  AdwPreferencesGroup *contact_person_group;
  AdwPreferencesGroup *letterhead_group;
  AdwPreferencesGroup *secretario_group;
  AdwPreferencesGroup *coordenador_group;
  AdwPreferencesGroup *base_group;
  AdwPreferencesGroup *strata_group;
  GtkSearchEntry *strata_search;
  GtkListBox *strata_list;
  AdwPreferencesGroup *rules_group;
  AdwActionRow *database_row;
  AdwActionRow *data_dir_row;
  AdwActionRow *leave_demo_row;
  AdwPreferencesGroup *recent_group;
  GtkSwitch *show_cns_switch;

  CoordenaWindow *main_window;   /* not owned: the window whose database this edits */
  CoordenaOffer *offer;
  AdwActionRow *brasao_row;
  GPtrArray *rule_rows;          /* rows added to rules_group and base_group */
  gboolean loading;
  char *pending_field;           /* the field to focus once the window shows */
};

G_DEFINE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Where each profile key shows and what it is called on screen. */
typedef enum { GROUP_SECRETARIAT, GROUP_CONTACTS, GROUP_CONTACT_PERSON, GROUP_SECRETARIO, GROUP_COORDENADOR, GROUP_LETTERHEAD } Group;

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
  { "brasao", GROUP_LETTERHEAD, N_("Coat of arms") },
  { "contato.nome", GROUP_CONTACT_PERSON, N_("Name") },
  { "contato.email", GROUP_CONTACT_PERSON, N_("E-mail") },
  { "contato.telefone", GROUP_CONTACT_PERSON, N_("Phone") },
  { "secretario.nome", GROUP_SECRETARIO, N_("Name") },
  { "secretario.genero", GROUP_SECRETARIO, N_("Forms of address") },
  { "secretario.cargo", GROUP_SECRETARIO, N_("Title under the signature (optional)") },
  { "secretario.fecho", GROUP_SECRETARIO, N_("Closing") },
  { "coordenador.nome", GROUP_COORDENADOR, N_("Name") },
  { "coordenador.genero", GROUP_COORDENADOR, N_("Forms of address") },
  { "coordenador.cargo", GROUP_COORDENADOR, N_("Title under the signature (optional)") },
  { "coordenador.fecho", GROUP_COORDENADOR, N_("Closing") },
};

CoordenaPreferencesWindow *
coordena_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (COORDENA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

static CoordenaStore *
store_of (CoordenaPreferencesWindow *self)
{
  if (self->main_window == NULL)
    return NULL;
  return coordena_workspace_get_store (coordena_window_get_workspace (self->main_window));
}

static void
toast (CoordenaPreferencesWindow *self, const char *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* The forecast and the pages read the changed data again. */
static void
reload_workspace (CoordenaPreferencesWindow *self)
{
  if (self->main_window != NULL)
    coordena_workspace_reload (coordena_window_get_workspace (self->main_window));
}

/* ---- The letterhead preview ---------------------------------------------------------------- */

static void
update_preview (CoordenaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *page = NULL;
  const double scale = 1.5, top = 0, height = 175;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  double width = 0, page_height = 0;
  int w, h;

  if (store_of (self) == NULL || self->offer == NULL)
    return;
  if ((pdf = coordena_oficio_preview_letterhead (store_of (self), self->offer, &error)) == NULL
      || (document = poppler_document_new_from_bytes (pdf, NULL, &error)) == NULL
      || (page = poppler_document_get_page (document, 0)) == NULL)
    {
      gtk_label_set_text (self->preview_message, error != NULL ? error->message : "");
      gtk_stack_set_visible_child_name (self->preview_stack, "message");
      g_clear_object (&document);
      return;
    }

  /* The top of page 1, where the coat of arms and the header lines sit, on white paper. */
  poppler_page_get_size (page, &width, &page_height);
  w = (int) (width * scale);
  h = (int) (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, 0, -top);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                            (gsize) cairo_image_surface_get_stride (surface) * (gsize) h);
    g_autoptr(GdkTexture) texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels,
                                                            (gsize) cairo_image_surface_get_stride (surface));

    gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  }
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
  gtk_stack_set_visible_child_name (self->preview_stack, "picture");
}

/* ---- Profile rows --------------------------------------------------------------------------- */

static const char *
key_of (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), "profile-key");
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
  if ((label = g_object_get_data (G_OBJECT (group), "problem-label")) == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_set_name (label, "profile-problem");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_add_css_class (label, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      g_object_set_data (G_OBJECT (group), "problem-label", label);
    }
  gtk_label_set_text (GTK_LABEL (label), problem != NULL ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
}

/* Saves one key; a refusal marks the row and says why under it, the old value stays stored. */
static gboolean
save_key (CoordenaPreferencesWindow *self, GtkWidget *row, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || store_of (self) == NULL)
    return FALSE;
  if (!coordena_profile_set (store_of (self), key, value, &error))
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
  update_preview (self);
  return TRUE;
}

/* The row itself says it was saved, until its text changes again. */
static void
mark_saved (GtkWidget *row, gboolean saved)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), "saved-mark");

  if (mark != NULL)
    gtk_widget_set_visible (mark, saved);
}

static void
entry_applied (AdwEntryRow *row, CoordenaPreferencesWindow *self)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  mark_saved (GTK_WIDGET (row), save_key (self, GTK_WIDGET (row), key_of (row), value));
}

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

static void
combo_changed (AdwComboRow *row, GParamSpec *pspec, CoordenaPreferencesWindow *self)
{
  const CoordenaProfileKey *key = coordena_profile_lookup (key_of (row));
  const char *const *values = combo_values (key->kind);
  guint i = adw_combo_row_get_selected (row);

  if (values != NULL && i < g_strv_length ((char **) values))
    save_key (self, GTK_WIDGET (row), key->key, values[i]);
}

static GtkWidget *
profile_row (CoordenaPreferencesWindow *self, const CoordenaProfileKey *key, const char *title)
{
  GtkWidget *row;
  g_autofree char *name = g_strdup_printf ("profile-%s", key->key);
  /* The combos' choices and subtitles say it all; a text field gets what it is for. */
  const char *tip = combo_values (key->kind) == NULL ? g_dgettext (GETTEXT_PACKAGE, key->description) : NULL;

  if (combo_values (key->kind) != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      if (key->kind == COORDENA_PROFILE_GENDER)
        {
          gtk_string_list_append (labels, _("Not set"));
          gtk_string_list_append (labels, _("Feminine"));
          gtk_string_list_append (labels, _("Masculine"));
        }
      else if (key->kind == COORDENA_PROFILE_ADDRESSING)
        {
          gtk_string_list_append (labels, _("“À Senhora” and the cargo"));
          gtk_string_list_append (labels, _("The cargo only (Decreto 9.758/2019, art. 4)"));
        }
      else
        for (guint i = 0; combo_values (key->kind)[i] != NULL; i++)
          gtk_string_list_append (labels, combo_values (key->kind)[i]);
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      if (key->kind == COORDENA_PROFILE_GENDER)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("“Senhora” and “Secretária”, or “Senhor” and “Secretário”"));
      else if (key->kind == COORDENA_PROFILE_CLOSING)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_str_has_prefix (key->key, "coordenador")
                                     ? _("To the federal Secretary, a higher authority: “Respeitosamente”")
                                     : _("To the federal Secretary, the same level: “Atenciosamente”"));
      g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed), self);
    }
  else
    {
      row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      GtkWidget *saved = gtk_image_new_from_icon_name ("object-select-symbolic");

      if (key->kind == COORDENA_PROFILE_EMAIL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
      gtk_widget_set_visible (saved, FALSE);
      gtk_widget_set_name (saved, "profile-saved");
      gtk_widget_set_tooltip_text (saved, _("Profile saved"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (saved), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Profile saved"), -1);
      gtk_widget_add_css_class (saved, "success");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), saved);
      g_object_set_data (G_OBJECT (row), "saved-mark", saved);
      g_signal_connect (row, "apply", G_CALLBACK (entry_applied), self);
      g_signal_connect (row, "changed", G_CALLBACK (mark_saved), NULL);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_widget_set_tooltip_text (row, tip);
  g_object_set_data_full (G_OBJECT (row), "profile-key", g_strdup (key->key), g_free);
  return row;
}

/* ---- The coat of arms ------------------------------------------------------------------------ */

static void
update_brasao_row (CoordenaPreferencesWindow *self, GHashTable *values)
{
  const char *stored = values != NULL ? g_hash_table_lookup (values, "brasao") : NULL;

  adw_action_row_set_subtitle (self->brasao_row,
                               stored != NULL ? stored : _("None: the letterhead prints text only"));
}

static void
brasao_chosen (GtkNativeDialog *native, int response, CoordenaPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL && (path = g_file_get_path (file)) != NULL && save_key (self, GTK_WIDGET (self->brasao_row), "brasao", path))
    {
      g_autoptr(GHashTable) values = coordena_profile_load (store_of (self), NULL);

      update_brasao_row (self, values);
      toast (self, _("Coat of arms stored in the database"));
    }
}

static void
choose_brasao (CoordenaPreferencesWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose the Coat of Arms"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare (native);
  g_signal_connect (native, "response", G_CALLBACK (brasao_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_brasao (CoordenaPreferencesWindow *self)
{
  if (save_key (self, GTK_WIDGET (self->brasao_row), "brasao", ""))
    update_brasao_row (self, NULL);
}

static void
build_brasao_row (CoordenaPreferencesWindow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Coat of arms"));
  gtk_widget_set_name (row, "profile-brasao");
  gtk_widget_set_tooltip_text (row, _("A PNG image, with or without transparency (black on white is enough); it is copied into the database"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the coat of arms"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the coat of arms"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_brasao), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_brasao), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_preferences_group_add (self->letterhead_group, row);
  self->brasao_row = ADW_ACTION_ROW (row);
}

static AdwPreferencesGroup *
group_for (CoordenaPreferencesWindow *self, Group group)
{
  switch (group)
    {
    case GROUP_SECRETARIAT:
      return self->secretariat_group;
    case GROUP_CONTACTS:
      return self->contacts_group;
    case GROUP_CONTACT_PERSON:
      return self->contact_person_group;
    case GROUP_SECRETARIO:
      return self->secretario_group;
    case GROUP_COORDENADOR:
      return self->coordenador_group;
    case GROUP_LETTERHEAD:
    default:
      return self->letterhead_group;
    }
}

static void
build_profile (CoordenaPreferencesWindow *self)
{
  g_autoptr(GHashTable) values = store_of (self) != NULL ? coordena_profile_load (store_of (self), NULL) : NULL;

  self->loading = TRUE;
  build_brasao_row (self);
  update_brasao_row (self, values);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const CoordenaProfileKey *key = coordena_profile_lookup (fields[i].key);
      const char *value = values != NULL ? g_hash_table_lookup (values, fields[i].key) : NULL;
      GtkWidget *row;

      if (key == NULL || key->kind == COORDENA_PROFILE_PNG)
        continue;
      row = profile_row (self, key, _(fields[i].title));
      if (ADW_IS_COMBO_ROW (row))
        {
          const char *const *choices = combo_values (key->kind);

          for (guint j = 0; value != NULL && choices[j] != NULL; j++)
            if (g_ascii_strcasecmp (choices[j], value) == 0)
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), j);
        }
      else if (value != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), value);
      /* An unset closing shows the one the ofício will print for that signer. */
      if (key->kind == COORDENA_PROFILE_CLOSING && value == NULL)
        {
          g_autofree char *signer = g_strndup (key->key, strcspn (key->key, "."));

          adw_combo_row_set_selected (ADW_COMBO_ROW (row), coordena_oficio_closing_respectful (values, signer) ? 1 : 0);
        }
      /* The counter is not a stored value: show the number it will give next. */
      if (key->kind == COORDENA_PROFILE_NEXT_NUMBER && store_of (self) != NULL)
        {
          GDate today;
          guint next = 0;

          coordena_clock_today (&today);
          if (coordena_numbering_peek_next (store_of (self), COORDENA_SEQUENCE_OFICIO, g_date_get_year (&today), &next,
                                            NULL))
            {
              g_autofree char *text = g_strdup_printf ("%u", next);

              gtk_editable_set_text (GTK_EDITABLE (row), text);
            }
        }
      adw_preferences_group_add (group_for (self, fields[i].group), row);
    }
  self->loading = FALSE;

  /* The signers' groups carry the roles the offer allows, and the default titles. */
  for (guint g = 0; g < 2 && self->offer != NULL; g++)
    {
      const CoordenaOfferSigner *signer = coordena_offer_get_signer (self->offer, g == 0 ? "secretario" : "coordenador");
      AdwPreferencesGroup *group = g == 0 ? self->secretario_group : self->coordenador_group;
      g_autofree char *description = NULL;

      if (signer == NULL)
        continue;
      adw_preferences_group_set_title (group, signer->role);
      /* TRANSLATORS: the default titles printed under a signer's name */
      description = g_strdup_printf (_("Left blank, the title printed is “%s” or “%s”, by the forms chosen."),
                                     signer->cargo_f, signer->cargo_m);
      adw_preferences_group_set_description (group, description);
    }
  update_preview (self);
}

/* ---- Money: base values and IED strata ----------------------------------------------------- */

static void
stratum_changed (AdwComboRow *row, GParamSpec *pspec, CoordenaPreferencesWindow *self)
{
  const char *ibge7 = g_object_get_data (G_OBJECT (row), "ibge7");
  g_autoptr(GError) error = NULL;

  if (self->loading || store_of (self) == NULL)
    return;
  if (!coordena_store_set_ied_stratum (store_of (self), ibge7, adw_combo_row_get_selected (row), &error))
    {
      toast (self, error->message);
      return;
    }
  reload_workspace (self);
}

static gboolean
filter_stratum (GtkListBoxRow *row, gpointer user_data)
{
  CoordenaPreferencesWindow *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->strata_search));
  g_autofree char *needle = NULL, *hay = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  hay = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  return strstr (hay, needle) != NULL;
}

static void
build_strata (CoordenaPreferencesWindow *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL)
    return;
  if ((list = coordena_strata_list (store_of (self), &error)) == NULL)
    {
      adw_preferences_group_set_description (self->strata_group, error->message);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < list->len; i++)
    {
      const CoordenaMunicipioStratum *m = g_ptr_array_index (list, i);
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "IBGE %s · %u team", "IBGE %s · %u teams", m->n_teams),
                                              m->ibge7, m->n_teams);

      gtk_string_list_append (labels, _("No stratum"));
      for (guint s = 1; s <= 4; s++)
        {
          /* TRANSLATORS: an IED stratum, 1 to 4 */
          g_autofree char *label = g_strdup_printf (_("Stratum %u"), s);

          gtk_string_list_append (labels, label);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->nome);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), m->stratum);
      g_object_set_data_full (G_OBJECT (row), "ibge7", g_strdup (m->ibge7), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (stratum_changed), self);
      gtk_list_box_append (self->strata_list, row);
    }
  self->loading = FALSE;
  gtk_list_box_set_filter_func (self->strata_list, filter_stratum, self, NULL);
  g_signal_connect_swapped (self->strata_search, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter), self->strata_list);
}

/* ---- Rule sets --------------------------------------------------------------------------------- */

static void build_rules (CoordenaPreferencesWindow *self);

typedef struct {
  CoordenaPreferencesWindow *self;
  char *set_id;
  char *key;
  AdwEntryRow *value_row;
  AdwEntryRow *act_row;
} OverrideDialog;

static void
override_dialog_free (gpointer data, GClosure *closure)
{
  OverrideDialog *d = data;

  g_object_unref (d->self);
  g_free (d->set_id);
  g_free (d->key);
  g_free (d);
}

static void
override_response (AdwMessageDialog *dialog, const char *response, OverrideDialog *d)
{
  g_autoptr(CoordenaRuleCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  const CoordenaRuleSet *set;

  if (!g_str_equal (response, "change"))
    return;
  if ((catalog = coordena_rule_catalog_load (&error)) == NULL
      || (set = coordena_rule_catalog_find (catalog, d->set_id)) == NULL
      || (written = coordena_rule_override_set (set, d->key, gtk_editable_get_text (GTK_EDITABLE (d->value_row)),
                                                gtk_editable_get_text (GTK_EDITABLE (d->act_row)), NULL, &error)) == NULL)
    {
      coordena_show_error (GTK_WINDOW (d->self), _("The Rule Was Not Changed"), error);
      return;
    }
  toast (d->self, _("Rule changed: the forecast is computed again"));
  build_rules (d->self);
  reload_workspace (d->self);
}

static void
ask_override (CoordenaPreferencesWindow *self, const char *set_id, const char *key, const char *title, const char *current)
{
  GtkWidget *dialog, *list;
  OverrideDialog *d = g_new0 (OverrideDialog, 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title,
                                   _("The change is kept in your copy of the rule set, with the act that made it. "
                                     "Money is written as 18.000,00; several values by stratum are separated by “;”."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  d->self = g_object_ref (self);
  d->set_id = g_strdup (set_id);
  d->key = g_strdup (key);
  d->value_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->value_row), _("New value"));
  gtk_editable_set_text (GTK_EDITABLE (d->value_row), current);
  gtk_widget_set_name (GTK_WIDGET (d->value_row), "override-value");
  d->act_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->act_row), _("Act that justifies it (e.g. Portaria GM/MS nº …)"));
  gtk_widget_set_name (GTK_WIDGET (d->act_row), "override-act");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->value_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->act_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (override_response), d, override_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_clicked (GtkButton *button, CoordenaPreferencesWindow *self)
{
  ask_override (self, g_object_get_data (G_OBJECT (button), "set-id"), g_object_get_data (G_OBJECT (button), "key"),
                g_object_get_data (G_OBJECT (button), "title"), g_object_get_data (G_OBJECT (button), "current"));
}

static GtkWidget *
parameter_row (CoordenaPreferencesWindow *self, const CoordenaRuleSet *set, const char *key, const char *title,
               const char *value, const char *confidence, const char *current)
{
  GtkWidget *row = adw_action_row_new ();
  /* TRANSLATORS: a rule-set parameter's value and its confidence letter */
  g_autofree char *sub = confidence != NULL ? g_strdup_printf (_("%s · confidence %s"), value, confidence) : g_strdup (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (key != NULL && coordena_rule_override_is_allowed (key))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hange…"));
      g_autofree char *name = g_strdup_printf ("change-%s-%s", set->id, key);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, name);
      g_object_set_data_full (G_OBJECT (button), "set-id", g_strdup (set->id), g_free);
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
      g_object_set_data_full (G_OBJECT (button), "title", g_strdup (title), g_free);
      g_object_set_data_full (G_OBJECT (button), "current", g_strdup (current), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (change_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static char *
money_or_dash (gint64 centavos)
{
  return centavos == COORDENA_BASE_UNKNOWN ? g_strdup ("—") : coordena_format_money (centavos);
}

/* "18.000,00;16.000,00;…" as the file writes it, and "R$ 18.000,00 · …" for people. */
static void
base_texts (const CoordenaRuleSet *set, int type, char **file_text, char **display)
{
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  gboolean by_stratum = set->base_values[type][1] != COORDENA_BASE_UNKNOWN;

  for (guint s = by_stratum ? 1 : 0; s <= (by_stratum ? COORDENA_N_STRATA : 0); s++)
    {
      g_autofree char *money = money_or_dash (set->base_values[type][s]);
      g_autofree char *plain = NULL;

      if (set->base_values[type][s] != COORDENA_BASE_UNKNOWN)
        plain = g_strdup_printf ("%s", money + (g_str_has_prefix (money, "R$ ") ? 3 : 0));
      g_string_append_printf (file, "%s%s", file->len > 0 ? ";" : "", plain != NULL ? plain : "");
      if (by_stratum)
        /* TRANSLATORS: a base value for an IED stratum: "E1 R$ 18.000,00" */
        g_string_append_printf (shown, "%s" "E%u %s", shown->len > 0 ? " · " : "", s, money);
      else
        g_string_append (shown, money);
    }
  *file_text = g_strdup (file->str);
  *display = g_strdup (shown->str);
}

static void
clear_rule_rows (CoordenaPreferencesWindow *self)
{
  for (guint i = 0; i < self->rule_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rule_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rule_rows, 0);
}

static void
reset_clicked (GtkButton *button, CoordenaPreferencesWindow *self)
{
  g_autoptr(CoordenaRuleCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaRuleSet *set;

  if ((catalog = coordena_rule_catalog_load (&error)) == NULL
      || (set = coordena_rule_catalog_find (catalog, g_object_get_data (G_OBJECT (button), "set-id"))) == NULL
      || !coordena_rule_override_reset (set, &error))
    {
      coordena_show_error (GTK_WINDOW (self), _("The Rule Set Was Not Restored"), error);
      return;
    }
  toast (self, _("The shipped rule set applies again"));
  build_rules (self);
  reload_workspace (self);
}

/* The least sure figure of a set: a set is only as firm as its weakest part. */
static CoordenaConfidence
weakest_confidence (const CoordenaRuleSet *set)
{
  CoordenaConfidence weakest = MAX (set->base_confidence, MAX (set->max_total_hours_confidence, set->provimento_confidence));

  weakest = MAX (weakest, MAX (set->esf_min_hours_confidence, set->eap_min_hours_confidence));
  if (set->revoke_after > 0)
    weakest = MAX (weakest, set->revoke_confidence);
  if (set->sem_registro_percent > 0)
    weakest = MAX (weakest, set->sem_registro.confidence);

  for (guint c = 0; c < set->n_clauses; c++)
    weakest = MAX (weakest, set->clauses[c].confidence);
  return weakest;
}

static void
build_rules (CoordenaPreferencesWindow *self)
{
  g_autoptr(CoordenaRuleCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaRuleSet *in_force;
  static const struct { int type; const char *key; const char *name; } types[] = {
    { COORDENA_TEAM_TYPE_ESF, "eSF", "eSF" },
    { COORDENA_TEAM_TYPE_EAP30, "eAP30", "eAP 30 h" },
    { COORDENA_TEAM_TYPE_EAP20, "eAP20", "eAP 20 h" },
  };
  GDate today;

  clear_rule_rows (self);
  if ((catalog = coordena_rule_catalog_load (&error)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The rule sets could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
      return;
    }

  for (guint i = 0; i < coordena_rule_catalog_get_n_sets (catalog); i++)
    {
      const CoordenaRuleSet *set = coordena_rule_catalog_get_set (catalog, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *from = coordena_competencia_format (set->valid_from);
      g_autofree char *to = set->valid_to != 0 ? coordena_competencia_format (set->valid_to) : g_strdup (_("open-ended"));
      g_autofree char *sub = NULL;
      g_autofree char *hours = g_strdup_printf (_("%u h a week"), set->max_total_hours);
      g_autofree char *hours_file = g_strdup_printf ("%u", set->max_total_hours);
      g_autofree char *prov = g_strdup_printf ("%u %%", set->provimento_repasse);
      g_autofree char *prov_file = g_strdup_printf ("%u", set->provimento_repasse);
      g_autofree char *revoke = set->revoke_after > 0
                                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "after %u competência at 100 %%",
                                                                "after %u competências at 100 %%", set->revoke_after),
                                                   set->revoke_after)
                                : g_strdup (_("never"));
      g_autofree char *revoke_file = g_strdup_printf ("%u", set->revoke_after);
      g_auto(GStrv) changes = coordena_rule_override_list (set);

      /* TRANSLATORS: a rule set's validity, the least sure of its figures (A, S or U) and its act */
      sub = g_strdup_printf (_("%s to %s · weakest confidence %s · %s%s"), from, to,
                             coordena_confidence_to_string (weakest_confidence (set)), set->act,
                             set->user_file ? _(" · changed by you") : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), set->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), sub);
      gtk_widget_set_name (expander, set->id);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                parameter_row (self, set, NULL, _("Money base"), coordena_base_kind_to_string (set->base),
                                               coordena_confidence_to_string (set->base_confidence), NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                parameter_row (self, set, "max_total_hours", _("Most weekly hours a professional may add up"),
                                               hours, coordena_confidence_to_string (set->max_total_hours_confidence),
                                               hours_file));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                parameter_row (self, set, "provimento_repasse", _("Provimento vacancy transfer"), prov,
                                               coordena_confidence_to_string (set->provimento_confidence), prov_file));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                parameter_row (self, set, "revoke_after", _("INE revoked"), revoke,
                                               coordena_confidence_to_string (set->revoke_confidence), revoke_file));
      {
        /* The presence thresholds and the team without registration: parameters like the others. */
        const struct { const char *key; const char *title; guint value; CoordenaConfidence confidence; gboolean percent; } more[] = {
          { "esf_min_hours", N_("Weekly hours of one member that make a category present in an eSF"), set->esf_min_hours, set->esf_min_hours_confidence, FALSE },
          { "eap20_min_hours", N_("Weekly hours of one member in an eAP 20 h"), set->eap20_min_hours, set->eap_min_hours_confidence, FALSE },
          { "eap30_min_hours", N_("Weekly hours of one member in an eAP 30 h"), set->eap30_min_hours, set->eap_min_hours_confidence, FALSE },
          { "sem_registro_percent", N_("Suspension of a team without registration"), set->sem_registro_percent, set->sem_registro.confidence, TRUE },
        };

        for (guint k = 0; k < G_N_ELEMENTS (more); k++)
          {
            g_autofree char *shown = more[k].percent ? g_strdup_printf ("%u %%", more[k].value) : g_strdup_printf (_("%u h a week"), more[k].value);
            g_autofree char *file = g_strdup_printf ("%u", more[k].value);

            adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                      parameter_row (self, set, more[k].key, _(more[k].title), shown,
                                                     coordena_confidence_to_string (more[k].confidence), file));
          }
      }
      for (guint c = 0; c < set->n_clauses; c++)
        {
          const CoordenaClause *clause = &set->clauses[c];
          g_autofree char *title = g_strdup_printf ("%s %s", coordena_family_to_string (clause->family), clause->id);
          /* TRANSLATORS: a suspension clause: percent, competências in a row, legal basis */
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u %% after %u competência · %s",
                                                                "%u %% after %u competências in a row · %s", clause->consecutive),
                                                   clause->percent, clause->consecutive, clause->basis);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    parameter_row (self, set, NULL, title, text,
                                                   coordena_confidence_to_string (clause->confidence), NULL));
        }
      for (guint q = 0; set->open_questions != NULL && set->open_questions[q] != NULL; q++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  parameter_row (self, set, NULL, _("To be confirmed"), set->open_questions[q], NULL, NULL));
      for (guint c = 0; changes[c] != NULL; c++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  parameter_row (self, set, NULL, _("Your change"), changes[c], NULL, NULL));
      if (set->user_file && changes[0] != NULL)
        {
          GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

          gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (reset, "flat");
          gtk_widget_set_tooltip_text (reset, _("Undo My Changes"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Undo My Changes"), -1);
          gtk_widget_set_name (reset, "undo-rule-changes");
          g_object_set_data_full (G_OBJECT (reset), "set-id", g_strdup (set->id), g_free);
          g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked), self);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), reset);
        }
      adw_preferences_group_add (self->rules_group, expander);
      g_ptr_array_add (self->rule_rows, expander);
    }

  /* The money page shows the bases of the set in force now. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  in_force = coordena_rule_catalog_in_force (catalog, coordena_competencia_from_date (&today));
  if (in_force == NULL && coordena_rule_catalog_get_n_sets (catalog) > 0)
    in_force = coordena_rule_catalog_get_set (catalog, coordena_rule_catalog_get_n_sets (catalog) - 1);
  if (in_force != NULL)
    {
      /* TRANSLATORS: the money page's description: the rule set whose bases show, and its confidence */
      g_autofree char *description = g_strdup_printf (_("From %s (confidence %s). By IED stratum, 1 to 4, where the act "
                                                        "gives them. A change asks for the act behind it."),
                                                      in_force->title, coordena_confidence_to_string (in_force->base_confidence));

      adw_preferences_group_set_description (self->base_group, description);
      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        {
          g_autofree char *file_text = NULL, *display = NULL;
          GtkWidget *row;

          base_texts (in_force, types[t].type, &file_text, &display);
          row = parameter_row (self, in_force, types[t].key, types[t].name, display, NULL, file_text);
          adw_preferences_group_add (self->base_group, row);
          g_ptr_array_add (self->rule_rows, row);
        }
    }
}

/* ---- Data: backup, restore, export ----------------------------------------------------------- */

typedef struct {
  char *db_path;
  char *path;
  gboolean restore;
  char *note;      /* after a restore: the ofícios issued after the copy was made */
  gboolean other_state;   /* the user agreed to a copy of another state's database */
  gboolean told_waiting;
} DataJob;

/* The Backup group's row of a data job, found by its action. */
static AdwActionRow *
find_action_row (GtkWidget *root, const char *action)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_action_row (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* While a backup or restore waits for another program, its row says so; when it ends, the row
 * says what it always says. */
static void
set_data_row_waiting (GtkWidget *window, gboolean restore, gboolean waiting)
{
  AdwActionRow *row = find_action_row (window, restore ? "prefs.restore" : "prefs.backup");

  if (row == NULL)
    return;
  if (waiting)
    adw_action_row_set_subtitle (row, _("Waiting for another program to let go of the database…"));
  else
    adw_action_row_set_subtitle (row, restore ? _("Replaces everything in the database with the backup’s content")
                                              : _("A complete copy of the database, to keep elsewhere"));
}

static gboolean
show_waiting (gpointer data)
{
  GTask *task = data;
  DataJob *job = g_task_get_task_data (task);

  if (!g_task_get_completed (task))
    set_data_row_waiting (GTK_WIDGET (g_task_get_source_object (task)), job->restore, TRUE);
  return G_SOURCE_REMOVE;
}

/* From the worker thread: the store started waiting for a lock. */
static void
data_waiting (gpointer data)
{
  GTask *task = data;
  DataJob *job = g_task_get_task_data (task);

  if (job->told_waiting)
    return;
  job->told_waiting = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_waiting, g_object_ref (task), g_object_unref);
}

static void
data_job_free (DataJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->note);
  g_free (job);
}

/* A connection of its own: the window keeps the main one. */
static void
data_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DataJob *job = task_data;
  g_autoptr(CoordenaStore) store = NULL;
  GError *error = NULL;

  if ((store = coordena_store_open_full (job->db_path, COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
                                         &error)) != NULL)
    coordena_store_set_wait_func (store, data_waiting, task);
  if (store == NULL
      || !(job->restore ? coordena_store_restore_full (store, job->path, job->other_state, &error)
                        : coordena_store_backup (store, job->path, &error)))
    g_task_return_error (task, error);
  else
    {
      if (job->restore)
        job->note = coordena_numbering_restore_note (store, NULL);
      g_task_return_boolean (task, TRUE);
    }
}

static void
data_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (source);
  DataJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *text = NULL;

  set_data_row_waiting (GTK_WIDGET (self), job->restore, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      coordena_show_error (GTK_WINDOW (self), job->restore ? _("The Backup Was Not Restored") : _("The Backup Was Not Made"),
                           error);
      return;
    }
  if (job->restore)
    {
      /* TRANSLATORS: a toast after a restore, with the backup's file name */
      text = g_strdup_printf (_("Restored from “%s”"), base);
      reload_workspace (self);
      if (job->note != NULL)
        {
          AdwMessageDialog *dialog;
          g_autofree char *body = g_strdup_printf (_("Note: %s."), job->note);

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Ofícios Issued After This Copy"), body));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  else
    /* TRANSLATORS: a toast after a backup, with its file name */
    text = g_strdup_printf (_("Backup saved as “%s”"), base);
  toast (self, text);
}

static void
run_data_job (CoordenaPreferencesWindow *self, const char *path, gboolean restore, gboolean other_state)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, data_done, NULL);
  DataJob *job = g_new0 (DataJob, 1);

  job->db_path = g_strdup (coordena_workspace_get_path (coordena_window_get_workspace (self->main_window)));
  job->path = g_strdup (path);
  job->restore = restore;
  job->other_state = other_state;
  g_task_set_task_data (task, job, (GDestroyNotify) data_job_free);
  g_task_run_in_thread (task, data_thread);
}

static void
restore_confirmed (AdwMessageDialog *dialog, const char *response, CoordenaPreferencesWindow *self)
{
  if (g_str_equal (response, "restore") || g_str_equal (response, "restore-other-state"))
    run_data_job (self, g_object_get_data (G_OBJECT (dialog), "path"), TRUE,
                  g_str_equal (response, "restore-other-state"));
}

static void
file_chosen (GtkNativeDialog *native, int response, CoordenaPreferencesWindow *self)
{
  gboolean restore = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "restore"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!restore)
    {
      run_data_job (self, path, FALSE, FALSE);
      return;
    }
  coordena_preferences_window_confirm_restore (self, path);
}

void
coordena_preferences_window_confirm_restore (CoordenaPreferencesWindow *self, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  /* TRANSLATORS: the restore confirmation's body, with the backup's file name */
  g_autofree char *body = g_strdup_printf (_("Everything in the database — roster, profile, adhesion record and stored "
                                             "ofícios — is replaced by the content of “%s”. Changes made since that "
                                             "backup are lost."), base);
  g_autofree char *their_uf = coordena_store_peek_uf (path);
  g_autofree char *our_uf = NULL;
  gboolean other_state;
  const char *response;
  GtkWidget *dialog;

  if (self->main_window != NULL)
    our_uf = coordena_store_get_uf (coordena_workspace_get_store (coordena_window_get_workspace (self->main_window)));
  other_state = our_uf != NULL && their_uf != NULL && g_strcmp0 (our_uf, their_uf) != 0;
  if (other_state)
    {
      /* TRANSLATORS: the restore confirmation's body when the backup is of another state:
       * the file name, the backup's state, this database's state (twice), the backup's state */
      g_free (body);
      body = g_strdup_printf (_("“%s” is a copy of the database of %s, and this database is of %s. Restoring it "
                                "replaces everything of %s — roster, profile, adhesion record and stored ofícios — "
                                "with the data of %s."),
                              base, their_uf, our_uf, our_uf, their_uf);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   other_state ? _("Restore a Copy of Another State?") : _("Restore From This Backup?"),
                                   body);
  response = other_state ? "restore-other-state" : "restore";
  gtk_widget_set_name (dialog, "restore-confirm");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response,
                                    other_state ? _("_Replace With Other State") : _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_confirmed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
data_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (widget);
  gboolean restore = g_str_equal (action_name, "prefs.restore");
  GtkFileChooserNative *native;

  if (self->main_window == NULL)
    return;
  if (g_str_equal (action_name, "prefs.export-teams") || g_str_equal (action_name, "prefs.export-roster"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->main_window),
                                  g_str_equal (action_name, "prefs.export-teams") ? "win.export-teams" : "win.export-roster",
                                  NULL);
      return;
    }
  native = gtk_file_chooser_native_new (restore ? _("Restore From a Backup") : _("Back Up the Database"), GTK_WINDOW (self),
                                        restore ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        restore ? _("_Open") : _("_Save"), _("_Cancel"));
  if (!restore)
    {
      g_autoptr(GDateTime) now = coordena_clock_now ();
      g_autofree char *name = g_date_time_format (now, "coordena-%Y-%m-%d.db");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "restore", GINT_TO_POINTER (restore));
  coordena_file_chooser_prepare (native);
  g_signal_connect (native, "response", G_CALLBACK (file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Open, new, recent and leaving the demonstration are the main window's: these rows hand over to
 * it and close, since every page here shows the database that was open. */
static void
database_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (widget);
  CoordenaWindow *main_window = self->main_window;

  if (main_window == NULL)
    return;
  if (g_str_equal (action_name, "prefs.open-recent"))
    gtk_widget_activate_action_variant (GTK_WIDGET (main_window), "win.open-recent", parameter);
  else if (g_str_equal (action_name, "prefs.open-database"))
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.open-database", NULL);
  else if (g_str_equal (action_name, "prefs.new-database"))
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.new-database", NULL);
  else
    coordena_window_leave_demo (main_window);
  gtk_window_close (GTK_WINDOW (self));
}

static void
build_recent (CoordenaPreferencesWindow *self)
{
  GApplication *app = g_application_get_default ();
  const char *current = self->main_window != NULL
                        ? coordena_workspace_get_path (coordena_window_get_workspace (self->main_window)) : NULL;
  g_auto(GStrv) recent = NULL;

  if (!COORDENA_IS_APPLICATION (app))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), FALSE);
      return;
    }
  recent = coordena_databases_recent (coordena_application_get_settings (COORDENA_APPLICATION (app)));
  for (guint i = 0; recent[i] != NULL; i++)
    {
      /* The subtitle has the whole path: the title needs only the name. */
      g_autofree char *label = coordena_demo_is_db_path (recent[i]) ? coordena_databases_label (recent[i])
                                                                     : g_path_get_basename (recent[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      if (g_strcmp0 (recent[i], current) == 0)
        {
          GtkWidget *in_use = gtk_label_new (_("In use"));

          gtk_widget_add_css_class (in_use, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), in_use);
        }
      else
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "prefs.open-recent");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (recent[i]));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      adw_preferences_group_add (self->recent_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recent[0] != NULL);
}

static void focus_field (CoordenaPreferencesWindow *self, const char *key);

static gboolean
focus_pending (gpointer data)
{
  CoordenaPreferencesWindow *self = data;
  g_autofree char *key = g_steal_pointer (&self->pending_field);

  if (key != NULL)
    focus_field (self, key);
  return G_SOURCE_REMOVE;
}

/* Showing, the window puts the focus on its own first control: the field comes after. */
static void
mapped (CoordenaPreferencesWindow *self)
{
  if (self->pending_field != NULL)
    g_timeout_add_full (G_PRIORITY_LOW, 200, focus_pending, g_object_ref (self), g_object_unref);
}

void
coordena_preferences_window_show_field (CoordenaPreferencesWindow *self, const char *key)
{
  g_free (self->pending_field);
  self->pending_field = g_strdup (key);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_pending (self);
  /* else when mapped */
}

static void
focus_field (CoordenaPreferencesWindow *self, const char *key)
{
  g_autofree char *name = g_strdup_printf ("profile-%s", key);
  GtkWidget *top = GTK_WIDGET (self), *found = NULL, *page;

  for (GtkWidget *w = top; w != NULL && found == NULL;)
    {
      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        found = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != top && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == NULL || w == top ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  if (found == NULL)
    return;
  if ((page = gtk_widget_get_ancestor (found, ADW_TYPE_PREFERENCES_PAGE)) != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_widget_grab_focus (found);
}

void
coordena_preferences_window_backup_to (CoordenaPreferencesWindow *self, const char *path)
{
  run_data_job (self, path, FALSE, FALSE);
}

/* ---- Set-up ----------------------------------------------------------------------------------- */

/* The main window is the dialog's parent, or its parent's parent (when opened from the ofício
 * dialog to fill in the profile). */
static CoordenaWindow *
find_main_window (GtkWindow *parent)
{
  for (GtkWindow *w = parent; w != NULL; w = gtk_window_get_transient_for (w))
    if (COORDENA_IS_WINDOW (w))
      return COORDENA_WINDOW (w);
  return NULL;
}

static void
coordena_preferences_window_constructed (GObject *object)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);
  g_autoptr(GPtrArray) offers = NULL;

  G_OBJECT_CLASS (coordena_preferences_window_parent_class)->constructed (object);

  self->main_window = find_main_window (gtk_window_get_transient_for (GTK_WINDOW (self)));
  if (self->main_window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->main_window), (gpointer *) &self->main_window);
      adw_action_row_set_subtitle (self->database_row,
                                   coordena_workspace_get_path (coordena_window_get_workspace (self->main_window)));
    }
  else
    {
      g_autofree char *db = coordena_default_db_path ();

      adw_action_row_set_subtitle (self->database_row, db);
    }
  adw_action_row_set_subtitle (self->data_dir_row, coordena_datadir ());
  {
    GApplication *app = g_application_get_default ();

    if (COORDENA_IS_APPLICATION (app))
      g_settings_bind (coordena_application_get_settings (COORDENA_APPLICATION (app)), "show-full-cns",
                       self->show_cns_switch, "active", G_SETTINGS_BIND_DEFAULT);
  }

  if ((offers = coordena_offers_load_all (NULL)) != NULL && offers->len > 0)
    self->offer = g_ptr_array_steal_index (offers, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->leave_demo_row),
                          self->main_window != NULL && coordena_workspace_is_demo (coordena_window_get_workspace (self->main_window)));
  build_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup", store_of (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.restore", store_of (self) != NULL);
  build_profile (self);
  build_strata (self);
  build_rules (self);
}

static void
coordena_preferences_window_dispose (GObject *object)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);

  if (self->main_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->main_window), (gpointer *) &self->main_window);
  self->main_window = NULL;
  G_OBJECT_CLASS (coordena_preferences_window_parent_class)->dispose (object);
}

static void
coordena_preferences_window_finalize (GObject *object)
{
  CoordenaPreferencesWindow *self = COORDENA_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->offer, coordena_offer_free);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_free (self->pending_field);
  G_OBJECT_CLASS (coordena_preferences_window_parent_class)->finalize (object);
}

static void
coordena_preferences_window_class_init (CoordenaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = coordena_preferences_window_constructed;
  object_class->dispose = coordena_preferences_window_dispose;
  object_class->finalize = coordena_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, preview_message);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, letterhead_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, secretariat_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, contact_person_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, secretario_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, coordenador_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, base_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, strata_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, strata_search);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, strata_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, data_dir_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, show_cns_switch);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, leave_demo_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaPreferencesWindow, recent_group);

  gtk_widget_class_install_action (widget_class, "prefs.backup", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.export-teams", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.export-roster", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "prefs.open-database", NULL, database_action);
  gtk_widget_class_install_action (widget_class, "prefs.new-database", NULL, database_action);
  gtk_widget_class_install_action (widget_class, "prefs.open-recent", "s", database_action);
  gtk_widget_class_install_action (widget_class, "prefs.leave-demo", NULL, database_action);
}

/* The window's own search (its button and entry) and the strata search have no name a screen
 * reader can say: they get the one their purpose gives. */
static void
name_search_parts (GtkWidget *top)
{
  for (GtkWidget *w = top; w != NULL;)
    {
      if (GTK_IS_SEARCH_ENTRY (w) || (GTK_IS_TOGGLE_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "edit-find-symbolic") == 0))
        {
          g_autofree char *placeholder = NULL;

          if (GTK_IS_SEARCH_ENTRY (w))
            g_object_get (w, "placeholder-text", &placeholder, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"), -1);
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != top && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == NULL || w == top ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
}

static void
coordena_preferences_window_init (CoordenaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rule_rows = g_ptr_array_new ();
  g_signal_connect_after (self, "map", G_CALLBACK (mapped), NULL);
  name_search_parts (GTK_WIDGET (self));
}
