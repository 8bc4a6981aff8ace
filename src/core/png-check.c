/* SPDX-License-Identifier: GPL-3.0-or-later */
/* png-check.c — reading a PNG in full (chunks, CRCs, header, inflated image data) to refuse a
 * damaged or hostile file with a reason instead of letting the PDF library abort on it. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <png.h>
#include <zlib.h>

#include <coordena/error.h>
#include <coordena/png-check.h>

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | (guint32) p[3];
}

static gboolean
fail (GError **error, const char *reason)
{
  g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, reason);
  return FALSE;
}

/* Samples per pixel of a colour type, 0 when the type does not exist. */
static guint
channels (guint colour)
{
  switch (colour)
    {
    case 0: return 1;   /* grey */
    case 2: return 3;   /* RGB */
    case 3: return 1;   /* palette */
    case 4: return 2;   /* grey + alpha */
    case 6: return 4;   /* RGBA */
    default: return 0;
    }
}

static gboolean
depth_allowed (guint colour, guint depth)
{
  switch (colour)
    {
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2: case 4: case 6: return depth == 8 || depth == 16;
    default: return FALSE;
    }
}

/* One block of rows of the image data: the whole image, or one pass of Adam7 interlacing. */
typedef struct {
  guint64 rows;
  guint64 row_bytes;   /* without the filter byte */
} Pass;

/* Inflates the concatenated IDAT data and checks that it holds exactly the rows of the passes,
 * each row 1 + row_bytes bytes starting with a filter type 0–4. */
static gboolean
check_image_data (const GByteArray *idat, const Pass *passes, guint n_passes, GError **error)
{
  z_stream z = { 0 };
  guint64 expected = 0, produced = 0;
  guint pass = 0;
  guint64 in_pass = 0;   /* bytes of the current pass consumed */
  guint8 out[16384];
  int rc;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_passes; i++)
    expected += passes[i].rows * (passes[i].row_bytes + 1);
  if (inflateInit (&z) != Z_OK)
    return fail (error, _("the image data cannot be read"));
  z.next_in = idat->data;
  z.avail_in = idat->len;
  do
    {
      z.next_out = out;
      z.avail_out = sizeof out;
      rc = inflate (&z, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END)
        {
          ok = fail (error, _("the compressed image data is damaged"));
          break;
        }
      for (gsize i = 0; i < sizeof out - z.avail_out; i++, produced++)
        {
          if (produced >= expected)
            {
              ok = fail (error, _("the image data is longer than the image"));
              break;
            }
          while (in_pass == passes[pass].rows * (passes[pass].row_bytes + 1))
            {
              pass++;
              in_pass = 0;
            }
          if (in_pass % (passes[pass].row_bytes + 1) == 0 && out[i] > 4)
            {
              ok = fail (error, _("a row of the image has an unknown filter"));
              break;
            }
          in_pass++;
        }
      if (!ok)
        break;
      if (rc != Z_STREAM_END && z.avail_in == 0 && z.avail_out != 0)
        {
          ok = fail (error, _("the image data ends before the image does"));
          break;
        }
    }
  while (rc != Z_STREAM_END);
  inflateEnd (&z);
  if (ok && produced != expected)
    ok = fail (error, _("the image data ends before the image does"));
  return ok;
}

gboolean
coordena_png_check (GBytes *png, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  gsize size = 0;
  const guint8 *data = png != NULL ? g_bytes_get_data (png, &size) : NULL;
  gsize pos = 8;
  guint32 width = 0, height = 0;
  guint depth = 0, colour = 0, interlace = 0;
  gboolean seen_ihdr = FALSE, seen_iend = FALSE, seen_plte = FALSE, idat_done = FALSE;

  if (data == NULL || size < 8 || memcmp (data, signature, 8) != 0)
    return fail (error, _("it is not a PNG image"));

  while (!seen_iend)
    {
      guint32 length;
      const guint8 *type, *body;
      char name[5];

      if (size - pos < 12)
        return fail (error, _("the file ends in the middle of a chunk"));
      length = be32 (data + pos);
      if (length > 0x7fffffffu || length > size - pos - 12)
        return fail (error, _("the file ends in the middle of a chunk"));
      type = data + pos + 4;
      body = data + pos + 8;
      for (int i = 0; i < 4; i++)
        if (!g_ascii_isalpha (type[i]))
          return fail (error, _("a chunk has an invalid name"));
      memcpy (name, type, 4);
      name[4] = '\0';
      if ((guint32) crc32 (crc32 (0, NULL, 0), type, length + 4) != be32 (body + length))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the CRC of chunk %s does not match"), name);
          return FALSE;
        }

      if (!seen_ihdr && strcmp (name, "IHDR") != 0)
        return fail (error, _("the first chunk is not IHDR"));
      if (strcmp (name, "IHDR") == 0)
        {
          if (seen_ihdr || length != 13)
            return fail (error, _("the IHDR chunk is invalid"));
          seen_ihdr = TRUE;
          width = be32 (body);
          height = be32 (body + 4);
          depth = body[8];
          colour = body[9];
          interlace = body[12];
          if (width == 0 || height == 0)
            return fail (error, _("the image has no pixels"));
          if (width > COORDENA_PNG_MAX_SIDE || height > COORDENA_PNG_MAX_SIDE)
            {
              g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                           _("the image is %u × %u pixels; the largest side accepted is %u"),
                           width, height, COORDENA_PNG_MAX_SIDE);
              return FALSE;
            }
          if (channels (colour) == 0 || !depth_allowed (colour, depth) || body[10] != 0 || body[11] != 0
              || interlace > 1)
            return fail (error, _("the IHDR chunk is invalid"));
        }
      else if (strcmp (name, "PLTE") == 0)
        {
          if (length == 0 || length % 3 != 0 || length > 768 || idat->len > 0)
            return fail (error, _("the palette is invalid"));
          seen_plte = TRUE;
        }
      else if (strcmp (name, "IDAT") == 0)
        {
          if (idat_done)
            return fail (error, _("the image data is split by other chunks"));
          g_byte_array_append (idat, body, length);
        }
      else if (strcmp (name, "IEND") == 0)
        seen_iend = TRUE;
      else if (g_ascii_isupper (type[0]))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the chunk %s is not one a PNG reader knows"), name);
          return FALSE;
        }
      if (idat->len > 0 && strcmp (name, "IDAT") != 0)
        idat_done = TRUE;
      pos += 12 + (gsize) length;
    }

  if (idat->len == 0)
    return fail (error, _("the image has no image data"));
  if (colour == 3 && !seen_plte)
    return fail (error, _("the palette is missing"));
  {
    /* Adam7: first column and row, and steps, of the seven passes. */
    static const guint x0[7] = { 0, 4, 0, 2, 0, 1, 0 }, dx[7] = { 8, 8, 4, 4, 2, 2, 1 };
    static const guint y0[7] = { 0, 0, 4, 0, 2, 0, 1 }, dy[7] = { 8, 8, 8, 4, 4, 2, 2 };
    guint64 bits = (guint64) channels (colour) * depth;
    Pass passes[7];
    guint n = 0;

    if (interlace == 0)
      passes[n++] = (Pass) { height, ((guint64) width * bits + 7) / 8 };
    else
      for (guint i = 0; i < 7; i++)
        {
          guint64 w = width > x0[i] ? (width - x0[i] + dx[i] - 1) / dx[i] : 0;
          guint64 h = height > y0[i] ? (height - y0[i] + dy[i] - 1) / dy[i] : 0;

          if (w > 0 && h > 0)
            passes[n++] = (Pass) { h, (w * bits + 7) / 8 };
        }
    return check_image_data (idat, passes, n, error);
  }
}

/* What libharu 2.3 reads without surprises: its alpha and 16-bit paths are the ones that fail. */
static gboolean
is_plain (const guint8 *data, gsize size)
{
  gsize pos = 8;
  guint depth = data[24], colour = data[25], interlace = data[28];

  if (depth != 8 || (colour != 0 && colour != 2 && colour != 3) || interlace != 0)
    return FALSE;
  while (pos + 8 <= size)
    {
      guint32 length = be32 (data + pos);

      if (memcmp (data + pos + 4, "tRNS", 4) == 0)
        return FALSE;
      if (memcmp (data + pos + 4, "IDAT", 4) == 0 || length > size - pos - 8)
        break;
      pos += 12 + (gsize) length;
    }
  return TRUE;
}

GBytes *
coordena_png_for_pdf (GBytes *png, GError **error)
{
  static const png_color white = { 255, 255, 255 };
  png_image image;
  gsize size = 0;
  const guint8 *data;
  g_autofree guint8 *pixels = NULL;
  png_alloc_size_t out_size = 0;
  guint8 *out;

  if (!coordena_png_check (png, error))
    return NULL;
  data = g_bytes_get_data (png, &size);
  if (is_plain (data, size))
    return g_bytes_ref (png);

  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory (&image, data, size))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the image cannot be decoded (%s)"), image.message);
      png_image_free (&image);
      return NULL;
    }
  /* Grey stays grey; colour and palettes become RGB. Alpha is composed over white. */
  image.format = (image.format & PNG_FORMAT_FLAG_COLOR) != 0 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  pixels = g_try_malloc (PNG_IMAGE_SIZE (image));
  if (pixels == NULL)
    {
      png_image_free (&image);
      fail (error, _("the image is too large to convert"));
      return NULL;
    }
  if (!png_image_finish_read (&image, &white, pixels, 0, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the image cannot be decoded (%s)"), image.message);
      png_image_free (&image);
      return NULL;
    }
  image.flags = 0;
  if (!png_image_write_to_memory (&image, NULL, &out_size, 0, pixels, 0, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("the image cannot be converted (%s)"), image.message);
      png_image_free (&image);
      return NULL;
    }
  out = g_malloc (out_size);
  if (!png_image_write_to_memory (&image, out, &out_size, 0, pixels, 0, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("the image cannot be converted (%s)"), image.message);
      png_image_free (&image);
      g_free (out);
      return NULL;
    }
  png_image_free (&image);
  return g_bytes_new_take (out, out_size);
}
