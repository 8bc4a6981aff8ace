/* The PNG check that stands between a user's coat of arms and the PDF library: sound images
 * pass, every truncation and every damaged byte is refused with a reason, and whatever passes
 * is read by libharu without harm. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <hpdf.h>
#include <zlib.h>

#include <coordena/coordena.h>
#include <coordena/png-check.h>

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
  return g_test_run ();
}
