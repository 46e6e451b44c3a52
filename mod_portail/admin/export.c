/* export.c — /portail/admin/activites/{activite}/export?type=effectifs|liste&du=…&au=…:
 * the bookings of an activity as CSV for a French spreadsheet (UTF-8 with its byte order
 * mark, « ; » between cells, CRLF, formulas neutralised by pt_csv_write).
 *
 *   effectifs  one line a day: children expected, absences, waiting list (the canteen's
 *              orders);
 *   liste      one line a child and a day, with what the staff must know.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_csv.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

/* A booking's status as the staff read it. */
static const char *portail_export_status(const char *s)
{
    static const char *const labels[] = {
        "reserve", "Réservé", "en_attente", "En attente de validation",
        "absence_demandee", "Absence signalée", "present", "Présent", "absent", "Absent",
        "excuse", "Absent excusé", NULL
    };
    const char *const *l;
    for (l = labels; s && *l; l += 2) {
        if (!strcmp(*l, s)) {
            return l[1];
        }
    }
    return s;
}

int portail_admin_export_get(pt_req *rq)
{
    static const char *const counts_head[] = {
        "Date", "Enfants attendus", "dont hors délai (majorés)", "Absences", "Liste d'attente"
    };
    static const char *const counts_cols[] = { "day", "attendus", "majores", "absences", "attente" };
    static const char *const list_head[] = {
        "Date", "Nom", "Prénom", "École", "Classe", "Statut", "Allergies", "PAI", "Régime",
        "Motif d'absence"
    };
    static const char *const list_cols[] = {
        "day", "nom", "prenom", "ecole", "classe", "status", "allergies", "pai", "regime", "motif"
    };
    const char *type = pt_form_get(rq->query, "type"), *du = pt_form_get(rq->query, "du");
    const char *au = pt_form_get(rq->query, "au"), *cells[10], *head[10], *cols[10];
    int effectifs = !strcmp(type, "effectifs"), n = 0, i, c;
    apr_int64_t id = pt_req_param_id(rq, "activite");
    apr_array_header_t *out = pt_csv_new(rq->pool);
    pt_rows *act = NULL, *r = NULL;
    pt_date d1, d2;

    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if ((!effectifs && strcmp(type, "liste")) || !pt_date_parse(du, &d1) || !pt_date_parse(au, &d2)
        || pt_date_days(d2) < pt_date_days(d1) || pt_date_days(d2) - pt_date_days(d1) > 366) {
        return pt_req_error(rq, 400, "Choisissez le type d'export (effectifs ou liste) et une "
                                     "période réelle d'un an au plus (dates AAAA-MM-JJ).");
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_activite_get",
                     PT_ARGS(pt_db_int(rq->pool, id)), &act) != PT_DB_OK
        || (act->n == 1
            && pt_db_select(rq->db, rq->pool, effectifs ? "portail_admin_export_counts"
                                                        : "portail_admin_export_list",
                            PT_ARGS(pt_db_int(rq->pool, id), du, au), &r) != PT_DB_OK)) {
        return pt_req_error(rq, 503, NULL);
    }
    if (act->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    /* The columns: health ones (allergies, PAI, diet) only for the roles that see them. */
    for (c = 0; c < (effectifs ? 5 : 10); c++) {
        const pt_dossier_field *f = effectifs ? NULL
                                              : pt_dossier_field_find("enfant", list_cols[c]);
        if (!f || pt_dossier_visible(rq->user, f)) {
            head[n] = effectifs ? counts_head[c] : list_head[c];
            cols[n++] = effectifs ? counts_cols[c] : list_cols[c];
        }
    }
    pt_csv_write(out, ';', n, head);
    for (i = 0; i < r->n; i++) {
        for (c = 0; c < n; c++) {
            const char *col = cols[c];
            const char *v = pt_rows_get(r, i, col);
            pt_date d;
            if (!strcmp(col, "day") && pt_date_parse(v, &d)) {
                v = pt_fr_date_num(rq->pool, d);
            }
            else if (!strcmp(col, "regime")) {
                v = pt_dossier_display(rq->pool, pt_dossier_field_find("enfant", "regime"), v, 0);
            }
            else if (!strcmp(col, "status")) {
                v = portail_export_status(v);
            }
            else if (!strcmp(col, "pai")) {
                v = v && !strcmp(v, "1") ? "oui" : "non";
            }
            cells[c] = v;
        }
        pt_csv_write(out, ';', n, cells);
    }
    rq->body = pt_csv_text(out, &rq->body_len);
    rq->content_type = "text/csv; charset=UTF-8";
    rq->filename = apr_psprintf(rq->pool, "activite-%" APR_INT64_T_FMT "-%s-%s-%s.csv", id, type,
                                du, au);
    return 200;
}
