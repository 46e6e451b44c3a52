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

our @EXPORT_OK = qw(client url host csrf_of login xml_of sql_query db_driver ctl smtp_server open_day
                    new_account new_family csv_file);

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

# portail-ctl on the test database; returns (exit status, output).
sub ctl {
    my (@args) = @_;
    my $top = Apache::Test::vars('top_dir');
    my $driver = db_driver() eq 'pgsql' ? 'pgsql' : 'sqlite3';
    my @cmd = ("$top/portail-ctl", '-d', $driver, '-p', $ENV{PORTAIL_DB_PARAMS},
               '-s', "$top/sql", '-x', "$top/xslt", @args);
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

1;
