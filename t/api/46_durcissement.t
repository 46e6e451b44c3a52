# What an attacker tried, retried: each queue answers only its own kind of request,
# `retour` is a local path or nothing, malformed ids are 404 (never 503), the calendar
# feed is not cached, TRACE is off, static files and Apache's own errors carry the security
# headers, router errors honour ?format=xml, names are clean text, repeated parameters are
# capped.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family xml_of);
use HTTP::Request;

my ($fam, $ua) = new_family('DURC-2345-6789', 'DURCI', 'durci@exemple.fr', 'Durci-famille-2026');
my $t = time;

# --- 4. Each queue acts on its own kind only ----------------------------------------
sub request_of {
    my ($kind) = @_;
    sql_query("INSERT INTO requests (family_id, kind, title, created_at, updated_at) "
              . "VALUES ($fam, '$kind', 'Essai $kind', $t, $t)");
    my ($id) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam AND kind = '$kind'");
    return $id;
}
my $dossier = request_of('dossier');
my $pre = request_of('preinscription');
my $absence = request_of('absence');
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/dossiers'))->decoded_content);
my %wrong = ("/admin/preinscriptions/$dossier/accepter" => $dossier,
             "/admin/reservations/$dossier/accepter" => $dossier,
             "/admin/dossiers/$pre/accepter" => $pre,
             "/admin/reservations/$pre/refuser" => $pre,
             "/admin/dossiers/$absence/refuser" => $absence);
for my $path (sort keys %wrong) {
    my $r = $agent->post(url("/portail$path"), { csrf => $acsrf, message => 'Non.' });
    is($r->code, 404, "$path: a request of another queue is 404");
    my ($st) = sql_query("SELECT status FROM requests WHERE id = $wrong{$path}");
    is($st, 'en_attente', '… and stays pending');
}
my $r = $agent->post(url('/portail/admin/preinscriptions/accepter'),
                     { csrf => $acsrf, demande => $dossier });
my ($st) = sql_query("SELECT status FROM requests WHERE id = $dossier");
is($st, 'en_attente', 'bulk acceptance in another queue leaves it pending too');
is($agent->post(url("/portail/admin/reservations/$absence/refuser"),
                { csrf => $acsrf, message => 'Non.' })->code, 303, 'its own queue answers it');
is($agent->post(url("/portail/admin/reservations/$absence/refuser"),
                { csrf => $acsrf, message => 'Non.' })->code, 409, 'and once only (409)');

# --- 8. retour with CR/LF -------------------------------------------------------------
my $page = client();
my $lcsrf = csrf_of($page->get(url('/portail/connexion'))->decoded_content);
$r = $page->post(url('/portail/connexion'),
                 { email => 'durci@exemple.fr', password => 'Durci-famille-2026', csrf => $lcsrf,
                   retour => "/portail/espace\r\nSet-Cookie: x=1" });
is($r->code, 303, 'a retour with CR/LF: the login still works');
like($r->header('Location'), qr{/portail/espace$}, 'and the retour is ignored');
ok(!$r->header('Set-Cookie') || $r->header('Set-Cookie') !~ /x=1/, 'nothing injected');
$r = $page->get(url('/portail/connexion?retour=%2Fportail%2Fespace%0D%0AX%3A%201'));
ok($r->code == 200 || $r->code == 303, 'the login page with such a retour answers');

# --- 9. Malformed ids: 404, not 503 ---------------------------------------------------
my $csrf = csrf_of($ua->get(url('/portail/famille/planning'))->decoded_content);
$r = $ua->post(url('/portail/famille/planning/agenda'), { csrf => $csrf, famille => 'abc' });
is($r->code, 404, 'famille=abc on the agenda form: 404');
ok(!$r->header('Retry-After'), 'no Retry-After');
like($r->decoded_content, qr/lang="fr"/, 'the French error screen');
$r = $ua->post(url('/portail/famille/reservations'),
               { csrf => $csrf, action => 'reservation', activite => 1, enfant_x => 1,
                 date_debut => '2027-03-01', date_fin => '2027-03-05', j1 => 1 });
ok($r->code == 404 || $r->code == 400, 'enfant_x=1 on reservations: ' . $r->code);
ok(!$r->header('Retry-After'), 'no Retry-After');
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'),
               { csrf => $csrf, activite => 1, enfant_x => 1, date_debut => '2027-03-01',
                 date_fin => '2027-03-31', mode => 'reguliere', j1 => 1 });
ok($r->code == 404 || $r->code == 400, 'enfant_x=1 on pré-inscriptions: ' . $r->code);
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'),
               { csrf => $csrf, activite => 'abc', date_debut => '2027-03-01',
                 date_fin => '2027-03-31', mode => 'reguliere', j1 => 1 });
is($r->code, 400, 'activite=abc on pré-inscriptions: 400, the form again');

# --- 10. The calendar feed is never cached ----------------------------------------------
my $x = xml_of($ua, '/portail/famille/planning');
(my $feed = $x->findvalue('//planning/agenda/@url')) =~ s{^https?://[^/]+}{};
$r = client()->get(url($feed));
is($r->code, 200, 'the feed answers');
is($r->header('Cache-Control'), 'private, no-store', 'with Cache-Control: private, no-store');

# --- 11. Configuration -----------------------------------------------------------------
$r = client()->request(HTTP::Request->new(TRACE => url('/portail/')));
is($r->code, 405, 'TRACE is off');
$r = client()->get(url('/portail-static/portail.css'));
is($r->code, 200, 'a static file');
is($r->header('X-Content-Type-Options'), 'nosniff', 'carries nosniff');
like($r->header('Content-Security-Policy') // '', qr/frame-ancestors 'none'/, 'and the CSP');
$r = client()->get(url('/portail-static/nulle-part.css'));
is($r->code, 404, "Apache's own 404");
is($r->header('X-Frame-Options'), 'DENY', 'carries the security headers too');
my $csp = () = ($r->headers->as_string =~ /^Content-Security-Policy:/mg);
is($csp, 1, 'once');

$r = client()->get(url('/portail/nulle-part?format=xml'));
is($r->code, 404, 'a router 404');
like($r->header('Content-Type'), qr{^application/xml}, '?format=xml: as XML');
like($r->content, qr{<erreur code="404"}, 'the error element');
$r = client()->post(url('/portail/?format=xml'), {});
is($r->code, 405, 'a router 405');
like($r->header('Content-Type'), qr{^application/xml}, '?format=xml: as XML');
$r = $ua->get(url('/portail/admin/?format=xml'));
is($r->code, 403, "Apache's 403 (a parent on /admin)");
like($r->header('Content-Type'), qr{^application/xml}, '?format=xml: as XML');

# Sign-up names: clean text.
my $visitor = client();
my $icsrf = csrf_of($visitor->get(url('/portail/inscription'))->decoded_content);
$r = $visitor->post(url('/portail/inscription'),
                    { csrf => $icsrf, prenom => '<b>Jean</b>', nom => "DUPONT\r\nBcc: x",
                      email => 'balises@exemple.fr', password => 'une phrase de passe',
                      confirmation => 'une phrase de passe' });
is($r->code, 400, 'markup or a line break in a name: 400');
like($r->decoded_content, qr/ni les signes &lt; et &gt;/, 'with a French explanation');
my ($made) = sql_query("SELECT count(*) FROM accounts WHERE email = 'balises\@exemple.fr'");
is($made, 0, 'no account');

# Repeated parameters are capped.
my $many = join '&', map { "masquer=e$_" } 1 .. 499;
$r = $ua->get(url("/portail/famille/planning?$many"));
is($r->code, 400, '499 « masquer »: 400');
like($r->decoded_content, qr/répète trop de fois/, 'said in French');
$r = $ua->get(url('/portail/famille/planning?' . join '&', map { "masquer=e$_" } 1 .. 40));
is($r->code, 200, '40 are fine');
$r = $ua->post(url('/portail/famille/planning/agenda'),
               [ csrf => $csrf, map { (famille => $_) } 1 .. 150 ]);
is($r->code, 400, 'a form repeating one field 150 times: 400');

done_testing();
