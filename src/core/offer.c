/* SPDX-License-Identifier: GPL-3.0-or-later */
/* offer.c — offer data files: GKeyFile in, validated structs out, errors with file:line: key. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/keyfile.h>
#include <coordena/numbering.h>
#include <coordena/offer.h>
#include <coordena/paths.h>

typedef struct {
  const char *path;
  const char *text;
  GKeyFile *kf;
  GError **error;
  gboolean failed;
} Reader;

/* The 1-based line of [group] key=, of [group] when the key is absent, or 0. */
static guint
find_line (const char *text, const char *group, const char *key)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", group);
  guint group_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (line[0] == '[')
        {
          if (group_line != 0)
            break;
          if (g_str_has_prefix (line, header))
            group_line = i + 1;
          continue;
        }
      if (group_line != 0 && key != NULL && g_str_has_prefix (line, key))
        {
          const char *rest = line + strlen (key);

          while (*rest == ' ')
            rest++;
          if (*rest == '=')
            return i + 1;
        }
    }
  return group_line;
}

static void G_GNUC_PRINTF (4, 5)
reader_fail (Reader *r, const char *group, const char *key, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *base = g_path_get_basename (r->path);
  guint line = find_line (r->text, group, key);
  va_list args;

  if (r->failed)
    return;
  r->failed = TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  {
    g_autofree char *shown = g_filename_display_name (r->path);
    g_autofree char *full = line > 0 ? g_strdup_printf ("%s:%u: [%s] %s: %s", shown, line, group, key != NULL ? key : "", message)
                                     : g_strdup_printf ("%s: [%s] %s: %s", shown, group, key != NULL ? key : "", message);
    /* A file's bytes may be anything: the message stays valid UTF-8. */
    g_autofree char *valid = g_utf8_make_valid (full, -1);

    g_set_error_literal (r->error, COORDENA_ERROR, COORDENA_ERROR_INPUT, valid);
  }
}

static char *
get_string (Reader *r, const char *group, const char *key, gboolean required)
{
  char *value;

  if (r->failed)
    return NULL;
  if (!g_key_file_has_group (r->kf, group))
    {
      if (required)
        reader_fail (r, group, key, _("the group is missing"));
      return NULL;
    }
  /* GKeyFile warns (fatal under the tests) on a backslash ending a value: refuse it with the line. */
  if (!coordena_key_file_value_escapes_ok (r->kf, group, key))
    {
      reader_fail (r, group, key, _("invalid escape sequence: write a backslash as \\\\"));
      return NULL;
    }
  value = g_key_file_get_string (r->kf, group, key, NULL);
  if (value != NULL)
    g_strstrip (value);
  if (value != NULL)
    {
      g_autoptr(GError) local = NULL;

      /* "\e" or a direction override in a Name or a Subject would reach the terminal and the ofício. */
      if (!coordena_text_check_plain (key, value, &local))
        {
          g_free (value);
          reader_fail (r, group, key, "%s", local->message);
          return NULL;
        }
    }
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      if (required)
        reader_fail (r, group, key, _("the key is missing or empty"));
      return NULL;
    }
  return value;
}

static char **
get_list (Reader *r, const char *group, const char *key, gboolean required)
{
  g_autofree char *raw = get_string (r, group, key, required);
  g_auto(GStrv) parts = NULL;
  GPtrArray *out;

  if (raw == NULL)
    return required ? NULL : g_new0 (char *, 1);
  parts = g_strsplit (raw, ";", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (g_strdup (parts[i]));

      if (*item == '\0')
        g_free (item);
      else
        g_ptr_array_add (out, item);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
reference_free (gpointer data)
{
  CoordenaOfferReference *ref = data;

  g_free (ref->key);
  g_free (ref->title);
  g_free (ref->short_title);
  g_free (ref->sei);
  g_free (ref->processo);
  g_free (ref->role);
  g_free (ref);
}

static void
channel_free (gpointer data)
{
  CoordenaOfferChannel *channel = data;

  g_free (channel->key);
  g_free (channel->name);
  g_strfreev (channel->managers);
  g_free (channel->source);
  g_free (channel->item);
  g_free (channel);
}

static void
signer_free (gpointer data)
{
  CoordenaOfferSigner *signer = data;

  g_free (signer->key);
  g_free (signer->role);
  g_free (signer->cargo_f);
  g_free (signer->cargo_m);
  g_free (signer);
}

void
coordena_offer_free (CoordenaOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->id);
  g_free (offer->name);
  g_free (offer->short_name);
  g_free (offer->subject);
  g_free (offer->agreement);
  g_free (offer->processo);
  g_clear_pointer (&offer->references, g_ptr_array_unref);
  g_clear_pointer (&offer->channels, g_ptr_array_unref);
  g_free (offer->deadline_timezone);
  g_free (offer->deadline_source);
  g_free (offer->deadline_item);
  g_clear_pointer (&offer->signers, g_ptr_array_unref);
  g_free (offer->signers_source);
  g_free (offer->signers_item);
  g_strfreev (offer->responsibilities);
  g_free (offer->responsibilities_source);
  g_free (offer->responsibilities_item);
  g_free (offer->responsibilities_basis);
  g_free (offer->responsibilities_basis_item);
  g_free (offer->enrolment_text);
  g_free (offer->enrolment_source);
  g_free (offer->enrolment_item);
  g_free (offer->addressee_cargo_f);
  g_free (offer->addressee_cargo_m);
  g_free (offer->addressee_organ);
  g_strfreev (offer->addressee_address);
  g_free (offer->addressee_postal_code);
  g_free (offer->addressee_city);
  g_free (offer->path);
  g_free (offer);
}

static gboolean
valid_key (const char *key)
{
  if (key == NULL || *key == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* A Source= must name a reference of the file. */
static void
check_source (Reader *r, CoordenaOffer *offer, const char *group, const char *source)
{
  if (r->failed || source == NULL)
    return;
  if (coordena_offer_get_reference (offer, source) == NULL)
    reader_fail (r, group, "Source", _("“%s” is not one of the references listed in [Offer] References"),
                 source);
}

CoordenaOffer *
coordena_offer_load_file (const char *path, GError **error)
{
  g_autoptr(CoordenaOffer) offer = g_new0 (CoordenaOffer, 1);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) refs = NULL;
  g_auto(GStrv) allowed = NULL;
  g_autofree char *date = NULL;
  g_autofree char *gender = NULL;
  Reader r = { path, NULL, kf, error, FALSE };
  const char *const channel_keys[] = { "egestor", "oficio", NULL };

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("cannot read the offer file %s: %s"),
                   path, local->message);
      return NULL;
    }
  {
    const char *end = NULL;

    if (!g_utf8_validate (text, -1, &end))
      {
        g_autofree char *shown = g_filename_display_name (path);
        guint line = 1;

        for (const char *p = text; p < end; p++)
          line += *p == '\n';
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: the file is not UTF-8 text (line %u)"),
                     shown, line);
        return NULL;
      }
  }
  r.text = text;
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE, &local))
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *valid = g_utf8_make_valid (local->message, -1);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      gboolean in_group = FALSE;
      guint bad = 0;

      /* GLib's words alone do not say where: find the first line that is no group, key or comment. */
      for (guint i = 0; lines[i] != NULL && bad == 0; i++)
        {
          const char *l = lines[i];

          while (*l == ' ' || *l == '\t' || *l == '\r')
            l++;
          if (*l == '\0' || *l == '#')
            continue;
          if (*l == '[')
            in_group = TRUE;
          else if (!in_group || strchr (l, '=') == NULL)
            bad = i + 1;
        }
      if (bad != 0 && !in_group)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("%s, line %u: the file must start with the group [Offer] (comments, lines starting with #, "
                       "may come before it) (%s)"), shown, bad, valid);
      else if (bad != 0)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("%s, line %u: the line is neither a group ([Name]), a key (Key=value) nor a comment (#…) "
                       "(%s)"), shown, bad, valid);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("%s: the file cannot be read as an offer file (%s)"), shown, valid);
      return NULL;
    }

  offer->path = g_strdup (path);
  offer->id = get_string (&r, "Offer", "Id", TRUE);
  if (!r.failed && !valid_key (offer->id))
    reader_fail (&r, "Offer", "Id", _("use only letters, digits, “-” and “_”"));
  offer->name = get_string (&r, "Offer", "Name", TRUE);
  offer->short_name = get_string (&r, "Offer", "ShortName", FALSE);
  if (offer->short_name == NULL)
    offer->short_name = g_strdup (offer->name);
  offer->subject = get_string (&r, "Offer", "Subject", TRUE);
  offer->agreement = get_string (&r, "Offer", "Agreement", FALSE);
  offer->processo = get_string (&r, "Offer", "Processo", FALSE);

  offer->references = g_ptr_array_new_with_free_func (reference_free);
  refs = get_list (&r, "Offer", "References", TRUE);
  for (guint i = 0; refs != NULL && refs[i] != NULL && !r.failed; i++)
    {
      g_autofree char *group = g_strdup_printf ("Reference %s", refs[i]);
      CoordenaOfferReference *ref = g_new0 (CoordenaOfferReference, 1);

      g_ptr_array_add (offer->references, ref);
      ref->key = g_strdup (refs[i]);
      if (!g_key_file_has_group (kf, group))
        {
          reader_fail (&r, "Offer", "References", _("no group [%s] describes “%s”"), group, refs[i]);
          break;
        }
      ref->title = get_string (&r, group, "Title", TRUE);
      ref->short_title = get_string (&r, group, "Short", FALSE);
      if (ref->short_title == NULL)
        ref->short_title = g_strdup (ref->title);
      ref->sei = get_string (&r, group, "Sei", FALSE);
      ref->processo = get_string (&r, group, "Processo", FALSE);
      ref->role = get_string (&r, group, "Role", FALSE);
      g_date_clear (&ref->date, 1);
      {
        g_autofree char *signed_on = get_string (&r, group, "Date", FALSE);

        if (signed_on != NULL && !r.failed && !coordena_parse_date (signed_on, &ref->date, NULL))
          reader_fail (&r, group, "Date", _("“%s” is not a date (AAAA-MM-DD)"), signed_on);
      }
      if (ref->sei != NULL && !r.failed && strspn (ref->sei, "0123456789") != strlen (ref->sei))
        reader_fail (&r, group, "Sei", _("“%s” is not a SEI number (digits only)"), ref->sei);
    }

  offer->channels = g_ptr_array_new_with_free_func (channel_free);
  for (guint i = 0; channel_keys[i] != NULL && !r.failed; i++)
    {
      g_autofree char *group = g_strdup_printf ("Channel %s", channel_keys[i]);
      CoordenaOfferChannel *channel;

      if (!g_key_file_has_group (kf, group))
        continue;
      channel = g_new0 (CoordenaOfferChannel, 1);
      g_ptr_array_add (offer->channels, channel);
      channel->key = g_strdup (channel_keys[i]);
      channel->name = get_string (&r, group, "Name", TRUE);
      channel->managers = get_list (&r, group, "Managers", TRUE);
      channel->source = get_string (&r, group, "Source", FALSE);
      channel->item = get_string (&r, group, "Item", FALSE);
      for (guint m = 0; channel->managers != NULL && channel->managers[m] != NULL && !r.failed; m++)
        if (!g_str_equal (channel->managers[m], "municipal") && !g_str_equal (channel->managers[m], "estadual")
            && !g_str_equal (channel->managers[m], "distrital"))
          reader_fail (&r, group, "Managers",
                       _("“%s” is not a manager level (municipal, estadual or distrital)"), channel->managers[m]);
      check_source (&r, offer, group, channel->source);
    }

  g_date_clear (&offer->deadline, 1);
  date = get_string (&r, "Deadline", "Date", TRUE);
  if (date != NULL && !r.failed)
    {
      g_autoptr(GError) date_error = NULL;

      if (!coordena_parse_date (date, &offer->deadline, &date_error))
        reader_fail (&r, "Deadline", "Date", _("“%s” is not a date (AAAA-MM-DD)"), date);
    }
  offer->deadline_timezone = get_string (&r, "Deadline", "TimeZone", FALSE);
  if (offer->deadline_timezone == NULL)
    offer->deadline_timezone = g_strdup ("America/Sao_Paulo");
  offer->deadline_source = get_string (&r, "Deadline", "Source", TRUE);
  offer->deadline_item = get_string (&r, "Deadline", "Item", FALSE);
  check_source (&r, offer, "Deadline", offer->deadline_source);

  offer->signers = g_ptr_array_new_with_free_func (signer_free);
  allowed = get_list (&r, "Signers", "Allowed", TRUE);
  offer->signers_source = get_string (&r, "Signers", "Source", TRUE);
  offer->signers_item = get_string (&r, "Signers", "Item", FALSE);
  check_source (&r, offer, "Signers", offer->signers_source);
  for (guint i = 0; allowed != NULL && allowed[i] != NULL && !r.failed; i++)
    {
      g_autofree char *group = g_strdup_printf ("Signer %s", allowed[i]);
      CoordenaOfferSigner *signer = g_new0 (CoordenaOfferSigner, 1);

      g_ptr_array_add (offer->signers, signer);
      signer->key = g_strdup (allowed[i]);
      if (!g_str_equal (allowed[i], "secretario") && !g_str_equal (allowed[i], "coordenador"))
        {
          reader_fail (&r, "Signers", "Allowed",
                       _("“%s” is not a signer the profile knows (secretario or coordenador)"), allowed[i]);
          break;
        }
      signer->role = get_string (&r, group, "Role", TRUE);
      signer->cargo_f = get_string (&r, group, "CargoF", TRUE);
      signer->cargo_m = get_string (&r, group, "CargoM", TRUE);
    }

  offer->responsibilities = get_list (&r, "Responsibilities", "Items", TRUE);
  offer->responsibilities_source = get_string (&r, "Responsibilities", "Source", TRUE);
  offer->responsibilities_item = get_string (&r, "Responsibilities", "Item", FALSE);
  check_source (&r, offer, "Responsibilities", offer->responsibilities_source);
  offer->responsibilities_basis = get_string (&r, "Responsibilities", "Basis", FALSE);
  offer->responsibilities_basis_item = get_string (&r, "Responsibilities", "BasisItem", FALSE);
  if (!r.failed && offer->responsibilities_basis != NULL
      && coordena_offer_get_reference (offer, offer->responsibilities_basis) == NULL)
    reader_fail (&r, "Responsibilities", "Basis", _("“%s” is not one of the references listed in [Offer] References"),
                 offer->responsibilities_basis);
  if (!r.failed && g_key_file_has_group (kf, "Enrolment"))
    {
      offer->enrolment_text = get_string (&r, "Enrolment", "Text", TRUE);
      offer->enrolment_source = get_string (&r, "Enrolment", "Source", TRUE);
      offer->enrolment_item = get_string (&r, "Enrolment", "Item", FALSE);
      check_source (&r, offer, "Enrolment", offer->enrolment_source);
    }

  gender = get_string (&r, "Addressee", "Gender", TRUE);
  if (gender != NULL && !r.failed)
    {
      if (g_str_equal (gender, "F"))
        offer->addressee_gender = COORDENA_GENDER_F;
      else if (g_str_equal (gender, "M"))
        offer->addressee_gender = COORDENA_GENDER_M;
      else
        reader_fail (&r, "Addressee", "Gender", _("“%s” must be F or M"), gender);
    }
  offer->addressee_cargo_f = get_string (&r, "Addressee", "CargoF", TRUE);
  offer->addressee_cargo_m = get_string (&r, "Addressee", "CargoM", TRUE);
  offer->addressee_organ = get_string (&r, "Addressee", "Organ", TRUE);
  offer->addressee_address = get_list (&r, "Addressee", "Address", TRUE);
  offer->addressee_postal_code = get_string (&r, "Addressee", "PostalCode", TRUE);
  offer->addressee_city = get_string (&r, "Addressee", "City", TRUE);
  if (offer->addressee_postal_code != NULL && !r.failed
      && !(strlen (offer->addressee_postal_code) == 9 && offer->addressee_postal_code[5] == '-'
           && strspn (offer->addressee_postal_code, "0123456789") == 5
           && strspn (offer->addressee_postal_code + 6, "0123456789") == 3))
    reader_fail (&r, "Addressee", "PostalCode", _("“%s” is not a CEP (00000-000)"), offer->addressee_postal_code);

  if (r.failed)
    return NULL;
  return g_steal_pointer (&offer);
}

static gint
compare_offers (gconstpointer a, gconstpointer b)
{
  const CoordenaOffer *x = *(CoordenaOffer **) a;
  const CoordenaOffer *y = *(CoordenaOffer **) b;

  return strcmp (x->id, y->id);
}

/* Adds the offers of one directory, replacing any with the same Id. */
static gboolean
load_dir (GPtrArray *offers, const char *dir, GError **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return TRUE;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".offer"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      CoordenaOffer *offer = coordena_offer_load_file (path, error);

      if (offer == NULL)
        return FALSE;
      for (guint k = 0; k < offers->len; k++)
        if (g_str_equal (((CoordenaOffer *) g_ptr_array_index (offers, k))->id, offer->id))
          {
            g_ptr_array_remove_index (offers, k);
            break;
          }
      g_ptr_array_add (offers, offer);
    }
  return TRUE;
}

GPtrArray *
coordena_offers_load_all (GError **error)
{
  g_autoptr(GPtrArray) offers = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_offer_free);
  g_autofree char *shipped = g_build_filename (coordena_datadir (), "offers", NULL);
  g_autofree char *user_dir = coordena_user_datadir ();
  g_autofree char *user = g_build_filename (user_dir, "offers", NULL);

  if (!load_dir (offers, shipped, error) || !load_dir (offers, user, error))
    return NULL;
  g_ptr_array_sort (offers, compare_offers);
  return g_steal_pointer (&offers);
}

CoordenaOffer *
coordena_offer_find (const char *id, GError **error)
{
  g_autoptr(GPtrArray) offers = coordena_offers_load_all (error);
  g_autoptr(GString) known = g_string_new (NULL);

  if (offers == NULL)
    return NULL;
  for (guint i = 0; i < offers->len; i++)
    {
      CoordenaOffer *offer = g_ptr_array_index (offers, i);

      if (id != NULL && g_str_equal (offer->id, id))
        return g_ptr_array_steal_index (offers, i);
      g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", offer->id);
    }
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("unknown offer “%s” (known: %s)"),
               id != NULL ? id : "", known->len > 0 ? known->str : _("none"));
  return NULL;
}

const CoordenaOfferReference *
coordena_offer_get_reference (const CoordenaOffer *offer, const char *key)
{
  for (guint i = 0; key != NULL && i < offer->references->len; i++)
    {
      const CoordenaOfferReference *ref = g_ptr_array_index (offer->references, i);

      if (g_str_equal (ref->key, key))
        return ref;
    }
  return NULL;
}

const CoordenaOfferSigner *
coordena_offer_get_signer (const CoordenaOffer *offer, const char *key)
{
  for (guint i = 0; key != NULL && i < offer->signers->len; i++)
    {
      const CoordenaOfferSigner *signer = g_ptr_array_index (offer->signers, i);

      if (g_str_equal (signer->key, key))
        return signer;
    }
  return NULL;
}

const CoordenaOfferChannel *
coordena_offer_get_channel (const CoordenaOffer *offer, const char *key)
{
  for (guint i = 0; key != NULL && i < offer->channels->len; i++)
    {
      const CoordenaOfferChannel *channel = g_ptr_array_index (offer->channels, i);

      if (g_str_equal (channel->key, key))
        return channel;
    }
  return NULL;
}

char *
coordena_offer_cite (const CoordenaOffer *offer, const char *source, const char *item)
{
  const CoordenaOfferReference *ref = coordena_offer_get_reference (offer, source);
  const char *title = ref != NULL ? ref->short_title : (source != NULL ? source : "?");

  if (item != NULL)
    return g_strdup_printf ("%s, item %s", title, item);
  return g_strdup (title);
}

void
coordena_offer_today (const CoordenaOffer *offer, GDate *today)
{
  (void) offer;
  coordena_clock_today (today);
}

gboolean
coordena_offer_check_date (const CoordenaOffer *offer, const GDate *date, GError **error)
{
  g_autofree char *deadline = NULL;
  g_autofree char *given = NULL;
  g_autofree char *cite = NULL;

  if (g_date_compare (date, &offer->deadline) <= 0)
    return TRUE;
  deadline = coordena_format_date (&offer->deadline);
  given = coordena_format_date (date);
  cite = coordena_offer_cite (offer, offer->deadline_source, offer->deadline_item);
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("the date %s is after the deadline: the ofício deadline is %s (%s)"),
               given, deadline, cite);
  return FALSE;
}

/* The year in an act's number: "… nº 425/2025-CGESCO…" gives 2025. */
static guint
act_year (const CoordenaOfferReference *ref)
{
  const char *p = ref->title;

  while ((p = strchr (p, '/')) != NULL)
    {
      p++;
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
          && !g_ascii_isdigit (p[4]))
        {
          guint year = (guint) g_ascii_strtoull (p, NULL, 10);

          if (year >= 1988 && year <= 9999)
            return year;
        }
    }
  return 0;
}

static gboolean
reference_bound (const CoordenaOfferReference *ref, GDate *bound)
{
  guint year;

  if (g_date_valid (&ref->date))
    {
      *bound = ref->date;
      return TRUE;
    }
  if ((year = act_year (ref)) == 0)
    return FALSE;
  g_date_clear (bound, 1);
  g_date_set_dmy (bound, 1, G_DATE_JANUARY, (GDateYear) year);
  return TRUE;
}

gboolean
coordena_offer_earliest (const CoordenaOffer *offer, const char *channel, GDate *earliest,
                         const CoordenaOfferReference **act)
{
  const CoordenaOfferChannel *ch = channel != NULL ? coordena_offer_get_channel (offer, channel) : NULL;
  const CoordenaOfferReference *from = NULL;
  GDate best;

  if (ch != NULL && ch->source != NULL)
    {
      const CoordenaOfferReference *ref = coordena_offer_get_reference (offer, ch->source);

      if (ref != NULL && g_date_valid (&ref->date))
        {
          *earliest = ref->date;
          if (act != NULL)
            *act = ref;
          return TRUE;
        }
    }
  g_date_clear (&best, 1);
  for (guint i = 0; i < offer->references->len; i++)
    {
      const CoordenaOfferReference *ref = g_ptr_array_index (offer->references, i);
      GDate bound;

      if (reference_bound (ref, &bound) && (from == NULL || g_date_compare (&bound, &best) < 0))
        {
          best = bound;
          from = ref;
        }
    }
  if (from == NULL)
    return FALSE;
  *earliest = best;
  if (act != NULL)
    *act = from;
  return TRUE;
}

gboolean
coordena_offer_check_not_before (const CoordenaOffer *offer, const char *channel, const GDate *date, GError **error)
{
  const CoordenaOfferReference *act = NULL;
  g_autofree char *given = NULL;
  g_autofree char *bound_text = NULL;
  GDate bound;

  if (!coordena_offer_earliest (offer, channel, &bound, &act) || g_date_compare (date, &bound) >= 0)
    return TRUE;
  given = coordena_format_date (date);
  bound_text = coordena_format_date (&bound);
  if (g_date_valid (&act->date) && channel != NULL && act == coordena_offer_get_reference (offer,
      coordena_offer_get_channel (offer, channel)->source))
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the date %s is before %s, when %s admitted the ofício route: an ofício of this offer cannot bear "
                   "or be sent on an earlier date; give the real date, %s or later"),
                 given, bound_text, act->short_title, bound_text);
  else if (g_date_valid (&act->date))
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the date %s is before %s, the date of %s, the offer’s first act: nothing of this adhesion can "
                   "come before it; give the real date, %s or later"),
                 given, bound_text, act->short_title, bound_text);
  else
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the date %s is before %s, the year of %s, the offer’s first act: nothing of this adhesion can "
                   "come before it; give the real date"),
                 given, bound_text, act->short_title);
  return FALSE;
}

gboolean
coordena_offer_check_signer (const CoordenaOffer *offer, const char *signer, GError **error)
{
  g_autoptr(GString) roles = NULL;
  g_autofree char *cite = NULL;

  if (coordena_offer_get_signer (offer, signer) != NULL)
    return TRUE;
  roles = g_string_new (NULL);
  for (guint i = 0; i < offer->signers->len; i++)
    {
      const CoordenaOfferSigner *s = g_ptr_array_index (offer->signers, i);

      g_string_append_printf (roles, "%s%s (%s)", i > 0 ? _(" or ") : "", s->role, s->key);
    }
  cite = coordena_offer_cite (offer, offer->signers_source, offer->signers_item);
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("“%s” may not sign this ofício: only %s may sign it (%s)"),
               signer != NULL ? signer : "", roles->str, cite);
  return FALSE;
}

gboolean
coordena_offer_check_oficio_channel (const CoordenaOffer *offer, const char *manager, GError **error)
{
  const CoordenaOfferChannel *channel = coordena_offer_get_channel (offer, "oficio");
  g_autofree char *cite = NULL;

  if (channel == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the offer “%s” has no ofício channel: adhesion is only through e-Gestor"), offer->id);
      return FALSE;
    }
  if (g_strv_contains ((const char *const *) channel->managers, manager))
    return TRUE;
  cite = coordena_offer_cite (offer, channel->source, channel->item);
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("the ofício route is not open to %s managers (%s)"), manager, cite);
  return FALSE;
}

gboolean
coordena_offer_is_closed (const CoordenaOffer *offer, const GDate *today)
{
  return g_date_compare (today, &offer->deadline) > 0;
}

char *
coordena_offer_closed_by (const CoordenaOffer *offer)
{
  g_autofree char *deadline = coordena_format_date (&offer->deadline);
  g_autofree char *cite = coordena_offer_cite (offer, offer->deadline_source, offer->deadline_item);

  /* TRANSLATORS: why an offer is closed: its deadline and the act that set it */
  return g_strdup_printf (_("deadline ended on %s (%s)"), deadline, cite);
}

static gint
compare_for_display (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const CoordenaOffer *x = *(CoordenaOffer **) a;
  const CoordenaOffer *y = *(CoordenaOffer **) b;
  const GDate *today = user_data;
  gboolean cx = coordena_offer_is_closed (x, today), cy = coordena_offer_is_closed (y, today);
  gint by_date;

  if (cx != cy)
    return cx ? 1 : -1;
  by_date = g_date_compare (&x->deadline, &y->deadline);
  if (by_date != 0)
    return cx ? -by_date : by_date;
  return strcmp (x->id, y->id);
}

void
coordena_offers_sort_for_display (GPtrArray *offers, const GDate *today)
{
  g_ptr_array_sort_with_data (offers, compare_for_display, (gpointer) today);
}

char *
coordena_offers_user_dir (void)
{
  g_autofree char *user_dir = coordena_user_datadir ();

  return g_build_filename (user_dir, "offers", NULL);
}

gboolean
coordena_offer_is_user (const CoordenaOffer *offer)
{
  g_autofree char *dir = coordena_offers_user_dir ();
  g_autofree char *parent = offer->path != NULL ? g_path_get_dirname (offer->path) : NULL;

  return parent != NULL && g_str_equal (parent, dir);
}

CoordenaOffer *
coordena_offer_install (const char *path, gboolean *replaced, GError **error)
{
  g_autoptr(CoordenaOffer) offer = coordena_offer_load_file (path, error);
  g_autofree char *dir = coordena_offers_user_dir ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  g_autofree char *temp = NULL;
  gsize length = 0;

  if (offer == NULL)
    return NULL;
  {
    /* An offer that comes with Coordena cites the acts it was checked against: a file of the same
     * Id would silently change its dates or its deadline under the same name. */
    g_autoptr(GPtrArray) shipped = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_offer_free);
    g_autofree char *shipped_dir = g_build_filename (coordena_datadir (), "offers", NULL);

    if (!load_dir (shipped, shipped_dir, error))
      return NULL;
    for (guint i = 0; i < shipped->len; i++)
      if (g_str_equal (((CoordenaOffer *) g_ptr_array_index (shipped, i))->id, offer->id))
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s: the offer “%s” comes with Coordena and cannot be replaced; give your file a new Id "
                         "(for example “%s-2”) and add it again"), shown, offer->id, offer->id);
          return NULL;
        }
  }
  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create the offers folder %s: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  name = g_strconcat (offer->id, ".offer", NULL);
  target = g_build_filename (dir, name, NULL);
  if (replaced != NULL)
    *replaced = g_file_test (target, G_FILE_TEST_EXISTS);
  temp = coordena_file_write_temp (target, text, length, error);
  if (temp == NULL || !coordena_file_commit_temp (temp, target, error))
    return NULL;
  g_free (offer->path);
  offer->path = g_steal_pointer (&target);
  return g_steal_pointer (&offer);
}

gboolean
coordena_offer_remove_user (const char *id, GError **error)
{
  g_autoptr(CoordenaOffer) offer = coordena_offer_find (id, error);

  if (offer == NULL)
    return FALSE;
  if (!coordena_offer_is_user (offer))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the offer “%s” comes with Coordena and cannot be removed; only offers added with "
                     "“coordena-cli offers add” can"), id);
      return FALSE;
    }
  if (g_unlink (offer->path) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot remove %s: %s"), offer->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
