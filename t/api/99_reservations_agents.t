# The agents' side of reservations: the queue of requests needing validation (accept,
# refuse with a message, bulk), absences excused, the day sheet with what the staff must
# know and its « pointage », CSV exports matching the bookings; the 13:00 / 18:00 digest
# sent once per window with exactly its events; and 50 parallel clients on the last 10
# places: exactly 10 booked, the others on the waiting list, no error; a cancellation
# promotes the first waiting.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use Time::Local qw(timelocal);
use File::Temp qw(tempdir);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family ctl open_day day new_activity enrol book);
my $t = time;

sub status_of { join ',', sql_query("SELECT status FROM bookings WHERE child_id = $_[0] AND activity_id = $_[1] AND day = '" . day($_[2]) . "'") }

my $voile = new_activity('Stage de voile', 60, 1);
my ($fam, $ua) = new_family('AGNT-1111-2222', 'LEBLANC', 'leblanc@exemple.fr', 'Agents-resa-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance, ecole, classe, allergies, pai, regime) "
          . "VALUES ($fam, 'Leblanc', 'Inès', '2016-03-01', 'École Jules-Ferry', 'CM1', 'arachide', '1', 'sans porc')");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Leblanc', 'Paul', '2015-09-09')");
my ($ines) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Inès'");
my ($paul) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Paul'");
enrol($fam, $voile);
my $csrf = csrf_of($ua->get(url('/portail/famille/reservations'))->decoded_content);
my $d1 = open_day($ua, $ines, $voile, 20);
my $d2 = open_day($ua, $ines, $voile, $d1 + 1);
my $d3 = open_day($ua, $ines, $voile, $d2 + 1);

# --- validation by an agent ----------------------------------------------------------------
is(book($ua, $csrf, $voile, $ines, $d1, 'reservation')->code, 303, 'Inès asks for a day (validation required)');
is(book($ua, $csrf, $voile, $paul, $d1, 'reservation')->code, 303, 'Paul too');
is(status_of($ines, $voile, $d1), 'en_attente', '« Demande en cours »: waiting for the town');
my ($rines) = sql_query("SELECT request_id FROM bookings WHERE child_id = $ines AND day = '" . day($d1) . "'");
my ($rpaul) = sql_query("SELECT request_id FROM bookings WHERE child_id = $paul AND day = '" . day($d1) . "'");

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $r = $agent->get(url('/portail/admin/reservations'));
is($r->code, 200, 'the agents\' queue');
like($r->decoded_content, qr/Réservation : Stage de voile.*Inès/s, 'shows the request with its child');
my $acsrf = csrf_of($r->decoded_content);
is($agent->post(url("/portail/admin/reservations/$rines/accepter"), { csrf => $acsrf })->code, 303, 'the agent accepts Inès\'s');
is(status_of($ines, $voile, $d1), 'reserve', 'booked');
$r = $agent->post(url("/portail/admin/reservations/$rpaul/refuser"), { csrf => $acsrf, message => '' });
is($r->code, 400, 'a refusal needs a message');
is($agent->post(url("/portail/admin/reservations/$rpaul/refuser"), { csrf => $acsrf, message => 'Le stage est réservé aux CM1.' })->code, 303, 'refused with a message');
is(status_of($paul, $voile, $d1), 'annule', 'Paul\'s day is cancelled');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $voile AND day = '" . day($d1) . "'")), '1', 'and his place freed');
like($ua->get(url("/portail/famille/demandes/$rpaul"))->decoded_content, qr/réservé aux CM1/, 'the family reads the message');
is($agent->post(url("/portail/admin/reservations/$rpaul/accepter"), { csrf => $acsrf })->code, 409, 'answering twice: 409');

# Bulk, and an absence excused.
book($ua, $csrf, $voile, $ines, $d2, 'reservation');
book($ua, $csrf, $voile, $ines, $d3, 'reservation');
my @bulk = sql_query("SELECT request_id FROM bookings WHERE child_id = $ines AND status = 'en_attente'");
is(scalar @bulk, 2, 'two more requests');
$r = $agent->post(url('/portail/admin/reservations/accepter'), [ csrf => $acsrf, map { (demande => $_) } @bulk ]);
is($r->code, 303, 'bulk acceptance');
is(status_of($ines, $voile, $d2) . '/' . status_of($ines, $voile, $d3), 'reserve/reserve', 'both days booked');
is(book($ua, $csrf, $voile, $ines, $d3, 'absence', motif => 'maladie')->code, 303, 'an absence (maladie)');
my ($rabs) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam AND kind = 'absence'");
like($agent->get(url('/portail/admin/reservations'))->decoded_content, qr/Absence demandée \(Maladie\)/, 'in the queue with its reason');
$agent->post(url("/portail/admin/reservations/$rabs/accepter"), { csrf => $acsrf });
is(status_of($ines, $voile, $d3), 'excuse', 'accepted: excused');

# --- the day sheet and its pointage ----------------------------------------------------------
$r = $agent->get(url("/portail/admin/activites/$voile/jour?date=" . day($d2)));
is($r->code, 200, 'the day sheet');
my $html = $r->decoded_content;
like($html, qr/Inès Leblanc/, 'lists the child');
like($html, qr/arachide/, 'with her allergy');
like($html, qr/PAI/, 'and her PAI');
my ($bid) = sql_query("SELECT id FROM bookings WHERE child_id = $ines AND day = '" . day($d2) . "'");
is($agent->post(url("/portail/admin/activites/$voile/jour"), { csrf => $acsrf, date => day($d2), "p_$bid" => 'partout' })->code, 400, 'an unknown pointage: 400');
is($agent->post(url("/portail/admin/activites/$voile/jour"), { csrf => $acsrf, date => day($d2), "p_$bid" => 'present' })->code, 303, 'pointage');
is(status_of($ines, $voile, $d2), 'present', 'Inès is present');
is($agent->get(url("/portail/admin/activites/$voile/jour?date=2026-02-30"))->code, 400, 'a day that does not exist: 400');

# --- CSV exports -------------------------------------------------------------------------------
$r = $agent->get(url("/portail/admin/activites/$voile/export?type=liste&du=" . day($d1) . '&au=' . day($d3)));
is($r->code, 200, 'the staff list');
like($r->header('Content-Type'), qr{^text/csv; charset=UTF-8}, 'as CSV');
like($r->header('Content-Disposition'), qr/attachment; filename="activite-$voile-liste-/, 'to save');
my $csv = $r->content;
ok($csv =~ s/^\xEF\xBB\xBF//, 'UTF-8 with its byte order mark, for a French spreadsheet');
$csv = Encode::decode('UTF-8', $csv);
my @lines = split /\r\n/, $csv;
is($lines[0], "Date;Nom;Prénom;École;Classe;Statut;Allergies;PAI;Régime;Motif d'absence", 'the header, « ; » between cells');
my @expected = map { my ($d, $s) = split /\|/; $d } sql_query("SELECT day FROM bookings WHERE activity_id = $voile AND day BETWEEN '" . day($d1) . "' AND '" . day($d3) . "' AND status NOT IN ('annule', 'liste_attente') ORDER BY day");
is(scalar(@lines) - 1, scalar @expected, 'one line per booking of the range (' . scalar(@expected) . ')');
my ($y, $m, $dd) = split /-/, day($d2);
ok((grep { $_ eq "$dd/$m/$y;Leblanc;Inès;École Jules-Ferry;CM1;Présent;arachide;oui;sans porc;" } @lines), 'the day of the sheet, as the staff read it');
$r = $agent->get(url("/portail/admin/activites/$voile/export?type=effectifs&du=" . day($d1) . '&au=' . day($d3)));
@lines = split /\r\n/, Encode::decode('UTF-8', substr($r->content, 3));
($y, $m, $dd) = split /-/, day($d3);
ok((grep { $_ eq "$dd/$m/$y;0;0;1;0" } @lines), 'the counts per day: the excused absence');
is($agent->get(url("/portail/admin/activites/$voile/export?type=liste&du=2026-13-01&au=" . day(1)))->code, 400, 'a month 13: 400');

# --- the digest ----------------------------------------------------------------------------------
# The window containing now ends at the next 13:00 or 18:00.
my @lt = localtime(time);
my ($wend, $wnext);
if ($lt[2] < 13) { $wend = day(0) . ' 13:00'; $wnext = day(0) . ' 18:00' }
elsif ($lt[2] < 18) { $wend = day(0) . ' 18:00'; $wnext = day(1) . ' 13:00' }
else { $wend = day(1) . ' 13:00'; $wnext = day(1) . ' 18:00' }
# An answer given before the window: not in its mail.
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'dossier', 'refusee', 'Une demande de la veille', $t, $t)");
my ($old) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam");
my $before = $t - 86400;
sql_query("INSERT INTO request_events (request_id, at, event, message) VALUES ($old, $before, 'refus', 'hier')");
my ($rc, $out) = ctl('--now', $wend, 'digest');
is($rc, 0, "portail-ctl digest --now '$wend'");
my ($n) = sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND to_addr = 'leblanc\@exemple.fr'");
is($n, 1, 'one mail for the family');
my ($has) = sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND to_addr = 'leblanc\@exemple.fr' AND data LIKE '%réservé aux CM1%' AND data LIKE '%Stage de voile%'");
is($has, 1, 'with the answers of the window');
my ($stale) = sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND data LIKE '%Une demande de la veille%'");
is($stale, 0, 'and not those of another window');
($rc, $out) = ctl('--now', $wend, 'digest');
like($out, qr/déjà envoyée/, 'run again: already sent');
($n) = sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND to_addr = 'leblanc\@exemple.fr'");
is($n, 1, 'nothing more sent');
($rc, $out) = ctl('--now', $wnext, 'digest');
($n) = sql_query("SELECT count(*) FROM outbox WHERE template = 'traitement' AND to_addr = 'leblanc\@exemple.fr'");
is($n, 1, 'the next window has no answer for the family: no mail');
my ($windows) = sql_query("SELECT count(*) FROM digest_windows");
is($windows, 2, 'each window recorded once');

# --- 50 parallel clients on the last 10 places ----------------------------------------------------
my $piscine = new_activity('Piscine', 60, 0);
my ($famc, $uc) = new_family('AGNT-3333-4444', 'NOMBREUX', 'nombreux@exemple.fr', 'Agents-resa-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES "
          . join(', ', map { "($famc, 'Nombreux', 'Enfant$_', '2016-01-01')" } 1 .. 50));
enrol($famc, $piscine);
my @kids = sql_query("SELECT id FROM children WHERE family_id = $famc ORDER BY id");
my $dp = open_day($uc, $kids[0], $piscine, 30);
sql_query("INSERT INTO day_counts (activity_id, day, taken) VALUES ($piscine, '" . day($dp) . "', 50)");
my $ccsrf = csrf_of($uc->get(url('/portail/famille/reservations'))->decoded_content);
my $dir = tempdir(CLEANUP => 1);
my @pids;
for my $k (@kids) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $code = book($uc, $ccsrf, $piscine, $k, $dp, 'reservation')->code;
        open my $fh, '>', "$dir/$k" or die;
        print $fh $code;
        close $fh;
        POSIX::_exit(0);
    }
    push @pids, $pid;
}
waitpid $_, 0 for @pids;
my %codes;
for my $k (@kids) { open my $fh, '<', "$dir/$k" or die; my $c = <$fh>; $codes{$c}++ }
is_deeply(\%codes, { 303 => 50 }, '50 answers, no error') or diag explain \%codes;
my ($booked) = sql_query("SELECT count(*) FROM bookings WHERE activity_id = $piscine AND day = '" . day($dp) . "' AND status = 'reserve'");
my ($waiting) = sql_query("SELECT count(*) FROM bookings WHERE activity_id = $piscine AND day = '" . day($dp) . "' AND status = 'liste_attente'");
is($booked, 10, 'exactly 10 booked');
is($waiting, 40, 'the 40 others on the waiting list');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $piscine AND day = '" . day($dp) . "'")), '60', 'the day is full, not over');
my ($first) = sql_query("SELECT child_id FROM bookings WHERE activity_id = $piscine AND day = '" . day($dp) . "' AND status = 'liste_attente' ORDER BY created_at, id LIMIT 1");
my ($leaving) = sql_query("SELECT child_id FROM bookings WHERE activity_id = $piscine AND day = '" . day($dp) . "' AND status = 'reserve' LIMIT 1");
is(book($uc, $ccsrf, $piscine, $leaving, $dp, 'annulation')->code, 303, 'one cancels');
is(status_of($first, $piscine, $dp), 'reserve', 'the first of the waiting list gets the place');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $piscine AND day = '" . day($dp) . "'")), '60', 'still exactly full');

done_testing();
