# Fault: a graceful restart (apachectl -k graceful, i.e. SIGUSR1 to the parent) during a
# stream of requests — pages read, days booked and cancelled — fails none of them: the
# old children finish what they hold, the new ones take over, the bookings stay exact.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family open_day new_activity new_children enrol book
                     parallel httpd_pid httpd_children db_problems wait_until day);

my $act = new_activity('Judo (redémarrage)', 10, 0);
my ($fam, $ua) = new_family('GRAC-1717-1717', 'RELANCE', 'relance@exemple.fr', 'Relance-2026-ok');
my @kids = new_children($fam, 'Relance', 2);
enrol($fam, $act);
my $d = open_day($ua, $kids[0], $act, 25);
# A fresh session: its once-a-minute refresh stays out of the stream (a write outside the
# SQLite writers' queue, which can answer 503 by itself: issue 12, § 6).
login($ua, 'relance@exemple.fr', 'Relance-2026-ok');
my $csrf = csrf_of($ua->get(url('/portail/famille/reservations'))->decoded_content);
my $parent = httpd_pid();
my %before = map { $_ => 1 } httpd_children();

# Four clients for 8 seconds: two read pages, two book and cancel a day again and again.
# The test sends two graceful restarts meanwhile.
my $seconds = 8;
my $start = time + 1;
my $restarter = fork // die "fork: $!";
if (!$restarter) {
    sleep($start + 2 - time);
    kill 'USR1', $parent;
    sleep($start + 5 - time);
    kill 'USR1', $parent;
    POSIX::_exit(0);
}
my @runs = parallel(4, sub {
    my $i = shift() - 1;                 # 0 .. n-1
    my (%codes, $n);
    my $page = $i == 0 ? '/portail/famille/reservations' : '/portail/famille/planning';
    sleep($start - time) if $start > time;
    while (time < $start + $seconds) {
        if ($i < 2) {
            $codes{ $ua->get(url($page))->code }++;
        }
        else {
            my $kid = $kids[$i - 2];
            $codes{ book($ua, $csrf, $act, $kid, $d, 'reservation')->code }++;
            $codes{ book($ua, $csrf, $act, $kid, $d, 'annulation')->code }++;
        }
    }
    return join ' ', map { "$_:$codes{$_}" } sort keys %codes;
});
waitpid $restarter, 0;

my (%all, $total);
for my $r (@runs) {
    for (split ' ', $r // 'none:1') { my ($c, $n) = split /:/; $all{$c} += $n; $total += $n }
}
diag("$total requests: " . join(', ', map { "$_ × $all{$_}" } sort keys %all));
cmp_ok($total, '>=', 8, 'a stream of requests ran during the restarts');
my $ok = ($all{200} // 0) + ($all{303} // 0);
is($ok, $total, 'none failed (200 for pages, 303 for bookings)');

ok(kill(0, $parent), 'the same parent process runs');
ok(wait_until(10, sub { grep { !$before{$_} } httpd_children() }), 'with new children');
like(`grep -c 'SIGUSR1' t/logs/error_log`, qr/^[2-9]/, 'the server logged the two graceful restarts');
is($ua->get(url('/portail/famille/reservations'))->code, 200, 'the next request works');
is_deeply([db_problems($act)], [], 'the counter of places matches the bookings');
my ($left) = sql_query("SELECT count(*) FROM bookings WHERE activity_id = $act AND status = 'reserve'");
is($left, 0, 'each booking was cancelled after it was made');

done_testing();
