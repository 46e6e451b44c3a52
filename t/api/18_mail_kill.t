# Fault: two `portail-ctl digest` at once, one of them killed (SIGKILL) while it runs, then
# run again; two `portail-ctl mail` at once, each killed while it sends, then run again:
# every family gets its digest mail exactly once, through a real SMTP server.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX ();
use Time::HiRes qw(sleep);
use lib 't/lib';
use Portail::Test qw(sql_query ctl ctl_command smtp_server day wait_until);
my $n = 120;                                  # families, one digest mail each

# A past window, so that this test's digest is its own: (day -3 18:00, day -2 13:00].
my $wend = day(-2) . ' 13:00';
my ($y, $m, $dd) = split /-/, day(-2);
my $at = POSIX::mktime(0, 0, 10, $dd, $m - 1, $y - 1900);     # day -2 at 10:00
my $t = time;
my $seq = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n) ";
sql_query($seq . "INSERT INTO families (code_abonne, nom, created_at) "
          . "SELECT 'PANN-' || (1000 + i) || '-0018', 'PANNE' || i, $t FROM n");
sql_query($seq . "INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at, activated_at) "
          . "SELECT 'digest' || i || '\@exemple.fr', 'x', 'PANNE', 'Parent' || i, 'parent', 'actif', $t, $t FROM n");
sql_query("INSERT INTO account_families (account_id, family_id, created_at) SELECT a.id, f.id, $t "
          . "FROM accounts a JOIN families f ON f.nom = 'PANNE' || substr(a.prenom, 7) "
          . "WHERE a.email LIKE 'digest%\@exemple.fr' AND f.code_abonne LIKE 'PANN-%-0018'");
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) "
          . "SELECT id, 'dossier', 'acceptee', 'Changement d''adresse', $t, $t FROM families WHERE code_abonne LIKE 'PANN-%-0018'");
sql_query("INSERT INTO request_events (request_id, at, event, message) SELECT r.id, $at, 'acceptation', 'Bien reçu' "
          . "FROM requests r JOIN families f ON f.id = r.family_id WHERE f.code_abonne LIKE 'PANN-%-0018'");
my ($linked) = sql_query("SELECT count(*) FROM account_families af JOIN families f ON f.id = af.family_id WHERE f.code_abonne LIKE 'PANN-%-0018'");
is($linked, $n, "$n families, each with its parent's account");
sub queued { (sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND to_addr LIKE 'digest%\@exemple.fr'"))[0] }

# portail-ctl in the background, its output thrown away; returns its pid.
sub ctl_bg {
    my @cmd = ctl_command(@_);
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDOUT, '>', '/dev/null';
        open STDERR, '>', '/dev/null';
        { exec @cmd };
        POSIX::_exit(127);
    }
    return $pid;
}

# --- the digest ----------------------------------------------------------------------------
my @runs = map { ctl_bg('--now', $wend, 'digest') } 1 .. 2;
# Kill the first as soon as it runs (its transaction is then open or not begun).
sleep 0.05;
kill 'KILL', $runs[0];
waitpid $_, 0 for @runs;
my ($rc, $out) = ctl('--now', $wend, 'digest');
is($rc, 0, 'the digest run again succeeds') or diag $out;
is(queued(), $n, "$n digest mails queued, one per family, whatever was killed");
($rc, $out) = ctl('--now', $wend, 'digest');
like($out, qr/déjà envoyée/, 'a further run: already sent');
is(queued(), $n, 'nothing queued twice');

# --- the deliveries --------------------------------------------------------------------------
my ($port, $maildir) = smtp_server();
my @smtp = ('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
            '--from', 'Mairie de Ville-de-Démo <portail@demo.portail.fr>');
sub delivered {
    opendir my $dh, "$maildir/new" or return 0;
    return scalar grep { !/^\./ } readdir $dh;
}
@runs = map { ctl_bg(@smtp, 'mail') } 1 .. 2;
# Kill one when a fifth of the mails are out, the other at half.
wait_until(60, sub { delivered() >= $n / 5 });
my $first = delivered();
kill 'KILL', $runs[0];
wait_until(60, sub { delivered() >= $n / 2 });
my $second = delivered();
kill 'KILL', $runs[1];
waitpid $_, 0 for @runs;
my $mid = delivered();
diag("killed at $first and $second mails; $mid delivered before running again");
cmp_ok($mid, '<', $n + 10, 'the runs were killed while they were sending');
($rc, $out) = ctl(@smtp, 'mail');
is($rc, 0, 'portail-ctl mail run again succeeds') or diag $out;

my %to;
opendir my $dh, "$maildir/new" or die "no maildir: $!";
for my $f (grep { !/^\./ } readdir $dh) {
    open my $fh, '<', "$maildir/new/$f" or die;
    local $/;
    my $msg = <$fh>;
    $to{$1}++ if $msg =~ /^X-RcptTo: (digest\d+\@exemple\.fr)/m;
}
# A mail is marked sent just before the final « . » (never twice): a run killed in that
# instant loses the one mail it was finishing.  So a family may miss its mail only if it
# was the one a killed run had marked, at most one per killed run; every other family has it.
my %killed = map { $_ => 0 } @runs;
my @missing;
for my $i (1 .. $n) {
    my $addr = "digest$i\@exemple.fr";
    next if $to{$addr};
    my ($by) = sql_query("SELECT claimed_by FROM outbox WHERE template = 'traitement' AND to_addr = '$addr'");
    my ($pid) = ($by // '') =~ m{^[^/]+/(\d+)/};
    push @missing, $addr;
    $killed{$pid}++ if defined $pid && exists $killed{$pid};
}
diag('lost in the instant of a kill: ' . join(', ', @missing)) if @missing;
my $explained = grep { $_ == 1 } values %killed;
ok(!grep({ $_ > 1 } values %killed) && scalar(@missing) == $explained,
   "each of the $n families got its mail, but for the one a killed run was finishing");
is_deeply([grep { $to{$_} != 1 } sort keys %to], [], 'none got it twice');
my ($left) = sql_query("SELECT count(*) FROM outbox WHERE to_addr LIKE 'digest%\@exemple.fr' AND state <> 'envoye'");
is($left, 0, 'every row is marked sent');

# This test's window is not the other tests' business.
sql_query("DELETE FROM digest_windows");
done_testing();
