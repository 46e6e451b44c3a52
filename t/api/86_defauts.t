# What a new parent or agent hit (issue 13), kept out: the footer's legal pages exist,
# no tile leads to a missing page; every value read goes through the French formatting
# (surcharge, revenu fiscal, journal, diet, photo), no ISO date or HH:MM in the pages;
# refusing without a message or a closure without a label gives the form back with the
# field marked; a pré-inscription without activity is a 400; a used link says so; the slot
# page tells a day that does not run; the fiscal data is read-only for parents; the first
# POST after login passes; a closure added after bookings cancels them (after the agent
# confirmed how many), tells the families; the digest does not repeat a promotion.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX ();
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family ctl open_day day
                     new_activity enrol book visible_text);
my $ISO = qr/\b\d{4}-\d{2}-\d{2}\b/;
my $HHMM = qr/\b\d{1,2}:\d{2}\b/;

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/'))->decoded_content);

# --- 1. dead links ------------------------------------------------------------------------
my $anon = client();
my $home = $anon->get(url('/portail/'))->decoded_content;
for my $path ('/portail/mentions-legales', '/portail/accessibilite') {
    like($home, qr/href="\Q$path\E"/, "the footer links to $path");
    my $r = $anon->get(url($path));
    is($r->code, 200, "$path answers");
}
my $decl = visible_text($anon->get(url('/portail/accessibilite'))->decoded_content);
like($decl, qr/partiellement conforme/, 'the statement gives its conformity status');
like($decl, qr/Non-conformités.*Dérogations/s, 'its non-conformities and derogations');
like($decl, qr/Défenseur des droits/, 'the recourse to the Défenseur des droits');
like($decl, qr/Retour d'information et contact/, 'and a contact');
my $legal = $anon->get(url('/portail/mentions-legales'))->decoded_content;
like($legal, qr{<h2>Éditeur</h2>\s*<p[^>]*>Commune de Ville-de-Démo}, 'the webmaster\'s legal notice (PortailLegalNotice), headings and paragraphs');
like($legal, qr/&lt;script&gt;/, 'shown as text, escaped');

my ($fam, $ua) = new_family('DEFA-1313-UIUI', 'DUVAL', 'duval@exemple.fr', 'Defauts-ui-2026');
my $espace = $ua->get(url('/portail/espace'))->decoded_content;
unlike($espace, qr{/espace/demandes}, '« Mes demandes » does not lead to a missing page');
like($espace, qr{href="/portail/famille/demandes"}, 'it leads to the family\'s requests');
is($ua->get(url('/portail/famille/demandes'))->code, 200, 'which answer');
like($agent->get(url('/portail/admin/'))->decoded_content, qr{href="/portail/admin/actualites"},
     'the news tile (issue 16) leads to the news screens');
is($agent->get(url('/portail/admin/actualites'))->code, 200, 'which answer');

# --- 2. one French formatting ---------------------------------------------------------------
my $act = new_activity('Atelier défauts', 2, 0);
sql_query("UPDATE activities SET late_policy = 'majoration', surcharge_cents = 150 WHERE id = $act");
my $form = $agent->get(url("/portail/admin/activites/$act"))->decoded_content;
unlike($form, qr/%l/, 'no format string on the activity form');
like($form, qr/value="1,50\x{a0}€"/, 'the surcharge written « 1,50 € »');
my $x = xml_of($agent, "/portail/admin/activites/$act");
my %f = map { ($_->getAttribute('name') => $_->getAttribute('value')) } $x->findnodes('//form/field');
$f{csrf} = $acsrf;
my $r = $agent->post(url("/portail/admin/activites/$act"), \%f);
is($r->code, 303, 'saving the activity unchanged is accepted');
is(join(',', sql_query("SELECT surcharge_cents, surcharge_pct FROM activities WHERE id = $act")), '150',
   'the surcharge is kept');
sql_query("UPDATE activities SET surcharge_cents = 0, surcharge_pct = 20 WHERE id = $act");
like($agent->get(url("/portail/admin/activites/$act"))->decoded_content, qr/value="20 %"/,
     'a percentage written « 20 % »');
$f{capacity} = 3;
$f{surcharge} = '20 %';
is($agent->post(url("/portail/admin/activites/$act"), \%f)->code, 303, 'a change of capacity');
my $journal = visible_text($agent->get(url('/portail/admin/journal'))->decoded_content);
like($journal, qr/Places par jour : 2\s.*Places par jour : 3/s, 'the journal says what changed, old and new');
unlike($journal, qr/Atelier défauts → Atelier défauts/, 'not the name twice');

# Revenu fiscal de référence: cents, read and typed in euros.
sql_query("UPDATE families SET revenu_reference = 3150000 WHERE id = $fam");
my $nnbsp = "\x{202f}";
like($ua->get(url('/portail/famille/dossier'))->decoded_content, qr/31${nnbsp}500\x{a0}€/,
     'the parent reads « 31 500 € »');
like($agent->get(url("/portail/admin/familles/$fam"))->decoded_content, qr/31${nnbsp}500\x{a0}€/,
     'so does the agent');
$r = $agent->get(url("/portail/admin/dossier/famille/$fam/fiscal"));
like($r->decoded_content, qr/value="31${nnbsp}500\x{a0}€"/, 'the agent\'s form holds it in euros');
$r = $agent->post(url("/portail/admin/dossier/famille/$fam/fiscal"),
                  { csrf => $acsrf, quotient => '640', allocataire_caf => '', revenu_reference => '32 000,50' });
is($r->code, 303, 'an amount typed the French way');
is((sql_query("SELECT revenu_reference FROM families WHERE id = $fam"))[0], 3200050, 'stored in cents');
$r = $agent->post(url("/portail/admin/dossier/famille/$fam/fiscal"),
                  { csrf => $acsrf, quotient => '640', allocataire_caf => '', revenu_reference => 'beaucoup' });
is($r->code, 400, 'not an amount: 400');
$journal = visible_text($agent->get(url('/portail/admin/journal'))->decoded_content);
like($journal, qr/Revenu fiscal de référence/, 'the journal names the field');
like($journal, qr/31${nnbsp}500\x{a0}€.*32${nnbsp}000,50\x{a0}€/s, 'with its values in euros');
unlike($journal, qr/revenu_reference|medecin_tel|activite \d|place attribuee|deblocage|\b[01]{7}\b/,
       'no code, no weekday mask, no raw object');

# The diet's label, on the day sheet and in its CSV; dates in French.
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance, regime) VALUES ($fam, 'Duval', 'Lina', '2017-05-10', 'sans-porc')");
my ($lina) = sql_query("SELECT id FROM children WHERE family_id = $fam AND prenom = 'Lina'");
enrol($fam, $act);
my $csrf = csrf_of($ua->get(url('/portail/famille/reservations'))->decoded_content);
my $d = open_day($ua, $lina, $act, 10);
is(book($ua, $csrf, $act, $lina, $d, 'reservation')->code, 303, 'Lina is booked');
my $sheet = $agent->get(url("/portail/admin/activites/$act/jour?date=" . day($d)))->decoded_content;
like($sheet, qr/Régime : Sans porc/, 'the day sheet reads « Sans porc »');
unlike($sheet, qr/sans-porc/, 'never the stored code');
my $csv = $agent->get(url("/portail/admin/activites/$act/export?type=liste&du=" . day($d) . '&au=' . day($d)));
like($csv->decoded_content, qr/Sans porc/, 'so does the CSV');
like($agent->get(url("/portail/admin/familles/$fam"))->decoded_content, qr/mercredi 10 mai 2017/,
     '« né(e) le » in French');

# A photo change shows the pictures.
my $photo = ('A' x 43) . '.jpg';
my $now = time;
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'dossier', 'en_attente', 'Photo de Lina', $now, $now)");
my ($preq) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam");
sql_query("INSERT INTO request_changes (request_id, object_type, object_id, field, old_value, new_value) VALUES ($preq, 'enfant', $lina, 'photo', NULL, '$photo')");
like($agent->get(url('/portail/admin/dossiers'))->decoded_content, qr{<img[^>]+src="/portail/admin/photos/\Q$photo\E"},
     'the agent\'s queue shows the new photo');
like($ua->get(url("/portail/famille/demandes/$preq"))->decoded_content, qr{<img[^>]+src="/portail/famille/photos/\Q$photo\E"},
     'so does the request\'s page');

# --- 3. no ISO date, no HH:MM in the French pages -----------------------------------------------
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'preinscription', 'en_attente', 'Pré-inscription en cours', $now, $now)");
my ($pre) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam");
sql_query("INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, weekdays) VALUES ($pre, $lina, 1, '" . day(20) . "', '" . day(40) . "', '1101100')");
my ($breq) = sql_query("SELECT request_id FROM bookings WHERE child_id = $lina AND activity_id = $act");
for my $page ('/portail/famille/preinscriptions', '/portail/famille/planning/liste',
              "/portail/famille/demandes/$breq", '/portail/famille/reservations',
              '/portail/famille/preinscriptions/nouvelle') {
    my $text = visible_text($ua->get(url($page))->decoded_content);
    unlike($text, $ISO, "no ISO date on $page");
    unlike($text, $HHMM, "hours written « 11 h 30 » on $page");
}
for my $page ("/portail/admin/familles/$fam", '/portail/admin/fermetures', "/portail/admin/activites/$act",
              '/portail/admin/preinscriptions', '/portail/admin/activites', '/portail/admin/journal',
              "/portail/admin/activites/$act/jour?date=" . day($d)) {
    unlike(visible_text($agent->get(url($page))->decoded_content), $ISO, "no ISO date on $page");
}
like(visible_text($ua->get(url('/portail/famille/planning/liste'))->decoded_content),
     qr{\d{2}/\d{2}/\d{4}}, 'tables write days 03/12/2026');
like(visible_text($agent->get(url('/portail/admin/activites'))->decoded_content), qr/11 h 30/,
     'hours « 11 h 30 »');

# --- 4. wrong or generic answers --------------------------------------------------------------
my $refus = $agent->post(url("/portail/admin/preinscriptions/$pre/refuser"), { csrf => $acsrf, message => '' });
is($refus->code, 400, 'refusing without a message: 400');
like($refus->decoded_content, qr/<textarea id="m-$pre"[^>]*aria-invalid="true"/, 'the queue again, that field marked');
unlike($refus->decoded_content, qr/Demande incorrecte/, 'not the generic error');
is((sql_query("SELECT status FROM requests WHERE id = $pre"))[0], 'en_attente', 'nothing refused');

$r = $agent->post(url('/portail/admin/fermetures'),
                  { csrf => $acsrf, date_debut => day(50), date_fin => day(51), label => '', activite => $act });
is($r->code, 400, 'a closure without a label: 400');
like($r->decoded_content, qr/href="#f-label"/, 'the label\'s error is linked to its field');
like($r->decoded_content, qr/value="\Q@{[day(50)]}\E"/, 'what was typed is kept');
unlike($r->decoded_content, qr/Demande incorrecte/, 'not the generic error');

$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'), { csrf => $csrf, date_debut => day(20) });
is($r->code, 400, 'a pré-inscription without activity: 400, not 503');

my $fiscal = $ua->get(url("/portail/famille/dossier/famille/$fam/fiscal"))->decoded_content;
unlike($fiscal, qr/<form[^>]+dossier\/famille/, 'the fiscal data: no change form for the parent');
like(visible_text($fiscal), qr/32${nnbsp}000,50\x{a0}€/, 'its values shown read-only');

my ($wd) = grep { (POSIX::strftime('%u', localtime(time + 86400 * $_))) == 6 } 10 .. 16;
my $slot = visible_text($ua->get(url("/portail/famille/planning/creneau?enfant=$lina&activite=5&date=" . day($wd)))->decoded_content);
unlike($slot, qr/Inscrit, non réservé/, 'a child not enrolled is not « inscrit »');
unlike($slot, qr/fermeture, jour férié ou vacances/, 'a day that does not run is not called a closure');

# A used activation link: its own message, not « modifiées entre-temps ».
my $tok = 'L' x 43;
require Digest::SHA;
my $hash = Digest::SHA::sha256_hex($tok);
my ($uid) = sql_query("SELECT id FROM accounts WHERE email = 'duval\@exemple.fr'");
sql_query("INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at, used_at) VALUES ('$hash', $uid, 'activation', $now, " . ($now + 3600) . ", $now)");
$r = $anon->get(url("/portail/activation/$tok"));
SKIP: {
    skip 'token hashing differs', 2 unless $r->code == 409;
    like($r->decoded_content, qr/Ce lien a déjà servi/, 'a used link says so');
    unlike($r->decoded_content, qr/modifiées entre-temps/, 'without the generic conflict');
}

# The first POST after logging in passes (a form opened before, then logged in).
my $late = client();
my $before = $late->get(url('/portail/famille/reservations'));
is($before->code, 303, 'a form asked before logging in goes to the login page');
is(login($late, 'duval@exemple.fr', 'Defauts-ui-2026', '/portail/famille/reservations')->code, 303, 'logged in');
my $page = $late->get(url('/portail/famille/reservations'));
$r = $late->post(url('/portail/famille/reservations'),
                 { csrf => csrf_of($page->decoded_content), action => 'reservation', activite => $act,
                   "enfant_$lina" => 1, date_debut => day($d + 1), date_fin => day($d + 1), j1 => 1 });
isnt($r->code, 403, 'the first POST after login is not « formulaire expiré »');
# Two tabs: the login form opened in one, the login done in the other; then the first tab.
my $tabs = client();
my $tab_a = csrf_of($tabs->get(url('/portail/connexion'))->decoded_content);
is(login($tabs, 'duval@exemple.fr', 'Defauts-ui-2026')->code, 303, 'logged in in the second tab');
$r = $tabs->post(url('/portail/connexion'), { csrf => $tab_a, email => 'duval@exemple.fr', password => 'Defauts-ui-2026' });
is($r->code, 303, 'the first tab\'s login form, posted after, is not « formulaire expiré »');
$r = $tabs->post(url('/portail/famille/reservations'), { csrf => $tab_a, action => 'reservation' });
is($r->code, 403, 'but a family\'s form needs the session\'s token');

# --- 5. a closure after bookings ------------------------------------------------------------------
my ($kid2fam, $ua2) = new_family('DEFA-1313-UIU2', 'ROUX', 'roux@exemple.fr', 'Defauts-ui-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($kid2fam, 'Roux', 'Tom', '2016-01-01')");
my ($tom) = sql_query("SELECT id FROM children WHERE family_id = $kid2fam");
enrol($kid2fam, $act);
my $csrf2 = csrf_of($ua2->get(url('/portail/famille/reservations'))->decoded_content);
my $d2 = open_day($ua, $lina, $act, 30);
sql_query("UPDATE activities SET capacity = 1 WHERE id = $act");
is(book($ua, $csrf, $act, $lina, $d2, 'reservation')->code, 303, 'Lina books the last place');
is(book($ua2, $csrf2, $act, $tom, $d2, 'reservation')->code, 303, 'Tom asks too');
is(join(',', sql_query("SELECT status FROM bookings WHERE activity_id = $act AND day = '" . day($d2) . "' ORDER BY child_id")),
   'reserve,liste_attente', 'one booked, one on the waiting list');
my %closure = (csrf => $acsrf, date_debut => day($d2), date_fin => day($d2), label => 'Grève', activite => $act);
$r = $agent->post(url('/portail/admin/fermetures'), \%closure);
is($r->code, 200, 'the closure asks for a confirmation first');
like(visible_text($r->decoded_content), qr/annule\s+2\s+réservation/, 'saying how many bookings it cancels');
is((sql_query("SELECT count(*) FROM closures WHERE label = 'Grève'"))[0], 0, 'nothing added yet');
$r = $agent->post(url('/portail/admin/fermetures'), { %closure, confirmer => 1 });
is($r->code, 303, 'confirmed');
is(join(',', sql_query("SELECT status FROM bookings WHERE activity_id = $act AND day = '" . day($d2) . "'")),
   'annule,annule', 'the day\'s bookings are cancelled, the waiting list cleared');
is((sql_query("SELECT taken FROM day_counts WHERE activity_id = $act AND day = '" . day($d2) . "'"))[0], 0,
   'the places are free');
my $mine = $ua->get(url('/portail/famille/demandes'))->decoded_content;
like($mine, qr/Fermeture : Grève/, 'the family finds it in « Mes demandes »');
my ($creq) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND title = 'Fermeture : Grève'");
like(visible_text($ua->get(url("/portail/famille/demandes/$creq"))->decoded_content),
     qr/ne vous seront pas facturées/, 'with the town\'s message');
is((sql_query("SELECT count(*) FROM requests WHERE family_id = $kid2fam AND title = 'Fermeture : Grève'"))[0], 1,
   'the waiting family is told too');
my ($tomreq) = sql_query("SELECT request_id FROM bookings WHERE child_id = $tom AND activity_id = $act");
is((sql_query("SELECT status FROM requests WHERE id = $tomreq"))[0], 'annulee',
   'its waiting request, with nothing left to answer, is closed');

# --- 6. the digest: one line a promotion; the closure in it -----------------------------------
my $promo = new_activity('Atelier promotion', 1, 0);
enrol($fam, $promo);
enrol($kid2fam, $promo);
my $d3 = open_day($ua, $lina, $promo, 10);
is(book($ua, $csrf, $promo, $lina, $d3, 'reservation')->code, 303, 'Lina takes the one place');
is(book($ua2, $csrf2, $promo, $tom, $d3, 'reservation')->code, 303, 'Tom waits');
is(book($ua, $csrf, $promo, $lina, $d3, 'annulation')->code, 303, 'Lina cancels: Tom is promoted');
my ($treq) = sql_query("SELECT request_id FROM bookings WHERE child_id = $tom AND activity_id = $promo");
is((sql_query("SELECT count(*) FROM request_events WHERE request_id = $treq AND event = 'acceptation'"))[0], 1,
   'one acceptation for the promotion');
my @lt = localtime(time);
my $wend = $lt[2] < 13 ? day(0) . ' 13:00' : $lt[2] < 18 ? day(0) . ' 18:00' : day(1) . ' 13:00';
sql_query('DELETE FROM digest_windows');
my ($rc, $out) = ctl('--now', $wend, 'digest');
is($rc, 0, 'the digest runs') or diag($out);
my @mails = grep { /Atelier promotion/ } sql_query("SELECT data FROM outbox WHERE template = 'traitement' AND to_addr = 'roux\@exemple.fr'");
my $dups = () = ($mails[-1] // '') =~ /Atelier promotion/g;
is($dups, 1, 'the promotion is one line of the digest');
like(join('', sql_query("SELECT data FROM outbox WHERE template = 'traitement' AND to_addr = 'roux\@exemple.fr'")),
     qr/Fermeture : Grève/, 'the closure is in the digest');
sql_query('DELETE FROM digest_windows');      # the digest's own test sends these windows again

done_testing();
