/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PNG check that stands between a user's coat of arms and the PDF library: sound images
 * pass, every truncation and every damaged byte is refused with a reason, and whatever passes
 * is read by libharu without harm. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <hpdf.h>
#include <png.h>
#include <zlib.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/pdf.h>
#include <coordena/png-check.h>
#include <coordena/profile.h>

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize n = 0;

  g_file_get_contents (path, &data, &n, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, n);
}

static void
on_hpdf_error (HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
}

/* What passes the check must load in libharu (which aborts on a PNG it cannot read). */
static void
assert_loads (GBytes *png)
{
  HPDF_Doc pdf = HPDF_New (on_hpdf_error, NULL);
  gsize n = 0;
  const guint8 *data = g_bytes_get_data (png, &n);

  g_assert_nonnull (HPDF_LoadPngImageFromMem (pdf, data, (HPDF_UINT) n));
  HPDF_Free (pdf);
}

static void
test_sound (void)
{
  const char *names[] = { "brasao.png", "brasao-alpha.png" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) png = fixture (names[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (coordena_png_check (png, &error));
      g_assert_no_error (error);
      assert_loads (png);
    }
}

static void
test_every_truncation (void)
{
  g_autoptr(GBytes) png = fixture ("brasao.png");
  gsize n = g_bytes_get_size (png);

  for (gsize len = 0; len < n; len++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, len);
      g_autoptr(GError) error = NULL;

      g_assert_false (coordena_png_check (cut, &error));
      g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
    }
}

/* Each byte flipped in turn: refused (a CRC catches it) or, when it still passes, loadable. */
static void
test_every_damaged_byte (void)
{
  g_autoptr(GBytes) png = fixture ("brasao.png");
  gsize n = 0;
  const guint8 *data = g_bytes_get_data (png, &n);
  g_autofree guint8 *copy = g_memdup2 (data, n);
  guint refused = 0;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(GError) error = NULL;

      copy[i] ^= 0x5a;
      damaged = g_bytes_new (copy, n);
      if (coordena_png_check (damaged, &error))
        assert_loads (damaged);
      else
        refused++;
      copy[i] ^= 0x5a;
    }
  g_assert_cmpuint (refused, >, n * 9 / 10);
}

/* Valid CRCs around a deflate stream that is not one: libpng aborts the process on it. */
static void
test_bad_deflate_valid_crc (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "png",
                                                 "idat-valid-crc-bad-deflate.png", NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize n = 0;
  g_autoptr(GBytes) png = NULL;

  g_file_get_contents (path, &data, &n, &error);
  g_assert_no_error (error);
  png = g_bytes_new_take (data, n);
  g_assert_false (coordena_png_check (png, &error));
  g_assert_cmpstr (error->message, ==, "os dados compactados da imagem estão danificados");
}

static void
test_messages (void)
{
  static const guint8 huge[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 2, 0, 0, 0,
    0x00, 0x00, 0x00, 0x00,
  };
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a", 6);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GError) error = NULL;
  guint8 fixed[sizeof huge];

  g_assert_false (coordena_png_check (gif, &error));
  g_assert_cmpstr (error->message, ==, "não é uma imagem PNG");
  g_clear_error (&error);

  g_assert_false (coordena_png_check (NULL, &error));
  g_clear_error (&error);

  big = g_bytes_new_static (huge, sizeof huge);
  g_assert_false (coordena_png_check (big, &error));
  g_assert_cmpstr (error->message, ==, "o CRC do bloco IHDR não confere");
  g_clear_error (&error);

  /* The same header with its right CRC: the size is what is refused. */
  memcpy (fixed, huge, sizeof huge);
  {
    guint32 crc = (guint32) crc32 (0, fixed + 12, 17);

    fixed[29] = (guint8) (crc >> 24);
    fixed[30] = (guint8) (crc >> 16);
    fixed[31] = (guint8) (crc >> 8);
    fixed[32] = (guint8) crc;
  }
  g_bytes_unref (big);
  big = g_bytes_new_static (fixed, sizeof fixed);
  g_assert_false (coordena_png_check (big, &error));
  g_assert_nonnull (strstr (error->message, "100000 × 100000"));
}

/* ---- Coats of arms with transparency ---------------------------------------------------------- */

/* The kinds a state's coat of arms comes in: a disc drawn on a transparent background whose
 * colour samples are black — what an editor writes, and what shows as a black square when the
 * alpha channel is dropped. */
typedef enum { ARMS_RGBA, ARMS_GREY_ALPHA, ARMS_PALETTE_TRNS, ARMS_RGBA16, ARMS_GREY16 } ArmsKind;

#define ARMS_SIDE 64

static gboolean
in_disc (int x, int y)
{
  int dx = 2 * x - ARMS_SIDE + 1, dy = 2 * y - ARMS_SIDE + 1;

  /* A radius of a quarter of the side: the corners stay transparent. */
  return dx * dx + dy * dy <= (ARMS_SIDE / 2) * (ARMS_SIDE / 2);
}

static GBytes *
make_arms (ArmsKind kind)
{
  png_image image;
  g_autofree guint8 *pixels = NULL;
  g_autofree guint16 *wide = NULL;
  guint8 colormap[2 * 4] = { 0, 0, 0, 0, 200, 30, 30, 255 };   /* transparent black, opaque red */
  png_alloc_size_t size = 0;
  const void *buffer;
  const void *map = NULL;
  guint8 *out;

  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = image.height = ARMS_SIDE;
  switch (kind)
    {
    case ARMS_RGBA:
      image.format = PNG_FORMAT_RGBA;
      break;
    case ARMS_GREY_ALPHA:
      image.format = PNG_FORMAT_GA;
      break;
    case ARMS_PALETTE_TRNS:
      image.format = PNG_FORMAT_RGBA_COLORMAP;
      image.colormap_entries = 2;
      map = colormap;
      break;
    case ARMS_RGBA16:
      image.format = PNG_FORMAT_LINEAR_RGB_ALPHA;
      break;
    case ARMS_GREY16:
      image.format = PNG_FORMAT_LINEAR_Y;
      break;
    }
  if (kind == ARMS_RGBA16 || kind == ARMS_GREY16)
    {
      guint ch = PNG_IMAGE_SAMPLE_CHANNELS (image.format);

      wide = g_new0 (guint16, ARMS_SIDE * ARMS_SIDE * ch);
      for (int y = 0; y < ARMS_SIDE; y++)
        for (int x = 0; x < ARMS_SIDE; x++)
          {
            guint16 *p = wide + (y * ARMS_SIDE + x) * ch;

            if (kind == ARMS_GREY16)
              /* No alpha: a grey disc on white, 16 bits a sample. */
              p[0] = in_disc (x, y) ? 0x3000 : 0xffff;
            else if (in_disc (x, y))
              {
                p[0] = 0x8000;
                p[3] = 0xffff;
              }
          }
      buffer = wide;
    }
  else
    {
      guint ch = kind == ARMS_PALETTE_TRNS ? 1 : PNG_IMAGE_SAMPLE_CHANNELS (image.format);

      pixels = g_new0 (guint8, ARMS_SIDE * ARMS_SIDE * ch);
      for (int y = 0; y < ARMS_SIDE; y++)
        for (int x = 0; x < ARMS_SIDE; x++)
          {
            guint8 *p = pixels + (y * ARMS_SIDE + x) * ch;

            if (!in_disc (x, y))
              continue;
            switch (kind)
              {
              case ARMS_RGBA:
                p[0] = 200, p[1] = 30, p[2] = 30, p[3] = 255;
                break;
              case ARMS_GREY_ALPHA:
                p[0] = 110, p[1] = 255;
                break;
              default:
                p[0] = 1;
                break;
              }
          }
      buffer = pixels;
    }
  g_assert_true (png_image_write_to_memory (&image, NULL, &size, 0, buffer, 0, map));
  out = g_malloc (size);
  g_assert_true (png_image_write_to_memory (&image, out, &size, 0, buffer, 0, map));
  return g_bytes_new_take (out, size);
}

static const struct {
  ArmsKind kind;
  const char *name;
  guint8 depth, colour;   /* what the file really is */
} arms_kinds[] = {
  { ARMS_RGBA, "rgba", 8, 6 },
  { ARMS_GREY_ALPHA, "cinza-alfa", 8, 4 },
  { ARMS_PALETTE_TRNS, "paleta-trns", 1, 3 },   /* two colours: 1 bit an index */
  { ARMS_RGBA16, "rgba-16", 16, 6 },
  { ARMS_GREY16, "cinza-16", 16, 0 },
};

/* Runs pdftoppm on the PDF and reads the page back as 8-bit RGB. */
static guint8 *
render_page (GBytes *pdf, const char *name, guint *width, guint *height)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-arms-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "oficio.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  g_autofree char *png_path = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf_path, prefix, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize n = 0;
  int status = -1;
  png_image image;
  guint8 *rgb;

  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (png_path, &data, &n, &error));

  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  g_assert_true (png_image_begin_read_from_memory (&image, data, n));
  image.format = PNG_FORMAT_RGB;
  rgb = g_malloc (PNG_IMAGE_SIZE (image));
  g_assert_true (png_image_finish_read (&image, NULL, rgb, 0, NULL));
  *width = image.width;
  *height = image.height;
  if (g_getenv ("COORDENA_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *base = g_strdup_printf ("brasao-%s.png", name);
      g_autofree char *keep = g_build_filename (g_getenv ("COORDENA_SCREENSHOT_DIR"), base, NULL);

      g_mkdir_with_parents (g_getenv ("COORDENA_SCREENSHOT_DIR"), 0755);
      g_file_set_contents (keep, data, (gssize) n, NULL);
      g_test_message ("page kept as %s", keep);
    }
  g_unlink (png_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
  return rgb;
}

/* A page with the coat of arms at the top, as the ofício's letterhead places it (larger). */
static GBytes *
render_with_arms (GBytes *arms)
{
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  coordena_pdf_doc_add_image (doc, arms, 85.0);
  pdf = coordena_pdf_doc_render (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static void
test_transparent_arms (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (arms_kinds); k++)
    {
      g_autoptr(GBytes) arms = make_arms (arms_kinds[k].kind);
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      const guint8 *head = g_bytes_get_data (arms, NULL);
      g_autofree guint8 *page = NULL;
      guint width = 0, height = 0, min_x = G_MAXUINT, max_x = 0, min_y = G_MAXUINT, max_y = 0, dark = 0, disc = 0;
      guint band;

      g_test_message ("coat of arms: %s", arms_kinds[k].name);
      g_assert_cmpuint (head[24], ==, arms_kinds[k].depth);
      g_assert_cmpuint (head[25], ==, arms_kinds[k].colour);

      /* The check reads it in full and the preference takes it. */
      g_assert_true (coordena_png_check (arms, &error));
      g_assert_true (coordena_profile_validate_png (arms, &error));
      g_assert_no_error (error);

      /* What the PDF library gets is 8-bit, opaque and sound; it loads it. */
      plain = coordena_png_for_pdf (arms, &error);
      g_assert_no_error (error);
      g_assert_true (coordena_png_check (plain, &error));
      head = g_bytes_get_data (plain, NULL);
      g_assert_cmpuint (head[24], ==, 8);
      g_assert_true (head[25] == 0 || head[25] == 2);
      g_assert_cmpuint (head[28], ==, 0);
      assert_loads (plain);

      /* On the page: the disc is there, and around it the paper is white, not a black square. */
      pdf = render_with_arms (arms);
      page = render_page (pdf, arms_kinds[k].name, &width, &height);
      band = height / 5;
      for (guint y = 0; y < band; y++)
        for (guint x = 0; x < width; x++)
          {
            const guint8 *p = page + (y * width + x) * 3;
            gboolean tinted = p[0] < 235 && p[0] > 40;   /* the disc: red or grey, never white or black */

            if (tinted)
              {
                disc++;
                min_x = MIN (min_x, x), max_x = MAX (max_x, x);
                min_y = MIN (min_y, y), max_y = MAX (max_y, y);
              }
          }
      g_assert_cmpuint (disc, >, 50);
      /* The image's square is twice the disc; every pixel in it outside the disc is paper. */
      {
        guint r = (max_x - min_x + 1) / 2 + 1;
        guint cx = (min_x + max_x) / 2, cy = (min_y + max_y) / 2;

        for (guint y = cy > 2 * r ? cy - 2 * r : 0; y <= MIN (cy + 2 * r, height - 1); y++)
          for (guint x = cx > 2 * r ? cx - 2 * r : 0; x <= MIN (cx + 2 * r, width - 1); x++)
            {
              const guint8 *p = page + (y * width + x) * 3;

              if (p[0] < 40 && p[1] < 40 && p[2] < 40)
                dark++;
            }
      }
      g_assert_cmpuint (dark, ==, 0);
    }
}

/* An image already in the plain form goes to the PDF library byte for byte as it was. */
static void
test_plain_untouched (void)
{
  g_autoptr(GBytes) png = fixture ("brasao.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = coordena_png_for_pdf (png, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (png, plain));
}

/* A damaged transparent image is still refused before any decoder sees it. */
static void
test_damaged_transparent_refused (void)
{
  g_autoptr(GBytes) arms = make_arms (ARMS_RGBA);
  gsize n = g_bytes_get_size (arms);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (arms, 0, n - 30);
  g_autoptr(GError) error = NULL;

  g_assert_null (coordena_png_for_pdf (cut, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (coordena_profile_validate_png (cut, &error));
  g_assert_nonnull (strstr (error->message, "danificado"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  coordena_i18n_init ();

  g_test_add_func ("/png-check/sound", test_sound);
  g_test_add_func ("/png-check/every-truncation", test_every_truncation);
  g_test_add_func ("/png-check/every-damaged-byte", test_every_damaged_byte);
  g_test_add_func ("/png-check/bad-deflate-valid-crc", test_bad_deflate_valid_crc);
  g_test_add_func ("/png-check/messages", test_messages);
  g_test_add_func ("/png-check/transparent-arms", test_transparent_arms);
  g_test_add_func ("/png-check/plain-untouched", test_plain_untouched);
  g_test_add_func ("/png-check/damaged-transparent-refused", test_damaged_transparent_refused);
  return g_test_run ();
}
