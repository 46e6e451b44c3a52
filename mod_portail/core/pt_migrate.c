/* pt_migrate — numbered migrations.  See pt_migrate.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <apr_file_info.h>
#include "core/pt_migrate.h"

apr_array_header_t *pt_migrate_split(apr_pool_t *p, const char *script)
{
    apr_array_header_t *out = apr_array_make(p, 16, sizeof(const char *));
    const char *s = script, *start = NULL;
    char *buf = apr_palloc(p, strlen(script) + 1);
    apr_size_t n = 0;
    int quote = 0;

    for (; *s; s++) {
        if (!quote && s[0] == '-' && s[1] == '-') {
            while (*s && *s != '\n') {
                s++;
            }
            if (!*s) {
                break;
            }
        }
        if (*s == '\'') {
            quote = !quote;
        }
        if (!start && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
            continue;
        }
        start = s;
        buf[n++] = *s;
        if (!quote && *s == ';') {
            const char *e = s + 1;
            while (*e == ' ' || *e == '\t' || *e == '\r') {
                e++;
            }
            if (*e == '\n' || *e == '\0' || (e[0] == '-' && e[1] == '-')) {
                APR_ARRAY_PUSH(out, const char *) = apr_pstrmemdup(p, buf, n - 1);
                n = 0;
                start = NULL;
            }
        }
    }
    if (n > 0) {
        buf[n] = '\0';
        APR_ARRAY_PUSH(out, const char *) = apr_pstrmemdup(p, buf, n);
    }
    return out;
}

int pt_migrate_read(apr_pool_t *p, const char *path, char **text, const char **err)
{
    apr_file_t *f;
    apr_finfo_t fi;
    apr_size_t len;

    if (apr_file_open(&f, path, APR_READ, 0, p) != APR_SUCCESS
        || apr_file_info_get(&fi, APR_FINFO_SIZE, f) != APR_SUCCESS) {
        *err = apr_psprintf(p, "%s : lecture impossible", path);
        return PT_DB_ERROR;
    }
    len = (apr_size_t)fi.size;
    *text = apr_palloc(p, len + 1);
    if (apr_file_read_full(f, *text, len, &len) != APR_SUCCESS) {
        apr_file_close(f);
        *err = apr_psprintf(p, "%s : lecture impossible", path);
        return PT_DB_ERROR;
    }
    apr_file_close(f);
    (*text)[len] = '\0';
    return PT_DB_OK;
}

/* Run every statement of a script; `label` names it in the error. */
static int pt_migrate_exec_script(pt_db *db, apr_pool_t *p, const char *label,
                                  const char *text, const char **err)
{
    apr_array_header_t *stmts = pt_migrate_split(p, text);
    int i, rv;

    for (i = 0; i < stmts->nelts; i++) {
        rv = pt_db_exec_raw(db, p, APR_ARRAY_IDX(stmts, i, const char *));
        if (rv != PT_DB_OK) {
            *err = apr_psprintf(p, "%s, instruction %d : %s", label, i + 1, db->error);
            return rv;
        }
    }
    return PT_DB_OK;
}

/* Run a script in one transaction; with version > 0, record it in schema_version in the
 * same transaction, so a failed migration leaves nothing behind. */
static int pt_migrate_apply(pt_db *db, apr_pool_t *p, const char *path, const char *text,
                            int version, const char *name, const char **err)
{
    char *read = NULL;
    int rv;
    if (!text) {
        if ((rv = pt_migrate_read(p, path, &read, err)) != PT_DB_OK) {
            return rv;
        }
        text = read;
    }
    rv = pt_db_begin(db, p);
    if (rv != PT_DB_OK) {
        *err = db->error;
        return rv;
    }
    rv = pt_migrate_exec_script(db, p, path, text, err);
    if (rv == PT_DB_OK && version > 0) {
        pt_db_prepare_one(db, "portail_schema_record");
        rv = pt_db_exec(db, p, "portail_schema_record",
                        PT_ARGS(apr_itoa(p, version), name,
                                pt_db_int(p, apr_time_sec(apr_time_now()))), NULL);
        if (rv != PT_DB_OK) {
            *err = apr_psprintf(p, "%s : %s", path, db->error);
        }
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    rv = pt_db_commit(db);
    if (rv != PT_DB_OK) {
        *err = apr_psprintf(p, "%s : %s", path, db->error);
    }
    return rv;
}

int pt_migrate_load(pt_db *db, apr_pool_t *p, const char *path, const char **err)
{
    return pt_migrate_apply(db, p, path, NULL, 0, NULL, err);
}

int pt_migrate_load_text(pt_db *db, apr_pool_t *p, const char *label, const char *text,
                         const char **err)
{
    return pt_migrate_apply(db, p, label, text, 0, NULL, err);
}

/* Versions already applied; none when schema_version does not exist yet. */
static apr_hash_t *pt_migrate_applied(pt_db *db, apr_pool_t *p, int *current)
{
    apr_hash_t *h = apr_hash_make(p);
    pt_rows *r = NULL;
    int i;
    *current = 0;
    if (!apr_hash_get(db->prepared, "portail_schema_versions", APR_HASH_KEY_STRING)) {
        return h;
    }
    if (pt_db_select(db, p, "portail_schema_versions", PT_NOARGS, &r) != PT_DB_OK) {
        return h;
    }
    for (i = 0; i < r->n; i++) {
        int *v = apr_palloc(p, sizeof(int));
        *v = atoi(r->values[i][0]);
        apr_hash_set(h, v, sizeof(int), v);
        if (*v > *current) {
            *current = *v;
        }
    }
    return h;
}

/* The dialect's spelling of a generated id key, for the « @id@ » of sql/common/. */
static const char *pt_migrate_id_key(pt_dialect dialect)
{
    return dialect == PT_DIALECT_PGSQL ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                                       : "INTEGER PRIMARY KEY";
}

const char *pt_migrate_common_text(apr_pool_t *p, pt_dialect dialect, const char *text)
{
    static const char token[] = "@id@";
    const apr_size_t tlen = sizeof(token) - 1;
    const char *key = pt_migrate_id_key(dialect), *s, *hit;
    apr_size_t klen = strlen(key), count = 0, n;
    char *out, *o;

    for (s = text; (hit = strstr(s, token)) != NULL; s = hit + tlen) {
        count++;
    }
    out = o = apr_palloc(p, strlen(text) + count * klen + 1);
    for (s = text; (hit = strstr(s, token)) != NULL; s = hit + tlen) {
        n = (apr_size_t)(hit - s);
        memcpy(o, s, n);
        memcpy(o + n, key, klen);
        o += n + klen;
    }
    memcpy(o, s, strlen(s) + 1);
    return out;
}

/* The numbered scripts of one folder (NNN_name.sql), as « folder/name » in `files`;
 * a folder that does not exist adds nothing. */
static void pt_migrate_list(apr_pool_t *p, const char *dir, apr_array_header_t *files)
{
    apr_dir_t *d;
    apr_finfo_t fi;

    if (apr_dir_open(&d, dir, p) != APR_SUCCESS) {
        return;
    }
    while (apr_dir_read(&fi, APR_FINFO_NAME | APR_FINFO_TYPE, d) == APR_SUCCESS) {
        const char *n = fi.name;
        if (fi.filetype == APR_REG && strlen(n) > 8 && n[0] >= '0' && n[0] <= '9'
            && n[1] >= '0' && n[1] <= '9' && n[2] >= '0' && n[2] <= '9' && n[3] == '_'
            && strcmp(n + strlen(n) - 4, ".sql") == 0) {
            APR_ARRAY_PUSH(files, const char *) = apr_pstrcat(p, dir, "/", n, NULL);
        }
    }
    apr_dir_close(d);
}

/* Order by the file's name (its number first), whichever folder holds it. */
static int pt_migrate_cmp_name(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    return strcmp(strrchr(x, '/') + 1, strrchr(y, '/') + 1);
}

int pt_migrate_run(pt_db *db, apr_pool_t *p, const char *sqldir, int *applied, int *current,
                   const char **err)
{
    const char *dir = apr_pstrcat(p, sqldir, "/",
                                  db->dialect == PT_DIALECT_PGSQL ? "pgsql" : "sqlite", NULL);
    const char *common = apr_pstrcat(p, sqldir, "/common", NULL);
    apr_array_header_t *files = apr_array_make(p, 32, sizeof(const char *));
    apr_finfo_t fi;
    apr_hash_t *done;
    int i, rv, previous = -1;

    *applied = 0;
    if (apr_stat(&fi, dir, APR_FINFO_TYPE, p) != APR_SUCCESS || fi.filetype != APR_DIR) {
        *err = apr_psprintf(p, "%s : dossier introuvable", dir);
        return PT_DB_ERROR;
    }
    pt_migrate_list(p, dir, files);
    pt_migrate_list(p, common, files);
    qsort(files->elts, files->nelts, sizeof(const char *), pt_migrate_cmp_name);

    /* One number, one migration: the same number in the dialect's folder and in common/
     * would apply one and silently skip the other.  Checked before anything runs. */
    for (i = 0; i < files->nelts; i++) {
        const char *path = APR_ARRAY_IDX(files, i, const char *);
        int version = atoi(strrchr(path, '/') + 1);
        if (version == previous) {
            *err = apr_psprintf(p, "%s : le numéro %03d est déjà pris par une autre "
                                "migration", path, version);
            return PT_DB_ERROR;
        }
        previous = version;
    }

    done = pt_migrate_applied(db, p, current);
    for (i = 0; i < files->nelts; i++) {
        const char *path = APR_ARRAY_IDX(files, i, const char *);
        const char *name = strrchr(path, '/') + 1;
        int version = atoi(name);
        char *text = NULL;

        if (apr_hash_get(done, &version, sizeof(int))) {
            continue;
        }
        if ((rv = pt_migrate_read(p, path, &text, err)) != PT_DB_OK) {
            return rv;
        }
        rv = pt_migrate_apply(db, p, path,
                              strncmp(path, common, strlen(common)) == 0
                                  ? pt_migrate_common_text(p, db->dialect, text) : text,
                              version, apr_pstrndup(p, name, strlen(name) - 4), err);
        if (rv != PT_DB_OK) {
            return rv;
        }
        (*applied)++;
        *current = version;
    }
    /* The schema changed: SQLite expired every statement prepared before. */
    pt_db_prepare_all(db, NULL);
    return PT_DB_OK;
}
