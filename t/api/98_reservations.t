# Reservations, absences and cancellations: from the planning's slot page and from the
# period form (the preview is what is applied), the rules (closed day, not enrolled,
# already booked, late), the waiting list and its promotion, « Mes demandes » and the
# acknowledgement mails; bad input changes nothing.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family open_day);

sub day { strftime('%Y-%m-%d', localtime(time + 86400 * $_[0])) }
my $t = time;

# An activity open every day for the next two months, 2 places a day, a waiting list.
sql_query("INSERT INTO activities (name, type, capacity, start_time, end_time, booking_rule, cancel_rule, waiting_list, active) "
          . "VALUES ('Atelier cirque', 'EXTRA', 2, '14:00', '16:00', 'J-0 00:00', 'J-0 00:00', 1, 1)");
my ($act) = sql_query("SELECT id FROM activities WHERE name = 'Atelier cirque'");
sql_query("INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES ($act, '" . day(-3) . "', '" . day(60) . "', '1111111')");

# Two families; each child enrolled (accepted) over the period.
my (%kid, %fam, %ua);
for my $f (['RESA-1111-2222', 'ROUSSEL', 'roussel@exemple.fr', [qw(Lou Noé)]],
           ['RESA-3333-4444', 'MARCHAND', 'marchand@exemple.fr', [qw(Zoé)]]) {
    my ($code, $nom, $mail, $kids) = @$f;
    ($fam{$nom}, $ua{$nom}) = new_family($code, $nom, $mail, 'Reservation-2026-ok');
    sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam{$nom}, 'preinscription', 'acceptee', 'Pré-inscription $nom', $t, $t)");
    my ($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam{$nom} AND kind = 'preinscription'");
    for my $k (@$kids) {
        sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam{$nom}, '$nom', '$k', '2017-05-01')");
        ($kid{$k}) = sql_query("SELECT id FROM children WHERE family_id = $fam{$nom} AND prenom = '$k'");
        sql_query("INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, occasionnelle, weekdays) "
                  . "VALUES ($req, $kid{$k}, $act, '" . day(-3) . "', '" . day(60) . "', 0, '1111111')");
    }
}
my $ua = $ua{ROUSSEL};

my $d1 = open_day($ua, $kid{Lou}, $act, 10);
my $d2 = open_day($ua, $kid{Lou}, $act, $d1 + 1);
my $d3 = open_day($ua, $kid{Lou}, $act, $d2 + 1);

my $html;
# The planning before: the day not booked (and the same page twice, as a parent reloads).
my $dayview = '/portail/famille/planning?vue=jour&date=' . day($d1);
$html = $ua->get(url($dayview))->decoded_content;
like($html, qr/Inscrit, non réservé/, 'the planning shows the day not booked yet');
is($ua->get(url($dayview))->decoded_content, $html, 'the same page when nothing changed');

# --- a single slot, from the planning ------------------------------------------------------
my $r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=" . day($d1)));
is($r->code, 200, 'the slot page answers');
like($r->decoded_content, qr/Confirmer la réservation/, 'it offers to book');
unlike($r->decoded_content, qr/Confirmer l'absence/, 'not an absence on a day not booked');
my $x = xml_of($ua, "/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=" . day($d1));
my $fp = $x->findvalue("//creneau/choix[\@action='reservation']/apercu/\@empreinte");
my $csrf = csrf_of($r->decoded_content);
my %slot = (csrf => $csrf, action => 'reservation', activite => $act, "enfant_$kid{Lou}" => 1,
            date_debut => day($d1), date_fin => day($d1), j1 => 1, j2 => 1, j3 => 1, j4 => 1, j5 => 1, j6 => 1, j7 => 1,
            confirmer => 1, retour => 'planning');
$r = $ua->post(url('/portail/famille/reservations'), { %slot, empreinte => $fp });
is($r->code, 303, 'confirmed');
like($r->header('Location'), qr{/famille/planning$}, 'back to the planning');
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid{Lou} AND activity_id = $act AND day = '" . day($d1) . "'")),
   'reserve', 'the day is booked');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $act AND day = '" . day($d1) . "'")), '1', 'one place taken');
like($ua->get(url('/portail/famille/demandes'))->decoded_content, qr/Réservation : Atelier cirque/, 'in « Mes demandes »');
$html = $ua->get(url('/portail/famille/planning?vue=jour&date=' . day($d1)))->decoded_content;
like($html, qr{href="/portail/famille/planning/creneau\?enfant=$kid{Lou}&amp;activite=$act&amp;date=@{[day($d1)]}"[^>]*>.*?Réservé}s,
     'the planning shows the day booked, its slot a link to its page');
my ($ack) = sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'roussel\@exemple.fr' AND template = 'reservation-recue' AND data LIKE '%<jour %'");
is($ack, 1, 'one acknowledgement mail, with its day');

# The same again: already booked, nothing changes.
$r = $ua->post(url('/portail/famille/reservations'), { %slot, empreinte => $fp });
is($r->code, 409, 'booking the same slot again: 409');
like($r->decoded_content, qr/déjà réservé/, 'and why');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $act AND day = '" . day($d1) . "'")), '1', 'still one place taken');

# Now it offers the absence and the cancellation.
$r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=" . day($d1)));
like($r->decoded_content, qr/Confirmer l'absence/, 'a booked day offers the absence');
like($r->decoded_content, qr/Confirmer l'annulation/, 'and the cancellation');

# --- the period form: preview, then confirm ------------------------------------------------
sql_query("INSERT INTO closures (activity_id, date_debut, date_fin, label) VALUES ($act, '" . day($d3) . "', '" . day($d3) . "', 'Chapiteau démonté')");
my %period = (csrf => $csrf, action => 'reservation', activite => $act, "enfant_$kid{Lou}" => 1, "enfant_$kid{Noé}" => 1,
              date_debut => day($d1), date_fin => day($d3), j1 => 1, j2 => 1, j3 => 1, j4 => 1, j5 => 1, j6 => 1, j7 => 1);
$r = $ua->post(url('/portail/famille/reservations'), \%period);
is($r->code, 200, 'the preview');
$html = $r->decoded_content;
like($html, qr/déjà réservé/, 'Lou\'s first day: already booked');
like($html, qr/n'a pas lieu ce jour-là/, 'the closed day: refused, and why');
$x = xml_of($ua, '/portail/famille/reservations?activite=' . $act);    # the form alone
ok($x->findnodes("//reservations/activite[\@id = '$act']"), 'the form offers the activity the children are enrolled in');
my ($empreinte) = $html =~ /name="empreinte" value="([^"]*)"/;
ok($empreinte, 'the preview carries its fingerprint');
my @preview = $html =~ /<tr class="(accepte|refuse)">/g;
my $accepted = grep { $_ eq 'accepte' } @preview;
$r = $ua->post(url('/portail/famille/reservations'), { %period, empreinte => $empreinte, confirmer => 1 });
is($r->code, 303, 'confirmed');
my ($req) = $r->header('Location') =~ m{/demandes/(\d+)$};
ok($req, 'to the request in « Mes demandes »');
my ($applied) = sql_query("SELECT count(*) FROM request_days WHERE request_id = $req");
is($applied, $accepted, "the preview's accepted days are the days applied ($accepted)");
$html = $ua->get(url("/portail/famille/demandes/$req"))->decoded_content;
like($html, qr/Les jours de la demande.*Noé/s, 'the request lists its days');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $act AND day = '" . day($d2) . "'")), '2', 'the second day is full now');
is(join(',', sql_query("SELECT count(*) FROM bookings WHERE activity_id = $act AND day = '" . day($d3) . "'")), '0', 'nothing on the closed day');

# A stale preview: nothing applied, the new one shown (409).
$r = $ua->post(url('/portail/famille/reservations'), { %period, empreinte => $empreinte, confirmer => 1 });
is($r->code, 409, 'confirming an outdated preview: 409');
like($r->decoded_content, qr/La situation a changé|Aucun de ces jours/, 'said in French');

# --- waiting list and promotion -----------------------------------------------------------
my $ub = $ua{MARCHAND};
my %zoe = (csrf => csrf_of($ub->get(url('/portail/famille/reservations'))->decoded_content), action => 'reservation',
           activite => $act, "enfant_$kid{Zoé}" => 1, date_debut => day($d2), date_fin => day($d2),
           j1 => 1, j2 => 1, j3 => 1, j4 => 1, j5 => 1, j6 => 1, j7 => 1);
$r = $ub->post(url('/portail/famille/reservations'), \%zoe);
like($r->decoded_content, qr/liste d'attente/, 'a full day: the preview says waiting list');
($empreinte) = $r->decoded_content =~ /name="empreinte" value="([^"]*)"/;
$r = $ub->post(url('/portail/famille/reservations'), { %zoe, empreinte => $empreinte, confirmer => 1 });
is($r->code, 303, 'Zoé is put on the waiting list');
my ($zreq) = $r->header('Location') =~ m{/demandes/(\d+)$};
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid{Zoé} AND day = '" . day($d2) . "'")), 'liste_attente', 'on the waiting list');
is(join(',', sql_query("SELECT status FROM requests WHERE id = $zreq")), 'en_attente', 'her request waits');

# Noé's day is cancelled: Zoé gets the place.
my %cancel = (csrf => $csrf, action => 'annulation', activite => $act, "enfant_$kid{Noé}" => 1,
              date_debut => day($d2), date_fin => day($d2), j1 => 1, j2 => 1, j3 => 1, j4 => 1, j5 => 1, j6 => 1, j7 => 1);
$r = $ua->post(url('/portail/famille/reservations'), \%cancel);
($empreinte) = $r->decoded_content =~ /name="empreinte" value="([^"]*)"/;
$r = $ua->post(url('/portail/famille/reservations'), { %cancel, empreinte => $empreinte, confirmer => 1 });
is($r->code, 303, 'Noé\'s day is cancelled');
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid{Noé} AND day = '" . day($d2) . "'")), 'annule', 'cancelled');
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid{Zoé} AND day = '" . day($d2) . "'")), 'reserve', 'the first waiting is promoted');
is(join(',', sql_query("SELECT status || '/' || unread FROM requests WHERE id = $zreq")), 'acceptee/1', 'her request is accepted, with a new message');
like($ub->get(url('/portail/famille/demandes'))->decoded_content, qr/1 nouveau\(x\) message\(s\)/, '« 1 nouveau(x) message(s) »');
is(join(',', sql_query("SELECT taken FROM day_counts WHERE activity_id = $act AND day = '" . day($d2) . "'")), '2', 'still exactly two places taken');

# --- absence -------------------------------------------------------------------------------
my %abs = (csrf => $csrf, action => 'absence', motif => 'maladie', activite => $act, "enfant_$kid{Lou}" => 1,
           date_debut => day($d1), date_fin => day($d1), j1 => 1, j2 => 1, j3 => 1, j4 => 1, j5 => 1, j6 => 1, j7 => 1);
$r = $ua->post(url('/portail/famille/reservations'), \%abs);
($empreinte) = $r->decoded_content =~ /name="empreinte" value="([^"]*)"/;
$r = $ua->post(url('/portail/famille/reservations'), { %abs, empreinte => $empreinte, confirmer => 1 });
is($r->code, 303, 'an absence is declared');
my ($areq) = $r->header('Location') =~ m{/demandes/(\d+)$};
is(join(',', sql_query("SELECT status || '/' || motif FROM bookings WHERE child_id = $kid{Lou} AND day = '" . day($d1) . "'")), 'absence_demandee/maladie', 'absence asked, with its reason');
# The family cancels it while pending: back to reserved.
$r = $ua->post(url("/portail/famille/demandes/$areq/annuler"), { csrf => $csrf });
is($r->code, 303, 'the family cancels its pending absence');
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid{Lou} AND day = '" . day($d1) . "'")), 'reserve', 'the day is booked again');

# --- late booking --------------------------------------------------------------------------
my $today = open_day($ua, $kid{Lou}, $act, 0);
SKIP: {
    skip 'today is a public holiday: the deadline cannot be tried on it', 2 if $today != 0;
    $r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=" . day(0)));
    like($r->decoded_content, qr/le délai de réservation est dépassé/, 'past the deadline (J-0 00:00): refused, and why');
    sql_query("UPDATE activities SET late_policy = 'majoration', surcharge_pct = 20 WHERE id = $act");
    $r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=" . day(0)));
    like($r->decoded_content, qr/majoré de 20 %/, 'with a surcharge: accepted, the surcharge shown before confirming');
}

# --- bad input -----------------------------------------------------------------------------
my $before = join(',', sql_query('SELECT count(*) FROM bookings'));
$r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Lou}&activite=$act&date=2027-02-30"));
is($r->code, 400, 'a date that does not exist: 400');
$r = $ua->get(url("/portail/famille/planning/creneau?enfant=$kid{Zoé}&activite=$act&date=" . day($d1)));
is($r->code, 404, "another family's child: 404");
$r = $ua->post(url('/portail/famille/reservations'), { %slot, "enfant_$kid{Lou}" => undef, "enfant_$kid{Zoé}" => 1, empreinte => $fp });
is($r->code, 404, "booking another family's child: 404");
$r = $ua->post(url('/portail/famille/reservations'), { %period, date_fin => '2027-13-01' });
is($r->code, 400, 'a month 13: 400');
like($r->decoded_content, qr/période réelle/, 'said in French, the form shown again');
$r = $ua->post(url('/portail/famille/reservations'), { %period, csrf => 'faux', confirmer => 1, empreinte => $empreinte });
is($r->code, 403, 'without the CSRF token: 403');
is(join(',', sql_query('SELECT count(*) FROM bookings')), $before, 'and nothing changed');

done_testing();
