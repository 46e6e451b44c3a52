# « Dossier famille »: a change is a request shown in yellow until an agent answers; the
# agent's queue accepts (with conflicts detected) or refuses with a message; « Mes
# demandes » says « 1 nouveau(x) message(s) » until opened; fiscal data stays the town's;
# another family's ids are 404.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family);

# A family of its own, so the test does not depend on the others.
my ($fam, $ua) = new_family('DSSR-2345-6789', 'DOSSIER', 'ines.dossier@exemple.fr', 'Dossier-famille-2026');
sql_query("INSERT INTO responsables (family_id, rang, civilite, nom, prenom, tel_portable) VALUES ($fam, 1, 'Mme', 'Dossier', 'Inès', '06 00 00 00 01')");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Dossier', 'Noé', '2017-03-12')");
my ($resp) = sql_query("SELECT id FROM responsables WHERE family_id = $fam");
my ($child) = sql_query("SELECT id FROM children WHERE family_id = $fam");
my ($other_child) = sql_query("SELECT c.id FROM children c JOIN families f ON f.id = c.family_id WHERE f.nom = 'BENALI' LIMIT 1");

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');

my $r = $ua->get(url('/portail/famille/dossier'));
is($r->code, 200, 'the dossier answers');
like($r->decoded_content, qr/Mme Inès Dossier/, 'a card per responsable');
like($r->decoded_content, qr/Noé Dossier/, 'and per child');
like($r->decoded_content, qr/Données fiscales.*?Modifiable par la mairie uniquement/s, 'fiscal data is read-only');

# Another family's child, an unknown id, a bad object: 404.
is($ua->get(url("/portail/famille/dossier/enfant/$other_child/sante"))->code, 404, "another family's child: 404");
is($ua->get(url('/portail/famille/dossier/enfant/999999/sante'))->code, 404, 'an unknown child: 404');
is($ua->get(url("/portail/famille/dossier/chien/$child/sante"))->code, 404, 'an unknown kind of object: 404');
is($ua->get(url("/portail/famille/dossier/enfant/$child/inconnue"))->code, 404, 'an unknown section: 404');

# Fiscal data: no form field, and a forged POST is refused, nothing changes.
$r = $ua->get(url("/portail/famille/dossier/responsable/$resp/coordonnees"));
my $csrf = csrf_of($r->decoded_content);
$r = $ua->post(url("/portail/famille/dossier/famille/$fam/fiscal"), { csrf => $csrf, quotient => '1' });
is($r->code, 403, 'a forged POST of fiscal data: 403');
my ($q) = sql_query("SELECT coalesce(quotient, -1) FROM families WHERE id = $fam");
is($q, -1, 'the quotient is unchanged');
my ($requests) = sql_query("SELECT count(*) FROM requests WHERE family_id = $fam");
is($requests, 0, 'and no request was made');

# Bad input: the form again with what was typed.
$r = $ua->post(url("/portail/famille/dossier/responsable/$resp/banque"),
               { csrf => $csrf, iban => 'FR76 3000 6000 0112 3456 7890 188', bic => '', titulaire => '' });
is($r->code, 400, 'a wrong IBAN: 400');
like($r->decoded_content, qr/href="#f-iban">Le numéro IBAN n'est pas valide/, 'said on its field');
like($r->decoded_content, qr/value="FR76 3000 6000 0112 3456 7890 188"/, 'with what was typed');

# The phone number: a request, shown in yellow beside the current value.
my ($outbox) = sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'ines.dossier\@exemple.fr' AND template = 'demande-recue'");
$r = $ua->post(url("/portail/famille/dossier/responsable/$resp/coordonnees"),
               { csrf => $csrf, email => '', tel_portable => '07.11.22.33.44', tel_fixe => '', tel_travail => '' });
is($r->code, 303, 'a change of phone number is sent');
my ($tel) = sql_query("SELECT tel_portable FROM responsables WHERE id = $resp");
is($tel, '06 00 00 00 01', 'the file itself is not changed yet');
$r = $ua->get(url('/portail/famille/dossier'));
like($r->decoded_content, qr{06 00 00 00 01<span class="en-attente"><strong>En attente de validation</strong> : 07 11 22 33 44</span>},
     'the pending value is shown beside the current one, labelled');
my ($outbox2) = sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'ines.dossier\@exemple.fr' AND template = 'demande-recue'");
is($outbox2, $outbox + 1, 'an acknowledgement mail is queued');
my ($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente'");

# The agent's queue: old and new side by side; accept.
my $x = xml_of($agent, '/portail/admin/dossiers');
my ($d) = $x->findnodes("//admin-dossiers/demande[\@id = '$req']");
ok($d, 'the request is in the agents\' queue');
is($d->findvalue('changement/@avant'), '06 00 00 00 01', 'with the old value');
is($d->findvalue('changement/@apres'), '07 11 22 33 44', 'and the new one');
$r = $agent->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => csrf_of($agent->get(url('/portail/admin/dossiers'))->decoded_content) });
is($r->code, 303, 'the agent accepts');
my $acsrf = csrf_of($agent->get(url('/portail/admin/dossiers'))->decoded_content);
($tel) = sql_query("SELECT tel_portable FROM responsables WHERE id = $resp");
is($tel, '07 11 22 33 44', 'the new value is in the file');
is($agent->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => $acsrf })->code, 409, 'accepting twice: 409');
my ($audit) = sql_query("SELECT after_value FROM audit WHERE action = 'validation tel_portable' AND object_id = '$resp'");
is($audit, '07 11 22 33 44', 'the validation is in the audit trail');

# « Mes demandes »: 1 new message until opened.
$r = $ua->get(url('/portail/famille/demandes'));
like($r->decoded_content, qr/1 nouveau\(x\) message\(s\)/, '« 1 nouveau(x) message(s) » on the list');
like($r->decoded_content, qr/Acceptée/, 'with its status');
$r = $ua->get(url("/portail/famille/demandes/$req"));
is($r->code, 200, 'the parent opens the request');
like($r->decoded_content, qr/Demande acceptée/, 'its history says it was accepted');
unlike($ua->get(url('/portail/famille/demandes'))->decoded_content, qr/nouveau\(x\) message/, 'and the mark is gone');
is($ua->get(url('/portail/famille/demandes/' . ($req + 100000)))->code, 404, 'an unknown request: 404');

# A refusal carries the agent's message.
$r = $ua->post(url("/portail/famille/dossier/enfant/$child/sante"),
               { csrf => $csrf, allergies => 'Arachide', pai => '1', vaccinations => '', medecin => '', medecin_tel => '', regime => '' });
is($r->code, 303, 'health data change sent');
($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente'");
is($agent->post(url("/portail/admin/dossiers/$req/refuser"), { csrf => $acsrf, message => '' })->code, 400, 'a refusal needs a message');
is($agent->post(url("/portail/admin/dossiers/$req/refuser"), { csrf => $acsrf, message => 'Merci de fournir le PAI signé.' })->code, 303, 'refused');
like($ua->get(url("/portail/famille/demandes/$req"))->decoded_content, qr/Merci de fournir le PAI signé/, 'the family reads the message');
my ($allergies) = sql_query("SELECT count(*) FROM children WHERE id = $child AND allergies IS NULL");
is($allergies, 1, 'nothing applied');

# A conflict: the agent changes the value directly before accepting the family's request.
$ua->post(url("/portail/famille/dossier/enfant/$child/scolarite"), { csrf => $csrf, ecole => 'École Jules-Ferry', classe => 'CE1' });
($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente'");
is($agent->post(url("/portail/admin/dossier/enfant/$child/scolarite"), { csrf => $acsrf, ecole => 'École Pasteur', classe => 'CE2' })->code,
   303, 'the agent edits the file directly');
$r = $agent->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => $acsrf });
is($r->code, 409, 'accepting the older request: a conflict');
like($r->decoded_content, qr/Conflit.*École/s, 'naming the fields');
my ($ecole) = sql_query("SELECT ecole FROM children WHERE id = $child");
is($ecole, 'École Pasteur', 'nothing of the request was applied');
my ($status) = sql_query("SELECT status FROM requests WHERE id = $req");
is($status, 'en_attente', 'the request waits for a decision');

# Cancel by the family; then bulk acceptance of two requests.
is($ua->post(url("/portail/famille/demandes/$req/annuler"), { csrf => $csrf })->code, 303, 'the family cancels');
is($ua->post(url("/portail/famille/demandes/$req/annuler"), { csrf => $csrf })->code, 409, 'cancelling twice: 409');
$ua->post(url("/portail/famille/dossier/enfant/$child/equipements"), { csrf => $csrf, lunettes => '1' });
$ua->post(url("/portail/famille/dossier/responsable/$resp/identite"), { csrf => $csrf, civilite => 'Mme', nom => 'Dossier', prenom => 'Inès', date_naissance => '1985-06-01' });
my @pending = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente' ORDER BY id");
is(scalar @pending, 2, 'two pending requests');
$r = $agent->post(url('/portail/admin/dossiers/accepter'), [ csrf => $acsrf, map { (demande => $_) } @pending ]);
is($r->code, 303, 'bulk acceptance');
my ($lunettes) = sql_query("SELECT lunettes FROM children WHERE id = $child");
my ($naissance) = sql_query("SELECT date_naissance FROM responsables WHERE id = $resp");
is("$lunettes $naissance", '1 1985-06-01', 'both are applied');

# Adding a child: a request too, shown as a card waiting for validation.
$r = $ua->get(url('/portail/famille/dossier/ajout/enfant'));
is($r->code, 200, 'the form to add a child answers');
$r = $ua->post(url('/portail/famille/dossier/ajout/enfant'),
               { csrf => $csrf, famille => $fam, nom => 'Dossier', prenom => '', date_naissance => '2023-02-30', sexe => 'F' });
is($r->code, 400, 'a child without first name and with a wrong date: 400');
like($r->decoded_content, qr/href="#f-prenom".*href="#f-date_naissance"/s, 'both errors linked to their fields');
my ($other_fam) = sql_query("SELECT id FROM families WHERE nom = 'BENALI'");
is($ua->post(url('/portail/famille/dossier/ajout/enfant'),
             { csrf => $csrf, famille => $other_fam, nom => 'X', prenom => 'Y', date_naissance => '2020-01-01' })->code,
   404, "adding a child to another family: 404");
$r = $ua->post(url('/portail/famille/dossier/ajout/enfant'),
               { csrf => $csrf, famille => $fam, nom => 'Dossier', prenom => 'Zoé', date_naissance => '2023-02-28', sexe => 'F' });
is($r->code, 303, 'the addition is sent');
my ($children) = sql_query("SELECT count(*) FROM children WHERE family_id = $fam");
is($children, 1, 'no child is added before validation');
like($ua->get(url('/portail/famille/dossier'))->decoded_content, qr/Nouvel enfant — <span class="en-attente">En attente de validation<\/span>.*Zoé/s,
     'the dossier shows the child waiting for validation');
($req) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente'");
is($agent->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => $acsrf })->code, 303, 'the agent accepts the addition');
my ($zoe) = sql_query("SELECT date_naissance FROM children WHERE family_id = $fam AND prenom = 'Zoé'");
is($zoe, '2023-02-28', 'the child is in the family');

# The journal shows the agents' actions.
$x = xml_of($agent, '/portail/admin/journal?objet=enfant');
ok($x->findvalue("count(//admin-journal/entree[\@action = 'modification ecole'])") >= 1, 'the direct edit is in the journal');
is($ua->get(url('/portail/admin/journal'))->code, 403, 'a parent cannot read the journal');

done_testing();
