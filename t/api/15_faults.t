# Database failures, made on purpose (build --enable-fault-injection, PortailFaultInjection
# On, header X-Portail-Fault): a booking retried after a busy database succeeds, a database
# busy for good gives the French 503 with nothing half-applied, a constraint gives 409, a
# transaction abandoned by an error path is rolled back (never committed) at the end of the
# request, and a page that only reads never answers 503 because of the session's touch.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(url csrf_of sql_query xml_of new_family open_day);

sub day { strftime('%Y-%m-%d', localtime(time + 86400 * $_[0])) }
my $t = time;

my ($fam, $ua) = new_family('FALT-1111-2222', 'PANNE', 'panne@exemple.fr', 'Panne-de-base-2026');

# A page that only reads, with a session to touch (last seen 2 minutes ago) and the touch
# failing busy: the page answers, the fault did fire.
sub age_session { sql_query("UPDATE sessions SET last_seen_at = last_seen_at - 120") }
age_session();
my $r = $ua->get(url('/portail/famille/planning'), 'X-Portail-Fault' => 'portail_session_touch=busy*');
if (!$r->header('X-Portail-Fault-Injected')) {
    plan skip_all => 'mod_portail built without --enable-fault-injection';
}
is($r->code, 200, 'a read-only page whose session touch meets a busy database: 200, not 503');
is($r->header('X-Portail-Fault-Injected'), 1, 'the touch did fail');
age_session();
$r = $ua->get(url('/portail/famille/planning'), 'X-Portail-Fault' => 'portail_session_lookup=busy');
is($r->code, 503, 'the session itself unreadable: 503');
like($r->decoded_content, qr/Service momentanément indisponible/, 'the French page');
is($r->header('Retry-After'), 30, 'with Retry-After');

# An activity every day, 2 places; the child enrolled.
sql_query("INSERT INTO activities (name, type, capacity, start_time, end_time, booking_rule, cancel_rule, waiting_list, active) "
          . "VALUES ('Atelier pannes', 'EXTRA', 2, '14:00', '16:00', 'J-0 00:00', 'J-0 00:00', 1, 1)");
my ($act) = sql_query("SELECT id FROM activities WHERE name = 'Atelier pannes'");
sql_query("INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES ($act, '" . day(-3) . "', '" . day(60) . "', '1111111')");
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'preinscription', 'acceptee', 'Pré-inscription PANNE', $t, $t)");
my ($preq) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND kind = 'preinscription'");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'PANNE', 'Léa', '2017-05-01')");
my ($kid) = sql_query("SELECT id FROM children WHERE family_id = $fam");
sql_query("INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, occasionnelle, weekdays) "
          . "VALUES ($preq, $kid, $act, '" . day(-3) . "', '" . day(60) . "', 0, '1111111')");

sub state_of {
    my ($d) = @_;
    my ($b) = sql_query("SELECT count(*) FROM bookings WHERE child_id = $kid AND day = '$d'");
    my ($taken) = sql_query("SELECT COALESCE(SUM(taken), 0) FROM day_counts WHERE activity_id = $act AND day = '$d'");
    my ($reqs) = sql_query("SELECT count(*) FROM requests WHERE family_id = $fam AND kind = 'reservation'");
    my ($days) = sql_query("SELECT count(*) FROM request_days rd JOIN requests q ON q.id = rd.request_id WHERE q.family_id = $fam");
    return "bookings=$b taken=$taken requests=$reqs days=$days";
}

# Confirm the booking of one day, with a fault; returns the answer.
sub book {
    my ($offset, $fault) = @_;
    my $date = day($offset);
    my $slot = "/portail/famille/planning/creneau?enfant=$kid&activite=$act&date=$date";
    my $page = $ua->get(url($slot));
    my $x = xml_of($ua, $slot);
    my %form = (csrf => csrf_of($page->decoded_content), action => 'reservation', activite => $act,
                "enfant_$kid" => 1, date_debut => $date, date_fin => $date,
                (map { ("j$_" => 1) } 1 .. 7), confirmer => 1, retour => 'planning',
                empreinte => $x->findvalue("//creneau/choix[\@action='reservation']/apercu/\@empreinte"));
    return $ua->post(url('/portail/famille/reservations'), \%form,
                     $fault ? ('X-Portail-Fault' => $fault) : ());
}

my $d = open_day($ua, $kid, $act, 5);

# Busy for good: the French 503, nothing half-applied.
my $before = state_of(day($d));
$r = book($d, 'portail_day_count_take=busy*');
is($r->code, 503, 'a database busy for good: 503');
like($r->decoded_content, qr/Service momentanément indisponible/, 'the French page');
cmp_ok($r->header('X-Portail-Fault-Injected'), '>=', 2, 'after retries');
is(state_of(day($d)), $before, 'nothing applied: no booking, no place, no request');

# A constraint: 409 with the preview again, nothing applied.
$r = book($d, 'portail_resa_book=constraint');
is($r->code, 409, 'a constraint violation: 409');
like($r->decoded_content, qr/La situation a changé/, 'said in French, the preview shown again');
is(state_of(day($d)), $before, 'nothing applied');

# The connection lost in the middle: 503, nothing applied.
$r = book($d, 'portail_request_day_insert=lost');
is($r->code, 503, 'the connection lost in the middle: 503');
is(state_of(day($d)), $before, 'nothing applied');

# An error path that « forgets » its rollback: the transaction is rolled back when the
# request ends (apr_dbd alone would have committed it), and the next request works.
$r = book($d, 'portail_request_day_insert=lost, rollback=skip');
is($r->code, 503, 'an abandoned transaction: 503');
is($r->header('X-Portail-Fault-Injected'), 2, 'the failure and the skipped rollback both fired');
is(state_of(day($d)), $before, 'the abandoned transaction was rolled back, not committed');

# Busy once: the transaction is retried and the booking made, once.
$r = book($d, 'portail_day_count_take=busy');
is($r->code, 303, 'a booking that met a busy database once is retried and made');
is($r->header('X-Portail-Fault-Injected'), 1, 'after one injected failure');
is(state_of(day($d)), 'bookings=1 taken=1 requests=1 days=1', 'booked once: one place, one request, its day');

# A transaction failing at commit: rolled back, 503.
my $d2 = open_day($ua, $kid, $act, $d + 1);
$before = state_of(day($d2));
$r = book($d2, 'commit=lost*');
is($r->code, 503, 'a commit that fails: 503');
is(state_of(day($d2)), $before, 'nothing applied');

# --- a promotion whose status update changes no row -----------------------------------------
# One place; the family holds it, another child waits.  When the family cancels, the first
# waiting is promoted — but if its booking changed meanwhile (its status update changes no
# row: another transaction got there first), the place it took goes back.
sub confirm {
    my ($who, $form, $fault) = @_;
    my $page = $who->post(url('/portail/famille/reservations'), $form);
    my ($fp) = $page->decoded_content =~ /name="empreinte" value="([^"]*)"/;
    return $who->post(url('/portail/famille/reservations'), { %$form, empreinte => $fp, confirmer => 1 },
                      $fault ? ('X-Portail-Fault' => $fault) : ());
}
sql_query("INSERT INTO activities (name, type, capacity, start_time, end_time, booking_rule, cancel_rule, waiting_list, active) "
          . "VALUES ('Atelier une place', 'EXTRA', 1, '14:00', '16:00', 'J-0 00:00', 'J-0 00:00', 1, 1)");
my ($one) = sql_query("SELECT id FROM activities WHERE name = 'Atelier une place'");
sql_query("INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES ($one, '" . day(-3) . "', '" . day(60) . "', '1111111')");
my ($fam2, $ua2) = new_family('FALT-3333-4444', 'ATTENTE', 'attente@exemple.fr', 'Attente-de-base-2026');
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam2, 'preinscription', 'acceptee', 'Pré-inscription ATTENTE', $t, $t)");
my ($preq2) = sql_query("SELECT id FROM requests WHERE family_id = $fam2 AND kind = 'preinscription'");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam2, 'ATTENTE', 'Tom', '2017-05-01')");
my ($kid2) = sql_query("SELECT id FROM children WHERE family_id = $fam2");
for ([$preq, $kid], [$preq2, $kid2]) {
    sql_query("INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, occasionnelle, weekdays) "
              . "VALUES ($_->[0], $_->[1], $one, '" . day(-3) . "', '" . day(60) . "', 0, '1111111')");
}
my $dp = open_day($ua, $kid, $one, $d2 + 1);
my $csrf2 = csrf_of($ua2->get(url('/portail/famille/planning'))->decoded_content);
my %days = (activite => $one, date_debut => day($dp), date_fin => day($dp), map { ("j$_" => 1) } 1 .. 7);
my $mine = csrf_of($ua->get(url('/portail/famille/planning'))->decoded_content);
is(confirm($ua, { %days, csrf => $mine, action => 'reservation', "enfant_$kid" => 1 })->code, 303, 'the one place is booked');
is(confirm($ua2, { %days, csrf => $csrf2, action => 'reservation', "enfant_$kid2" => 1 })->code, 303, 'the other child waits');
sub status_of { join ',', sql_query("SELECT status FROM bookings WHERE child_id = $_[0] AND activity_id = $one AND day = '" . day($dp) . "'") }
is(status_of($kid2), 'liste_attente', 'on the waiting list');
$r = confirm($ua, { %days, csrf => $mine, action => 'annulation', "enfant_$kid" => 1 }, 'portail_resa_set_status@2=norow');
is($r->code, 303, 'the cancellation is made');
is($r->header('X-Portail-Fault-Injected'), 1, 'the promotion found its booking changed');
is(status_of($kid), 'annule', 'cancelled');
is(status_of($kid2), 'liste_attente', 'the waiting booking was not promoted');
is((sql_query("SELECT taken FROM day_counts WHERE activity_id = $one AND day = '" . day($dp) . "'"))[0], 0,
   'and the place it took is given back: none counted taken');

done_testing();
