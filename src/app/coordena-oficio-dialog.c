/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/adhesion.h>
#include <coordena/format.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>

#include "coordena-oficio-dialog.h"
#include "coordena-preferences-window.h"
#include "coordena-worker.h"

struct _CoordenaOficioDialog
{
  AdwWindow parent_instance;

  GtkWidget *generate_button;
  GtkSpinner *spinner;
  AdwPreferencesGroup *signer_group;
  GtkListBox *signer_list;
  GtkListBox *responsibilities_list;
  GtkWidget *profile_button;
  AdwActionRow *date_row;
  GtkEntry *date_entry;
  GtkEntry *numero_entry;
  GtkCalendar *calendar;
  GtkSwitch *annex_switch;
  GtkWidget *refusal_box;
  GtkLabel *refusal_title;
  GtkLabel *refusal_label;
  GtkWidget *summary_group;
  GtkListBox *summary_list;

  CoordenaWorkspace *workspace;
  CoordenaOffer *offer;
  char *refusal;
  const char *profile_key;      /* the first field the refusal names, for Preencher o perfil */
  GPtrArray *signer_checks;     /* GtkCheckButton*, in the offer's signer order */
  GPtrArray *checks;            /* GtkCheckButton* of the responsibilities */
  gboolean ok;
  gboolean busy;
  gboolean ready;               /* built for an offer: the inputs are checked as they change */
};

G_DEFINE_FINAL_TYPE (CoordenaOficioDialog, coordena_oficio_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { GENERATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
signer_key (CoordenaOficioDialog *self)
{
  for (guint i = 0; self->offer != NULL && i < self->signer_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->signer_checks, i)))
      return ((CoordenaOfferSigner *) g_ptr_array_index (self->offer->signers, i))->key;
  return NULL;
}

static gboolean
responsibilities_ticked (CoordenaOficioDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return FALSE;
  return TRUE;
}

/* Drops the command-line hint the core adds for terminal users: here the profile is one click
 * away, behind the button under the message. */
static char *
without_cli_hint (const char *line)
{
  const char *cli = strstr (line, "coordena-cli");
  const char *open = NULL, *close;
  g_autofree char *head = NULL;

  if (cli == NULL)
    return g_strdup (line);
  for (const char *p = line; p < cli; p++)
    if (p[0] == ' ' && p[1] == '(')
      open = p;
  if (open == NULL || (close = strchr (cli, ')')) == NULL)
    return g_strdup (line);
  head = g_strndup (line, (gsize) (open - line));
  return g_strconcat (head, close + 1, NULL);
}

/* The profile field named first in the message, or NULL. */
static const char *
named_profile_key (const char *message)
{
  guint n = 0;
  const CoordenaProfileKey *keys = coordena_profile_keys (&n);
  const char *first = NULL, *key = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *at = strstr (message, keys[i].key);

      /* "email" inside "contato.email" is the longer key's */
      while (at != NULL && at > message && (g_ascii_isalnum (at[-1]) || at[-1] == '.'))
        at = strstr (at + 1, keys[i].key);
      if (at != NULL && (first == NULL || at < first))
        {
          first = at;
          key = keys[i].key;
        }
    }
  return key;
}

/* The number the user typed, NULL for the counter's. */
static const char *
numero_text (CoordenaOficioDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->numero_entry));

  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
annex_kind (CoordenaOficioDialog *self)
{
  return gtk_switch_get_active (self->annex_switch) ? "equipes" : NULL;
}

static void
show_refusal (CoordenaOficioDialog *self, const char *title, const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_strv_length (lines);

  /* The core lists every refusal, one a line: each becomes a sentence of its own. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bare = without_cli_hint (lines[i]);
      g_autofree char *line = coordena_profile_name_fields (bare);
      gunichar first = g_utf8_get_char (line);

      if (*line == '\0')
        continue;
      if (g_unichar_islower (first))
        {
          g_autofree char *upper = NULL;
          char buf[8] = { 0 };

          g_unichar_to_utf8 (g_unichar_toupper (first), buf);
          upper = g_strconcat (buf, g_utf8_next_char (line), NULL);
          g_free (line);
          line = g_steal_pointer (&upper);
        }
      g_string_append_printf (text, "%s%s%s%s", text->len > 0 ? "\n" : "", n > 1 ? "• " : "", line,
                              g_str_has_suffix (line, ".") ? "" : ".");
    }
  g_free (self->refusal);
  self->refusal = g_strdup (text->str);
  gtk_label_set_text (self->refusal_title, title);
  gtk_label_set_text (self->refusal_label, text->str);
  self->profile_key = named_profile_key (message);
  gtk_widget_set_visible (self->profile_button, self->profile_key != NULL);
  gtk_widget_set_visible (self->refusal_box, TRUE);
  gtk_widget_set_visible (self->summary_group, FALSE);
}

static void
summary_row (CoordenaOficioDialog *self, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  /* The part's name above, what will print below, as in a form someone checks. */
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->summary_list, row);
}

static void
update_actions (CoordenaOficioDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "oficio.generate", self->ok && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

/* Every change re-checks the request and redraws the summary or the refusals. */
static void
update (CoordenaOficioDialog *self)
{
  CoordenaStore *store = coordena_workspace_get_store (self->workspace);
  CoordenaOficioRequest request = { 0 };
  g_autoptr(CoordenaOficioPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  self->ok = FALSE;
  g_clear_pointer (&self->refusal, g_free);
  if (self->offer == NULL || store == NULL)
    {
      update_actions (self);
      return;
    }
  request.offer = self->offer;
  request.signer = signer_key (self);
  request.numero = numero_text (self);
  if (!coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &request.date, &error))
    {
      show_refusal (self, _("This ofício cannot be generated"), error->message);
      update_actions (self);
      return;
    }
  if ((preview = coordena_oficio_preview (store, &request, annex_kind (self), &error)) == NULL)
    {
      show_refusal (self, _("This ofício cannot be generated"), error->message);
      update_actions (self);
      return;
    }

  gtk_widget_set_visible (self->refusal_box, FALSE);
  gtk_widget_set_visible (self->summary_group, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);
  {
    const CoordenaOficioDoc *doc = preview->doc;
    g_autofree char *address = g_strjoinv ("\n", doc->address);
    g_autofree char *name = g_utf8_strup (doc->signer_name, -1);
    g_autofree char *signer = g_strdup_printf ("%s\n%s", name, doc->signer_cargo);
    g_autofree char *footer = g_strjoinv (" · ", doc->footer);
    g_autofree char *header = g_strjoinv ("\n", doc->header);
    g_autofree char *body = g_strjoinv ("\n\n", doc->paragraphs);
    g_autofree char *annex = NULL;

    if (preview->annex_rows > 0)
      annex = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team, by municipality", "%u teams, by municipality",
                                            preview->annex_rows), preview->annex_rows);
    summary_row (self, numero_text (self) != NULL ? _("Number (the secretariat’s own)")
                                                  : _("Number (the next free one of the year)"),
                 doc->identification);
    summary_row (self, _("Letterhead"), header);
    summary_row (self, _("Place and date"), doc->place_date);
    summary_row (self, _("Addressee"), address);
    summary_row (self, _("Subject"), doc->subject);
    summary_row (self, _("Text"), body);
    summary_row (self, _("Closing"), doc->closing);
    summary_row (self, _("Signature"), signer);
    summary_row (self, _("Footer"), footer);
    summary_row (self, _("Annex"), annex != NULL ? annex : _("None"));
  }
  self->ok = responsibilities_ticked (self);
  update_actions (self);
}

gboolean
coordena_oficio_dialog_can_generate (CoordenaOficioDialog *self)
{
  g_return_val_if_fail (COORDENA_IS_OFICIO_DIALOG (self), FALSE);
  return self->ok && !self->busy;
}

const char *
coordena_oficio_dialog_get_refusal (CoordenaOficioDialog *self)
{
  g_return_val_if_fail (COORDENA_IS_OFICIO_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->refusal_box) ? self->refusal : NULL;
}

/* ---- Generation, in a worker with its own connection --------------------------------------- */

typedef struct {
  char *offer_id;
  char *signer;
  GDate date;
  char *annex;
  char *numero;
  CoordenaOficioRecord *record;  /* out */
} GenerateJob;

static void
generate_job_free (GenerateJob *job)
{
  g_free (job->offer_id);
  g_free (job->signer);
  g_free (job->annex);
  g_free (job->numero);
  g_clear_pointer (&job->record, coordena_oficio_record_free);
  g_free (job);
}

static gboolean
generate_job (CoordenaStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  GenerateJob *job = data;
  g_autoptr(CoordenaOffer) offer = NULL;
  CoordenaOficioRequest request = { 0 };

  if ((offer = coordena_offer_find (job->offer_id, error)) == NULL)
    return FALSE;
  request.offer = offer;
  request.signer = job->signer;
  request.date = job->date;
  request.numero = job->numero;
  job->record = coordena_adhesion_generate_oficio (store, &request, job->annex, NULL, error);
  return job->record != NULL;
}

static void
generate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (source);
  GenerateJob *job = coordena_worker_get_job (result);
  g_autoptr(GError) error = NULL;
  CoordenaOficioRecord *record;

  self->busy = FALSE;
  if (!coordena_worker_finish (result, &error))
    {
      self->ok = FALSE;
      show_refusal (self, _("The ofício was not generated; nothing was stored"), error->message);
      update_actions (self);
      return;
    }
  record = job->record;
  {
    g_autofree char *numero_ano = g_strdup_printf ("%u/%u", record->number, record->year);

    g_signal_emit (self, signals[GENERATED], 0, record->identification, numero_ano);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
generate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (widget);
  GenerateJob *job;

  if (!self->ok || self->busy)
    return;
  job = g_new0 (GenerateJob, 1);
  job->offer_id = g_strdup (self->offer->id);
  job->signer = g_strdup (signer_key (self));
  job->annex = g_strdup (annex_kind (self));
  job->numero = g_strdup (numero_text (self));
  if (!coordena_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &job->date, NULL))
    {
      generate_job_free (job);
      return;
    }
  self->busy = TRUE;
  update_actions (self);
  coordena_worker_run (self, coordena_workspace_get_path (self->workspace),
                       COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
                       generate_job, job, (GDestroyNotify) generate_job_free, NULL, generate_done, NULL);
}

static void refresh_signer_names (CoordenaOficioDialog *self);

static void
profile_closed (CoordenaOficioDialog *self)
{
  if (self->busy || self->offer == NULL)
    return;
  refresh_signer_names (self);
  update (self);
}

/* Preferências over this dialog, at the first field the refusal names; back here, the dialog
 * checks again. */
static void
fill_profile_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (widget);
  CoordenaPreferencesWindow *prefs = coordena_preferences_window_new (GTK_WINDOW (self), self->workspace);

  g_signal_connect_object (prefs, "destroy", G_CALLBACK (profile_closed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (prefs));
  coordena_preferences_window_show_field (prefs, self->profile_key != NULL ? self->profile_key : "secretaria.nome");
}

/* The date, the number or the annex changed: checked again, once the dialog shows an offer. */
static void
input_changed (CoordenaOficioDialog *self)
{
  if (self->ready)
    update (self);
}

static void
day_selected (CoordenaOficioDialog *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (when, "%d/%m/%Y");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

static GtkWidget *
check_row (const char *title, const char *subtitle, GtkCheckButton *group, const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

/* The signers' names as the profile gives them now. */
static void
refresh_signer_names (CoordenaOficioDialog *self)
{
  g_autoptr(GHashTable) values = coordena_profile_load (coordena_workspace_get_store (self->workspace), NULL);

  for (guint i = 0; self->offer != NULL && i < self->signer_checks->len; i++)
    {
      const CoordenaOfferSigner *signer = g_ptr_array_index (self->offer->signers, i);
      g_autofree char *key = g_strdup_printf ("%s.nome", signer->key);
      const char *person = values != NULL ? g_hash_table_lookup (values, key) : NULL;
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->signer_checks, i), ADW_TYPE_ACTION_ROW);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person != NULL ? person : _("Name not set in the profile"));
    }
}

/* Back from Preferências (or any other window), the profile may have changed. */
static void
active_changed (CoordenaOficioDialog *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->busy || self->offer == NULL)
    return;
  refresh_signer_names (self);
  update (self);
}

/* One choice per role the offer allows, with the name the profile gives it. */
static void
build_signers (CoordenaOficioDialog *self)
{
  g_autoptr(GHashTable) values = coordena_profile_load (coordena_workspace_get_store (self->workspace), NULL);

  for (guint i = 0; i < self->offer->signers->len; i++)
    {
      const CoordenaOfferSigner *signer = g_ptr_array_index (self->offer->signers, i);
      g_autofree char *key = g_strdup_printf ("%s.nome", signer->key);
      g_autofree char *name = g_strdup_printf ("oficio-signer-%s", signer->key);
      const char *person = values != NULL ? g_hash_table_lookup (values, key) : NULL;
      GtkCheckButton *group = self->signer_checks->len > 0 ? g_ptr_array_index (self->signer_checks, 0) : NULL;
      GtkWidget *row = check_row (signer->role, person != NULL ? person : _("Name not set in the profile"), group, name);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      g_ptr_array_add (self->signer_checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update), self);
      gtk_list_box_append (self->signer_list, row);
    }
}

static void
build_responsibilities (CoordenaOficioDialog *self)
{
  for (guint i = 0; self->offer->responsibilities != NULL && self->offer->responsibilities[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup (self->offer->responsibilities[i]);
      g_autofree char *name = g_strdup_printf ("oficio-responsibility-%u", i);
      GtkWidget *row, *check;

      if (g_ascii_islower (text[0]))
        text[0] = g_ascii_toupper (text[0]);
      row = check_row (text, NULL, NULL, name);
      check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      g_ptr_array_add (self->checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update), self);
      gtk_list_box_append (self->responsibilities_list, row);
    }
}

CoordenaOficioDialog *
coordena_oficio_dialog_new (GtkWindow *parent, CoordenaWorkspace *workspace, const char *offer_id)
{
  CoordenaOficioDialog *self = g_object_new (COORDENA_TYPE_OFICIO_DIALOG, "transient-for", parent, "workspace", workspace, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *cite = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  if ((self->offer = coordena_offer_find (offer_id, &error)) == NULL)
    {
      show_refusal (self, _("This ofício cannot be generated"), error->message);
      update_actions (self);
      return self;
    }

  build_signers (self);
  build_responsibilities (self);
  cite = coordena_offer_cite (self->offer, self->offer->signers_source, self->offer->signers_item);
  /* TRANSLATORS: under the signer choice: the act that says who may sign */
  rule = g_strdup_printf (_("Only the roles %s allows"), cite);
  adw_preferences_group_set_description (self->signer_group, rule);
  g_clear_pointer (&cite, g_free);
  g_clear_pointer (&rule, g_free);

  deadline = coordena_format_date (&self->offer->deadline);
  cite = coordena_offer_cite (self->offer, self->offer->deadline_source, self->offer->deadline_item);
  /* TRANSLATORS: under the date: never backdated; the deadline (03/12/2025) and the act that set it */
  rule = g_strdup_printf (_("Today, or a later day up to 30 days ahead for the signature; by %s, inclusive, "
                            "Brasília time (%s)"), deadline, cite);
  adw_action_row_set_subtitle (self->date_row, rule);

  coordena_offer_today (self->offer, &today);
  today_text = coordena_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today_text);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed), NULL);
  self->ready = TRUE;
  update (self);
  return self;
}

static void
coordena_oficio_dialog_dispose (GObject *object)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_OFICIO_DIALOG);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (coordena_oficio_dialog_parent_class)->dispose (object);
}

static void
coordena_oficio_dialog_finalize (GObject *object)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (object);

  g_clear_pointer (&self->offer, coordena_offer_free);
  g_clear_pointer (&self->signer_checks, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->refusal);
  G_OBJECT_CLASS (coordena_oficio_dialog_parent_class)->finalize (object);
}

static void
coordena_oficio_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (object);

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
coordena_oficio_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaOficioDialog *self = COORDENA_OFICIO_DIALOG (object);

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
coordena_oficio_dialog_class_init (CoordenaOficioDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = coordena_oficio_dialog_dispose;
  object_class->get_property = coordena_oficio_dialog_get_property;
  object_class->set_property = coordena_oficio_dialog_set_property;

  /* The database the ofício is generated in and numbered by. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = coordena_oficio_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-oficio-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, generate_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, signer_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, signer_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, responsibilities_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, profile_button);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, numero_entry);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, annex_switch);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, refusal_title);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CoordenaOficioDialog, summary_list);

  gtk_widget_class_bind_template_callback (widget_class, input_changed);
  gtk_widget_class_bind_template_callback (widget_class, day_selected);

  gtk_widget_class_install_action (widget_class, "oficio.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "oficio.fill-profile", NULL, fill_profile_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* The application's Ctrl+, does not reach a dialog that is not the application's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "oficio.fill-profile", NULL);

  /* The ofício was generated and stored: its identification and "NUMERO/ANO". */
  signals[GENERATED] = g_signal_new ("generated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
coordena_oficio_dialog_init (CoordenaOficioDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signer_checks = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "oficio.generate", FALSE);
}
