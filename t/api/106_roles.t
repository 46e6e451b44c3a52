# Need to know (issue 16, point 6): an agent's roles open its screens and its data.
# Health data (allergies, PAI, diet, doctor) only for accueil and restauration, bank data
# (IBAN, BIC, holder) only for facturation — on the page and in its XML; the day sheet
# only for the roles that care for the children; roles set by an administrator only; the
# journal says which field changed, never a full IBAN nor a health detail.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family new_agent day
                     new_activity enrol visible_text ctl_command);

my $IBAN = 'FR76 3000 6000 0112 3456 7890 189';
my $NEW_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';
my ($fam, $parent) = new_family('ROLE-2345-6789', 'ROLES', 'roles.parent@exemple.fr', 'Roles-famille-2026');
sql_query("INSERT INTO responsables (family_id, rang, civilite, nom, prenom, iban, bic, titulaire) "
          . "VALUES ($fam, 1, 'Mme', 'Roles', 'Alice', '$IBAN', 'BNPAFRPP', 'Alice Titulaire')");
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance, allergies, pai, regime, medecin) "
          . "VALUES ($fam, 'Roles', 'Zoé', '2017-04-02', 'Arachide sévère', '1', 'sans-porc', 'Dr Vasseur')");
my ($resp) = sql_query("SELECT id FROM responsables WHERE family_id = $fam");
my ($child) = sql_query("SELECT id FROM children WHERE family_id = $fam");

my %pw = map { $_ => 'Agent-roles-2026' } qw(accueil restauration facturation administration aucun);
my ($accueil, $accueil_id) = new_agent('accueil.roles@exemple.fr', $pw{accueil}, 'accueil');
my ($resto) = new_agent('resto.roles@exemple.fr', $pw{restauration}, 'restauration');
my ($factu) = new_agent('factu.roles@exemple.fr', $pw{facturation}, 'facturation');
my ($admin) = new_agent('admin.roles@exemple.fr', $pw{administration}, 'administration');
my ($aucun) = new_agent('aucun.roles@exemple.fr', $pw{aucun});

my $HEALTH = qr/Arachide|Dr Vasseur|Sans porc|sans-porc/;
my $BANK = qr/3000 6000|30006000|7890 189|BNPAFRPP|Alice Titulaire/;

# --- 0. Require portail-role with agent roles (t/conf/extra.conf.in) -------------------
is($resto->get(url('/portail/admin/essai-restauration'))->code, 404, 'Require portail-role restauration: restauration passes (no screen there)');
is($admin->get(url('/portail/admin/essai-restauration'))->code, 404, 'administration, named too, passes');
is($accueil->get(url('/portail/admin/essai-restauration'))->code, 403, 'accueil, another role, is refused by Apache');
is($aucun->get(url('/portail/admin/essai-restauration'))->code, 403, 'an agent without a role too');
is($parent->get(url('/portail/admin/essai-restauration'))->code, 403, 'and a parent');

# --- 1. the family's page and its XML ----------------------------------------------------
my %sees = (accueil => [$accueil, 1, 0], restauration => [$resto, 1, 0],
            facturation => [$factu, 0, 1], administration => [$admin, 0, 0], aucun => [$aucun, 0, 0]);
for my $role (sort keys %sees) {
    my ($ua, $health, $bank) = @{ $sees{$role} };
    my $r = $ua->get(url("/portail/admin/familles/$fam"));
    is($r->code, 200, "$role: the family's page answers");
    my $html = $r->decoded_content;
    my $raw = $ua->get(url("/portail/admin/familles/$fam?format=xml"));
    is($raw->code, 200, "$role: and its XML");
    my $xml = $raw->decoded_content;
    my $x = xml_of($ua, "/portail/admin/familles/$fam");
    if ($health) {
        like($html, qr/Arachide sévère/, "$role sees the allergies");
        is($x->findvalue("count(//objet[\@type='enfant']/section[\@name='sante'])"), 1, "$role: the health section is in the XML");
    }
    else {
        unlike($html, $HEALTH, "$role sees no health field on the page");
        unlike($xml, $HEALTH, "$role: nor in the XML");
        is($x->findvalue("count(//section[\@name='sante'])"), 0, "$role: no health section at all");
    }
    if ($bank) {
        like($html, qr/\Q$IBAN\E/, "$role sees the IBAN");
        like($html, qr/BNPAFRPP/, "$role sees the BIC");
    }
    else {
        unlike($html, $BANK, "$role sees no bank field on the page");
        unlike($xml, $BANK, "$role: nor in the XML");
        is($x->findvalue("count(//section[\@name='banque'])"), 0, "$role: no bank section at all");
    }
}

# The edit forms of another role's section: 403 with the French error screen, and a forged
# POST changes nothing.
my $r = $accueil->get(url("/portail/admin/dossier/responsable/$resp/banque"));
is($r->code, 403, 'accueil: the bank form is 403');
like($r->decoded_content, qr/réservées aux agents d'un autre rôle/, 'with the French error screen');
unlike($r->decoded_content, $BANK, 'and no bank value');
is($factu->get(url("/portail/admin/dossier/enfant/$child/sante"))->code, 403, 'facturation: the health form is 403');
is($factu->get(url("/portail/admin/dossier/enfant/$child/sante?format=xml"))->code, 403, 'in XML too');
my $acsrf = csrf_of($accueil->get(url('/portail/admin/'))->decoded_content);
$r = $accueil->post(url("/portail/admin/dossier/responsable/$resp/banque"),
                    { csrf => $acsrf, iban => $NEW_IBAN, bic => '', titulaire => '' });
is($r->code, 403, 'accueil: a forged POST of bank data is 403');
is((sql_query("SELECT iban FROM responsables WHERE id = $resp"))[0], $IBAN, 'the IBAN is unchanged');

# --- 2. the day sheet and its export: only for those who care for the children ----------------
my $act = new_activity('Atelier des rôles', 10, 0);
enrol($fam, $act);
my $t = time;
sql_query("INSERT INTO bookings (child_id, activity_id, day, status, created_at, updated_at) VALUES ($child, $act, '" . day(1) . "', 'reserve', $t, $t)");
my $jour = "/portail/admin/activites/$act/jour?date=" . day(1);
$r = $resto->get(url($jour));
is($r->code, 200, 'restauration: the day sheet answers');
like($r->decoded_content, qr/Arachide sévère/, 'with the allergies');
like($r->decoded_content, qr/PAI/, 'and the PAI');
is(xml_of($accueil, $jour)->findvalue("//inscrit/\@allergies"), 'Arachide sévère', 'accueil: in its XML');
for my $role (qw(facturation administration aucun)) {
    my $ua = $sees{$role}[0];
    $r = $ua->get(url($jour));
    is($r->code, 403, "$role: the day sheet is 403");
    unlike($r->decoded_content, $HEALTH, "$role: no health detail on the error screen");
    is($ua->get(url("$jour&format=xml"))->code, 403, "$role: nor as XML");
    is($ua->get(url("/portail/admin/activites/$act/export?type=liste&du=" . day(1) . '&au=' . day(1)))->code,
       403, "$role: nor its export");
}
$r = $resto->get(url("/portail/admin/activites/$act/export?type=liste&du=" . day(1) . '&au=' . day(1)));
is($r->code, 200, 'restauration: the export');
like($r->decoded_content, qr/Allergies;PAI;Régime/, 'has the health columns');
unlike($factu->get(url("/portail/admin/activites/$act"))->decoded_content, qr/jour\.ouvrir|\/jour"/,
       'facturation: no day-sheet form on the activity');

# --- 3. screens of another role: 403, and the dashboard shows only one's own -------------------
is($factu->get(url('/portail/admin/journal'))->code, 403, 'facturation: the journal is 403');
is($admin->get(url('/portail/admin/facturation'))->code, 403, 'administration: billing is 403');
is($accueil->get(url('/portail/admin/tarifs'))->code, 403, 'accueil: tariffs are 403');
is($factu->get(url('/portail/admin/facturation'))->code, 200, 'facturation: billing answers');
my $dash = $factu->get(url('/portail/admin/'))->decoded_content;
like($dash, qr{href="/portail/admin/facturation"}, 'the dashboard shows facturation its tile');
unlike($dash, qr{href="/portail/admin/(journal|agents|comptes)"}, 'and not the others');
like($aucun->get(url('/portail/admin/'))->decoded_content, qr/aucun rôle/, 'an agent without a role is told so');
is($parent->get(url('/portail/admin/agents'))->code, 403, 'a parent: the agents screen is 403');

# --- 4. roles are set by an administrator only --------------------------------------------------
$r = $accueil->get(url('/portail/admin/agents'));
is($r->code, 403, 'accueil: the agents screen is 403');
like($r->decoded_content, qr/réservé aux agents d'un autre rôle/, 'said in French');
$r = $accueil->post(url("/portail/admin/agents/$accueil_id"),
                    { csrf => $acsrf, accueil => 1, facturation => 1, administration => 1 });
is($r->code, 403, 'accueil cannot give itself roles');
is(join(',', sql_query("SELECT role FROM agent_roles WHERE account_id = $accueil_id ORDER BY role")), 'accueil',
   'its roles are unchanged');

$r = $admin->get(url('/portail/admin/agents'));
is($r->code, 200, 'administration: the agents screen');
like($r->decoded_content, qr/accueil\.roles\@exemple\.fr/, 'lists the agents');
my $x = xml_of($admin, '/portail/admin/agents');
is($x->findvalue("//agent[\@email='accueil.roles\@exemple.fr']/role/\@name"), 'accueil', 'with their roles');
my $mcsrf = csrf_of($r->decoded_content);
$r = $admin->post(url("/portail/admin/agents/$accueil_id"), { csrf => $mcsrf, accueil => 1, restauration => 1 });
is($r->code, 303, 'administration gives accueil a second role');
is(join(',', sql_query("SELECT role FROM agent_roles WHERE account_id = $accueil_id ORDER BY role")),
   'accueil,restauration', 'stored');
is(xml_of($accueil, '/portail/admin/')->findvalue('//user/@roles'), 'accueil restauration',
   'in force from the agent\'s next page');
is((sql_query("SELECT after_value FROM audit WHERE action = 'roles' AND object_id = '$accueil_id'"))[0],
   'accueil restauration', 'in the journal');
is($admin->post(url("/portail/admin/agents/$accueil_id"), { csrf => $mcsrf, accueil => 'oui' })->code, 400,
   'a role field that is not a checkbox: 400');
my ($parent_id) = sql_query("SELECT id FROM accounts WHERE email = 'roles.parent\@exemple.fr'");
is($admin->post(url("/portail/admin/agents/$parent_id"), { csrf => $mcsrf, accueil => 1 })->code, 404,
   "a parent's account is not an agent: 404");
is((sql_query("SELECT count(*) FROM agent_roles WHERE account_id = $parent_id"))[0], 0, 'and gets no role');
is($admin->post(url('/portail/admin/agents/999999'), { csrf => $mcsrf })->code, 404, 'an unknown agent: 404');

# portail-ctl create-agent: with an administrator already there, a new agent has no role.
open my $ctl, '|-', join(' ', map { quotemeta } ctl_command('create-agent', 'ctl.roles@exemple.fr'))
    . ' >/dev/null 2>&1' or die "portail-ctl: $!";
print $ctl "Agent-ctl-roles-2026\n";
close $ctl;
is((sql_query("SELECT count(*) FROM agent_roles r JOIN accounts a ON a.id = r.account_id WHERE a.email = 'ctl.roles\@exemple.fr'"))[0],
   0, 'portail-ctl create-agent: a later agent starts without a role');

# --- 5. the journal: which field changed, never a full IBAN nor a health detail -----------------
my $fcsrf = csrf_of($factu->get(url('/portail/admin/'))->decoded_content);
$r = $factu->post(url("/portail/admin/dossier/responsable/$resp/banque"),
                  { csrf => $fcsrf, iban => $NEW_IBAN, bic => 'BNPAFRPP', titulaire => 'Alice Titulaire' });
is($r->code, 303, 'facturation changes the IBAN');
is((sql_query("SELECT iban FROM responsables WHERE id = $resp"))[0], $NEW_IBAN, 'stored');
my ($before) = sql_query("SELECT before_value FROM audit WHERE action = 'modification iban' AND object_id = '$resp'");
my ($after) = sql_query("SELECT after_value FROM audit WHERE action = 'modification iban' AND object_id = '$resp'");
like($after, qr/^FR14 \*{4} .*2 606$/, 'the journal keeps the new IBAN masked (country, check digits, last four)');
like($before, qr/^FR76 \*{4} .*0 189$/, 'and the old one masked');

# A health change by accueil: the field, no value.
$r = $accueil->post(url("/portail/admin/dossier/enfant/$child/sante"),
                    { csrf => $acsrf, allergies => 'Arachide et kiwi', pai => 1, vaccinations => '',
                      medecin => 'Dr Vasseur', medecin_tel => '', regime => 'sans-porc' });
is($r->code, 303, 'accueil changes the allergies');
is((sql_query("SELECT count(*) FROM audit WHERE action = 'modification allergies' AND object_id = '$child' AND before_value IS NULL AND after_value IS NULL"))[0],
   1, 'the journal says the allergies changed, without their text');

# A family's change accepted from the queue: the queue hides it from accueil, who cannot
# accept it; facturation can.
my $pcsrf = csrf_of($parent->get(url("/portail/famille/dossier/responsable/$resp/banque"))->decoded_content);
$r = $parent->post(url("/portail/famille/dossier/responsable/$resp/banque"),
                   { csrf => $pcsrf, iban => $IBAN, bic => 'BNPAFRPP', titulaire => 'Alice Titulaire' });
is($r->code, 303, 'the family asks to change its IBAN back');
my ($req) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam AND kind = 'dossier'");
my $queue = $accueil->get(url('/portail/admin/dossiers'));
like($queue->decoded_content, qr/valeur réservée à un autre rôle/, 'accueil sees which field, not its value');
unlike($queue->decoded_content, qr/\Q$IBAN\E|\Q$NEW_IBAN\E/, 'no IBAN in the queue for accueil');
unlike($accueil->get(url('/portail/admin/dossiers?format=xml'))->decoded_content, qr/3000 6000|2004 1010/, 'nor in its XML');
$r = $accueil->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => $acsrf });
is($r->code, 403, 'accueil cannot accept a bank change');
is((sql_query("SELECT status FROM requests WHERE id = $req"))[0], 'en_attente', 'it stays pending');
like($factu->get(url('/portail/admin/dossiers'))->decoded_content, qr/\Q$IBAN\E/, 'facturation sees it');
$r = $factu->post(url("/portail/admin/dossiers/$req/accepter"), { csrf => $fcsrf });
is($r->code, 303, 'and accepts it');
is((sql_query("SELECT iban FROM responsables WHERE id = $resp"))[0], $IBAN, 'applied');
# The decided request keeps the IBANs masked (old and new), never in full.
my @kept = sql_query("SELECT coalesce(old_value, '') || '|' || coalesce(new_value, '') FROM request_changes "
                     . "WHERE request_id = $req AND field = 'iban'");
is(scalar @kept, 1, 'the request still says the IBAN changed');
unlike($kept[0], qr/\d{4} \d{4}|\d{8}/, 'without a full IBAN once decided');
like($kept[0], qr/\*{4}/, 'with the masked ones');

# Nowhere in the trail a full IBAN (with or without spaces) or the allergies' text.
my @leaks = sql_query("SELECT id FROM audit WHERE replace(coalesce(before_value, '') || coalesce(after_value, ''), ' ', '') LIKE '%30006000011234567890189%' "
                      . "OR replace(coalesce(before_value, '') || coalesce(after_value, ''), ' ', '') LIKE '%20041010050500013M02606%' "
                      . "OR coalesce(before_value, '') || coalesce(after_value, '') LIKE '%Arachide%'");
is(scalar @leaks, 0, 'no full IBAN nor health detail in the audit table');
my $journal = $admin->get(url('/portail/admin/journal?objet=responsable'));
is($journal->code, 200, 'administration reads the journal');
like(visible_text($journal->decoded_content), qr/IBAN/, 'which names the IBAN');
unlike($journal->decoded_content, qr/\Q$IBAN\E|\Q$NEW_IBAN\E|30006000011234567890189/, 'never a full one');
like(visible_text($journal->decoded_content), qr/FR14 \*{4}/, 'but its masked form');
my $jx = $admin->get(url('/portail/admin/journal?objet=enfant&format=xml'))->decoded_content;
unlike($jx, qr/Arachide/, 'the journal\'s XML holds no health detail');
like($jx, qr/valeur non conservée/, 'it says the value is not kept');

done_testing();

