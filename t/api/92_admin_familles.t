# Agents' side of the families: search, create a family with a generated code abonné, its
# letter, the accounts subscribed to it (unlink), and the accounts list (resend the
# confirmation, block, unblock).  Every change is in the audit trail.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_account);

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');

# Search.
my $r = $agent->get(url('/portail/admin/familles'));
is($r->code, 200, 'the families list answers');
like($r->decoded_content, qr/BENALI.*LE GALL.*MARTIN/s, 'every family, by name');
my $x = xml_of($agent, '/portail/admin/familles?q=benali');
is($x->findvalue('count(//admin-familles/family)'), 1, 'search by name: one family');
is($x->findvalue('//admin-familles/family/@code_abonne'), 'R3ZD-8NVE-2KQB', 'with its code');
$x = xml_of($agent, '/portail/admin/familles?q=w9ht5cmu6ypf');
is($x->findvalue('//admin-familles/family/@nom'), 'LE GALL', 'search by code abonné, typed loosely');
$x = xml_of($agent, '/portail/admin/familles?q=%25');
is($x->findvalue('count(//admin-familles/family)'), 0, 'a « % » is a character, not a wildcard');
is($agent->get(url('/portail/admin/familles?page=abc'))->code, 400, 'a bad page number: 400');

# A parent has no access; another family's page does not exist for anybody.
my $parent = client();
login($parent, 'parent@demo.portail.fr', 'Parent-demo-2026');
is($parent->get(url('/portail/admin/familles'))->code, 403, 'a parent: 403');
is($agent->get(url('/portail/admin/familles/999999'))->code, 404, 'an unknown family: 404');

# Create a family: bad input comes back with what was typed, and nothing is created.
$r = $agent->get(url('/portail/admin/familles/nouvelle'));
is($r->code, 200, 'the form answers');
like($r->decoded_content, qr/<legend>Responsable 1<\/legend>/, 'grouped by person');
my $csrf = csrf_of($r->decoded_content);
my ($before) = sql_query('SELECT count(*) FROM families');
my %form = (csrf => $csrf, adresse => '3 rue des Lilas', code_postal => '7500',
            commune => 'Ville-Démo', r1_civilite => 'Mme', r1_nom => 'Durand',
            r1_prenom => 'Claire', r1_email => 'claire.durand@exemple.fr',
            r1_telephone => '06 12 34 56 78', e1_prenom => 'Léo', e1_date_naissance => '2019-02-30');
$r = $agent->post(url('/portail/admin/familles/nouvelle'), \%form);
is($r->code, 400, 'a wrong postal code and date: 400');
like($r->decoded_content, qr/href="#f-code_postal"/, 'the postal code error links to its field');
like($r->decoded_content, qr/href="#f-e1_date_naissance"/, 'so does the date error');
like($r->decoded_content, qr/value="Claire"/, 'what was typed is kept');
my ($after) = sql_query('SELECT count(*) FROM families');
is($after, $before, 'nothing created');

$form{code_postal} = '75001';
$form{e1_date_naissance} = '2019-02-28';
$r = $agent->post(url('/portail/admin/familles/nouvelle'), \%form);
is($r->code, 303, 'the family is created');
my ($id) = $r->header('Location') =~ m{/admin/familles/(\d+)$};
ok($id, 'and shown');
my ($code) = sql_query("SELECT code_abonne FROM families WHERE id = $id");
like($code, qr/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'with a generated code abonné');
my ($child) = sql_query("SELECT nom || ' ' || prenom FROM children WHERE family_id = $id");
is($child, 'Durand Léo', 'the child takes the responsable\'s name when none is typed');
my ($audit) = sql_query("SELECT action FROM audit WHERE object_type = 'famille' AND object_id = '$id'");
is($audit, 'creation', 'the creation is in the audit trail');

# The letter.
$r = $agent->get(url("/portail/admin/familles/$id/courrier"));
is($r->code, 200, 'the letter answers');
like($r->decoded_content, qr/\Q$code\E/, 'it shows the code');
like($r->decoded_content, qr{http://[^<]+/portail/inscription}, 'and the portal address');
like($r->decoded_content, qr/Mme Claire Durand/, 'addressed to the responsable');

# A parent signs up... (an existing active account here) and subscribes with the code.
new_account('claire.durand@exemple.fr', 'Un-mot-de-passe-2026');
my $claire = client();
login($claire, 'claire.durand@exemple.fr', 'Un-mot-de-passe-2026');
my $c = csrf_of($claire->get(url('/portail/espace/abonnements'))->decoded_content);
is($claire->post(url('/portail/espace/abonnements'), { csrf => $c, par => 'code', code => $code })->code,
   303, 'the parent subscribes with the letter\'s code');
$x = xml_of($agent, "/portail/admin/familles/$id");
is($x->findvalue('//admin-famille/compte/@email'), 'claire.durand@exemple.fr', 'the agent sees the account');
my ($acct) = sql_query("SELECT id FROM accounts WHERE email = 'claire.durand\@exemple.fr'");

# Unlink.
$r = $agent->post(url("/portail/admin/familles/$id/comptes/$acct/detacher"), { csrf => $csrf });
is($r->code, 303, 'the agent unlinks the account');
like($claire->get(url('/portail/famille/'))->decoded_content, qr/rattaché à aucune famille/,
     'the parent\'s family space closes at once');
is($agent->post(url("/portail/admin/familles/$id/comptes/$acct/detacher"), { csrf => $csrf })->code,
   404, 'unlinking again: 404');
is($agent->post(url("/portail/admin/familles/$id/comptes/$acct/detacher"))->code, 403,
   'without the CSRF token: 403');

# Accounts: states, block, unblock, resend.
$x = xml_of($agent, '/portail/admin/comptes?q=claire.durand');
is($x->findvalue('//admin-comptes/compte/@state'), 'actif', 'the account is listed as active');
$r = $agent->post(url("/portail/admin/comptes/$acct/bloquer"), { csrf => $csrf });
is($r->code, 303, 'blocked');
is($claire->get(url('/portail/espace'))->code, 303, 'the blocked parent\'s session ended at once');
like(login($claire, 'claire.durand@exemple.fr', 'Un-mot-de-passe-2026')->decoded_content,
     qr/bloqué/, 'and the login says the account is blocked');
$x = xml_of($agent, '/portail/admin/comptes?etat=bloque');
is($x->findvalue('//admin-comptes/compte/@email'), 'claire.durand@exemple.fr', 'filter by state');
is($agent->post(url("/portail/admin/comptes/$acct/bloquer"), { csrf => $csrf })->code, 409,
   'blocking twice: 409');
is($agent->post(url("/portail/admin/comptes/$acct/debloquer"), { csrf => $csrf })->code, 303,
   'unblocked');
is(login($claire, 'claire.durand@exemple.fr', 'Un-mot-de-passe-2026')->code, 303, 'the parent logs in again');
is($agent->post(url("/portail/admin/comptes/$acct/renvoyer"), { csrf => $csrf })->code, 409,
   'an active account has no confirmation to resend: 409');
my ($agent_id) = sql_query("SELECT id FROM accounts WHERE email = 'agent\@demo.portail.fr'");
is($agent->post(url("/portail/admin/comptes/$agent_id/bloquer"), { csrf => $csrf })->code, 404,
   'an agent\'s account is not a parent account: 404');

# A pending account gets a new link.
my $t = time;
sql_query("INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at) "
          . "VALUES ('en.attente\@exemple.fr', 'x', 'ATTENTE', 'Paul', 'parent', 'en_attente', $t)");
my ($pending) = sql_query("SELECT id FROM accounts WHERE email = 'en.attente\@exemple.fr'");
my ($mails) = sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'en.attente\@exemple.fr'");
$r = $agent->post(url("/portail/admin/comptes/$pending/renvoyer"), { csrf => $csrf });
is($r->code, 303, 'resend the confirmation');
my ($mails2) = sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'en.attente\@exemple.fr' AND template = 'activation'");
is($mails2, $mails + 1, 'a new activation mail is queued');
my @actions = sql_query("SELECT action FROM audit WHERE object_type = 'compte' AND object_id IN ('$acct', '$pending') ORDER BY id");
is_deeply(\@actions, [qw(blocage deblocage renvoi-confirmation)], 'each action is in the audit trail');

done_testing();
