/* pt_captcha — a self-hosted captcha a screen reader can read.
 *
 * A question in words (« Combien font trois plus quatre ? »), answered in digits or words.
 * The form carries the question and a token: an id, an expiry and an HMAC of the id and
 * the answer under the portal's secret.  Any server of a cluster checks it without shared
 * state but the secret; single use is enforced by recording the id once (captcha_used).
 * No image, no third-party service (RGPD).
 */
#ifndef PT_CAPTCHA_H
#define PT_CAPTCHA_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

#define PT_CAPTCHA_LIFETIME 1800      /* seconds to answer */

typedef struct pt_captcha {
    const char *question;
    const char *token;
} pt_captcha;

/* A new question and its token. */
int pt_captcha_new(apr_pool_t *p, const char *secret, apr_time_t now, pt_captcha *out);

/* Check an answer (pure: no single-use check).  Returns 1 when right and not expired;
 * *id receives the captcha's id for pt_captcha_use. */
int pt_captcha_check(apr_pool_t *p, const char *secret, const char *token, const char *answer,
                     apr_time_t now, const char **id);

/* Record the id as used: PT_DB_CONFLICT if it was already. */
int pt_captcha_use(pt_db *db, apr_pool_t *p, const char *id, apr_time_t now);

#endif
