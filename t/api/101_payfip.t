# Online payment through PayFiP, against dev/payfip-simulateur really running: « Payer »
# on an invoice → PayFiP's page → paid, refused or abandoned; the payment is recorded
# exactly once whatever arrives (the notification twice, the notification and the return
# at once, the return before the notification, no notification then payfip-reconcile); a
# forged or replayed notification, an amount that does not match, a second « Payer » in
# another tab, another family's invoice, a top-up outside the régie's bounds: refused,
# nothing recorded.  A top-up credits the porte-monnaie once.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family ctl parallel
                     payfip_simulator payfip_choose);
my $t = time;
my $sim = payfip_simulator();

sql_query("INSERT INTO regies (code, name, emetteur, delai_paiement, relance_jours, created_at) "
          . "VALUES ('PFP', 'Régie PayFiP', 'Régie PayFiP — Mairie', 30, 5, $t)");
sql_query("INSERT INTO regies (code, name, emetteur, delai_paiement, relance_jours, created_at) "
          . "VALUES ('PFQ', 'Régie à paiements partiels', 'Régie PFQ — Mairie', 30, 5, $t)");
my ($regie) = sql_query("SELECT id FROM regies WHERE code = 'PFP'");
my ($regieq) = sql_query("SELECT id FROM regies WHERE code = 'PFQ'");
sql_query("UPDATE regies SET prepaye = 1, recharge_min = 1000, recharge_max = 30000 WHERE id = $regie");
sql_query("UPDATE regies SET payfip_partiel = 1, payfip_numcli = '654321' WHERE id = $regieq");

my ($famA, $uaA) = new_family('PAYF-AAAA-0001', 'PAYFA', 'payfa@exemple.fr', 'Payfip-A-2026');
my ($famB, $uaB) = new_family('PAYF-BBBB-0002', 'PAYFB', 'payfb@exemple.fr', 'Payfip-B-2026');

my $n = 0;
sub invoice {
    my ($montant, $r) = @_;
    $r //= $regie;
    $n++;
    my $ref = sprintf('2026-PFP-F%06d', $n);
    sql_query("INSERT INTO invoices (family_id, code_emission, reference, code_personne, montant, "
              . "emise_le, regie_id, periode, echeance, emetteur, etat, paye, created_at) VALUES "
              . "($famA, 'PFP-202611', '$ref', 'P$famA', $montant, '2026-12-01', $r, '2026-11', "
              . "'2026-12-31', 'Régie PayFiP', 'emise', 0, $t)");
    my ($id) = sql_query("SELECT id FROM invoices WHERE reference = '$ref'");
    return $id;
}
sub payer {
    my ($ua, $inv, %form) = @_;
    my $page = $ua->get(url("/portail/famille/factures/$inv"));
    my $csrf = csrf_of($page->decoded_content) // csrf_of($uaA->get(url('/portail/famille/factures'))->decoded_content);
    return $ua->post(url("/portail/famille/factures/$inv/payer"), { csrf => $csrf, %form });
}
sub payments { (sql_query("SELECT count(*) FROM payment_allocations WHERE invoice_id = $_[0]"))[0] }
sub paid { (sql_query("SELECT paye FROM invoices WHERE id = $_[0]"))[0] }
sub op_state { (sql_query("SELECT state FROM payfip_ops WHERE idop = '$_[0]'"))[0] // '' }
sub notify {
    my ($idop) = @_;
    return client()->post(url('/portail/payfip/notification'), { idOp => $idop });
}

# --- pay → paid --------------------------------------------------------------------------
my $i1 = invoice(4250);
my $page = $uaA->get(url("/portail/famille/factures/$i1"));
like($page->decoded_content, qr/Payer en ligne/, 'an unpaid invoice offers « Payer »');
my $r = payer($uaA, $i1);
is($r->code, 303, '« Payer » answers with a redirect');
like($r->header('Location'), qr{^\Q$sim\E/tpi/paiement\.web\?idop=\w+$}, 'to the payment page with idop');
like($r->header('Content-Security-Policy') // '', qr/form-action 'self' \Q$sim\E/,
     "PayFiP's page is an allowed form target");
my $loc = $r->header('Location');
my ($creer) = sql_query("SELECT refdet || ' ' || montant || ' ' || numcli || ' ' || saisie FROM payfip_ops WHERE invoice_id = $i1");
is($creer, '2026PFPF000001 4250 123456 T',
   'the operation asks the rest due, the invoice as refdet, the default numcli, saisie T');
like($uaA->get(url("/portail/famille/factures/$i1"))->decoded_content, qr/Paiement en cours/,
     'while the idOp lives the invoice shows « Paiement en cours »');
like($uaA->get(url('/portail/famille/factures'))->decoded_content, qr/Paiement en cours/,
     'and so does the list');
$r = payer($uaA, $i1);
is($r->code, 409, 'a second « Payer » (another tab) is refused');
like($r->decoded_content, qr/déjà en cours/, 'saying a payment is under way');
is((sql_query("SELECT count(*) FROM payfip_ops WHERE invoice_id = $i1"))[0], 1, 'one operation only');
my ($idop, $back) = payfip_choose($loc, 'payer', 'normal');
like($back, qr{^/portail/famille/paiement/retour\?idop=$idop$}, 'PayFiP sends the browser back with idop');
is(op_state($idop), 'payee', 'the notification settled the operation');
$r = $uaA->get(url($back));
is($r->code, 200, 'the return page');
like($r->decoded_content, qr/Paiement reçu/, 'says the payment is received');
is(payments($i1), 1, 'one payment recorded');
is(paid($i1), 4250, 'the invoice is paid');
is((sql_query("SELECT moyen || ' ' || montant FROM payments WHERE id = (SELECT payment_id FROM payfip_ops WHERE idop = '$idop')"))[0],
   'payfip 4250', 'a payment of channel payfip, linked to the operation');
is((sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'payfa\@exemple.fr' AND template = 'paiement-recu'"))[0], 1,
   'one « Paiement reçu » mail');
$r = notify($idop);
is($r->code, 200, 'a replayed notification is answered');
is(payments($i1), 1, 'and records nothing more');
$r = $uaA->get(url($back));
is(payments($i1), 1, 'nor does the return page again');
$r = payer($uaA, $i1);
is($r->code, 400, 'a paid invoice cannot be paid again');
like($r->decoded_content, qr/déjà réglée/, 'saying so');

# --- refused, abandoned → still due ----------------------------------------------------------
for my $case (['refuser', 'refusee', qr/Paiement refusé/], ['abandonner', 'abandonnee', qr/Paiement abandonné/]) {
    my ($action, $state, $text) = @$case;
    my $inv = invoice(1800);
    my ($id, $ret) = payfip_choose(payer($uaA, $inv)->header('Location'), $action, 'normal');
    is(op_state($id), $state, "$action: the operation is $state");
    $r = $uaA->get(url($ret));
    like($r->decoded_content, $text, "$action: the return page says why");
    is(payments($inv), 0, "$action: nothing recorded");
    is(paid($inv), 0, "$action: the invoice is still due");
    is(payer($uaA, $inv)->code, 303, "$action: the invoice can be paid again");
}

# --- the notification twice at once --------------------------------------------------------
my $i2 = invoice(990);
($idop) = payfip_choose(payer($uaA, $i2)->header('Location'), 'payer', 'double');
is(payments($i2), 1, 'notification twice: one payment');
is(paid($i2), 990, 'notification twice: paid once');

# --- the notification and the return at the same moment ------------------------------------
my $i3 = invoice(1500);
($idop, $back) = payfip_choose(payer($uaA, $i3)->header('Location'), 'payer', 'jamais');
is(op_state($idop), 'en_cours', 'no notification yet: still en cours');
my @out = parallel(6, sub {
    my ($k) = @_;
    if ($k % 2) { return notify($idop)->code }
    my $ua = client();
    login($ua, 'payfa@exemple.fr', 'Payfip-A-2026');
    return $ua->get(url($back))->code;
});
is_deeply([sort @out], [200, 200, 200, 200, 200, 200], 'three notifications and three returns at once: all answered');
is(payments($i3), 1, 'notification and return at once: one payment');
is(paid($i3), 1500, 'and the invoice paid once');
is((sql_query("SELECT count(*) FROM outbox WHERE to_addr = 'payfa\@exemple.fr' AND template = 'paiement-recu'"))[0], 3,
   'one receipt mail per payment');

# --- the return before the notification -------------------------------------------------------
my $i4 = invoice(2100);
($idop, $back) = payfip_choose(payer($uaA, $i4)->header('Location'), 'payer', 'tard');
$r = $uaA->get(url($back));
like($r->decoded_content, qr/Paiement reçu/, 'return first: the return page asks PayFiP and records');
is(payments($i4), 1, 'return first: one payment');
sleep 4;   # the late notification (2 s) has come
is(payments($i4), 1, 'the late notification records nothing more');

# --- no notification, no return: payfip-reconcile -------------------------------------------
my $i5 = invoice(3000);
($idop) = payfip_choose(payer($uaA, $i5)->header('Location'), 'payer', 'jamais');
my $i6 = invoice(700);
my $loc6 = payer($uaA, $i6)->header('Location');          # PayFiP's page never finished
my ($idop6) = $loc6 =~ /idop=(\w+)/;
my $later = strftime('%Y-%m-%d %H:%M', localtime(time + 20 * 60));
my ($st, $o) = ctl('--payfip', "$sim/services/securite", '--now', $later, 'payfip-reconcile');
is($st, 0, 'payfip-reconcile runs') or diag $o;
# Both, and the two left on PayFiP's page after « refused » and « abandoned » above.
like($o, qr/4 paiement\(s\) réglé\(s\), 0 sans réponse/, 'it settles every forgotten operation');
is(payments($i5), 1, 'never notified: paid once by reconcile');
is(op_state($idop6), 'expiree', 'never finished: expired');
is(paid($i6), 0, 'and its invoice still due');
($st, $o) = ctl('--payfip', "$sim/services/securite", '--now', $later, 'payfip-reconcile');
like($o, qr/0 paiement\(s\) réglé\(s\)/, 'a second run has nothing to do');
is(payments($i5), 1, 'and records nothing twice');
is(notify($idop)->code, 200, 'a notification after reconcile is answered');
is(payments($i5), 1, 'and changes nothing');

# --- forged notifications -----------------------------------------------------------------------
my $before = (sql_query('SELECT count(*) FROM payments'))[0];
$r = notify('0123456789abcdef0123456789abcdef');
is($r->code, 404, 'a notification for an unknown idOp: 404');
$r = client()->post(url('/portail/payfip/notification'), { idOp => "x' OR 1=1 --" });
is($r->code, 404, 'a forged idOp: 404');
my $i7 = invoice(1234);
my $loc7 = payer($uaA, $i7)->header('Location');
my ($idop7) = $loc7 =~ /idop=(\w+)/;
$r = notify($idop7);
is($r->code, 200, 'a notification before the payment is answered');
is(op_state($idop7), 'en_cours', 'but PayFiP has no result: nothing settled');
is((sql_query('SELECT count(*) FROM payments'))[0], $before, 'forged notifications record nothing');
# PayFiP's detail says another amount: nothing recorded, the anomaly kept.
($idop, $back) = payfip_choose($loc7, 'payer', 'normal', fausser => 'montant');
is(op_state($idop), 'en_cours', 'an amount that does not match: not settled');
is(payments($i7), 0, 'nothing recorded');
like((sql_query("SELECT anomalie FROM payfip_ops WHERE idop = '$idop'"))[0], qr/montant 1334 au lieu de 1234/,
     'the anomaly is kept for the agents');
$r = notify($idop);
is($r->code, 409, 'the notification of a mismatch: 409');
$r = $uaA->get(url($back));
like($r->decoded_content, qr/Paiement à vérifier/, 'the parent is told it must be checked');
open my $log, '<', Apache::Test::vars('t_logs') . '/error_log';
my $logtext = do { local $/; <$log> };
like($logtext, qr/PT00046: payfip: notification for unknown idOp/, 'unknown notifications are logged');
like($logtext, qr/PT00045: payfip: idOp \w+ not recorded: montant/, 'mismatches are logged');

# --- two tabs at once ---------------------------------------------------------------------------
my $i8 = invoice(2500);
my $csrf = csrf_of($uaA->get(url("/portail/famille/factures/$i8"))->decoded_content);
@out = parallel(2, sub {
    my $rr = $uaA->post(url("/portail/famille/factures/$i8/payer"), { csrf => $csrf });
    return $rr->code . ' ' . ($rr->header('Location') // '');
});
is_deeply([sort map { (split ' ')[0] } @out], [303, 409], 'two tabs: one goes to PayFiP, the other is refused');
my ($tab) = grep { /^303 / } @out;
payfip_choose((split ' ', $tab)[1], 'payer', 'double');
is(payments($i8), 1, 'two tabs: one payment');

# --- another family's invoice, another family's return ---------------------------------------
my $i9 = invoice(600);
$r = payer($uaB, $i9);
is($r->code, 404, "another family's invoice: 404");
is((sql_query("SELECT count(*) FROM payfip_ops WHERE invoice_id = $i9"))[0], 0, 'no operation made');
$r = $uaB->get(url($back));
is($r->code, 404, "another family's return page: 404");

# --- a chosen part, where the régie allows it ------------------------------------------------
my $i10 = invoice(2000, $regieq);
$r = payer($uaA, $i10, montant => '5,00');
is($r->code, 303, 'a part of the invoice where the régie allows it');
is((sql_query("SELECT montant || ' ' || numcli FROM payfip_ops WHERE invoice_id = $i10"))[0], '500 654321',
   "the part asked, with the régie's own numcli");
payfip_choose($r->header('Location'), 'payer', 'normal');
is(paid($i10), 500, 'the part is paid');
like($uaA->get(url("/portail/famille/factures/$i10"))->decoded_content, qr/Partiellement payée/, 'partially paid');
$r = payer($uaA, $i10, montant => '30,00');
is($r->code, 400, 'more than the rest due is refused');
like($r->decoded_content, qr/au plus 15,00|entre 0,01 € et 15,00/, 'saying the maximum');
like($r->decoded_content, qr/value="30,00"/, 'with what was typed');
my $i11 = invoice(2000);
$r = payer($uaA, $i11, montant => '5,00');
is($r->code, 400, 'a part where the régie does not allow it is refused');
like($r->decoded_content, qr/se paie en une fois/, 'saying so');

# --- porte-monnaie top-up ------------------------------------------------------------------------
$r = $uaA->get(url('/portail/famille/porte-monnaie/recharger'));
is($r->code, 200, 'the top-up form');
like($r->decoded_content, qr/Régie PayFiP \(de 10,00.€ à 300,00.€\)/, 'with the régie and its bounds');
$csrf = csrf_of($r->decoded_content);
$r = $uaA->post(url('/portail/famille/porte-monnaie/recharger'), { csrf => $csrf, regie => $regie, montant => '5' });
is($r->code, 400, 'below the minimum: refused');
like($r->decoded_content, qr/comprise entre 10,00.€ et 300,00.€/, 'saying the bounds');
$r = $uaA->post(url('/portail/famille/porte-monnaie/recharger'), { csrf => $csrf, regie => $regie, montant => '400' });
is($r->code, 400, 'above the maximum: refused');
$r = $uaA->post(url('/portail/famille/porte-monnaie/recharger'), { csrf => $csrf, regie => $regieq, montant => '20' });
is($r->code, 400, 'a régie without porte-monnaie: refused');
is((sql_query("SELECT count(*) FROM payfip_ops WHERE objet_type = 'recharge'"))[0], 0, 'no operation for refusals');
$r = $uaA->post(url('/portail/famille/porte-monnaie/recharger'), { csrf => $csrf, regie => $regie, montant => '25,00' });
is($r->code, 303, 'a top-up goes to PayFiP');
($idop, $back) = payfip_choose($r->header('Location'), 'payer', 'double');
$r = $uaA->get(url($back));
like($r->decoded_content, qr/Paiement reçu/, 'the top-up is received');
like($r->decoded_content, qr/25,00.€/, 'the return page shows the balance');
is((sql_query("SELECT solde FROM wallets WHERE family_id = $famA AND regie_id = $regie"))[0], 2500, 'the balance grew once');
is((sql_query("SELECT count(*) || ' ' || sum(montant) FROM wallet_movements WHERE family_id = $famA AND kind = 'recharge' AND payment_id IS NOT NULL"))[0],
   '1 2500', 'one « recharge » movement, linked to its payment');
is((sql_query("SELECT moyen || ' ' || montant FROM payments WHERE id = (SELECT payment_id FROM payfip_ops WHERE idop = '$idop')"))[0],
   'payfip 2500', 'the top-up is a payfip payment (a receipt) of the régie');
notify($idop);
is((sql_query("SELECT solde FROM wallets WHERE family_id = $famA AND regie_id = $regie"))[0], 2500, 'a replayed notification credits nothing');

# --- agents ------------------------------------------------------------------------------------
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $x = xml_of($agent, '/portail/admin/payfip');
cmp_ok(scalar(() = $x->findnodes('//admin-payfip/operation')), '>=', 14, 'the PayFiP journal lists the operations');
is($x->findvalue("//admin-payfip/operation[\@idop = '$idop6']/\@state"), 'expiree', 'with their state');
$x = xml_of($agent, '/portail/admin/payfip?etat=refusee');
is(scalar(() = $x->findnodes('//admin-payfip/operation')), 1, 'filtered by state');
$r = $agent->get(url('/portail/admin/payfip'));
like($r->decoded_content, qr/Abandonné/, 'states in French');
$x = xml_of($agent, '/portail/admin/facturation?moyen=payfip&regie=PFP');
my @moyens = map { $_->value } $x->findnodes('//admin-facturation/reglement/@moyen');
ok(@moyens == 7 && !grep({ $_ ne 'payfip' } @moyens), 'payments filtered by channel')
    or diag "@moyens";
is((sql_query("SELECT count(*) FROM audit WHERE action = 'payfip_payee'"))[0], 8,
   'every payment settled is audited');
is((sql_query("SELECT count(*) FROM audit WHERE action LIKE 'payfip_%'"))[0],
   (sql_query("SELECT count(*) FROM payfip_ops WHERE state <> 'en_cours'"))[0], 'every settlement is');
$r = $uaA->get(url('/portail/admin/payfip'));
is($r->code, 403, 'the journal is for agents');

done_testing();
