# Billing: an agent previews a month's run of a régie and issues it (preview = issued,
# totals = sum of lines, numbers gap-free, a day billed once, a supplementary run bills
# only the new days, a closed or unfinished month refused); two runs at once bill every
# day exactly once; payments move the status (partial, paid, overpayment to credit only
# when asked); a credit note cancels an invoice; the parent sees exactly its invoices
# (another family's → 404) and can subscribe with a real invoice's references.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family new_account ctl pdf_text);
my $t = time;
my @now = localtime;
# The last two months (always finished) and the current one (never).
sub month_ago {
    my ($n) = @_;
    my ($y, $m) = ($now[5] + 1900, $now[4] + 1 - $n);
    while ($m < 1) { $m += 12; $y-- }
    return sprintf('%04d-%02d', $y, $m);
}
my ($m1, $m2, $cur) = (month_ago(1), month_ago(2), month_ago(0));
my $year = $now[5] + 1900;

sql_query("INSERT INTO regies (code, name, emetteur, delai_paiement, relance_jours, created_at) "
          . "VALUES ('TST', 'Régie de test', 'Régie de test — Mairie de Testville', 30, 5, $t)");
my ($regie) = sql_query("SELECT id FROM regies WHERE code = 'TST'");
sql_query("INSERT INTO activities (name, type, capacity, active, late_policy, surcharge_pct, regie_id, certificat_jours) "
          . "VALUES ('Cantine de test', 'REST', 100, 1, 'majoration', 50, $regie, 3)");
my ($act) = sql_query("SELECT id FROM activities WHERE name = 'Cantine de test'");
sql_query("INSERT INTO tariffs (activity_id, valid_from, mode, created_at) VALUES ($act, '2020-01-01', 'tranches', $t)");
my ($tariff) = sql_query("SELECT id FROM tariffs WHERE activity_id = $act");
sql_query("INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES ($tariff, 0, 500, 150)");
sql_query("INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES ($tariff, 501, 1000, 320)");
sql_query("INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES ($tariff, 1001, NULL, 480)");

my ($famA, $uaA) = new_family('FACT-AAAA-0001', 'FACTA', 'facta@exemple.fr', 'Factures-A-2026');
my ($famB, $uaB) = new_family('FACT-BBBB-0002', 'FACTB', 'factb@exemple.fr', 'Factures-B-2026');
sql_query("UPDATE families SET quotient = 820, quotient_le = '2026-09-01' WHERE id = $famA");
sub child {
    my ($fam, $prenom) = @_;
    sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'TEST', '$prenom', '2017-01-01')");
    my ($id) = sql_query("SELECT max(id) FROM children WHERE family_id = $fam");
    return $id;
}
sub book {
    my ($kid, $day, $status, %o) = @_;
    my $maj = $o{majore} // 0;
    my $cert = $o{certificat} ? "'$o{certificat}'" : 'NULL';
    sql_query("INSERT INTO bookings (child_id, activity_id, day, status, majore, certificat_le, created_at, updated_at) "
              . "VALUES ($kid, $act, '$day', '$status', $maj, $cert, $t, $t)");
}
my ($a1, $a2, $b1) = (child($famA, 'Alice'), child($famA, 'Arthur'), child($famB, 'Bruno'));
book($a1, "$m1-0$_", 'present', majore => $_ <= 2 ? 1 : 0) for 1 .. 5;   # 5 × 3,20 + 2 × 1,60
book($a2, "$m1-02", 'excuse', certificat => "$m1-04");                     # certificate in time
book($a2, "$m1-03", 'excuse');                                             # none: billed
book($a2, "$m1-04", 'annule');                                             # not billed
book($b1, "$m1-0$_", 'reserve') for 1 .. 3;                                # QF unknown: 4,80

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');

# Refusals: unfinished month, malformed month, unknown régie — nothing issued.
my $r = $agent->get(url("/portail/admin/facturation/apercu?regie=TST&mois=$cur"));
is($r->code, 400, 'the current month cannot be billed yet');
like($r->decoded_content, qr/n'est pas terminé/, 'and the agent is told why');
$r = $agent->get(url('/portail/admin/facturation/apercu?regie=TST&mois=2026-13'));
is($r->code, 400, 'a malformed month is refused');
like($r->decoded_content, qr/AAAA-MM/, 'with the expected form');
$r = $agent->get(url("/portail/admin/facturation/apercu?regie=NOPE&mois=$m1"));
is($r->code, 400, 'an unknown régie is refused');

# The preview.
my $x = xml_of($agent, "/portail/admin/facturation/apercu?regie=TST&mois=$m1");
my $ap = '//admin-facturation-apercu';
is($x->findvalue("$ap/\@factures"), 2, 'two families to bill');
is($x->findvalue("$ap/famille[\@id=$famA]/\@total"), 2240, 'A: 5 × 3,20 + 2 surcharges of 1,60 + 1 unexcused absence 3,20');
is($x->findvalue("$ap/famille[\@id=$famB]/\@total"), 1440, 'B: unknown QF pays the highest tariff, 3 × 4,80');
is($x->findvalue("$ap/\@jours"), 9, 'the annulled day and the day with a certificate are not billed');
for my $f ($x->findnodes("$ap/famille")) {
    my $sum = 0;
    $sum += $_->getAttribute('montant') for $f->findnodes('ligne');
    is($sum, $f->getAttribute('total'), 'total = sum of the lines (' . $f->getAttribute('nom') . ')');
}
my $empreinte = $x->findvalue("$ap/\@empreinte");
like($agent->get(url("/portail/admin/facturation/apercu?regie=TST&mois=$m1"))->decoded_content,
     qr/22,40\x{a0}€|22,40.€/, 'amounts shown the French way');

# A stale preview is not issued.
my $csrf = csrf_of($agent->get(url('/portail/admin/facturation'))->decoded_content);
$r = $agent->post(url('/portail/admin/facturation/emettre'), { csrf => $csrf, regie => 'TST', mois => $m1, empreinte => '0-0-0' });
is($r->code, 409, 'a preview that no longer matches is shown again, not issued');
is((sql_query("SELECT count(*) FROM invoices WHERE regie_id = $regie"))[0], 0, 'nothing issued');

# Issue.
$r = $agent->post(url('/portail/admin/facturation/emettre'), { csrf => $csrf, regie => 'TST', mois => $m1, empreinte => $empreinte });
is($r->code, 303, 'issued');
my @inv = sql_query("SELECT reference || ':' || family_id || ':' || montant FROM invoices WHERE regie_id = $regie ORDER BY reference");
is_deeply(\@inv, ["$year-TST-000001:$famA:2240", "$year-TST-000002:$famB:1440"],
          'the invoices are what the preview showed, numbered without gaps');
is((sql_query("SELECT count(*) FROM invoices i WHERE regie_id = $regie AND montant <> (SELECT sum(montant) FROM invoice_lines l WHERE l.invoice_id = i.id)"))[0],
   0, 'each invoice total is the sum of its lines');
is((sql_query("SELECT count(*) FROM billed_days d JOIN invoices i ON i.id = d.invoice_id WHERE i.regie_id = $regie"))[0], 9, 'nine days billed');
ok((sql_query("SELECT count(*) FROM outbox WHERE template = 'nouvelle-facture' AND to_addr = 'facta\@exemple.fr'"))[0] == 1,
   'the family is told by mail, queued with the invoice');

# Again: nothing left; a supplementary run bills only the new day.
$r = $agent->post(url('/portail/admin/facturation/emettre'), { csrf => $csrf, regie => 'TST', mois => $m1, empreinte => $empreinte });
is($r->code, 409, 'the same run twice bills nothing more');
like($r->decoded_content, qr/rien à facturer/, 'and says so');
book($a1, "$m1-06", 'present');
$x = xml_of($agent, "/portail/admin/facturation/apercu?regie=TST&mois=$m1");
is($x->findvalue("$ap/\@total"), 320, 'the supplementary run holds the new day only');
$r = $agent->post(url('/portail/admin/facturation/emettre'), { csrf => $csrf, regie => 'TST', mois => $m1, empreinte => $x->findvalue("$ap/\@empreinte") });
is($r->code, 303, 'supplementary invoice issued');
is((sql_query("SELECT montant FROM invoices WHERE reference = '$year-TST-000003'"))[0], 320, 'numbered next');

# Two runs of the same month at once: every day billed once, numbers without gaps.
my @fams;
for my $i (1 .. 6) {
    sql_query("INSERT INTO families (code_abonne, nom, quotient, created_at) VALUES ('CONC-0000-000$i', 'CONC$i', 400, $t)");
    my ($f) = sql_query("SELECT id FROM families WHERE code_abonne = 'CONC-0000-000$i'");
    my $k = child($f, "Kid$i");
    book($k, "$m2-$_", 'present') for qw(10 11 12 13);
    push @fams, $f;
}
$x = xml_of($agent, "/portail/admin/facturation/apercu?regie=TST&mois=$m2");
my $emp2 = $x->findvalue("$ap/\@empreinte");
my @pids;
for my $i (1 .. 2) {
    my $pid = fork // die;
    if (!$pid) {
        my $ua = client();
        login($ua, 'agent@demo.portail.fr', 'Agent-demo-2026');
        my $c = csrf_of($ua->get(url('/portail/admin/facturation'))->decoded_content);
        my $res = $ua->post(url('/portail/admin/facturation/emettre'), { csrf => $c, regie => 'TST', mois => $m2, empreinte => $emp2 });
        exit($res->code == 303 ? 0 : $res->code == 409 ? 1 : 2);
    }
    push @pids, $pid;
}
my @codes = map { waitpid($_, 0); $? >> 8 } @pids;
is(join(',', sort @codes), '0,1', 'one run issued, the other found nothing left (no error)');
is((sql_query("SELECT count(*) FROM billed_days WHERE day LIKE '$m2-%'"))[0], 24, 'every day billed exactly once');
my @nums = sql_query("SELECT reference FROM invoices WHERE regie_id = $regie ORDER BY reference");
is_deeply(\@nums, [map { sprintf('%d-TST-%06d', $year, $_) } 1 .. 9], 'numbers without gaps');

# The command line runs the same code: nothing left.
my ($rc, $out) = ctl('invoice-run', '--regie', 'TST', '--mois', $m2, '--dry-run');
is($rc, 0, 'portail-ctl invoice-run --dry-run');
like($out, qr/0 facture\(s\)/, 'previews nothing left to bill');
($rc, $out) = ctl('invoice-run', '--regie', 'TST', '--mois', $cur);
isnt($rc, 0, 'portail-ctl refuses an unfinished month');
like($out, qr/n'est pas terminé/, 'with the same message');

# The parent sees exactly its invoices.
my ($invA) = sql_query("SELECT id FROM invoices WHERE reference = '$year-TST-000001'");
my ($invB) = sql_query("SELECT id FROM invoices WHERE reference = '$year-TST-000002'");
my ($invA2) = sql_query("SELECT id FROM invoices WHERE reference = '$year-TST-000003'");
$x = xml_of($uaA, '/portail/famille/factures');
is_deeply([sort map { $_->value } $x->findnodes('//factures/facture/@id')], [sort ($invA, $invA2)], 'A sees its two invoices, no other');
is($x->findvalue("//facture[\@id=$invA]/\@statut"), 'a_payer', 'to pay');
$r = $uaA->get(url('/portail/famille/factures'));
like($r->decoded_content, qr/À payer/, 'status in French');
like($r->decoded_content, qr/href="[^"]*\/famille\/factures"/, 'the menu links to the Espace facturation');
is($uaA->get(url("/portail/famille/factures/$invB"))->code, 404, "another family's invoice: 404");
is($uaA->get(url('/portail/famille/factures/999999'))->code, 404, 'an unknown invoice: 404');
$r = $uaA->get(url("/portail/famille/factures/$invA"));
is($r->code, 200, 'the detail');
like($r->decoded_content, qr/Alice.*Cantine de test/s, 'with its lines');
like($r->decoded_content, qr/CANT|TST-\d{6}/, 'and its number');

# Payments.
my $pay = sub {
    my (%f) = @_;
    my $c = csrf_of($agent->get(url("/portail/admin/familles/$famA/reglement"))->decoded_content);
    return $agent->post(url("/portail/admin/familles/$famA/reglement"),
                        { csrf => $c, moyen => 'cheque', paye_le => strftime('%Y-%m-%d', localtime), %f });
};
$r = $pay->("facture_$invA" => 1, montant => '-5');
is($r->code, 400, 'a negative amount is refused');
$r = $pay->("facture_$invA" => 1, montant => '10,00', piece => '1234567');
is($r->code, 303, 'a partial payment');
is(xml_of($uaA, '/portail/famille/factures')->findvalue("//facture[\@id=$invA]/\@statut"), 'partielle', 'partly paid');
$r = $pay->("facture_$invA" => 1, "facture_$invA2" => 1, montant => '20,00');
is($r->code, 400, 'more than what is due, without credit: refused');
like($r->decoded_content, qr/dépasse/, 'with a clear message');
is((sql_query("SELECT paye FROM invoices WHERE id = $invA"))[0], 1000, 'and nothing half-done');
$r = $pay->("facture_$invA" => 1, "facture_$invA2" => 1, montant => '20,00', credit => 1, moyen => 'especes');
is($r->code, 303, 'with credit: accepted');
is((sql_query("SELECT paye FROM invoices WHERE id = $invA"))[0], 2240, 'first invoice paid');
is((sql_query("SELECT paye FROM invoices WHERE id = $invA2"))[0], 320, 'second paid');
is((sql_query("SELECT sum(montant) FROM family_credits WHERE family_id = $famA"))[0], 2000 - 1240 - 320, 'the rest is credit');
$x = xml_of($uaA, '/portail/famille/factures');
is($x->findvalue("//facture[\@id=$invA]/\@statut"), 'payee', 'paid');
is(scalar(() = $x->findnodes("//facture[\@id=$invA]/reglement")), 2, 'with its two payments');

# A credit note cancels an invoice; its days are billable again.
my $c = csrf_of($agent->get(url("/portail/admin/factures/$invB"))->decoded_content);
$r = $agent->post(url("/portail/admin/factures/$invB/avoir"), { csrf => $c, motif => '' });
is($r->code, 400, 'a credit note needs a motive');
$r = $agent->post(url("/portail/admin/factures/$invB/avoir"), { csrf => $c, motif => 'Erreur de pointage' });
is($r->code, 303, 'credit note issued');
is((sql_query("SELECT etat FROM invoices WHERE id = $invB"))[0], 'annulee', 'the invoice is cancelled');
like((sql_query("SELECT numero FROM credit_notes WHERE invoice_id = $invB"))[0], qr/^$year-TST-A000001$/, 'the credit note is numbered');
is((sql_query("SELECT count(*) FROM billed_days WHERE invoice_id = $invB"))[0], 0, 'its days are free again');
$r = $agent->post(url("/portail/admin/factures/$invB/avoir"), { csrf => $c, motif => 'Encore' });
is($r->code, 409, 'twice: refused');
is($agent->post(url('/portail/admin/factures/999999/avoir'), { csrf => $c, motif => 'x' })->code, 404, 'unknown invoice: 404');
is(xml_of($uaB, '/portail/famille/factures')->findvalue("//facture[\@id=$invB]/\@statut"), 'annulee', 'the family sees it cancelled');

# Lists and the accounting export.
$r = $agent->get(url("/portail/admin/facturation?regie=TST&statut=payee"));
like($r->decoded_content, qr/$year-TST-000001/, 'paid invoices listed');
unlike($r->decoded_content, qr/$year-TST-000002</, 'and only those');
$r = $agent->get(url('/portail/admin/facturation/export?regie=TST'));
is($r->code, 200, 'accounting export');
like($r->header('Content-Type'), qr{text/csv}, 'as CSV');
my $csv = $r->decoded_content;
like($csv, qr/^\x{feff}?Type;Régie;Numéro/m, 'French spreadsheet header');
like($csv, qr/Facture;TST;$year-TST-000001;FACTA;$m1;[^;]*;[^;]*;22,40;22,40;Payée/, 'one line per invoice');
like($csv, qr/Règlement;TST;$year-TST-R000001;FACTA;;[^;]*;;10,00;;;Chèque;1234567/, 'one line per payment');

# The PDF: a valid document holding the number, the amount and the references.
$r = $uaA->get(url("/portail/famille/factures/$invA/pdf"));
is($r->code, 200, 'the PDF');
is($r->header('Content-Type'), 'application/pdf', 'as PDF');
like($r->content, qr/\A%PDF-1\.\d/, 'a PDF document');
my $text = pdf_text($r->content);
like($text, qr/Facture n° $year-TST-000001/, 'its number');
like($text, qr/Ville-de-Démo/, "the town's name");
like($text, qr/Alice\s+Cantine de test\s+5\s+3,20\s€\s+3,20\s€\s+19,20\s€/, 'its lines');
like($text, qr/Total\s+22,40\s€/, 'its amount');
my ($emission) = $text =~ /Code émission : (\S+)/;
my ($ref) = $text =~ /Référence : (\S+)/;
my ($personne) = $text =~ /Code personne : (\S+)/;
is($emission, "TST-" . join('', split /-/, $m1), 'the code émission in the footer');
is($ref, "$year-TST-000001", 'the reference in the footer');
like($personne, qr/^P\d{5}$/, 'the code personne in the footer');
unlike($text, qr/ANNULÉE/, 'not cancelled: no watermark');
is($uaA->get(url("/portail/famille/factures/$invB/pdf"))->code, 404, "another family's PDF: 404");
$r = $uaB->get(url("/portail/famille/factures/$invB/pdf"));
like(pdf_text($r->content), qr/ANNULÉE/, 'a cancelled invoice is watermarked « ANNULÉE »');
is($agent->get(url("/portail/admin/factures/$invA/pdf"))->code, 200, 'agents get the PDF too');

# A real invoice's references (read on its PDF) subscribe an account to its family.
new_account('abofact@exemple.fr', 'Abonnement-2026');
my $ua = client();
login($ua, 'abofact@exemple.fr', 'Abonnement-2026');
$c = csrf_of($ua->get(url('/portail/espace/abonnements'))->decoded_content);
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $c, par => 'facture', code_emission => $emission,
    reference => $ref, montant => '22,40', code_personne => $personne });
is($r->code, 303, 'subscription with the references of a real invoice');
like($ua->get(url('/portail/famille/'))->decoded_content, qr/Famille FACTA/, 'the family is there');

# « Tarifs »: each family sees the price that applies to it.
$x = xml_of($uaA, '/portail/famille/tarifs');
is($x->findvalue("//famille/activite[\@nom='Cantine de test']/tarif[\@courant='1']/\@prix_fr"), "3,20\x{a0}€",
   'QF 820: the tariff of its bracket');
is($x->findvalue("//famille/\@qf"), 820, 'and its QF, read-only');
$r = $uaB->get(url('/portail/famille/tarifs'));
like($r->decoded_content, qr/Cantine de test : 4,80.€/, 'unknown QF: the highest tariff');
like($r->decoded_content, qr/pas connu de la mairie/, 'and why');

# Agents' tariffs: overlapping brackets refused, a dated tariff added, a régie created.
$r = $agent->get(url('/portail/admin/tarifs'));
is($r->code, 200, 'the tariffs page');
$c = csrf_of($r->decoded_content);
my %tarif = (csrf => $c, activite => $act, regie => $regie, valid_from => '2030-01-01', mode => 'tranches');
$r = $agent->post(url('/portail/admin/tarifs'), { %tarif, qf_min_1 => 0, qf_max_1 => 600, prix_1 => '2,00',
                                                 qf_min_2 => 500, qf_max_2 => '', prix_2 => '4,00' });
is($r->code, 400, 'overlapping brackets are refused');
like($r->decoded_content, qr/se chevauchent/, 'with a clear message');
like($r->decoded_content, qr/value="4,00"/, 'the form keeps what was typed');
is((sql_query("SELECT count(*) FROM tariffs WHERE activity_id = $act"))[0], 1, 'nothing added');
$r = $agent->post(url('/portail/admin/tarifs'), { %tarif, mode => 'taux', taux => '0,400', plancher => '1,00', plafond => '5,00' });
is($r->code, 303, 'an effort-rate tariff from 2030');
like($uaA->get(url('/portail/famille/tarifs'))->decoded_content, qr/01\/01\/2030 : <strong>3,28.€/, 'the family sees the coming change at its price');
$r = $agent->post(url('/portail/admin/tarifs'), { %tarif, mode => 'taux', taux => '0,5', plancher => '1,00', plafond => '5,00' });
is($r->code, 409, 'two tariffs from the same date: refused');
$r = $agent->post(url('/portail/admin/tarifs/regies'), { csrf => $c, code => 'x y', name => 'Régie', emetteur => 'Mairie', delai_paiement => 30, relance_jours => 5 });
is($r->code, 400, 'a malformed régie code is refused');
$r = $agent->post(url('/portail/admin/tarifs/regies'), { csrf => $c, code => 'SPORT', name => 'Régie des sports', emetteur => 'Mairie — sports', delai_paiement => 15, relance_jours => 3 });
is($r->code, 303, 'a régie is created');
is($agent->post(url('/portail/admin/tarifs/regies'), { csrf => $c, code => 'SPORT', name => 'Bis', emetteur => 'Bis', delai_paiement => 15, relance_jours => 3 })->code,
   409, 'twice the same code: refused');

# Reminders before the due date, once per invoice.
my ($due) = sql_query("SELECT echeance FROM invoices WHERE reference = '$year-TST-000004'");
my @d = split /-/, $due;
require Time::Local;
my $before = strftime('%Y-%m-%d 08:00', localtime(Time::Local::timelocal(0, 0, 12, $d[2], $d[1] - 1, $d[0]) - 3 * 86400));
($rc, $out) = ctl('--now', $before, 'invoice-reminders');
is($rc, 0, 'portail-ctl invoice-reminders');
is((sql_query("SELECT count(*) FROM invoices WHERE regie_id = $regie AND relance_at IS NOT NULL"))[0], 6,
   'the six unpaid invoices are reminded, not the paid nor the cancelled ones');
($rc, $out) = ctl('--now', $before, 'invoice-reminders');
like($out, qr/^0 relance/m, 'each invoice once');

# The demo: MARTIN has a paid, a partly paid and a to-pay invoice, whose PDF opens.
my $demo = client();
login($demo, 'parent@demo.portail.fr', 'Parent-demo-2026');
$x = xml_of($demo, '/portail/famille/factures');
is_deeply([sort map { $_->value } $x->findnodes('//factures/facture/@statut')], [qw(a_payer partielle payee)],
          'demo: one paid, one partly paid, one to pay');
my ($demo_inv) = $x->findvalue('//factures/facture[@statut="partielle"]/@id');
my $demo_pdf = $demo->get(url("/portail/famille/factures/$demo_inv/pdf"))->content;
like(pdf_text($demo_pdf), qr/Total\s+99,00\s€/, 'demo: its PDF opens');
# Kept beside the logs, to look at.
if (open my $fh, '>:raw', 't/logs/facture-demo.pdf') { print $fh $demo_pdf; close $fh }

done_testing();
