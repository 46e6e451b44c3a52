/* pt_pdf — an invoice as PDF with cairo + pango (see pt_pdf.h). */
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include "core/pt_pdf.h"

/* A4 in points, margins. */
#define PT_PDF_PAGE_W 595.0
#define PT_PDF_PAGE_H 842.0
#define PT_PDF_M 50.0
#define PT_PDF_BOTTOM 760.0

typedef enum { PT_PDF_LEFT, PT_PDF_RIGHT, PT_PDF_CENTER } pt_pdf_align;

static cairo_status_t pt_pdf_write(void *closure, const unsigned char *data, unsigned int n)
{
    apr_array_header_t *out = closure;
    unsigned int i;
    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(out, unsigned char) = data[i];
    }
    return CAIRO_STATUS_SUCCESS;
}

/* Text in a box of `width` at (x, y); returns its height. */
static double pt_pdf_text(cairo_t *cr, const char *font, double x, double y, double width,
                          pt_pdf_align align, const char *text)
{
    PangoLayout *layout;
    PangoFontDescription *desc;
    int w, h;
    if (!text || !*text) {
        return 0;
    }
    layout = pango_cairo_create_layout(cr);
    desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == PT_PDF_RIGHT ? PANGO_ALIGN_RIGHT
                                       : align == PT_PDF_CENTER ? PANGO_ALIGN_CENTER
                                       : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return (double)h / PANGO_SCALE;
}

static void pt_pdf_rule(cairo_t *cr, double y)
{
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, PT_PDF_M, y);
    cairo_line_to(cr, PT_PDF_PAGE_W - PT_PDF_M, y);
    cairo_stroke(cr);
}

/* The columns of the lines' table: x and width. */
static const struct { double x, w; pt_pdf_align a; const char *title; } pt_pdf_cols[] = {
    { PT_PDF_M, 85, PT_PDF_LEFT, "Enfant" },
    { PT_PDF_M + 90, 140, PT_PDF_LEFT, "Activité" },
    { PT_PDF_M + 235, 35, PT_PDF_RIGHT, "Jours" },
    { PT_PDF_M + 275, 65, PT_PDF_RIGHT, "Prix unitaire" },
    { PT_PDF_M + 345, 70, PT_PDF_RIGHT, "Majoration" },
    { PT_PDF_M + 420, 75, PT_PDF_RIGHT, "Montant" },
};

static double pt_pdf_table_head(cairo_t *cr, double y)
{
    size_t c;
    double h = 0, t;
    for (c = 0; c < sizeof(pt_pdf_cols) / sizeof(pt_pdf_cols[0]); c++) {
        t = pt_pdf_text(cr, "Sans Bold 8", pt_pdf_cols[c].x, y, pt_pdf_cols[c].w,
                        pt_pdf_cols[c].a, pt_pdf_cols[c].title);
        h = t > h ? t : h;
    }
    pt_pdf_rule(cr, y + h + 2);
    return y + h + 6;
}

static void pt_pdf_watermark(cairo_t *cr)
{
    cairo_save(cr);
    cairo_set_source_rgba(cr, 0.8, 0.1, 0.1, 0.25);
    cairo_translate(cr, PT_PDF_PAGE_W / 2, PT_PDF_PAGE_H / 2);
    cairo_rotate(cr, -0.7);
    pt_pdf_text(cr, "Sans Bold 90", -260, -60, 520, PT_PDF_CENTER, "ANNULÉE");
    cairo_restore(cr);
}

/* The footer with the references, on every page. */
static void pt_pdf_footer(apr_pool_t *p, cairo_t *cr, const pt_pdf_invoice *inv, int page)
{
    pt_pdf_rule(cr, PT_PDF_BOTTOM + 6);
    pt_pdf_text(cr, "Sans 8", PT_PDF_M, PT_PDF_BOTTOM + 10, PT_PDF_PAGE_W - 2 * PT_PDF_M,
                PT_PDF_LEFT,
                apr_psprintf(p, "Références à rappeler (elles permettent aussi de vous abonner à "
                             "l'espace famille) :\nCode émission : %s    Référence : %s\n"
                             "Code personne : %s    Montant : %s", inv->code_emission,
                             inv->reference, inv->code_personne, inv->total));
    pt_pdf_text(cr, "Sans 8", PT_PDF_M, PT_PDF_BOTTOM + 52, PT_PDF_PAGE_W - 2 * PT_PDF_M,
                PT_PDF_RIGHT,
                apr_psprintf(p, "%s — facture n° %s — page %d", inv->town, inv->numero, page));
    if (inv->cancelled) {
        pt_pdf_watermark(cr);
    }
}

int pt_pdf_invoice_render(apr_pool_t *p, const pt_pdf_invoice *inv, const char **body,
                          apr_size_t *len)
{
    apr_array_header_t *out = apr_array_make(p, 16384, 1);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(pt_pdf_write, out, PT_PDF_PAGE_W,
                                                             PT_PDF_PAGE_H);
    cairo_t *cr = cairo_create(s);
    double y = PT_PDF_M, h;
    int i, page = 1, ok;
    size_t c;

    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
                                   apr_psprintf(p, "Facture %s", inv->numero));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "mod_portail");
    cairo_set_source_rgb(cr, 0, 0, 0);
    /* Issuer, left; addressee, right. */
    h = pt_pdf_text(cr, "Sans Bold 14", PT_PDF_M, y, 320, PT_PDF_LEFT,
                    apr_psprintf(p, "Mairie de %s", inv->town));
    pt_pdf_text(cr, "Sans 9", PT_PDF_M, y + h + 4, 250, PT_PDF_LEFT, inv->emetteur);
    y += 20;
    pt_pdf_text(cr, "Sans Bold 10", 340, y + 40, 205, PT_PDF_LEFT,
                apr_psprintf(p, "Famille %s", inv->famille));
    pt_pdf_text(cr, "Sans 10", 340, y + 56, 205, PT_PDF_LEFT,
                inv->adresse ? apr_pstrcat(p, inv->adresse, "\n", inv->ville ? inv->ville : "",
                                           NULL) : NULL);
    y = 170;
    y += pt_pdf_text(cr, "Sans Bold 14", PT_PDF_M, y, 495, PT_PDF_LEFT,
                     apr_psprintf(p, "Facture n° %s", inv->numero)) + 6;
    y += pt_pdf_text(cr, "Sans 10", PT_PDF_M, y, 495, PT_PDF_LEFT,
                     apr_psprintf(p, "Période : %s\nÉmise le %s — à payer avant le %s\n"
                                  "Statut : %s", inv->periode, inv->emise, inv->echeance,
                                  inv->statut)) + 14;
    if (inv->cancelled) {
        /* Also in the text itself: the diagonal watermark is not read by every tool. */
        cairo_set_source_rgb(cr, 0.7, 0.1, 0.1);
        y += pt_pdf_text(cr, "Sans Bold 12", PT_PDF_M, y, 495, PT_PDF_LEFT,
                         "FACTURE ANNULÉE par un avoir : elle n'est plus à payer.") + 10;
        cairo_set_source_rgb(cr, 0, 0, 0);
    }
    y = pt_pdf_table_head(cr, y);
    for (i = 0; i < inv->nlines; i++) {
        const pt_pdf_line *l = &inv->lines[i];
        const char *cells[6];
        double row = 0;
        cells[0] = l->enfant; cells[1] = l->activite; cells[2] = l->jours;
        cells[3] = l->prix; cells[4] = l->majoration; cells[5] = l->montant;
        if (y > PT_PDF_BOTTOM - 90) {
            pt_pdf_footer(p, cr, inv, page++);
            cairo_show_page(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            y = pt_pdf_table_head(cr, PT_PDF_M);
        }
        for (c = 0; c < 6; c++) {
            h = pt_pdf_text(cr, "Sans 9", pt_pdf_cols[c].x, y, pt_pdf_cols[c].w,
                            pt_pdf_cols[c].a, cells[c]);
            row = h > row ? h : row;
        }
        y += row + 4;
    }
    pt_pdf_rule(cr, y);
    y += 6;
    {
        static const char *const labels[] = { "Total", "Déjà réglé", "Reste à payer" };
        const char *values[3];
        values[0] = inv->total; values[1] = inv->paye; values[2] = inv->reste;
        for (c = 0; c < 3; c++) {
            pt_pdf_text(cr, c == 0 ? "Sans Bold 10" : "Sans 10", PT_PDF_M + 230, y, 180,
                        PT_PDF_RIGHT, labels[c]);
            y += pt_pdf_text(cr, c == 0 ? "Sans Bold 10" : "Sans 10", PT_PDF_M + 420, y, 75,
                             PT_PDF_RIGHT, values[c]) + 3;
        }
    }
    pt_pdf_footer(p, cr, inv, page);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    if (!ok) {
        return -1;
    }
    *body = out->elts;
    *len = (apr_size_t)out->nelts;
    return 0;
}
