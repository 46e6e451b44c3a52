package Portail::Test;
# Helpers of the Apache::Test suites: one browser-like client per user (cookie jar, no
# automatic redirects), login through the real form, and a look into the database so a
# test can assert that a refused request changed nothing.
use strict;
use warnings;
use utf8;
use Exporter 'import';
use Apache::Test ();
use Apache::TestRequest ();
use LWP::UserAgent;
use HTTP::Cookies;
use XML::LibXML;
use Encode ();
use POSIX ();

# The town's clock: the module's « today » is Europe/Paris, so every test's is too.  A
# suite run by a machine on UTC between 23:00 and midnight otherwise asked for « today »
# while the portal was already on tomorrow (CI, 2026-12-01).
BEGIN { $ENV{TZ} = 'Europe/Paris'; POSIX::tzset(); }

our @EXPORT_OK = qw(client url host csrf_of login xml_of sql_query db_driver ctl smtp_server open_day
                    new_account new_family parallel mailed_link ask_reset day new_activity
                    enrol book httpd_pid httpd_children httpd_sockets db_problems
                    wait_until ctl_command visible_text pdf_text csv_file new_children
                    month_ago new_regie flat_tariff booked_day payfip_simulator payfip_choose
                    zip_members children_peak_kb agent_roles new_agent);

sub host { Apache::Test::vars('servername') }

sub url {
    my ($path) = @_;
    my $cfg = Apache::Test::config();
    return 'http://' . Apache::TestRequest::hostport($cfg) . $path;
}

# A browser: its own cookies, redirects not followed (tests look at them).
sub client {
    my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 60);
    $ua->cookie_jar(HTTP::Cookies->new);
    return $ua;
}

# The hidden CSRF field of a page.
sub csrf_of {
    my ($html) = @_;
    return $1 if $html =~ /name="csrf"[^>]*value="([^"]+)"/;
    return $1 if $html =~ /value="([^"]+)"[^>]*name="csrf"/;
    return undef;
}

# Log in through the form, as a parent would; returns the POST's response.
sub login {
    my ($ua, $email, $password, $retour) = @_;
    my $page = $ua->get(url('/portail/connexion'));
    my %form = (email => $email, password => $password, csrf => csrf_of($page->decoded_content));
    $form{retour} = $retour if defined $retour;
    return $ua->post(url('/portail/connexion'), \%form);
}

# The XML of a screen (?format=xml), parsed.
sub xml_of {
    my ($ua, $path) = @_;
    my $sep = $path =~ /\?/ ? '&' : '?';
    my $r = $ua->get(url("$path${sep}format=xml"));
    die "GET $path?format=xml: " . $r->status_line unless $r->is_success;
    return XML::LibXML->load_xml(string => $r->content);
}

sub db_driver { $ENV{PORTAIL_DB} || 'sqlite' }

# Run SQL against the test database; returns the first column of every row.
sub sql_query {
    my ($sql) = @_;
    my $params = $ENV{PORTAIL_DB_PARAMS} or die "PORTAIL_DB_PARAMS is not set";
    my @cmd;
    if (db_driver() eq 'pgsql') {
        my %p = map { split /=/, $_, 2 } split ' ', $params;
        @cmd = ('psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', $p{host},
                '-U', $p{user}, '-d', $p{dbname}, '-c', $sql);
    }
    else {
        @cmd = ('sqlite3', '-cmd', '.timeout 5000', $params, $sql);
    }
    open my $fh, '-|:encoding(UTF-8)', @cmd or die "cannot run @cmd: $!";
    my @rows = map { chomp; (split /\|/)[0] } <$fh>;
    close $fh or die "SQL failed ($sql)";
    return @rows;
}

# An active account of its own for a test that changes it (bcrypt by Apache's htpasswd).
sub new_account {
    my ($email, $password, $role) = @_;
    $role //= 'parent';
    my $line = `htpasswd -nbB -C 10 x \Q$password\E`;
    $line =~ s/\s+\z//;
    (my $hash = $line) =~ s/^x://;
    my $t = time;
    sql_query("INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at, "
              . "activated_at) VALUES ('$email', '$hash', 'TEST', 'Test', '$role', 'actif', $t, $t)");
}

# A family of its own for a test (code abonné, name), with a parent account subscribed to
# it and logged in; returns (family id, the parent's client).
sub new_family {
    my ($code, $nom, $email, $password) = @_;
    my $t = time;
    sql_query("INSERT INTO families (code_abonne, nom, created_at) VALUES ('$code', '$nom', $t)");
    my ($fam) = sql_query("SELECT id FROM families WHERE code_abonne = '$code'");
    new_account($email, $password);
    my ($acct) = sql_query("SELECT id FROM accounts WHERE email = '$email'");
    sql_query("INSERT INTO account_families (account_id, family_id, created_at) VALUES ($acct, $fam, $t)");
    my $ua = client();
    login($ua, $email, $password);
    return ($fam, $ua);
}

# The first day, `from` days from today or later, on which the activity runs for the child
# (no public holiday, no closure of the demo data), as the planning's slot page says;
# returns its offset from today.
sub open_day {
    my ($ua, $child, $act, $from) = @_;
    require POSIX;
    for my $d ($from .. $from + 60) {
        my $day = POSIX::strftime('%Y-%m-%d', localtime(time + 86400 * $d));
        my $x = xml_of($ua, "/portail/famille/planning/creneau?enfant=$child&activite=$act&date=$day");
        return $d unless $x->findvalue("//creneau/choix[\@action='reservation']/apercu/jour/\@refus") eq 'ferme';
    }
    die "no open day for activity $act";
}

# Run $code->($i) for $i = 1 .. $n in $n processes released at the same moment (they all
# wait on one pipe, closed when every one is forked); returns their results (strings), in
# order: "die: …" for a code that died, undef for a process that was killed.  No END block
# runs in them.  For races: simultaneous bookings, guesses, uploads, killed children.
sub parallel {
    my ($n, $code) = @_;
    require File::Temp;
    require POSIX;
    my $dir = File::Temp::tempdir(CLEANUP => 1);
    pipe my $go_r, my $go_w or die "pipe: $!";
    my @pids;
    for my $i (1 .. $n) {
        my $pid = fork // die "fork: $!";
        if (!$pid) {
            close $go_w;
            my $buf;
            sysread $go_r, $buf, 1;            # returns at EOF: everyone starts together
            my $out = eval { $code->($i) };
            $out = "die: $@" if $@;
            open my $fh, '>:encoding(UTF-8)', "$dir/$i" or POSIX::_exit(1);
            print $fh $out // '';
            close $fh;
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    close $go_r;
    close $go_w;
    waitpid $_, 0 for @pids;
    my @out;
    for my $i (1 .. $n) {
        open my $fh, '<:encoding(UTF-8)', "$dir/$i" or do { push @out, undef; next };
        local $/;
        push @out, scalar <$fh>;
    }
    return @out;
}

# The path of the link in the last mail queued for $email with $template (activation,
# reinitialisation…), read from the outbox without sending it.
sub mailed_link {
    my ($email, $template) = @_;
    my $data = join ' ', sql_query("SELECT data FROM outbox WHERE to_addr = '$email' "
                                   . "AND template = '$template' ORDER BY id DESC LIMIT 1");
    return $data && $data =~ m{lien="https?://[^/"]+(/[^"]+)"} ? $1 : undef;
}

# « Mot de passe oublié » for $email, as a visitor; returns the response.
sub ask_reset {
    my ($email) = @_;
    my $ua = client();
    my $csrf = csrf_of($ua->get(url('/portail/mot-de-passe-oublie'))->decoded_content);
    return $ua->post(url('/portail/mot-de-passe-oublie'), { email => $email, csrf => $csrf });
}

# What a person reads of an HTML page: its text, without tags, attributes, scripts.
sub visible_text {
    my ($html) = @_;
    $html =~ s{<(script|style)\b.*?</\1>}{}gs;
    $html =~ s{<title>.*?</title>}{}gs;
    $html =~ s{<[^>]*>}{ }g;
    return $html;
}

# The command line of portail-ctl on the test database.
sub ctl_command {
    my (@args) = @_;
    my $top = Apache::Test::vars('top_dir');
    my $driver = db_driver() eq 'pgsql' ? 'pgsql' : 'sqlite3';
    return ("$top/portail-ctl", '-d', $driver, '-p', $ENV{PORTAIL_DB_PARAMS},
            '-s', "$top/sql", '-x', "$top/xslt", @args);
}

# portail-ctl on the test database; returns (exit status, output).
sub ctl {
    my @cmd = ctl_command(@_);
    my $out = `@{[ join ' ', map { quotemeta } @cmd ]} 2>&1`;
    return ($? >> 8, Encode::decode('UTF-8', $out));
}

# A real SMTP server (Debian's python3-aiosmtpd) writing what it receives into a Maildir.
# Returns (port, maildir); stopped when the test ends.
my @smtp_pids;
sub smtp_server {
    require File::Temp;
    require IO::Socket::INET;
    my $dir = File::Temp::tempdir(CLEANUP => 1);
    my $probe = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1', LocalPort => 0);
    my $port = $probe->sockport;
    close $probe;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        exec '/usr/bin/python3', '-m', 'aiosmtpd', '-n', '-c', 'aiosmtpd.handlers.Mailbox',
             "$dir/maildir", '-l', "127.0.0.1:$port";
        exit 127;
    }
    push @smtp_pids, $pid;
    for (1 .. 50) {
        last if IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port);
        select undef, undef, undef, 0.1;
    }
    return ($port, "$dir/maildir");
}
END { kill 'TERM', @smtp_pids if @smtp_pids }

# --- bookings (h12fault: shared by the reservation and fault tests) ----------------------

# The date `$n` days from today, YYYY-MM-DD (the test's TZ).
sub day {
    require POSIX;
    return POSIX::strftime('%Y-%m-%d', localtime(time + 86400 * $_[0]));
}

# An activity open every day from three days ago to 90 days ahead, bookable until the day
# itself, with a waiting list; returns its id.
sub new_activity {
    my ($name, $capacity, $validation) = @_;
    sql_query("INSERT INTO activities (name, type, capacity, start_time, end_time, booking_rule, cancel_rule, validation, waiting_list, active) "
              . "VALUES ('$name', 'SPORT', $capacity, '09:00', '12:00', 'J-0 00:00', 'J-0 00:00', $validation, 1, 1)");
    my ($id) = sql_query("SELECT id FROM activities WHERE name = '$name'");
    sql_query("INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES ($id, '" . day(-3) . "', '" . day(90) . "', '1111111')");
    return $id;
}

# `$n` children in the family (prénoms Enfant1 .. Enfant$n); returns the ids of all its
# children, in order.
sub new_children {
    my ($fam, $nom, $n) = @_;
    sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES "
              . join(', ', map { "($fam, '$nom', 'Enfant$_', '2016-01-01')" } 1 .. $n));
    return sql_query("SELECT id FROM children WHERE family_id = $fam ORDER BY id");
}

# Every child of the family enrolled in the activity (an accepted pré-inscription).
sub enrol {
    my ($fam, $act) = @_;
    my $t = time;
    sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'preinscription', 'acceptee', 'Pré-inscription $act', $t, $t)");
    my ($req) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam");
    sql_query("INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, occasionnelle, weekdays) "
              . "SELECT $req, id, $act, '" . day(-3) . "', '" . day(90) . "', 0, '1111111' FROM children WHERE family_id = $fam");
}

# The reservations form posted for one child and one day (`$d` days from today).
sub book {
    my ($ua, $csrf, $act, $kid, $d, $action, %more) = @_;
    return $ua->post(url('/portail/famille/reservations'),
                     { csrf => $csrf, action => $action, activite => $act, "enfant_$kid" => 1,
                       date_debut => day($d), date_fin => day($d), (map { ("j$_" => 1) } 1 .. 7),
                       confirmer => 1, %more });
}

# --- the test server's processes and the database's integrity (h12fault) ----------------

# The pid of the test server's parent process.
sub httpd_pid {
    my $file = Apache::Test::vars('t_logs') . '/httpd.pid';
    open my $fh, '<', $file or return undef;
    my $pid = <$fh>;
    $pid =~ s/\s+//g if defined $pid;
    return $pid;
}

# Its children (the processes that answer requests).
sub httpd_children {
    my $parent = httpd_pid() or return ();
    my @kids = grep { /^\d+$/ } split /\s+/, `pgrep -P $parent 2>/dev/null`;
    return @kids;
}

# The connections from clients each child holds at this moment (pid => count): the
# established TCP sockets on the server's port, found in /proc.
sub httpd_sockets {
    my $port = Apache::Test::config()->{vars}{port};
    my %conn;
    for my $table ('/proc/net/tcp', '/proc/net/tcp6') {
        open my $fh, '<', $table or next;
        while (<$fh>) {
            my @f = split ' ';
            next unless @f > 9 && $f[1] =~ /:([0-9A-F]{4})$/ && hex($1) == $port && $f[3] eq '01';
            $conn{$f[9]} = 1;
        }
    }
    return map {
        my $pid = $_;
        ($pid => scalar grep { (readlink($_) // '') =~ /^socket:\[(\d+)\]/ && $conn{$1} } glob("/proc/$pid/fd/*"))
    } httpd_children();
}

# Poll `$cond->()` every 10 ms for at most `$seconds`; returns its last value.
sub wait_until {
    my ($seconds, $cond) = @_;
    my $end = time + $seconds;
    my $v;
    while (!($v = $cond->()) && time < $end) {
        select undef, undef, undef, 0.01;
    }
    return $v;
}

# What is wrong with the database, as a list of lines (empty: clean).  SQLite checks
# its file and every foreign key; PostgreSQL enforces its keys itself, so the lines are
# those of queries that find rows pointing nowhere.  Both: each day's counter of places
# of activity `$act` equals its bookings holding a place.
sub db_problems {
    my ($act) = @_;
    my @bad;
    if (db_driver() eq 'pgsql') {
        push @bad, map { "orphan: $_" } sql_query(
            "SELECT 'booking ' || b.id FROM bookings b LEFT JOIN children c ON c.id = b.child_id "
            . "LEFT JOIN activities a ON a.id = b.activity_id LEFT JOIN requests r ON r.id = b.request_id "
            . "WHERE c.id IS NULL OR a.id IS NULL OR (b.request_id IS NOT NULL AND r.id IS NULL) "
            . "UNION ALL SELECT 'request ' || r.id FROM requests r LEFT JOIN families f ON f.id = r.family_id WHERE f.id IS NULL "
            . "UNION ALL SELECT 'event ' || e.id FROM request_events e LEFT JOIN requests r ON r.id = e.request_id WHERE r.id IS NULL");
        push @bad, map { "index: $_" } grep { $_ ne 't' } sql_query(
            "SELECT indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
            . "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
    }
    else {
        push @bad, grep { $_ ne 'ok' } sql_query('PRAGMA integrity_check');
        push @bad, map { "foreign key: $_" } sql_query('PRAGMA foreign_key_check');
    }
    push @bad, map { "counter: $_" } sql_query(
        "SELECT dc.activity_id || ' ' || dc.day || ' ' || dc.taken || '<>' || "
        . "(SELECT count(*) FROM bookings b WHERE b.activity_id = dc.activity_id AND b.day = dc.day "
        . "AND b.status IN ('reserve', 'en_attente', 'absence_demandee', 'absent', 'present', 'excuse')) "
        . "FROM day_counts dc WHERE dc.activity_id = $act AND dc.taken <> (SELECT count(*) FROM bookings b WHERE b.activity_id = dc.activity_id "
        . "AND b.day = dc.day AND b.status IN ('reserve', 'en_attente', 'absence_demandee', 'absent', 'present', 'excuse'))");
    return @bad;
}

# The text of a PDF (Debian's poppler-utils pdftotext), decoded.
sub pdf_text {
    my ($bytes) = @_;
    require File::Temp;
    my ($fh, $file) = File::Temp::tempfile(SUFFIX => '.pdf', UNLINK => 1);
    binmode $fh;
    print $fh $bytes;
    close $fh;
    my $text = `pdftotext -layout -enc UTF-8 \Q$file\E - 2>/dev/null`;
    return Encode::decode('UTF-8', $text);
}

# A temporary file holding `text` in UTF-8 (a CSV to import); removed when the test ends.
sub csv_file {
    my ($text) = @_;
    require File::Temp;
    my ($fh, $path) = File::Temp::tempfile(SUFFIX => '.csv', UNLINK => 1);
    binmode $fh, ':encoding(UTF-8)';
    print $fh $text;
    close $fh;
    return $path;
}

# --- billing (h14more) ---------------------------------------------------------------

# « AAAA-MM » of the month `n` months before this one (Europe/Paris).
sub month_ago {
    my ($n) = @_;
    my @now = localtime;
    my ($y, $m) = ($now[5] + 1900, $now[4] + 1 - $n);
    while ($m < 1) { $m += 12; $y-- }
    return sprintf('%04d-%02d', $y, $m);
}

# A régie (code, name); returns its id.
sub new_regie {
    my ($code, $name) = @_;
    my $t = time;
    sql_query("INSERT INTO regies (code, name, emetteur, delai_paiement, relance_jours, created_at) "
              . "VALUES ('$code', '$name', '$name — Mairie de Testville', 30, 5, $t)");
    my ($id) = sql_query("SELECT id FROM regies WHERE code = '$code'");
    return $id;
}

# One tariff of `cents` a day for every QF, from 2020, for the activity.
sub flat_tariff {
    my ($act, $cents) = @_;
    my $t = time;
    sql_query("INSERT INTO tariffs (activity_id, valid_from, mode, created_at) VALUES ($act, '2020-01-01', 'tranches', $t)");
    my ($tariff) = sql_query("SELECT max(id) FROM tariffs WHERE activity_id = $act");
    sql_query("INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES ($tariff, 0, NULL, $cents)");
}

# A booking written straight into the database (a past month's day, as billing reads it);
# returns its id.
sub booked_day {
    my ($kid, $act, $day, $status, %o) = @_;
    my $t = time;
    my $cert = $o{certificat} ? "'$o{certificat}'" : 'NULL';
    sql_query("INSERT INTO bookings (child_id, activity_id, day, status, majore, certificat_le, created_at, updated_at) "
              . "VALUES ($kid, $act, '$day', '$status', " . ($o{majore} // 0) . ", $cert, $t, $t)");
    my ($id) = sql_query("SELECT id FROM bookings WHERE child_id = $kid AND activity_id = $act AND day = '$day'");
    return $id;
}

# --- PayFiP (h15payfip) ------------------------------------------------------------------

# dev/payfip-simulateur on the port t/conf/extra.conf gives PortailPayfipService; returns
# its base URL (http://127.0.0.1:port).  Stopped when the test ends.
my @payfip_pids;
sub payfip_simulator {
    require IO::Socket::INET;
    my $top = Apache::Test::vars('top_dir');
    my $conf = Apache::Test::vars('t_conf') . '/extra.conf';
    open my $fh, '<', $conf or die "$conf: $!";
    my ($port) = map { m{^PortailPayfipService\s+http://127\.0\.0\.1:(\d+)/} ? $1 : () } <$fh>;
    close $fh;
    die "no PortailPayfipService in $conf" unless $port;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        exec '/usr/bin/python3', "$top/dev/payfip-simulateur", '--port', $port, '--delai', '2';
        exit 127;
    }
    push @payfip_pids, $pid;
    for (1 .. 50) {
        last if IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port);
        select undef, undef, undef, 0.1;
    }
    return "http://127.0.0.1:$port";
}
END { kill 'TERM', @payfip_pids if @payfip_pids }

# On the simulator's payment page named by $location (the portal's 303 after « Payer »):
# « payer », « refuser » or « abandonner », the notification sent $notif (normal, double,
# tard, jamais); returns (idOp, the return URL's path below the host, the response).
sub payfip_choose {
    my ($location, $action, $notif, %extra) = @_;
    my ($base, $idop) = $location =~ m{^(https?://[^/]+)/tpi/paiement\.web\?idop=(\w+)}
        or die "not a payment page: $location";
    my $ua = client();
    my $r = $ua->post("$base/tpi/paiement.web",
                      { idop => $idop, action => $action, notif => $notif, %extra });
    my $back = $r->header('Location') // '';
    $back =~ s{^https?://[^/]+}{};
    return ($idop, $back, $r);
}

# --- RGPD (h16rgpd) ------------------------------------------------------------------------

# The members of a ZIP (bytes) read by Debian's Archive::Zip: name => content (bytes).
sub zip_members {
    my ($bytes) = @_;
    require Archive::Zip;
    require File::Temp;
    my ($fh, $file) = File::Temp::tempfile(SUFFIX => '.zip', UNLINK => 1);
    binmode $fh;
    print $fh $bytes;
    close $fh;
    my $zip = Archive::Zip->new;
    $zip->read($file) == Archive::Zip::AZ_OK() or return undef;
    return { map { ($_->fileName => scalar $zip->contents($_)) } $zip->members };
}

# The peak resident memory (VmHWM, kB) of the test server's children, summed: its growth
# over one request bounds what that request held at once.
sub children_peak_kb {
    my $sum = 0;
    for my $pid (httpd_children()) {
        open my $fh, '<', "/proc/$pid/status" or next;
        while (<$fh>) { $sum += $1 if /^VmHWM:\s+(\d+)/ }
    }
    return $sum;
}

# --- agents' roles, need to know (h16roles) ----------------------------------------------

# Give the agent account exactly these roles (accueil, restauration, facturation,
# administration); they apply from its next page.
sub agent_roles {
    my ($email, @roles) = @_;
    my ($id) = sql_query("SELECT id FROM accounts WHERE email = '$email' AND role = 'agent'");
    die "no agent $email" unless $id;
    sql_query("DELETE FROM agent_roles WHERE account_id = $id");
    sql_query("INSERT INTO agent_roles (account_id, role) VALUES ($id, '$_')") for @roles;
    return $id;
}

# An agent of its own holding these roles, logged in; returns (its client, its account id).
sub new_agent {
    my ($email, $password, @roles) = @_;
    new_account($email, $password, 'agent');
    my $id = agent_roles($email, @roles);
    my $ua = client();
    login($ua, $email, $password);
    return ($ua, $id);
}

1;

