# Fault: the database goes away under load, then comes back.  On PostgreSQL the server is
# stopped (pg_ctl -m fast) for a few seconds, then started again; on SQLite, the analogue,
# another process holds the database locked for writing as long.  Meanwhile families read
# pages and book days: any failure is the French 503 screen, never a half change (a day
# confirmed is booked, a day refused is not, the counter of places matches), and the
# service comes back by itself (mod_dbd reconnects) without restarting Apache.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX ();
use Time::HiRes qw(time sleep);
use Encode ();
use lib 't/lib';
use Portail::Test qw(url csrf_of login sql_query db_driver new_family open_day new_activity new_children enrol book
                     parallel db_problems day);
my $pg = db_driver() eq 'pgsql';

my $act = new_activity('Escalade (panne de base)', 200, 0);
my ($fam, $ua) = new_family('BASE-1919-1919', 'COUPURE', 'coupure@exemple.fr', 'Coupure-2026-ok');
my @kids = new_children($fam, 'Coupure', 120);
enrol($fam, $act);
my $d = open_day($ua, $kids[0], $act, 25);
login($ua, 'coupure@exemple.fr', 'Coupure-2026-ok');  # a fresh session (see 17_graceful.t)
my $csrf = csrf_of($ua->get(url('/portail/famille/reservations'))->decoded_content);
my $top = Apache::Test::vars('top_dir');

# The outage, from 2 s to 6 s; the stream goes on until 3 s after the database is back.
my ($down, $up) = (2, 6);
my $start = time + 1;
my $back_file = Apache::Test::vars('t_logs') . '/19_db_outage.back';
unlink $back_file;
my $outage = fork // die "fork: $!";
if (!$outage) {
    sleep($start + $down - time);
    if ($pg) {
        my ($dir) = $ENV{PORTAIL_DB_PARAMS} =~ /host=(\S+)/;
        system("$top/dev/pg", 'stop', $dir);
        sleep($start + $up - time);
        system("$top/dev/pg", 'resume', $dir);
    }
    else {
        # Held by a transaction that has written: others may read, nobody may write.
        open my $lock, '|-', 'sqlite3', $ENV{PORTAIL_DB_PARAMS} or die;
        # (.timeout: the portal may be writing at that instant; the lock is waited for,
        # not given up — without it sqlite3 failed « database is locked » under ASan and
        # the outage never happened.)
        print $lock ".timeout 10000\nBEGIN IMMEDIATE;\nUPDATE activities SET active = 1 WHERE id = $act;\n";
        $lock->flush;
        sleep($start + $up - time);
        print $lock "COMMIT;\n";
        close $lock;
    }
    my $back = time - $start;                 # when the database was back
    sleep 3;
    open my $fh, '>', $back_file or POSIX::_exit(1);
    print $fh $back;
    close $fh;
    POSIX::_exit(0);
}

# Two readers and two bookers (each child booked once, the bookers taking turns).
my @runs = parallel(4, sub {
    my $i = shift() - 1;                 # 0 .. n-1
    my @log;
    sleep($start - time) if $start > time;
    for (my $k = $i - 2; !-e $back_file && time < $start + 60; $k += 2) {
        my $t = time - $start;
        my $r = $i < 2 ? $ua->get(url($i ? '/portail/famille/planning' : '/portail/famille/reservations'))
                       : book($ua, $csrf, $act, $kids[$k], $d, 'reservation');
        my $french = $r->code == 503 && Encode::decode('UTF-8', $r->content) =~ /indisponible/ ? 1 : 0;
        push @log, join(':', sprintf('%.2f', $t), $r->code, $french, $i < 2 ? 0 : $kids[$k],
                        sprintf('%.2f', time - $start));
        last if $i >= 2 && $k + 2 >= @kids;
        sleep 0.05;
    }
    return join ' ', @log;
});
waitpid $outage, 0;
open my $bf, '<', $back_file or die "no time of return";
my $back = <$bf>;
close $bf;

my (%codes, @bad, %booked_ok, %refused, $after_ok, $after_n, $during_503, $written_during);
for my $line (@runs) {
    for (split ' ', $line // '') {
        my ($t, $code, $french, $kid, $end) = split /:/;
        $written_during++ if $kid && $code == 303 && $end > $down + 0.5 && $end < $back - 0.5;
        $codes{$code}++;
        push @bad, "$code at ${t}s" unless $code == 200 || $code == 303 || ($code == 503 && $french);
        $during_503++ if $code == 503;
        if ($kid) { $code == 303 ? $booked_ok{$kid}++ : $refused{$kid}++ }
        if ($t > $back + 0.5) { $after_n++; $after_ok++ if $code == 200 || $code == 303 }
    }
}
diag(($pg ? 'PostgreSQL stopped' : 'SQLite locked') . sprintf(" from %ds to %.1fs: ", $down, $back)
     . join(', ', map { "$_ × $codes{$_}" } sort keys %codes));
is_deeply(\@bad, [], 'every failure is the French 503 screen');
if ($pg) {
    ok($during_503, 'the outage was seen (503 while PostgreSQL was down)');
}
else {
    ok(!$written_during, 'no booking went through while the database was locked (they waited'
       . ($during_503 ? " or got 503: $during_503" : '') . ')');
}
ok($after_n, 'requests ran after the database came back');
is($after_ok, $after_n, 'all of them answered: the service came back by itself');
is($ua->get(url('/portail/famille/reservations'))->code, 200, 'the next request works');
# Every pooled connection of every child, idle during the outage or not, works again.
my @burst = map { parallel(16, sub { $ua->get(url('/portail/famille/planning'))->code }) } 1 .. 2;
is_deeply([grep { ($_ // 0) != 200 } @burst], [], '2 × 16 pages at once afterwards, all served');

# No half change.
is_deeply([db_problems($act)], [], 'the counter of places matches the bookings, integrity clean');
my %in = map { $_ => 1 } sql_query("SELECT child_id FROM bookings WHERE activity_id = $act AND day = '" . day($d) . "'");
is_deeply([grep { !$in{$_} } sort keys %booked_ok], [], 'every day confirmed (303) is booked');
is_deeply([grep { $in{$_} } sort keys %refused], [], 'no day refused (503) was booked');
my ($lonely) = sql_query("SELECT count(*) FROM requests r WHERE r.family_id = $fam AND r.kind = 'reservation' "
                         . "AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.request_id = r.id)");
is($lonely, 0, 'no request without its days');

done_testing();
