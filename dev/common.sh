# dev/common.sh — what dev/demo, dev/test and bench/ share: packages, build, database.
# Sourced, not run.

PORTAIL_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
# The town's clock: what a script calls « today » is the module's (Europe/Paris), also on a
# machine on UTC between 23:00 and midnight.
export TZ=Europe/Paris

PORTAIL_PACKAGES="apache2 apache2-dev apache2-utils libapr1-dev libaprutil1-dev
 libaprutil1-dbd-sqlite3 libaprutil1-dbd-pgsql libxml2-dev libxslt1-dev libssl-dev
 sqlite3 libsqlite3-dev postgresql libapache2-mod-perl2 libwww-perl libxml-libxml-perl
 autoconf automake libtool pkg-config make gcc check libcurl4-openssl-dev
 python3-aiosmtpd python3-icalendar wrk xsltproc libxml2-utils curl libpq-dev locales
 clang libclang-rt-14-dev chromium openjdk-17-jre-headless
 libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
 libarchive-dev libarchive-zip-perl"

# Install the Debian packages that are missing (as root; once per machine).
portail_install_packages() {
    local missing=() p
    for p in $PORTAIL_PACKAGES; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Paquets manquants (à installer en root) : ${missing[*]}" >&2
        return 1
    fi
    echo "Installation des paquets : ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    # The postgresql package starts Debian's own cluster; the tests use a private one.
}

# The test PostgreSQL server speaks French, as a French town's would (dev/pg): its error
# messages must not change what the portal does (core/pt_db.c classifies by SQLSTATE).
portail_french_locale() {
    locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' && return 0
    [ "$(id -u)" -eq 0 ] || return 1
    localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 2>/dev/null
}

# Configure (once) and build in the source tree.  $1: extra configure options.
portail_build() {
    cd "$PORTAIL_TOP"
    if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
        autoreconf -fi
    fi
    if [ ! -f Makefile ] || [ configure -nt Makefile ] \
       || [ "$(cat .configure-options 2>/dev/null)" != "$1" ]; then
        # Other options (another compiler, sanitizers): nothing of the old build is kept.
        [ -f Makefile ] && make clean >/dev/null 2>&1
        ./configure --with-apxs=/usr/bin/apxs $1 >/dev/null
        printf '%s\n' "$1" > .configure-options
    fi
    make -j2 >/dev/null
}

# A fresh SQLite database with the demo data in directory $1 (writable by $2); with $3 =
# ville, the living town around today too (dev/demo, the browser suite; not Apache::Test).
portail_sqlite_demo() {
    local dir=$1 owner=${2:-} ville=${3:-}
    mkdir -p "$dir"
    rm -f "$dir/portail.db" "$dir/portail.db-wal" "$dir/portail.db-shm"
    "$PORTAIL_TOP/portail-ctl" -d sqlite3 -p "$dir/portail.db" -s "$PORTAIL_TOP/sql" init >/dev/null
    "$PORTAIL_TOP/portail-ctl" -d sqlite3 -p "$dir/portail.db" -s "$PORTAIL_TOP/sql" demo >/dev/null
    [ "$ville" = ville ] && "$PORTAIL_TOP/portail-ctl" -d sqlite3 -p "$dir/portail.db" \
        -s "$PORTAIL_TOP/sql" demo-ville >/dev/null
    # Apache's children write the database and, in WAL mode, files beside it.
    [ -n "$owner" ] && chown -R "$owner" "$dir"
    return 0
}

# Apache's children run as an unprivileged user ($1): they read the stylesheets and static
# files in the tree.  A checkout in a private directory (mktemp -d is 0700) would hide
# them: open the way (search permission only, o+x) on the directories above the tree.
portail_tree_reachable() {
    local user=$1 d=$PORTAIL_TOP
    [ "$(id -u)" -eq 0 ] || return 0
    runuser -u "$user" -- test -r "$PORTAIL_TOP/xslt/layout.xsl" 2>/dev/null && return 0
    while [ "$d" != "/" ]; do
        chmod o+x "$d"
        d=$(dirname "$d")
    done
    runuser -u "$user" -- test -r "$PORTAIL_TOP/xslt/layout.xsl" || {
        echo "$user ne peut pas lire $PORTAIL_TOP/xslt" >&2; return 1; }
}

# dev/test --asan: the build environment (clang, AddressSanitizer + UBSan, the shared
# sanitizer runtime so that the module can use the one preloaded into Apache) and where
# the reports go.  Apache itself is not sanitized: t/TEST.PL starts it through
# $PORTAIL_HTTPD, a wrapper that preloads the runtime.  APR pools carve their blocks out
# of large mallocs: an overflow inside a pool block is not seen, one past a malloc is.
portail_asan_env() {
    local rt
    rt=$(clang -print-file-name=libclang_rt.asan-x86_64.so)
    export CC=clang
    export CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined"
    export LDFLAGS="-fsanitize=address,undefined -shared-libsan -Wl,-rpath,$(dirname "$rt")"
    PORTAIL_ASAN_LOGS=$(mktemp -d /tmp/portail-asan.XXXXXX)
    chmod 1777 "$PORTAIL_ASAN_LOGS"                  # Apache's children run as nobody
    export PORTAIL_ASAN_LOGS
    # Leaks: checked by the unit tests and the fuzzers; Apache's children and portail-ctl
    # end with their pools alive, by design.
    export ASAN_OPTIONS="detect_leaks=0:log_path=$PORTAIL_ASAN_LOGS/asan:log_exe_name=1"
    export UBSAN_OPTIONS="print_stacktrace=1:log_path=$PORTAIL_ASAN_LOGS/ubsan:log_exe_name=1"
    export CK_TIMEOUT_MULTIPLIER=10                   # the unit tests run slower
    PORTAIL_HTTPD=$PORTAIL_ASAN_LOGS/apache2
    printf '#!/bin/sh\nLD_PRELOAD=%s exec /usr/sbin/apache2 "$@"\n' "$rt" > "$PORTAIL_HTTPD"
    chmod 755 "$PORTAIL_HTTPD"
    export PORTAIL_HTTPD
}

# The sanitizer reports written since portail_asan_env (0: none).
portail_asan_reports() {
    local reports
    reports=$(find "$PORTAIL_ASAN_LOGS" -type f \( -name 'asan*' -o -name 'ubsan*' \) -size +0)
    if [ -z "$reports" ]; then
        echo "aucun rapport d'AddressSanitizer ni d'UBSan"
        return 0
    fi
    echo "rapports des sanitizers :"
    for f in $reports; do echo "--- $f"; head -n 30 "$f"; done
    return 1
}
