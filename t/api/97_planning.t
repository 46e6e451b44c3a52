# Activities, pre-inscriptions and the planning: an agent creates an activity, a parent
# pre-inscribes two children, the agent accepts; the planning shows the right days in its
# four views (not on Easter Monday), hides a child, the list mode filters, and the
# calendar feed parses with a real iCalendar library.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use IPC::Open2;
use Encode ();
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family);

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/activites/nouvelle'))->decoded_content);
my $r = $agent->post(url('/portail/admin/activites/nouvelle'), {
    csrf => $acsrf, name => 'Ludothèque', type => 'EXTRA', description => '', place => 'Ludothèque, 2 rue du Jeu',
    age_min => '3', age_max => '11', capacity => '30', start_time => '16:30', end_time => '18:00',
    booking_rule => 'J-2 10:00', cancel_rule => 'J-2 10:00', late_policy => 'refus', surcharge => '' });
my ($act) = $r->header('Location') =~ m{/activites/(\d+)$};
ok($act, 'the agent creates the activity');
$agent->post(url("/portail/admin/activites/$act/periodes"),
             { csrf => $acsrf, date_debut => '2027-03-01', date_fin => '2027-03-31', j1 => 1, j2 => 1, j4 => 1, j5 => 1 });

my ($fam, $ua) = new_family('PLNG-2345-6789', 'PLANNING', 'planning@exemple.fr', 'Planning-famille-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Planning', 'Alix', '2018-06-01')");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Planning', 'Basile', '2020-01-15')");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Planning', 'Céleste', '2025-02-01')");
my ($alix) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Alix'");
my ($basile) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Basile'");
my ($celeste) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Céleste'");

# Only the children of the right age are offered.
$r = $ua->get(url("/portail/famille/preinscriptions/nouvelle?activite=$act"));
is($r->code, 200, 'the pre-inscription form answers');
like($r->decoded_content, qr/Alix \(\d+ ans\).*Basile/s, 'the children of the right age are offered');
unlike($r->decoded_content, qr/Céleste/, 'the baby is not');
my $csrf = csrf_of($r->decoded_content);
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'),
               { csrf => $csrf, activite => $act, "enfant_$celeste" => 1, date_debut => '2027-03-01', date_fin => '2027-03-31', mode => 'reguliere', j1 => 1 });
is($r->code, 400, 'a child too young: 400');
like($r->decoded_content, qr/Céleste n'a pas l'âge/, 'said by name');
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'),
               { csrf => $csrf, activite => $act, "enfant_$alix" => 1, "enfant_$basile" => 1,
                 date_debut => '2027-03-01', date_fin => '2027-03-31', mode => 'reguliere', j1 => 1, j4 => 1, r1 => 1 });
is($r->code, 303, 'two children pre-inscribed');
like($ua->get(url('/portail/famille/preinscriptions'))->decoded_content, qr/Demande en cours/, '« Demande en cours »');
my ($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND kind = 'preinscription'");
like($ua->get(url('/portail/famille/demandes'))->decoded_content, qr/Pré-inscription régulière : Ludothèque/, 'it joins « Mes demandes »');

# The agent accepts.
$r = $agent->post(url("/portail/admin/preinscriptions/$req/accepter"), { csrf => $acsrf });
is($r->code, 303, 'the agent accepts');
like($ua->get(url('/portail/famille/preinscriptions'))->decoded_content, qr/Réservation possible/, '« Réservation possible »');
my ($booked) = sql_query("SELECT count(*) FROM bookings WHERE child_id IN ($alix, $basile) AND status = 'reserve'");
is($booked, 8, 'the four Mondays are booked for each child (not Easter Monday)');

# Month view.
my $x = xml_of($ua, '/portail/famille/planning?vue=mois&date=2027-03-10');
my @alix = $x->findnodes("//planning//creneau[\@enfant = '$alix']");
is(scalar @alix, 8, 'month: Alix has the 8 Mondays and Thursdays of March but Easter Monday');
is(scalar(grep { $_->getAttribute('statut') eq 'reserve' } @alix), 4, 'four of them reserved');
is(scalar(grep { $_->getAttribute('statut') eq 'non_reserve' } @alix), 4, 'the Thursdays « non réservé »');
is($x->findvalue("//planning//jour[\@date = '2027-03-29']/\@note"), 'Lundi de Pâques', 'Easter Monday is named');
is($x->findvalue("count(//planning//jour[\@date = '2027-03-29']/creneau)"), 0, 'and has no slot');
is($x->findvalue("count(//planning/semaine)"), 5, 'the month is shown in whole weeks');
my $html = $ua->get(url('/portail/famille/planning?vue=mois&date=2027-03-10'))->decoded_content;
like($html, qr/<span class="initiales" aria-hidden="true">AP<\/span>/, 'each child has initials, not only a colour');
like($html, qr/Réservé/, 'statuses are written');
like($html, qr/Légende/, 'with a legend');

# Week, week of 5 days, day.
$x = xml_of($ua, '/portail/famille/planning?vue=semaine&date=2027-03-10');
is($x->findvalue('count(//planning/semaine/jour)'), 7, 'week: 7 days');
is($x->findvalue("count(//planning//creneau[\@enfant = '$alix'])"), 2, 'Monday and Thursday');
$x = xml_of($ua, '/portail/famille/planning?vue=semaine5&date=2027-03-10');
is($x->findvalue('count(//planning/semaine/jour)'), 5, 'week of 5 days: 5 days');
is($x->findvalue('//planning/semaine/jour[1]/@date'), '2027-03-08', 'from Monday');
$x = xml_of($ua, '/portail/famille/planning?vue=jour&date=2027-03-11');
is($x->findvalue('count(//planning//creneau)'), 2, 'day: both children on Thursday');
is($x->findvalue("//planning//creneau[\@enfant = '$basile']/\@debut"), '16:30', 'with the hours');

# Switches: hide a child.
$x = xml_of($ua, "/portail/famille/planning?vue=mois&date=2027-03-10&masquer=e$alix");
is($x->findvalue("count(//planning//creneau[\@enfant = '$alix'])"), 0, 'hiding Alix removes her slots');
is($x->findvalue("count(//planning//creneau[\@enfant = '$basile'])"), 8, 'Basile stays');
like($x->findvalue("//planning/enfant[\@id = '$alix']/\@bascule"), qr/^vue=mois&date=2027-03-10$/, 'the switch link shows her again');
# The switches are toggle buttons of a GET form (no JavaScript needed): ?basculer= turns one.
$x = xml_of($ua, "/portail/famille/planning?vue=mois&date=2027-03-10&basculer=e$alix");
is($x->findvalue("count(//planning//creneau[\@enfant = '$alix'])"), 0, 'her switch hides Alix');
$x = xml_of($ua, "/portail/famille/planning?vue=mois&date=2027-03-10&masquer=e$alix&basculer=e$alix");
is($x->findvalue("count(//planning//creneau[\@enfant = '$alix'])"), 8, 'and shows her again');
$html = $ua->get(url("/portail/famille/planning?vue=mois&date=2027-03-10&masquer=e$alix"))->decoded_content;
like($html, qr{<button type="submit" name="basculer" value="e$alix"[^>]*aria-pressed="false"}, 'a toggle button, not pressed while she is hidden');
like($html, qr{<input type="hidden" name="masquer" value="e$alix"}, 'the hidden ones stay hidden');
# The month's slots: links to their page, named by the child, the activity and the status.
$html = $ua->get(url('/portail/famille/planning?vue=mois&date=2027-03-10'))->decoded_content;
my ($slot) = $html =~ m{(<a id="[^"]*" href="planning/creneau\?enfant=$alix&amp;[^"]*" aria-labelledby="([^"]*)">[^<]*</a>)};
ok($slot, 'a slot of the month links to its page');
my ($refs) = $slot =~ /aria-labelledby="([^"]*)"/;
for my $id (split / /, $refs // '') {
    like($html, qr/ id="$id"/, "its name part $id is in the page");
}
# 150 bytes (issue 17) + the link's own id, which puts what it shows first in its name
# (WCAG 2.5.3, label in name).
cmp_ok(length($slot // ''), '<=', 180, 'a slot of the month weighs 180 bytes at most');

# Bad dates and views: a clear 400.
for my $q ('date=2025-02-30', 'date=2027-13-01', 'vue=annee') {
    $r = $ua->get(url("/portail/famille/planning?$q"));
    is($r->code, 400, "$q: 400");
}
like($r->decoded_content, qr/n'existe pas/, 'explained in French');

# List mode.
$x = xml_of($ua, "/portail/famille/planning/liste?enfant=$basile");
is($x->findvalue('count(//planning-liste/reservation)'), 4, 'list mode: Basile\'s four bookings');
is($x->findvalue("count(//planning-liste/reservation[\@child_id != '$basile'])"), 0, 'only his');
$x = xml_of($ua, '/portail/famille/planning/liste?statut=absent');
is($x->findvalue('count(//planning-liste/reservation)'), 0, 'filtered by status');
is($ua->get(url('/portail/famille/planning/liste?statut=nimporte'))->code, 400, 'an unknown status: 400');

# The calendar feed.
$x = xml_of($ua, '/portail/famille/planning?date=2027-03-10');
my $feed = $x->findvalue('//planning/agenda/@url');
(my $path = $feed) =~ s{^https?://[^/]+}{};
my $anon = client();
$r = $anon->get(url($path));
is($r->code, 200, 'the feed answers without a session');
like($r->header('Content-Type'), qr{^text/calendar}, 'as text/calendar');
my $ics = Encode::decode('UTF-8', $r->content);
like($ics, qr/\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n/, 'with the Europe/Paris time zone');
my $pid = open2(my $out, my $in, '/usr/bin/python3', '-c', <<'PY');
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
ev = [c for c in cal.walk('VEVENT')]
print(len(ev), len(set(str(e['UID']) for e in ev)), ev[0].decoded('DTSTART').isoformat(), str(ev[0]['SUMMARY']))
PY
binmode $in; print $in $r->content; close $in;
my $parsed = <$out>; waitpid $pid, 0;
is($?, 0, 'python3-icalendar parses the feed');
like($parsed // '', qr/^8 8 2027-03-01T16:30:00\+01:00 /, 'eight events, eight UIDs, at 16:30 Paris time');
like($ics, qr/SUMMARY:Alix — Ludothèque/, 'named by child and activity');
like($ics, qr/LOCATION:Ludothèque\\, 2 rue du Jeu/, 'commas escaped');
unlike($ics, qr/[^\r]\n/, 'every line ends with CRLF');

# Another family's token, a forged token, a revoked one: 404.
(my $forged = $path) =~ s/-(.)/-@{[ $1 eq 'A' ? 'B' : 'A' ]}/;
is($anon->get(url($forged))->code, 404, 'a forged token: 404');
my ($other) = sql_query("SELECT id FROM families WHERE nom = 'MARTIN'");
(my $otherpath = $path) =~ s{/agenda/\d+-}{/agenda/$other-};
is($anon->get(url($otherpath))->code, 404, "another family's id with this token: 404");
is($ua->post(url('/portail/famille/planning/agenda'), { csrf => $csrf, famille => $fam })->code, 303, 'the family changes the address');
is($anon->get(url($path))->code, 404, 'the old address no longer works');
is($ua->post(url('/portail/famille/planning/agenda'), { csrf => $csrf, famille => $other })->code, 404,
   "changing another family's address: 404");

done_testing();
