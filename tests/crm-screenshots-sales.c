/* crm-screenshots-sales.c — the quote editor and the first page of its PDF
 *
 * Run by build-aux/screenshots with the output folder as its argument:
 * writes quote-editor.png and quote-pdf-page-1.png (pdftoppm).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "crm-company.h"
#include "crm-document-builder.h"
#include "crm-documents.h"
#include "crm-line-item-editor.h"
#include "crm-pricing.h"
#include "crm-test-util.h"

static gint64
fill_quote (CrmStore *store)
{
  static const struct {
    const char *name;
    const char *description;
    const char *price;
    gint64      quantity;
    int         discount;   /* basis points */
    gboolean    taxable;
  } products[] = {
    { "Kursi Kantor Ergonomis", "Sandaran jaring, penyangga lumbar, lengan dapat diatur; garansi 5 tahun", "1850000", 12000, 1000, TRUE },
    { "Meja Kerja 160 × 80 cm", "Rangka baja, permukaan HPL putih", "2450000", 12000, 0, TRUE },
    { "Lemari Arsip Baja 4 Laci", "Abu-abu, kunci sentral", "3100000", 4000, 500, TRUE },
    { "Lampu Meja LED", "", "325000", 12000, 0, TRUE },
    { "Instalasi dan perakitan", "Di lokasi, termasuk pembuangan kemasan", "1500000", 1000, 0, FALSE },
  };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *contact_id = NULL;
  CrmCompany *company = crm_company_load (store, NULL);
  CrmTotals totals = { 0 };
  gint64 account, contact, quote, ppn;

  g_free (company->name);
  company->name = g_strdup ("PT Contoh Niaga");
  g_free (company->street);
  company->street = g_strdup ("Jl. Jend. Sudirman Kav. 45");
  g_free (company->city);
  company->city = g_strdup ("Jakarta Selatan");
  g_free (company->zip_code);
  company->zip_code = g_strdup ("12190");
  g_free (company->country);
  company->country = g_strdup ("Indonesia");
  g_free (company->phone);
  company->phone = g_strdup ("+62 21 555 0100");
  g_free (company->email);
  company->email = g_strdup ("penjualan@contoh.co.id");
  g_free (company->tax_id);
  company->tax_id = g_strdup ("01.234.567.8-901.000");
  if (!crm_company_save (store, company, NULL, &error))
    g_error ("%s", error->message);
  crm_company_free (company);
  crm_store_exec (store, "UPDATE company SET home_currency = 'IDR' WHERE id = 1", NULL);

  ppn = crm_tax_rate_add (store, "PPN", 1100, NULL);
  crm_tax_rate_set_default (store, ppn, NULL);
  account = crm_test_create (store, "accounts", "account_name", "PT Sinar Jaya Abadi", NULL);
  account_id = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  contact = crm_test_create (store, "contacts", "first_name", "Budi", "last_name", "Santoso",
                             "account_name", account_id, NULL);
  contact_id = g_strdup_printf ("%" G_GINT64_FORMAT, contact);
  quote = crm_test_create (store, "quotes", "subject", "Perlengkapan kantor cabang Bandung",
                           "account_name", account_id, "contact_name", contact_id,
                           "quote_stage", "Negotiation", "valid_till", "2026-03-31",
                           "billing_street", "Jl. Asia Afrika 8", "billing_city", "Bandung",
                           "billing_state", "Jawa Barat", "billing_code", "40111", "billing_country", "Indonesia",
                           "shipping_street", "Gudang 3, Jl. Soekarno-Hatta 590", "shipping_city", "Bandung",
                           "shipping_code", "40286",
                           "terms_and_conditions",
                           "Harga berlaku sampai tanggal di atas.\n"
                           "Pembayaran 30 hari setelah tanggal faktur ke BCA 123-456-7890.\n"
                           "Pengiriman 14 hari setelah pesanan.", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      gint64 product = crm_test_create (store, "products", "product_name", products[i].name,
                                        "unit_price", products[i].price,
                                        "taxable", products[i].taxable ? "true" : "false",
                                        "description", products[i].description, NULL);
      CrmDocLine *line = crm_doc_line_new ();

      if (!crm_documents_fill_from_product (store, line, product, &error))
        g_error ("%s", error->message);
      line->item.quantity = products[i].quantity;
      if (products[i].discount)
        {
          line->item.discount_kind = CRM_DISCOUNT_PERCENT;
          line->item.discount = products[i].discount;
        }
      g_ptr_array_add (lines, line);
    }
  totals.discount_kind = CRM_DISCOUNT_PERCENT;
  totals.discount = 250;
  if (!crm_documents_save_lines (store, "quotes", quote, lines, &totals, &error))
    g_error ("%s", error->message);
  return quote;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *editor_png = NULL;
  g_autofree char *page_prefix = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  CrmStore *store;
  GtkWindow *window;
  GtkWidget *editor;
  gint64 quote;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  store = crm_test_open_store (&dir);
  quote = fill_quote (store);

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1200, 780);
  editor = crm_line_item_editor_new (store, "quotes", quote);
  gtk_widget_set_margin_start (editor, 24);
  gtk_widget_set_margin_end (editor, 24);
  gtk_widget_set_margin_top (editor, 24);
  gtk_widget_set_margin_bottom (editor, 24);
  adw_window_set_content (ADW_WINDOW (window), editor);
  gtk_window_present (window);

  loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add (1500, quit_cb, loop);
  g_main_loop_run (loop);

  editor_png = g_build_filename (argv[1], "quote-editor.png", NULL);
  save_window (window, editor_png);

  pdf = g_build_filename (argv[1], "quote.pdf", NULL);
  if (!crm_document_builder_export_pdf (store, "quotes", quote, pdf, &error))
    g_error ("%s", error->message);
  page_prefix = g_build_filename (argv[1], "quote-pdf-page", NULL);
  {
    const char *pdftoppm[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf, page_prefix, NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) pdftoppm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("pdftoppm: %s", error->message);
    g_print ("%s-1.png\n", page_prefix);
  }

  gtk_window_destroy (window);
  g_object_unref (store);
  crm_test_remove_dir (dir);
  return 0;
}
