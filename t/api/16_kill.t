# Fault: an Apache child killed (SIGKILL) while 50 families book the last places at once.
# Whatever the child was doing is lost as a whole: places taken = the day's counter = the
# bookings holding a place, every request has its days, no booking without its request,
# the database's integrity and foreign keys are clean, the server answers the next
# request, and booking again the children left out fills the day exactly.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX ();
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family open_day new_activity new_children enrol book
                     parallel httpd_pid httpd_children httpd_sockets db_problems wait_until day);

my $act = new_activity('Voile (panne)', 30, 0);
my ($fam, $ua) = new_family('KILL-1616-1616', 'TUE', 'tue@exemple.fr', 'Panne-kill-2026');
my @kids = new_children($fam, 'Panne', 50);
enrol($fam, $act);
login($ua, 'tue@exemple.fr', 'Panne-kill-2026');   # a fresh session (see 17_graceful.t)
my $csrf = csrf_of($ua->get(url('/portail/famille/reservations'))->decoded_content);
my ($d, $where) = (24);
sub bookings { (sql_query("SELECT count(*) FROM bookings WHERE $where"))[0] }

my $parent = httpd_pid();
ok($parent && kill(0, $parent), "the test server runs (pid $parent)");

# The killer, ahead of the clients for the CPU: it freezes the children (SIGSTOP), looks
# for one holding a client's connection, SIGKILLs it and lets the others go on (SIGCONT);
# none yet: lets them all go on and looks again a moment later.  A connection seen from
# /proc may already have had its answer (the client has not closed it yet): then no
# request was lost, and the run starts again on another day, at most five times.
my $report = "t/logs/16_kill.victim";
my ($victim, $at, @codes);
for my $round (1 .. 5) {
    $d = open_day($ua, $kids[0], $act, $d + 1);   # a day not booked yet
    $where = "activity_id = $act AND day = '" . day($d) . "'";
    unlink $report;
    my $killer = fork // die "fork: $!";
    if (!$killer) {
        setpriority(0, 0, -15);
        my $victim;
        wait_until(60, sub {
            my @kids = httpd_children();
            kill 'STOP', @kids;
            my %s = httpd_sockets();
            ($victim) = grep { $s{$_} } keys %s;
            kill 'KILL', $victim if $victim;
            kill 'CONT', @kids;
            return $victim;
        });
        my $at = bookings();
        open my $fh, '>', $report or POSIX::_exit(1);
        print $fh join(' ', $victim // 0, $at);
        close $fh;
        POSIX::_exit(0);
    }
    @codes = parallel(50, sub { book($ua, $csrf, $act, $kids[$_[0] - 1], $d, 'reservation')->code });
    waitpid $killer, 0;
    open my $fh, '<', $report or die "no report from the killer";
    ($victim, $at) = split ' ', <$fh>;
    close $fh;
    last if !$victim || grep { ($_ // 0) == 500 } @codes;
    diag("round $round: the child killed ($victim) held no request in flight; again on another day");
    is_deeply([db_problems($act)], [], "round $round: clean all the same");
    wait_until(10, sub { scalar httpd_children() });
}
ok($victim, "a child was killed (pid $victim)");
my %n;
$n{$_ // 'none'}++ for @codes;
diag("$at bookings in when killed; answers: " . join(', ', map { "$_ × $n{$_}" } sort keys %n));
ok($n{500}, 'mid-run: some requests were lost with the child');
ok(!grep({ !defined $_ || ($_ != 303 && $_ != 500) } @codes),
   'each client got its answer (303) or lost its connection with the child');

# The server goes on with a new child.
ok(kill(0, $parent), 'the parent process survived');
ok(wait_until(10, sub { scalar httpd_children() }), 'a child answers again');
is($ua->get(url('/portail/famille/reservations'))->code, 200, 'the next request works');

# Nothing half done.
is_deeply([db_problems($act)], [], 'integrity, foreign keys and the counter of places are clean');
my ($booked) = sql_query("SELECT count(*) FROM bookings WHERE $where AND status = 'reserve'");
my ($waiting) = sql_query("SELECT count(*) FROM bookings WHERE $where AND status = 'liste_attente'");
my ($taken) = sql_query("SELECT taken FROM day_counts WHERE $where");
is($taken, $booked, "places taken = the counter ($booked)");
is($booked + $waiting, bookings(), 'every booking is booked or waiting');
is($booked, bookings() < 30 ? bookings() : 30, 'the places go first, never over 30');
my @acked = map { $kids[$_] } grep { ($codes[$_] // 0) == 303 } 0 .. 49;
my ($kept) = @acked ? sql_query("SELECT count(*) FROM bookings WHERE $where AND child_id IN (" . join(',', @acked) . ')') : (0);
is($kept, scalar @acked, 'every booking confirmed to a family (303) is in the database');
my ($lonely) = sql_query("SELECT count(*) FROM requests r WHERE r.family_id = $fam AND r.kind = 'reservation' "
                         . "AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.request_id = r.id)");
is($lonely, 0, 'every request has its days');
my ($orphan) = sql_query("SELECT count(*) FROM bookings WHERE $where AND (request_id IS NULL "
                         . "OR request_id NOT IN (SELECT id FROM requests WHERE family_id = $fam))");
is($orphan, 0, 'every day has its request');
my ($twice) = sql_query("SELECT count(*) FROM (SELECT child_id FROM bookings WHERE $where GROUP BY child_id HAVING count(*) > 1) x");
is($twice, 0, 'no child booked twice');

# The families whose request was lost book again: the day fills exactly.
my %has = map { $_ => 1 } sql_query("SELECT child_id FROM bookings WHERE $where");
my @again = grep { !$has{$_} } @kids;
my @codes2 = parallel(scalar @again, sub { book($ua, $csrf, $act, $again[$_[0] - 1], $d, 'reservation')->code });
is_deeply([grep { $_ != 303 } @codes2], [], scalar(@again) . ' bookings made again, no error');
is(bookings(), 50, 'fifty children have their day');
is((sql_query("SELECT count(*) FROM bookings WHERE $where AND status = 'reserve'"))[0], 30, '30 booked');
is((sql_query("SELECT taken FROM day_counts WHERE $where"))[0], 30, 'the counter says 30');
is_deeply([db_problems($act)], [], 'still clean');

done_testing();
