# The porte-monnaie (issue 15, h15wallet): a régie set « prépayé » by an agent; a family
# activates its porte-monnaie; an agent credits it (audited adjustment); bookings of the
# régie's activities are debited in the booking's transaction at the family's tariff,
# refunded when cancelled in time and not when late; the preview refuses the days the
# balance cannot cover and what it shows is what is applied; 50 parallel bookings against
# a balance covering 10 → exactly 10 booked and the balance exactly zero; wallet-paid days
# are not invoiced; bad input → French 400 with the form kept and nothing changed; another
# family's → 404.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family open_day day new_activity
                     enrol book parallel ctl);

sub solde { join ',', sql_query("SELECT solde FROM wallets WHERE family_id = $_[0] AND regie_id = $_[1]") }
sub count_of { (sql_query($_[0]))[0] }

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/tarifs'))->decoded_content);

# --- the régie's settings ----------------------------------------------------------------------
my $r = $agent->post(url('/portail/admin/tarifs/regies'),
                     { csrf => $acsrf, code => 'PREP', name => 'Régie des stages', emetteur => 'Mairie — stages',
                       delai_paiement => 30, relance_jours => 5 });
is($r->code, 303, 'a régie is created');
my ($regie) = sql_query("SELECT id FROM regies WHERE code = 'PREP'");
is(join(',', sql_query("SELECT prepaye || '/' || recharge_min || '/' || recharge_max FROM regies WHERE id = $regie")),
   '0/1000/30000', 'billed monthly, top-up between 10,00 € and 300,00 € by default');
my %set = (csrf => $acsrf, regie_id => $regie, prepaye => 1, recharge_min => '5,00', recharge_max => '200,00',
           payfip_numcli => '654321');
for my $bad ([recharge_min => 'zéro', qr/minimum et maximum d'un rechargement/],
             [recharge_max => '2,00', qr/minimum et maximum d'un rechargement/],
             [payfip_numcli => '12345', qr/6 chiffres/], [regie_id => '', qr/Choisissez la régie/]) {
    my ($k, $v, $re) = @$bad;
    $r = $agent->post(url('/portail/admin/tarifs/regies/parametres'), { %set, $k => $v });
    is($r->code, 400, "settings with $k « $v »: 400");
    like($r->decoded_content, $re, '  said in French');
    like($r->decoded_content, $k eq 'recharge_max' ? qr/value="5,00"/ : qr/value="200,00"/, '  the form keeps what was typed');
}
is(join(',', sql_query("SELECT prepaye FROM regies WHERE id = $regie")), '0', 'nothing changed');
$r = $agent->post(url('/portail/admin/tarifs/regies/parametres'), \%set);
is($r->code, 303, 'the régie is set « prépayé »');
is(join(',', sql_query("SELECT recharge_min || '/' || recharge_max || '/' || payfip_numcli FROM regies WHERE id = $regie")),
   '500/20000/654321', 'bounds and numcli stored');
ok(count_of("SELECT count(*) FROM audit WHERE object_type = 'regie' AND object_id = '$regie'") >= 1, 'and journaled');
like($agent->get(url('/portail/admin/tarifs'))->decoded_content, qr/Prépayé, porte-monnaie/, 'the list says prépayé');

# An activity of that régie at 4,00 € a day whatever the QF.
my $stage = new_activity('Stage prépayé', 100, 0);
$r = $agent->post(url('/portail/admin/tarifs'),
                  { csrf => $acsrf, activite => $stage, regie => $regie, valid_from => day(-400),
                    mode => 'tranches', qf_min_1 => 0, qf_max_1 => '', prix_1 => '4,00' });
is($r->code, 303, 'its tariff: 4,00 €');

# --- activation ----------------------------------------------------------------------------------
my ($fam, $ua) = new_family('PMON-1111-2222', 'MONNAIE', 'monnaie@exemple.fr', 'Porte-monnaie-2026');
my ($kid) = new_children_one($fam);
sub new_children_one {
    my ($f) = @_;
    sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($f, 'Monnaie', 'Lou', '2016-01-01')");
    return sql_query("SELECT id FROM children WHERE family_id = $f");
}
enrol($fam, $stage);
$r = $ua->get(url('/portail/famille/porte-monnaie'));
is($r->code, 200, 'the family\'s porte-monnaie page');
like($r->decoded_content, qr/Activer le porte-monnaie/, 'offers the activation');
like($r->decoded_content, qr/Régie des stages/, 'at the prepaid régie');
my $csrf = csrf_of($r->decoded_content);
$r = $ua->post(url('/portail/famille/porte-monnaie'), { csrf => $csrf, famille => $fam, regie => 1 });
is($r->code, 400, 'a régie billed monthly has no porte-monnaie');
like($r->decoded_content, qr/ne propose pas de porte-monnaie/, 'said in French');
is(count_of("SELECT count(*) FROM wallets WHERE family_id = $fam"), 0, 'nothing activated');
my ($other) = sql_query("SELECT id FROM families WHERE code_abonne <> 'PMON-1111-2222' ORDER BY id LIMIT 1");
is($ua->post(url('/portail/famille/porte-monnaie'), { csrf => $csrf, famille => $other, regie => $regie })->code,
   404, 'another family\'s: 404');
is(count_of("SELECT count(*) FROM wallets WHERE family_id = $other"), 0, 'nothing activated for it');
is($ua->post(url('/portail/famille/porte-monnaie'), { csrf => 'faux', famille => $fam, regie => $regie })->code,
   403, 'without its CSRF token: 403');
$r = $ua->post(url('/portail/famille/porte-monnaie'), { csrf => $csrf, famille => $fam, regie => $regie });
is($r->code, 303, 'activated');
is(solde($fam, $regie), '0', 'balance 0');
$r = $ua->get(url('/portail/famille/porte-monnaie'));
like($r->decoded_content, qr/Solde :\s*<strong>0,00\x{a0}€/, 'shown « 0,00 € »');
like($r->decoded_content, qr/porte-monnaie\/recharger/, '« Recharger » leads to the top-up');

# --- an empty porte-monnaie: the preview refuses, saying why -------------------------------------
my $d = open_day($ua, $kid, $stage, 5);
my %ask = (csrf => $csrf, action => 'reservation', activite => $stage, "enfant_$kid" => 1,
           date_debut => day($d), date_fin => day($d + 3), map { ("j$_" => 1) } 1 .. 7);
$r = $ua->post(url('/portail/famille/reservations'), \%ask);
is($r->code, 200, 'preview');
like($r->decoded_content, qr/Solde du porte-monnaie insuffisant/, '« Solde du porte-monnaie insuffisant »');
is($ua->post(url('/portail/famille/reservations'), { %ask, confirmer => 1 })->code, 409, 'confirming books nothing');
is(count_of("SELECT count(*) FROM bookings WHERE child_id = $kid"), 0, 'no booking');

# --- the agents' adjustment -----------------------------------------------------------------------
$r = $agent->get(url('/portail/admin/porte-monnaie'));
is($r->code, 200, 'the agents\' porte-monnaie page');
like($r->decoded_content, qr/MONNAIE/, 'lists the family\'s porte-monnaie');
my %adj = (csrf => $acsrf, compte => "$fam-$regie", montant => '12,00', motif => 'Avance de la mairie');
for my $bad ([montant => '0', qr/différent de zéro/], [montant => 'douze', qr/différent de zéro/],
             [motif => '', qr/motif de l'ajustement/], [montant => '-5,00', qr/ne peut pas devenir négatif/],
             [compte => "$fam-1", qr/ne fonctionne pas en prépayé/], [compte => "$other-$regie", qr/pas activé/]) {
    my ($k, $v, $re) = @$bad;
    $r = $agent->post(url('/portail/admin/porte-monnaie'), { %adj, $k => $v });
    is($r->code, 400, "adjustment with $k « $v »: 400");
    like($r->decoded_content, $re, '  with its French message');
    like($r->decoded_content, $k eq 'motif' ? qr/12,00/ : qr/Avance de la mairie/, '  and the form kept');
}
is(solde($fam, $regie), '0', 'nothing changed');
is(count_of("SELECT count(*) FROM wallet_movements WHERE family_id = $fam"), 0, 'no movement');
is($agent->post(url('/portail/admin/porte-monnaie'), \%adj)->code, 303, 'credited 12,00 €');
is(solde($fam, $regie), '1200', 'balance 12,00 €');
is(join(',', sql_query("SELECT kind || '/' || montant || '/' || motif FROM wallet_movements WHERE family_id = $fam")),
   'ajustement/1200/Avance de la mairie', 'the movement with its reason');
ok(count_of("SELECT count(*) FROM audit WHERE action = 'ajustement porte-monnaie' AND object_id = '$fam'") == 1, 'journaled');
is($ua->post(url('/portail/admin/porte-monnaie'), \%adj)->code, 403, 'a parent cannot adjust');

# --- bookings debited: the preview is what is applied ----------------------------------------------
$r = $ua->post(url('/portail/famille/reservations'), \%ask);
my $html = $r->decoded_content;
like($html, qr/3 jour\(s\) accepté/, 'the preview accepts the 3 days 12,00 € cover');
like($html, qr/débité du porte-monnaie : 4,00\x{a0}€/, 'each at 4,00 €');
like($html, qr/Refusé : solde du porte-monnaie insuffisant/, 'and refuses the 4th, saying why');
my ($fp) = $html =~ /name="empreinte" value="([^"]+)"/;
ok($fp, 'a fingerprint');
$r = $ua->post(url('/portail/famille/reservations'), { %ask, confirmer => 1, empreinte => $fp });
is($r->code, 303, 'confirmed');
is(count_of("SELECT count(*) FROM bookings WHERE child_id = $kid AND status = 'reserve'"), 3, '3 days booked');
is(solde($fam, $regie), '0', 'the balance is 0');
is(count_of("SELECT count(*) FROM wallet_movements WHERE family_id = $fam AND kind = 'debit' AND montant = -400 AND booking_id IS NOT NULL"),
   3, 'three debits of 4,00 € with their bookings');

# --- cancelled in time: refunded; late: not ---------------------------------------------------------
is(book($ua, $csrf, $stage, $kid, $d, 'annulation')->code, 303, 'a day cancelled in time');
is(solde($fam, $regie), '400', 'refunded 4,00 €');
is(count_of("SELECT count(*) FROM wallet_movements WHERE family_id = $fam AND kind = 'remboursement' AND montant = 400"), 1, 'one refund');
is(book($ua, $csrf, $stage, $kid, $d, 'annulation')->code, 409, 'cancelling it twice');
is(solde($fam, $regie), '400', 'refunded once');
sql_query("UPDATE activities SET cancel_rule = 'J-60 00:00' WHERE id = $stage");
is(book($ua, $csrf, $stage, $kid, $d + 1, 'annulation')->code, 409, 'too late to cancel');
is(solde($fam, $regie), '400', 'no refund');
is(join(',', sql_query("SELECT status FROM bookings WHERE child_id = $kid AND day = '" . day($d + 1) . "'")), 'reserve', 'still booked');
sql_query("UPDATE activities SET cancel_rule = 'J-0 00:00' WHERE id = $stage");

# A day waiting for the town's validation is paid when asked; refused: paid back.
sql_query("UPDATE activities SET validation = 1 WHERE id = $stage");
is(book($ua, $csrf, $stage, $kid, $d + 5, 'reservation')->code, 303, 'a day asked (validation)');
is(solde($fam, $regie), '0', 'debited when asked');
my ($rq) = sql_query("SELECT request_id FROM bookings WHERE child_id = $kid AND day = '" . day($d + 5) . "'");
is($agent->post(url("/portail/admin/reservations/$rq/refuser"), { csrf => $acsrf, message => 'Complet.' })->code,
   303, 'the town refuses it');
is(solde($fam, $regie), '400', 'paid back');
sql_query("UPDATE activities SET validation = 0 WHERE id = $stage");

# A closure added after bookings pays the days back.
is(book($ua, $csrf, $stage, $kid, $d + 6, 'reservation')->code, 303, 'a day booked');
is(solde($fam, $regie), '0', 'debited');
my %closure = (csrf => $acsrf, date_debut => day($d + 6), date_fin => day($d + 6), label => 'Grève du stage',
               activite => $stage, confirmer => 1);
is($agent->post(url('/portail/admin/fermetures'), \%closure)->code, 303, 'the town closes that day');
is(solde($fam, $regie), '400', 'paid back');
is(count_of("SELECT count(*) FROM wallet_movements WHERE family_id = $fam AND kind = 'remboursement'"), 3,
   'three refunds in all');

# The family reads its movements.
$html = $ua->get(url('/portail/famille/porte-monnaie'))->decoded_content;
like($html, qr/Ajustement par la mairie : Avance de la mairie/, 'the adjustment and its reason');
like($html, qr/Réservation débitée : Lou, Stage prépayé/, 'a booking debited');
like($html, qr/Réservation remboursée/, 'a booking refunded');
like($html, qr/\+12,00\x{a0}€/, 'amounts the French way');
like($html, qr/Solde :\s*<strong>4,00\x{a0}€/, 'the balance');
my ($fam2, $ua2) = new_family('PMON-3333-4444', 'AUTRE', 'autre-pm@exemple.fr', 'Porte-monnaie-2026');
unlike($ua2->get(url('/portail/famille/porte-monnaie'))->decoded_content, qr/Avance de la mairie/,
       'another family sees nothing of it');

# --- wallet-paid days are not invoiced --------------------------------------------------------------
my $m = strftime('%Y-%m', localtime(time - 86400 * 200));   # a month no other test bills
my $past = "$m-10";
sql_query("UPDATE bookings SET day = '$past' WHERE child_id = $kid AND day = '" . day($d + 1) . "'");
sql_query("INSERT INTO bookings (child_id, activity_id, day, status, majore, created_at, updated_at) VALUES ($kid, $stage, '$m-11', 'reserve', 0, 1, 1)");
my ($rc, $out) = ctl('invoice-run', '--regie', 'PREP', '--mois', $m);
is($rc, 0, 'the invoice run of the prepaid régie') or diag $out;
is(join(',', sql_query("SELECT montant FROM invoices WHERE family_id = $fam")), '400',
   'bills only the day not paid by the porte-monnaie');

# --- 50 parallel bookings against a balance that covers 10 ------------------------------------------
my ($famc, $uc) = new_family('PMON-5555-6666', 'RUEE', 'ruee@exemple.fr', 'Porte-monnaie-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES "
          . join(', ', map { "($famc, 'Ruee', 'Enfant$_', '2016-01-01')" } 1 .. 50));
my @kids = sql_query("SELECT id FROM children WHERE family_id = $famc ORDER BY id");
enrol($famc, $stage);
my $ccsrf = csrf_of($uc->get(url('/portail/famille/porte-monnaie'))->decoded_content);
is($uc->post(url('/portail/famille/porte-monnaie'), { csrf => $ccsrf, famille => $famc, regie => $regie })->code, 303, 'activated');
is($agent->post(url('/portail/admin/porte-monnaie'), { %adj, compte => "$famc-$regie", montant => '40,00' })->code, 303,
   'credited 40,00 €: ten days');
my $dp = open_day($uc, $kids[0], $stage, 10);
my @codes = parallel(50, sub { book($uc, $ccsrf, $stage, $kids[$_[0] - 1], $dp, 'reservation')->code });
my %codes;
$codes{$_ // 'killed'}++ for @codes;
is($codes{303}, 10, '10 bookings confirmed') or diag explain \%codes;
is(($codes{303} // 0) + ($codes{409} // 0), 50, 'the others refused (409), no error');
is(count_of("SELECT count(*) FROM bookings b JOIN children c ON c.id = b.child_id WHERE c.family_id = $famc AND b.status = 'reserve'"),
   10, 'exactly 10 booked');
is(solde($famc, $regie), '0', 'the balance exactly zero');
is(count_of("SELECT count(*) FROM wallet_movements WHERE family_id = $famc AND kind = 'debit'"), 10, '10 debits');
is(count_of("SELECT taken FROM day_counts WHERE activity_id = $stage AND day = '" . day($dp) . "'"), 10, '10 places taken');

done_testing();
