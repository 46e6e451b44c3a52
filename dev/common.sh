# dev/common.sh — what dev/demo, dev/test and bench/ share: packages, build, database.
# Sourced, not run.

PORTAIL_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin

PORTAIL_PACKAGES="apache2 apache2-dev apache2-utils libapr1-dev libaprutil1-dev
 libaprutil1-dbd-sqlite3 libaprutil1-dbd-pgsql libxml2-dev libxslt1-dev libssl-dev
 sqlite3 libsqlite3-dev postgresql libapache2-mod-perl2 libwww-perl libxml-libxml-perl
 autoconf automake libtool pkg-config make gcc check libcurl4-openssl-dev
 python3-aiosmtpd python3-icalendar wrk xsltproc libxml2-utils curl libpq-dev locales
 clang libclang-rt-14-dev chromium openjdk-17-jre-headless
 libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils"

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
