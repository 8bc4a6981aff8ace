/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.c — the profile keys and their checks; storage is the store's profile table. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/numbering.h>
#include <coordena/pdf.h>
#include <coordena/png-check.h>
#include <coordena/profile.h>

#include "store-internal.h"

static const CoordenaProfileKey keys[] = {
  { "secretaria.nome", COORDENA_PROFILE_TEXT, N_("the secretariat’s name (Secretaria da Saúde do Estado …)") },
  { "secretaria.sigla", COORDENA_PROFILE_SIGLA, N_("unit acronyms for the number, smallest first (COAPS/SESA)") },
  { "subunidade", COORDENA_PROFILE_TEXT, N_("sub-unit lines under the header, separated by “;”") },
  { "cidade", COORDENA_PROFILE_TEXT, N_("the city in the date line, without the UF") },
  { "endereco", COORDENA_PROFILE_TEXT, N_("the secretariat’s address, for the footer") },
  { "telefone", COORDENA_PROFILE_TEXT, N_("the secretariat’s phone, for the footer") },
  { "email", COORDENA_PROFILE_EMAIL, N_("the secretariat’s e-mail, for the footer") },
  { "site", COORDENA_PROFILE_TEXT, N_("the secretariat’s site, for the footer") },
  { "brasao", COORDENA_PROFILE_PNG, N_("the state coat of arms: a PNG (transparency is laid over white), copied into the database") },
  { "numeracao.estilo", COORDENA_PROFILE_STYLE, N_("how the number is written: Nº or N.º") },
  { "numeracao.proximo", COORDENA_PROFILE_NEXT_NUMBER, N_("the next number of Coordena’s ofício counter this year") },
  { "fecho", COORDENA_PROFILE_CLOSING, N_("the closing: Atenciosamente or Respeitosamente") },
  { "enderecamento", COORDENA_PROFILE_ADDRESSING,
    N_("the address block: cargo (“À Senhora” and the cargo) or decreto (Decreto 9.758/2019, art. 4, literally)") },
  { "secretario.nome", COORDENA_PROFILE_TEXT, N_("the Secretary of Health’s name") },
  { "secretario.genero", COORDENA_PROFILE_GENDER, N_("the Secretary’s gender for the forms: F or M") },
  { "secretario.cargo", COORDENA_PROFILE_TEXT, N_("the Secretary’s title under the signature (optional)") },
  { "secretario.fecho", COORDENA_PROFILE_CLOSING,
    N_("the Secretary’s closing (default Atenciosamente: same level as the federal Secretary)") },
  { "coordenador.nome", COORDENA_PROFILE_TEXT, N_("the primary-care coordinator’s name") },
  { "coordenador.genero", COORDENA_PROFILE_GENDER, N_("the coordinator’s gender for the forms: F or M") },
  { "coordenador.cargo", COORDENA_PROFILE_TEXT, N_("the coordinator’s title under the signature (optional)") },
  { "coordenador.fecho", COORDENA_PROFILE_CLOSING,
    N_("the coordinator’s closing (default Respeitosamente: to a higher authority)") },
  { "contato.nome", COORDENA_PROFILE_TEXT, N_("the contact person for the enrolment phase") },
  { "contato.email", COORDENA_PROFILE_EMAIL, N_("the contact person’s e-mail") },
  { "contato.telefone", COORDENA_PROFILE_TEXT, N_("the contact person’s phone") },
};

/* The field names the window shows; the keys stay what the command line types. */
static const struct {
  const char *key;
  const char *label;
} labels[] = {
  { "secretaria.nome", N_("Secretariat’s name") },
  { "secretaria.sigla", N_("Acronyms for the number") },
  { "subunidade", N_("Sub-units under the header") },
  { "cidade", N_("City in the date line") },
  { "endereco", N_("Address") },
  { "telefone", N_("Secretariat’s phone") },
  { "email", N_("Secretariat’s e-mail") },
  { "site", N_("Secretariat’s site") },
  { "brasao", N_("Coat of arms") },
  { "numeracao.estilo", N_("Number style") },
  { "fecho", N_("Closing") },
  { "secretario.nome", N_("Secretary’s name") },
  { "secretario.genero", N_("Secretary’s form of address") },
  { "secretario.cargo", N_("Secretary’s title") },
  { "coordenador.nome", N_("Coordinator’s name") },
  { "coordenador.genero", N_("Coordinator’s form of address") },
  { "coordenador.cargo", N_("Coordinator’s title") },
  { "contato.nome", N_("Contact person’s name") },
  { "contato.email", N_("Contact person’s e-mail") },
  { "contato.telefone", N_("Contact person’s phone") },
};

const char *
coordena_profile_label (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
  return key;
}

/* A key counts only as a whole token: "email" inside "contato.email" is not the secretariat's. */
static gboolean
key_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_';
}

char *
coordena_profile_name_fields (const char *message)
{
  GString *out = g_string_new (NULL);
  const char *p = message;

  while (p != NULL && *p != '\0')
    {
      gsize best = 0;
      const char *label = NULL;

      if (p == message || !key_char (p[-1]))
        for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
          {
            gsize len = strlen (labels[i].key);

            if (len > best && strncmp (p, labels[i].key, len) == 0
                && !(g_ascii_isalnum (p[len]) || p[len] == '_' || (p[len] == '.' && g_ascii_isalnum (p[len + 1]))))
              {
                best = len;
                label = g_dgettext (GETTEXT_PACKAGE, labels[i].label);
              }
          }
      if (label != NULL)
        {
          g_string_append (out, label);
          p += best;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

const CoordenaProfileKey *
coordena_profile_keys (guint *n)
{
  *n = G_N_ELEMENTS (keys);
  return keys;
}

const CoordenaProfileKey *
coordena_profile_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].key, key))
      return &keys[i];
  return NULL;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

#define PNG_MAX_SIDE 4000

gboolean
coordena_profile_validate_png (GBytes *png, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (png, &size);
  guint32 width, height;

  if (size < 8 || memcmp (data, signature, 8) != 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the coat of arms must be a PNG image"));
      return FALSE;
    }
  if (size > 4 * 1024 * 1024)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the coat of arms is larger than 4 MB: use a smaller image"));
      return FALSE;
    }
  {
    g_autoptr(GError) local = NULL;

    /* Every chunk, CRC and inflated row, before anything else reads it. */
    if (!coordena_png_check (png, &local))
      {
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the coat of arms is a damaged PNG (%s): save it again from an image editor"), local->message);
        return FALSE;
      }
  }
  width = be32 (data + 16);
  height = be32 (data + 20);
  /* Transparency, palettes, 16 bits and interlacing are all fine: the PDF gets an opaque 8-bit
   * copy over white (coordena_png_for_pdf), checked again below. */
  if (width == 0 || height == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the coat of arms has no pixels"));
      return FALSE;
    }
  if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the coat of arms has %u × %u pixels: use at most %u pixels per side"), width, height,
                   PNG_MAX_SIDE);
      return FALSE;
    }
  /* Last, the PDF library itself must read every pixel. */
  return coordena_pdf_check_png (png, error);
}

static gboolean
looks_like_email (const char *value)
{
  const char *at = strchr (value, '@');

  return at != NULL && at != value && strchr (at + 1, '.') != NULL && strchr (at + 1, '@') == NULL
         && strchr (value, ' ') == NULL;
}

gboolean
coordena_profile_validate (const char *key, const char *value, GError **error)
{
  const CoordenaProfileKey *k = coordena_profile_lookup (key);

  if (k == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", keys[i].key);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("unknown profile key “%s” (known: %s)"),
                   key, known->str);
      return FALSE;
    }
  if (value == NULL || *value == '\0')
    return TRUE; /* removes the key */
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the value of %s is not valid UTF-8"), key);
      return FALSE;
    }
  if (k->kind != COORDENA_PROFILE_PNG)
    {
      g_autofree char *what = g_strdup_printf (_("the value of %s"), key);

      /* A line break or an escape sequence would break the letterhead or the terminal. */
      if (!coordena_text_check_plain (what, value, error))
        return FALSE;
    }
  if (k->kind != COORDENA_PROFILE_PNG && g_utf8_strlen (value, -1) > 300)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the value of %s is longer than %u characters: a letterhead line must be shorter"), key, 300u);
      return FALSE;
    }
  switch (k->kind)
    {
    case COORDENA_PROFILE_GENDER:
      if (!g_str_equal (value, "F") && !g_str_equal (value, "M"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s must be F or M, not “%s”"), key, value);
          return FALSE;
        }
      break;
    case COORDENA_PROFILE_STYLE:
      if (!g_str_equal (value, "Nº") && !g_str_equal (value, "N.º"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s must be Nº or N.º, not “%s”"), key, value);
          return FALSE;
        }
      break;
    case COORDENA_PROFILE_CLOSING:
      if (!g_str_equal (value, "Atenciosamente") && !g_str_equal (value, "Respeitosamente"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s must be Atenciosamente or Respeitosamente, not “%s”"), key, value);
          return FALSE;
        }
      break;
    case COORDENA_PROFILE_EMAIL:
      if (!looks_like_email (value))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: “%s” is not an e-mail address"), key, value);
          return FALSE;
        }
      break;
    case COORDENA_PROFILE_SIGLA:
      for (const char *p = value; *p != '\0'; p++)
        if (*p == ' ' || (p[0] == '/' && (p[1] == '/' || p[1] == '\0')) || value[0] == '/')
          {
            g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("%s: write the acronyms from the smallest unit to the largest, separated by “/” "
                           "and without spaces (COAPS/SESA), not “%s”"), key, value);
            return FALSE;
          }
      break;
    case COORDENA_PROFILE_ADDRESSING:
      if (!g_str_equal (value, "cargo") && !g_str_equal (value, "decreto"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s must be cargo or decreto, not “%s”"), key,
                       value);
          return FALSE;
        }
      break;
    case COORDENA_PROFILE_NEXT_NUMBER:
      {
        char *end = NULL;
        guint64 n = g_ascii_strtoull (value, &end, 10);

        if (!g_ascii_isdigit (*value) || *end != '\0' || n == 0)
          {
            g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("%s must be a whole number from 1, not “%s”"), key, value);
            return FALSE;
          }
        /* Far past any year's ofícios, and far below where the counter could no longer move. */
        if (n > COORDENA_NUMBERING_MAX_NUMBER)
          {
            g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("%s must be a whole number from 1 to %u, not “%s”: no secretariat issues that many "
                           "ofícios in a year"), key, COORDENA_NUMBERING_MAX_NUMBER, value);
            return FALSE;
          }
      }
      break;
    case COORDENA_PROFILE_TEXT:
    case COORDENA_PROFILE_PNG:
    default:
      break;
    }
  return TRUE;
}

gboolean
coordena_profile_set (CoordenaStore *store, const char *key, const char *value, GError **error)
{
  const CoordenaProfileKey *k;
  g_autofree char *before = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *clean = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  gboolean removing = clean == NULL || *clean == '\0';

  if (!coordena_profile_validate (key, clean, error))
    return FALSE;
  k = coordena_profile_lookup (key);

  if (k->kind == COORDENA_PROFILE_NEXT_NUMBER)
    {
      GDate today;

      if (removing)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s cannot be removed: give the next number the counter should use"), key);
          return FALSE;
        }
      coordena_clock_today (&today);
      return coordena_numbering_set_next (store, COORDENA_SEQUENCE_OFICIO, g_date_get_year (&today),
                                          (guint) g_ascii_strtoull (clean, NULL, 10), error);
    }

  if (k->kind == COORDENA_PROFILE_PNG && !removing)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(GBytes) png = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      gsize len = 0;

      if (!g_file_get_contents (clean, &contents, &len, &local))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("cannot read the coat of arms: %s"),
                       local->message);
          return FALSE;
        }
      png = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (!coordena_profile_validate_png (png, error))
        return FALSE;
      digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
      after_json = g_strdup_printf ("{\"%s\":{\"png_bytes\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\"}}", key, len, digest);
      if (!coordena_store_begin (store, error))
        return FALSE;
      if (!coordena_store_set_profile_blob (store, key, png, error)
          || !coordena_store_audit (store, "profile-set", key, NULL, after_json, error)
          || !coordena_store_commit (store, error))
        {
          coordena_store_rollback (store);
          return FALSE;
        }
      return TRUE;
    }

  before = coordena_store_get_profile (store, key);
  {
    g_autofree char *b = coordena_json_string (before);
    g_autofree char *a = coordena_json_string (removing ? NULL : clean);

    before_json = g_strdup_printf ("{\"%s\":%s}", key, b);
    after_json = g_strdup_printf ("{\"%s\":%s}", key, a);
  }
  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!(k->kind == COORDENA_PROFILE_PNG ? coordena_store_set_profile_blob (store, key, NULL, error)
                                        : coordena_store_set_profile (store, key, removing ? NULL : clean, error))
      || !coordena_store_audit (store, "profile-set", key, before_json, after_json, error)
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
coordena_profile_load (CoordenaStore *store, GError **error)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      char *v;

      if (keys[i].kind == COORDENA_PROFILE_NEXT_NUMBER)
        continue;
      if (keys[i].kind == COORDENA_PROFILE_PNG)
        {
          g_autoptr(GBytes) png = coordena_store_get_profile_blob (store, keys[i].key);

          if (png != NULL)
            g_hash_table_insert (values, g_strdup (keys[i].key),
                                 g_strdup_printf ("PNG, %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (png)));
          continue;
        }
      v = coordena_store_get_profile (store, keys[i].key);
      if (v != NULL && *v != '\0')
        g_hash_table_insert (values, g_strdup (keys[i].key), v);
      else
        g_free (v);
    }
  return values;
}
