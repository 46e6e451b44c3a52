/* planning.c — /portail/famille/planning: « Planning des activités », and its list mode.
 *
 * Views: month (?vue=mois, the default), week of 7 days (semaine), of 5 days (semaine5),
 * day (jour), around ?date=AAAA-MM-JJ (today by default).  One colour per child, with its
 * initials too (never colour alone); ?masquer=e<id> / a<id> hide a child or an activity,
 * and ?basculer=e<id> turns one in or out of them: the switches are buttons of a GET form,
 * so it works without JavaScript.
 *
 * The parents' most visited page, and the busiest on booking-opening mornings: whatever
 * the number of children and activities, a view costs seven queries (children,
 * enrolments, bookings, full days, periods, closures, calendar feeds); every slot is then
 * computed in memory.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include <apr_lib.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_planning.h"
#include "core/pt_pagecache.h"
#include "core/pt_render.h"

#define PORTAIL_PLANNING_COLOURS 6

/* Every status of a slot, in the legend's order (SPEC §4); bookings have the first ones. */
static const char *const portail_planning_statuses[] = {
    "reserve", "en_attente", "liste_attente", "absence_demandee", "absent", "present", "excuse",
    "annule", "non_reserve", "complet", "majore", "non_annulable", NULL
};
#define PORTAIL_PLANNING_BOOKING_STATUSES 8

/* <statut s="…"/> for the legend (all) or the list mode's filter (bookings' only). */
static void portail_planning_statuses_xml(pt_node *screen, int n)
{
    int i;
    for (i = 0; portail_planning_statuses[i] && i < n; i++) {
        pt_xml_attr(pt_xml_elem(screen, "statut", NULL), "s", portail_planning_statuses[i]);
    }
}

typedef struct portail_view {
    const char *vue;
    pt_date date;
    long first, last;              /* the days shown */
    long month_first, month_last;  /* month view: the month itself */
    apr_table_t *hidden;           /* "e12", "a3" -> "1" */
} portail_view;

/* An enrolment as the day loop needs it: its days, whether it is hidden, its keys. */
typedef struct portail_enr {
    long first, last;              /* day numbers; last < first when hidden */
    const char *wd, *child, *act, *prenom, *init, *colour, *rank, *sigle;
    int occasional, hidden, pending;
    apr_int64_t act_id;
} portail_enr;

/* The view asked for, or 0 (400) when the date or the view does not exist. */
static int portail_planning_view(pt_req *rq, portail_view *v)
{
    const char *date = pt_form_get(rq->query, "date");
    const apr_array_header_t *q = apr_table_elts(rq->query);
    long day;
    int i;

    v->vue = pt_form_get(rq->query, "vue");
    v->vue = *v->vue ? v->vue : "mois";
    if (strcmp(v->vue, "mois") && strcmp(v->vue, "semaine") && strcmp(v->vue, "semaine5")
        && strcmp(v->vue, "jour")) {
        return 0;
    }
    if (*date) {
        if (!pt_date_parse(date, &v->date)) {
            return 0;
        }
    }
    else {
        v->date = pt_date_of_time(rq->now);
    }
    day = pt_date_days(v->date);
    v->hidden = apr_table_make(rq->pool, 4);
    for (i = 0; i < q->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(q, i, apr_table_entry_t);
        if (!strcmp(e->key, "masquer")) {
            apr_table_setn(v->hidden, e->val, "1");
        }
    }
    /* A switch of the form: the one it names changes side. */
    for (i = 0; i < q->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(q, i, apr_table_entry_t);
        if (!strcmp(e->key, "basculer") && *e->val) {
            if (apr_table_get(v->hidden, e->val)) {
                apr_table_unset(v->hidden, e->val);
            }
            else {
                apr_table_setn(v->hidden, e->val, "1");
            }
        }
    }
    if (!strcmp(v->vue, "jour")) {
        v->first = v->last = day;
    }
    else if (!strcmp(v->vue, "mois")) {
        pt_date first = { v->date.y, v->date.m, 1 };
        pt_date last = { v->date.y, v->date.m, pt_date_days_in_month(v->date.y, v->date.m) };
        v->month_first = pt_date_days(first);
        v->month_last = pt_date_days(last);
        v->first = v->month_first - pt_date_weekday(first);
        v->last = v->month_last + 6 - pt_date_weekday(last);
    }
    else {
        v->first = day - pt_date_weekday(v->date);
        v->last = v->first + (!strcmp(v->vue, "semaine5") ? 4 : 6);
    }
    return 1;
}

/* The query of this view with `toggle` (e12, a3) hidden or shown, or another date/view. */
static const char *portail_planning_query(pt_req *rq, const portail_view *v, const char *vue,
                                          pt_date date, const char *toggle)
{
    const apr_array_header_t *h = apr_table_elts(v->hidden);
    const char *q = apr_pstrcat(rq->pool, "vue=", vue, "&date=", pt_date_iso(rq->pool, date),
                                NULL);
    int i, had = 0;
    for (i = 0; i < h->nelts; i++) {
        const char *k = APR_ARRAY_IDX(h, i, apr_table_entry_t).key;
        if (toggle && !strcmp(k, toggle)) {
            had = 1;
            continue;
        }
        q = apr_pstrcat(rq->pool, q, "&masquer=", pt_form_escape(rq->pool, k), NULL);
    }
    if (toggle && !had) {
        q = apr_pstrcat(rq->pool, q, "&masquer=", toggle, NULL);
    }
    return q;
}

/* The first UTF-8 character of s. */
static const char *portail_initial(apr_pool_t *p, const char *s)
{
    apr_size_t n = 1;
    if (!s || !*s) {
        return "";
    }
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) {
        n++;
    }
    return apr_pstrndup(p, s, n);
}

/* The initials of an activity's name, as the month shows it: the first letter of each
 * word of three letters or more (« Accueil périscolaire du soir » → APS), three at most. */
static const char *portail_planning_sigle(apr_pool_t *p, const char *name)
{
    char *out = apr_pcalloc(p, 16);
    apr_size_t n = 0;
    int letters = 0;
    const char *s = name ? name : "";
    while (*s && letters < 3) {
        const char *first = NULL;
        int chars = 0;
        for (; *s && *s != ' ' && *s != '\'' && *s != '-'; s++) {
            if (!first && (((unsigned char)*s & 0x80) || apr_isalnum(*s))) {
                first = s;
            }
            chars += first && ((unsigned char)*s & 0xC0) != 0x80;
        }
        if (first && chars >= 3) {
            const char *c = portail_initial(p, first);
            apr_size_t len = strlen(c);
            if (n + len < 16) {
                memcpy(out + n, c, len);
                out[n] = len == 1 ? (char)apr_toupper(out[n]) : out[n];
                n += len;
                letters++;
            }
        }
        while (*s == ' ' || *s == '\'' || *s == '-') {
            s++;
        }
    }
    return out;
}

static void portail_planning_nav(pt_req *rq, pt_node *screen, const portail_view *v)
{
    pt_date prev = v->date, next = v->date, today = pt_date_of_time(rq->now);
    const char *title;
    if (!strcmp(v->vue, "mois")) {
        prev.d = next.d = 1;
        prev.m = v->date.m == 1 ? 12 : v->date.m - 1;
        prev.y = v->date.m == 1 ? v->date.y - 1 : v->date.y;
        next.m = v->date.m == 12 ? 1 : v->date.m + 1;
        next.y = v->date.m == 12 ? v->date.y + 1 : v->date.y;
        title = pt_date_long(rq->pool, v->date, 1);
        title = strchr(title, ' ') ? strchr(strchr(title, ' ') + 1, ' ') + 1 : title;
    }
    else {
        int step = !strcmp(v->vue, "jour") ? 1 : 7;
        prev = pt_date_from_days(pt_date_days(v->date) - step);
        next = pt_date_from_days(pt_date_days(v->date) + step);
        title = !strcmp(v->vue, "jour")
                ? pt_date_long(rq->pool, v->date, 1)
                : apr_pstrcat(rq->pool, "Semaine du ",
                              pt_date_long(rq->pool, pt_date_from_days(v->first), 1), NULL);
    }
    pt_xml_attr(screen, "vue", v->vue);
    pt_xml_attr(screen, "titre", title);
    pt_xml_attr(screen, "date", pt_date_iso(rq->pool, v->date));
    pt_xml_attr(screen, "precedent", portail_planning_query(rq, v, v->vue, prev, NULL));
    pt_xml_attr(screen, "suivant", portail_planning_query(rq, v, v->vue, next, NULL));
    pt_xml_attr(screen, "aujourdhui", portail_planning_query(rq, v, v->vue, today, NULL));
    pt_xml_attr(screen, "q-mois", portail_planning_query(rq, v, "mois", v->date, NULL));
    pt_xml_attr(screen, "q-semaine", portail_planning_query(rq, v, "semaine", v->date, NULL));
    pt_xml_attr(screen, "q-semaine5", portail_planning_query(rq, v, "semaine5", v->date, NULL));
    pt_xml_attr(screen, "q-jour", portail_planning_query(rq, v, "jour", v->date, NULL));
}

/* Month view: a day's cell in its week's row (corps/tr), made whole here (as its slots,
 * portail_planning_month_slot) and put in the page as it is by the stylesheet
 * (pt:deplacer) — per day, in XSLT, it was a dozen XPath evaluations; escaped, as every
 * value, by the one HTML writer.  Its classes are set by the day loop, once its slots
 * are known. */
static pt_node *portail_planning_month_cell(pt_req *rq, pt_node *row, pt_date d,
                                            const char *label, int today, const char *note)
{
    pt_node *cell = pt_xml_elem(row, "td", NULL);
    pt_node *num = pt_xml_elem(cell, "p", NULL), *span;
    pt_xml_attr_new(num, "class", "jour-num");
    span = pt_xml_elem(num, "span", apr_itoa(rq->pool, d.d));
    pt_xml_attr_new(span, "aria-hidden", "true");
    pt_xml_attr_new(span, "class", "num");
    pt_xml_attr_new(pt_xml_elem(num, "span", label), "class", "date-longue");
    if (today) {
        pt_xml_attr_new(pt_xml_elem(num, "span", apr_pstrcat(rq->pool, " (",
                            pt_render_text(rq->render, "planning.aujourdhui"), ")", NULL)),
                        "class", "visually-hidden");
    }
    if (note) {
        pt_xml_attr_new(pt_xml_elem(cell, "p", note), "class", "note-jour");
    }
    return cell;
}

/* Month view: a slot's link in its day's cell.  Its id (« c2612011-3 »: day, child's
 * rank, activity); its names (aria-labelledby): itself, the child's switch, the
 * activity's, the status in the legend; its text « EM ✔ RS »: the child's initials, the
 * status icon, the activity's initials. */
static void portail_planning_month_slot(pt_req *rq, pt_node *cell, const portail_enr *en,
                                        const char *ymd, const char *query, const char *status)
{
    const char *ref = apr_pstrcat(rq->pool, "c", ymd, en->rank, "-", en->act, NULL);
    pt_node *a = pt_xml_elem(cell, "a", apr_pstrcat(rq->pool, en->init, " ",
        pt_render_text(rq->render, apr_pstrcat(rq->pool, "planning.icone.", status, NULL)),
        " ", en->sigle, NULL));
    pt_xml_attr_new(a, "id", ref);
    pt_xml_attr_new(a, "href", apr_pstrcat(rq->pool, "planning/creneau?", query, NULL));
    pt_xml_attr_new(a, "aria-labelledby", apr_pstrcat(rq->pool, ref, " k", en->rank, " a",
                                                      en->act, " s-", status, NULL));
}

/* The status of a slot: its booking's, else « complet » or « non réservé ». */
static const char *portail_planning_status(apr_hash_t *bookings, apr_hash_t *full,
                                           const char *key, const char *full_key,
                                           int pending)
{
    const char *b = apr_hash_get(bookings, key, APR_HASH_KEY_STRING);
    if (pending) {
        return "en_attente";
    }
    if (b) {
        return b;
    }
    return apr_hash_get(full, full_key, APR_HASH_KEY_STRING) ? "complet" : "non_reserve";
}

int portail_planning_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "planning"), *week = NULL, *rows = NULL, *row = NULL;
    const char *account = pt_db_int(rq->pool, rq->user->id), *first, *last;
    pt_rows *kids = NULL, *enr = NULL, *book = NULL, *full = NULL, *feeds = NULL;
    apr_hash_t *bookings = apr_hash_make(rq->pool), *fullh = apr_hash_make(rq->pool);
    apr_hash_t *colour = apr_hash_make(rq->pool), *acts = apr_hash_make(rq->pool);
    apr_hash_t *rank = apr_hash_make(rq->pool);
    pt_planning_calendar cal;
    portail_view v;
    long day, today = pt_date_days(pt_date_of_time(rq->now));
    int i, e, month, whole;

    if (!portail_planning_view(rq, &v)) {
        return pt_req_error(rq, 400, "Cette date ou cette vue n'existe pas : la date s'écrit "
                                     "AAAA-MM-JJ (par exemple 2026-11-24) et doit exister.");
    }
    month = !strcmp(v.vue, "mois");
    whole = rq->xml || !month;
    first = pt_date_iso(rq->pool, pt_date_from_days(v.first));
    last = pt_date_iso(rq->pool, pt_date_from_days(v.last));
    /* Seven reads, one state of the database (and, on SQLite, one read transaction
     * instead of seven: pt_db_snapshot). */
    if (pt_db_snapshot(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_children", PT_ARGS(account), &kids)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_planning_enrolments",
                        PT_ARGS(account, first, last), &enr) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_planning_bookings",
                        PT_ARGS(account, first, last), &book) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_planning_full",
                        PT_ARGS(account, first, last, first, last), &full) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_agenda_families", PT_ARGS(account), &feeds)
           != PT_DB_OK
        || pt_planning_load(rq->db, rq->pool, first, last, &cal) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_db_snapshot_end(rq->db);
    /* The page is made of these rows, the query, the day and the session's token: the
     * same key, the same page, served without building it again. */
    if (rq->cacheable) {
        pt_rows *const sets[] = { kids, enr, book, full, feeds, cal.rows[0], cal.rows[1] };
        const char *const parts[] = {
            "planning", account, rq->user->prenom, rq->user->nom, rq->csrf,
            pt_date_iso(rq->pool, pt_date_of_time(rq->now)),
            portail_planning_query(rq, &v, v.vue, v.date, NULL), NULL
        };
        const char *key = pt_pagecache_key(rq->pool, parts, sets, 7);
        if (key && pt_pagecache_get(rq->site->pages, key, rq->pool, &rq->body, &rq->body_len)) {
            rq->content_type = "text/html; charset=UTF-8";
            return 200;
        }
        rq->cache_key = key;
    }
    portail_planning_nav(rq, screen, &v);
    portail_planning_statuses_xml(screen, 100);
    for (i = 0; i < book->n; i++) {
        apr_hash_set(bookings, apr_pstrcat(rq->pool, pt_rows_get(book, i, "child_id"), ":",
                                           pt_rows_get(book, i, "activity_id"), ":",
                                           pt_rows_get(book, i, "day"), NULL),
                     APR_HASH_KEY_STRING, pt_rows_get(book, i, "status"));
    }
    for (i = 0; i < full->n; i++) {
        apr_hash_set(fullh, apr_pstrcat(rq->pool, pt_rows_get(full, i, "activity_id"), ":",
                                        pt_rows_get(full, i, "day"), NULL),
                     APR_HASH_KEY_STRING, "1");
    }
    /* Children: a colour and initials each, and the link that hides or shows them. */
    for (i = 0; i < kids->n; i++) {
        pt_node *k = pt_xml_elem(screen, "enfant", NULL);
        const char *id = pt_rows_get(kids, i, "id"), *key = apr_pstrcat(rq->pool, "e", id, NULL);
        const char *c = apr_itoa(rq->pool, i % PORTAIL_PLANNING_COLOURS + 1);
        apr_hash_set(colour, id, APR_HASH_KEY_STRING, c);
        apr_hash_set(rank, id, APR_HASH_KEY_STRING, apr_itoa(rq->pool, i + 1));
        pt_xml_attr(k, "id", id);
        pt_xml_attr_int(k, "rang", i + 1);
        pt_xml_attr(k, "prenom", pt_rows_get(kids, i, "prenom"));
        pt_xml_attr(k, "couleur", c);
        pt_xml_attr(k, "initiales",
                    apr_pstrcat(rq->pool, portail_initial(rq->pool, pt_rows_get(kids, i, "prenom")),
                                portail_initial(rq->pool, pt_rows_get(kids, i, "nom")), NULL));
        pt_xml_attr(k, "bascule", portail_planning_query(rq, &v, v.vue, v.date, key));
        if (apr_table_get(v.hidden, key)) {
            pt_xml_attr(k, "masque", "1");
        }
    }
    for (e = 0; e < enr->n; e++) {
        const char *id = pt_rows_get(enr, e, "activity_id"), *key = apr_pstrcat(rq->pool, "a", id, NULL);
        pt_node *a;
        if (apr_hash_get(acts, id, APR_HASH_KEY_STRING)) {
            continue;
        }
        apr_hash_set(acts, id, APR_HASH_KEY_STRING, "1");
        a = pt_xml_elem(screen, "activite", NULL);
        pt_xml_attr(a, "id", id);
        pt_xml_attr(a, "nom", pt_rows_get(enr, e, "name"));
        pt_xml_attr(a, "sigle", portail_planning_sigle(rq->pool, pt_rows_get(enr, e, "name")));
        pt_xml_attr(a, "debut", pt_rows_get(enr, e, "start_time"));
        pt_xml_attr(a, "fin", pt_rows_get(enr, e, "end_time"));
        pt_xml_attr(a, "bascule", portail_planning_query(rq, &v, v.vue, v.date, key));
        if (apr_table_get(v.hidden, key)) {
            pt_xml_attr(a, "masque", "1");
        }
    }
    for (i = 0; i < feeds->n; i++) {
        pt_node *f = pt_xml_elem(screen, "agenda", NULL);
        pt_xml_attr(f, "famille", pt_rows_get(feeds, i, "id"));
        pt_xml_attr(f, "nom", pt_rows_get(feeds, i, "nom"));
        pt_xml_attr(f, "url", portail_agenda_url(rq, pt_rows_int(feeds, i, "id", 0),
                                                 pt_rows_int(feeds, i, "ics_generation", 1)));
    }
    /* What does not change from day to day, once per enrolment. */
    {
        portail_enr *en = apr_pcalloc(rq->pool, sizeof(*en) * (enr->n ? enr->n : 1));
        for (e = 0; e < enr->n; e++) {
            pt_date d1, d2;
            int k;
            en[e].child = pt_rows_get(enr, e, "child_id");
            en[e].act = pt_rows_get(enr, e, "activity_id");
            en[e].act_id = pt_rows_int(enr, e, "activity_id", 0);
            en[e].wd = pt_rows_get(enr, e, "weekdays");
            en[e].occasional = pt_rows_int(enr, e, "occasionnelle", 0) != 0;
            en[e].pending = !strcmp(pt_rows_get(enr, e, "status"), "en_attente");
            en[e].colour = apr_hash_get(colour, en[e].child, APR_HASH_KEY_STRING);
            en[e].rank = apr_hash_get(rank, en[e].child, APR_HASH_KEY_STRING);
            en[e].sigle = portail_planning_sigle(rq->pool, pt_rows_get(enr, e, "name"));
            en[e].hidden = !pt_date_parse(pt_rows_get(enr, e, "date_debut"), &d1)
                           || !pt_date_parse(pt_rows_get(enr, e, "date_fin"), &d2)
                           || apr_table_get(v.hidden, apr_pstrcat(rq->pool, "e", en[e].child, NULL))
                           || apr_table_get(v.hidden, apr_pstrcat(rq->pool, "a", en[e].act, NULL));
            en[e].first = en[e].hidden ? 0 : pt_date_days(d1);
            en[e].last = en[e].hidden ? -1 : pt_date_days(d2);
            for (k = 0; k < kids->n; k++) {
                if (!strcmp(pt_rows_get(kids, k, "id"), en[e].child)) {
                    en[e].prenom = pt_rows_get(kids, k, "prenom");
                    en[e].init = apr_pstrcat(rq->pool,
                                             portail_initial(rq->pool, pt_rows_get(kids, k, "prenom")),
                                             portail_initial(rq->pool, pt_rows_get(kids, k, "nom")), NULL);
                }
            }
        }
        /* The days, in weeks. */
        for (day = v.first; day <= v.last; day++) {
            pt_date d = pt_date_from_days(day);
            const char *iso = pt_date_iso(rq->pool, d), *note = pt_planning_day_note(&cal, day);
            int wd = pt_date_weekday(d), slots = 0, outside;
            /* « 261201 » of 2026-12-01: the day in the slots' ids */
            char ymd[7] = { iso[2], iso[3], iso[5], iso[6], iso[8], iso[9], '\0' };
            const char *label, *classes;
            pt_node *j, *cell;
            if ((day - v.first) % 7 == 0) {
                /* The month's HTML reads its cells (corps) and the weekdays of its first
                 * week: the weeks, days and slots after it are for the XML API. */
                week = whole || day == v.first ? pt_xml_elem(screen, "semaine", NULL) : NULL;
                if (month) {
                    rows = rows ? rows : pt_xml_elem(screen, "corps", NULL);
                    row = pt_xml_elem(rows, "tr", NULL);
                }
            }
            label = pt_date_long(rq->pool, d, 0);
            outside = month && (day < v.month_first || day > v.month_last);
            j = week ? pt_xml_elem(week, "jour", NULL) : NULL;
            if (j) {
                pt_xml_attr_new(j, "date", iso);
                pt_xml_attr_int(j, "num", d.d);
                pt_xml_attr_int(j, "jds", wd + 1);
                pt_xml_attr_new(j, "libelle", label);
                if (outside) {
                    pt_xml_attr_new(j, "hors-mois", "1");
                }
                if (day == today) {
                    pt_xml_attr_new(j, "aujourdhui", "1");
                }
                if (note) {
                    pt_xml_attr_new(j, "note", note);
                }
            }
            cell = month ? portail_planning_month_cell(rq, row, d, label, day == today, note) : NULL;
            for (e = 0; e < enr->n; e++) {
                const char *status, *query;
                pt_node *sl;
                if (day < en[e].first || day > en[e].last
                    || (!en[e].occasional && (!en[e].wd || en[e].wd[wd] != '1'))
                    || !pt_planning_open(&cal, en[e].act_id, day, NULL)) {
                    continue;
                }
                sl = j && whole ? pt_xml_elem(j, "creneau", NULL) : NULL;
                status = portail_planning_status(
                    bookings, fullh, apr_pstrcat(rq->pool, en[e].child, ":", en[e].act, ":", iso, NULL),
                    apr_pstrcat(rq->pool, en[e].act, ":", iso, NULL), en[e].pending);
                query = apr_pstrcat(rq->pool, "enfant=", en[e].child, "&activite=", en[e].act,
                                    "&date=", iso, NULL);
                if (sl) {
                    pt_xml_attr_new(sl, "enfant", en[e].child);
                    pt_xml_attr_new(sl, "statut", status);
                }
                slots++;
                if (cell) {
                    portail_planning_month_slot(rq, cell, &en[e], ymd, query, status);
                    continue;
                }
                pt_xml_attr_new(sl, "q", query);
                pt_xml_attr_new(sl, "act", en[e].act);
                pt_xml_attr_new(sl, "prenom", en[e].prenom);
                pt_xml_attr_new(sl, "initiales", en[e].init);
                pt_xml_attr_new(sl, "couleur", en[e].colour);
                pt_xml_attr_new(sl, "rang", en[e].rank);
                pt_xml_attr_new(sl, "sigle", en[e].sigle);
                pt_xml_attr_new(sl, "activite", pt_rows_get(enr, e, "name"));
                pt_xml_attr_new(sl, "debut", pt_rows_get(enr, e, "start_time"));
                pt_xml_attr_new(sl, "fin", pt_rows_get(enr, e, "end_time"));
            }
            if (!slots && j) {
                pt_xml_attr_new(j, "vide", "1");
            }
            /* The cell's classes, once here rather than in four tests per day. */
            classes = apr_pstrcat(rq->pool, "jour", slots ? "" : " jour-vide",
                                  outside ? " hors-mois" : "", day == today ? " aujourdhui" : "",
                                  NULL);
            pt_xml_attr_new(cell ? cell : j, cell ? "class" : "classe", classes);
        }
    }
    return 200;
}

int portail_planning_liste_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "planning-liste");
    const char *statut = pt_form_get(rq->query, "statut"), *enfant = pt_form_get(rq->query, "enfant");
    pt_rows *r = NULL, *kids = NULL, *pre = NULL;
    int i;

    int known = !*statut;
    for (i = 0; i < PORTAIL_PLANNING_BOOKING_STATUSES; i++) {
        known |= !strcmp(portail_planning_statuses[i], statut);
    }
    if (!known) {
        return pt_req_error(rq, 400, "Ce statut n'existe pas.");
    }
    if (pt_db_snapshot(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_children",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &kids) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_planning_liste",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id), statut, statut), &r) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_preinscriptions_list",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &pre) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_db_snapshot_end(rq->db);
    pt_xml_attr(screen, "statut", statut);
    pt_xml_attr(screen, "enfant", enfant);
    portail_planning_statuses_xml(screen, PORTAIL_PLANNING_BOOKING_STATUSES);
    pt_xml_rows(screen, "enfant-choix", kids, NULL);
    /* Filtered by child here: the child must be one of the account's anyway. */
    for (i = 0; i < r->n; i++) {
        if (!*enfant || !strcmp(enfant, pt_rows_get(r, i, "child_id"))) {
            pt_xml_row(screen, "reservation", r, i, NULL);
        }
    }
    for (i = 0; i < pre->n && !*statut; i++) {
        if (!*enfant || !strcmp(enfant, pt_rows_get(pre, i, "child_id"))) {
            pt_xml_row(screen, "preinscription", pre, i, NULL);
        }
    }
    return 200;
}
