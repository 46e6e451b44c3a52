# Billing, the rest of issue 14: a medical certificate recorded on the day sheet excuses an
# absence when received within the activity's certificat_jours (later: billed); an agent
# closes a month of a régie, after which neither the screen nor portail-ctl bills it; an
# activity changes régie only when no month it was billed in is left open; the family's
# credit pays an invoice, never beyond its balance, even with two payments at once; the
# family's page links to its payment form.  Bad input: a French message, the right
# status, the form kept, nothing changed.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(strftime);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of new_family ctl parallel
                     month_ago new_regie flat_tariff booked_day new_children);
# Last month and three months ago (t/api/100_facturation.t counts the days of two months ago).
my ($m1, $m2, $cur) = (month_ago(1), month_ago(3), month_ago(0));
my $today = strftime('%Y-%m-%d', localtime);
my $t = time;

my $regie = new_regie('SUI', 'Régie suite');
my $regie2 = new_regie('SUIB', 'Régie suite bis');
sub activity {
    my ($name) = @_;
    sql_query("INSERT INTO activities (name, type, capacity, active, regie_id, certificat_jours) "
              . "VALUES ('$name', 'REST', 100, 1, $regie, 3)");
    my ($id) = sql_query("SELECT id FROM activities WHERE name = '$name'");
    flat_tariff($id, 200);
    return $id;
}
my $cantine = activity('Cantine suite');
my $garderie = activity('Garderie suite');
my ($fam1, $ua1) = new_family('SUIT-AAAA-0001', 'SUITEA', 'suitea@exemple.fr', 'Suite-A-2026');
my ($fam2, $ua2) = new_family('SUIT-BBBB-0002', 'SUITEB', 'suiteb@exemple.fr', 'Suite-B-2026');
my ($kid1) = new_children($fam1, 'SUITEA', 1);
my ($kid2) = new_children($fam2, 'SUITEB', 1);

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $follow = sub { my ($r) = @_; $agent->get(url($r->header('Location'))) };

# --- Medical certificates on the day sheet -------------------------------------------
my $in_time = booked_day($kid1, $cantine, "$m1-02", 'absent');
my $late = booked_day($kid1, $cantine, "$m1-03", 'excuse');
booked_day($kid1, $cantine, "$m1-05", 'present');
booked_day($kid1, $garderie, "$m1-05", 'present');
my $sheet = "/portail/admin/activites/$cantine/jour";
my $r = $agent->get(url("$sheet?date=$m1-02"));
is($r->code, 200, 'the day sheet');
like($r->decoded_content, qr/Certificats médicaux des absences/, 'shows the certificates of the absences');
like($r->decoded_content, qr/name="certificat_$in_time"/, 'one field per absent child');
my $csrf = csrf_of($r->decoded_content);
my $cert = sub {
    my ($booking, $day, $value) = @_;
    return $agent->post(url("$sheet/certificat"),
                        { csrf => $csrf, date => $day, reservation => $booking, "certificat_$booking" => $value });
};
$r = $cert->($in_time, "$m1-02", '31/02/2026');
is($r->code, 400, 'a date that is not one is refused');
like($r->decoded_content, qr/format AAAA-MM-JJ/, 'with a French message');
like($r->decoded_content, qr/value="31\/02\/2026"/, 'the form keeps what was typed');
like($r->decoded_content, qr/aria-describedby="[^"]*f-certificat_$in_time-erreur/, 'the error is linked to its field');
$r = $cert->($in_time, "$m1-02", strftime('%Y-%m-%d', localtime(time + 3 * 86400)));
is($r->code, 400, 'a certificate received in the future is refused');
like($r->decoded_content, qr/après aujourd'hui/, 'and the agent told why');
is((sql_query("SELECT count(*) FROM bookings WHERE id = $in_time AND certificat_le IS NULL AND status = 'absent'"))[0], 1,
   'nothing changed');
my $present = (sql_query("SELECT id FROM bookings WHERE child_id = $kid1 AND activity_id = $cantine AND day = '$m1-05'"))[0];
is($cert->($present, "$m1-05", "$m1-06")->code, 404, 'a child who was present has no certificate to record');
is($cert->($in_time, "$m1-03", "$m1-04")->code, 404, 'nor an absence of another day');
$r = $cert->($in_time, "$m1-02", "$m1-04");
is($r->code, 303, 'a certificate received two days after the absence');
like($follow->($r)->decoded_content, qr/ne sera pas facturée/, 'the agent is told the absence is not billed');
is((sql_query("SELECT status || ' ' || certificat_le FROM bookings WHERE id = $in_time"))[0], "excuse $m1-04",
   'the certificate excuses the absence');
$r = $cert->($late, "$m1-03", "$m1-08");
is($r->code, 303, 'a certificate received five days after');
like($follow->($r)->decoded_content, qr/elle sera facturée/, 'the agent is told it comes too late');
like($agent->get(url("$sheet?date=$m1-02"))->decoded_content, qr/certificat reçu le \d\d\/\d\d\/\d{4}/,
     'the day sheet shows the date received, the French way');

# --- The run bills what the certificates leave -----------------------------------------
booked_day($kid2, $cantine, "$m1-0$_", 'present') for 2 .. 4;
booked_day($kid2, $cantine, "$m2-1$_", 'present') for 2 .. 4;
my $ap = '//admin-facturation-apercu';
my $x = xml_of($agent, "/portail/admin/facturation/apercu?regie=SUI&mois=$m1");
is($x->findvalue("$ap/famille[\@id=$fam1]/\@total"), 600,
   'certificate in time: not billed; too late: billed (the late absence, the day present, the garderie)');
is($x->findvalue("$ap/\@jours"), 6, 'six days to bill');
my $issue = sub {
    my ($mois) = @_;
    my $p = xml_of($agent, "/portail/admin/facturation/apercu?regie=SUI&mois=$mois");
    my $c = csrf_of($agent->get(url('/portail/admin/facturation'))->decoded_content);
    return $agent->post(url('/portail/admin/facturation/emettre'),
                        { csrf => $c, regie => 'SUI', mois => $mois, empreinte => $p->findvalue("$ap/\@empreinte") });
};
is($issue->($m1)->code, 303, "$m1 issued");
is($issue->($m2)->code, 303, "$m2 issued");
$r = $cert->($late, "$m1-03", "$m1-04");
is($r->code, 303, 'a certificate on a day already billed is recorded');
like($follow->($r)->decoded_content, qr/déjà facturée \(facture \d{4}-SUI-\d{6}\).*avoir/,
     'and the agent is told which invoice to cancel by a credit note');

# --- An activity's régie ----------------------------------------------------------------
my $tarifs = $agent->get(url('/portail/admin/tarifs'));
like($tarifs->decoded_content, qr/Changer la régie d'une activité/, 'the tariffs page has the régie form');
my $c = csrf_of($tarifs->decoded_content);
$r = $agent->post(url('/portail/admin/tarifs/activite'), { csrf => $c, ar_activite => $garderie, ar_regie => '' });
is($r->code, 400, 'no régie chosen: refused');
like($r->decoded_content, qr/Choisissez la régie/, 'with a French message');
$r = $agent->post(url('/portail/admin/tarifs/activite'), { csrf => $c, ar_activite => $garderie, ar_regie => $regie2 });
is($r->code, 409, 'an activity billed in a month still open does not change régie');
like($r->decoded_content, qr/Garderie suite.*déjà facturées par la régie Régie suite.*clôturez-le/s, 'and the agent is told what to do');
like($r->decoded_content, qr/<option value="$regie2" selected/, 'the form keeps the choice');
$r = $agent->post(url('/portail/admin/tarifs'), { csrf => $c, activite => $garderie, regie => $regie2,
                                               valid_from => '2031-01-01', mode => 'tranches', qf_min_1 => 0, prix_1 => '2,50' });
is($r->code, 409, 'nor through the tariff form');
is((sql_query("SELECT count(*) FROM tariffs WHERE activity_id = $garderie"))[0], 1, 'which adds no tariff then');
is((sql_query("SELECT regie_id FROM activities WHERE id = $garderie"))[0], $regie, 'the régie is unchanged');
$r = $agent->post(url('/portail/admin/tarifs/activite'), { csrf => $c, ar_activite => $garderie, ar_regie => $regie });
is($r->code, 303, 'choosing the same régie again is fine');

# --- Closing a month ---------------------------------------------------------------------
my $page = $agent->get(url('/portail/admin/facturation'));
like($page->decoded_content, qr/Clôturer un mois/, 'the billing page has the closing form');
$c = csrf_of($page->decoded_content);
my $close = sub { $agent->post(url('/portail/admin/facturation/cloturer'), { csrf => $c, @_ }) };
$r = $close->(cloture_regie => 'SUI', cloture_mois => '2026-13');
is($r->code, 400, 'a malformed month is refused');
like($r->decoded_content, qr/AAAA-MM/, 'with the expected form');
like($r->decoded_content, qr/value="2026-13"/, 'what was typed is kept');
$r = $close->(cloture_regie => 'SUI', cloture_mois => $cur);
is($r->code, 400, 'the current month cannot be closed');
like($r->decoded_content, qr/n'est pas terminé/, 'and the agent is told why');
is($close->(cloture_regie => 'NOPE', cloture_mois => $m1)->code, 400, 'an unknown régie is refused');
is((sql_query("SELECT count(*) FROM billing_closed WHERE regie_id = $regie"))[0], 0, 'nothing closed');
$r = $close->(cloture_regie => 'SUI', cloture_mois => $m1);
is($r->code, 303, 'the month is closed');
like($follow->($r)->decoded_content, qr/est clôturé pour la régie SUI/, 'and the agent told so');
like($agent->get(url('/portail/admin/facturation'))->decoded_content, qr/Régie suite : \w+ \d{4} — clôturé le/,
     'the closed months are listed');
$r = $close->(cloture_regie => 'SUI', cloture_mois => $m1);
is($r->code, 409, 'closing it twice: refused');
like($r->decoded_content, qr/déjà clôturé/, 'with a clear message');
booked_day($kid2, $cantine, "$m1-09", 'present');
$r = $agent->get(url("/portail/admin/facturation/apercu?regie=SUI&mois=$m1"));
is($r->code, 409, 'a closed month has no run any more, even with a new day');
like($r->decoded_content, qr/est clôturé pour la régie Régie suite : il ne se facture plus/, 'the agent is told why');
my $c2 = csrf_of($agent->get(url('/portail/admin/facturation'))->decoded_content);
$r = $agent->post(url('/portail/admin/facturation/emettre'), { csrf => $c2, regie => 'SUI', mois => $m1, empreinte => '1-1-200' });
is($r->code, 409, 'nor can it be issued');
my ($rc, $out) = ctl('invoice-run', '--regie', 'SUI', '--mois', $m1);
isnt($rc, 0, 'portail-ctl invoice-run refuses a closed month');
like($out, qr/est clôturé pour la régie Régie suite/, 'with the same message');
($rc, $out) = ctl('invoice-run', '--regie', 'SUI', '--mois', $m1, '--dry-run');
isnt($rc, 0, 'its preview too');
is((sql_query("SELECT count(*) FROM billed_days WHERE day = '$m1-09'"))[0], 0, 'the new day is not billed');
$r = $agent->post(url('/portail/admin/tarifs/activite'), { csrf => $c, ar_activite => $garderie, ar_regie => $regie2 });
is($r->code, 303, 'once the month is closed, the activity changes régie');
is((sql_query("SELECT regie_id FROM activities WHERE id = $garderie"))[0], $regie2, 'the new régie bills it');
like((sql_query("SELECT after_value FROM audit WHERE action = 'cloture' ORDER BY id DESC"))[0] // '', qr/^$m1$/,
     'the closing is in the audit trail');

# --- Paying with the family's credit ----------------------------------------------------
my ($inv1, $inv2) = sql_query("SELECT id FROM invoices WHERE family_id = $fam2 AND regie_id = $regie ORDER BY periode DESC");
my $pay = sub {
    my (%f) = @_;
    my $cs = csrf_of($agent->get(url("/portail/admin/familles/$fam2/reglement"))->decoded_content);
    return $agent->post(url("/portail/admin/familles/$fam2/reglement"), { csrf => $cs, paye_le => $today, %f });
};
my $credit = sub { (sql_query("SELECT COALESCE(sum(montant), 0) FROM family_credits WHERE family_id = $fam2"))[0] };
unlike($agent->get(url("/portail/admin/familles/$fam2/reglement"))->decoded_content, qr/value="credit"/,
       'no credit: the channel is not offered');
$r = $pay->("facture_$inv2" => 1, montant => '1,00', moyen => 'credit');
is($r->code, 400, 'paying with a credit the family does not have: refused');
like($r->decoded_content, qr/n'a pas de crédit/, 'with a French message');
$r = $pay->("facture_$inv1" => 1, montant => '10,00', moyen => 'especes', credit => 1);
is($r->code, 303, 'an overpayment of 4,00 € goes to the credit');
is($credit->(), 400, 'the family has 4,00 € of credit');
like($agent->get(url("/portail/admin/familles/$fam2/reglement"))->decoded_content,
     qr/Crédit de la famille \(4,00.€ disponibles\)/, 'the payment form offers the credit with its balance');
$r = $pay->("facture_$inv2" => 1, montant => '5,00', moyen => 'credit');
is($r->code, 400, 'more than the credit: refused');
like($r->decoded_content, qr/crédit de la famille est de 4,00.€/, 'the agent is told the balance');
like($r->decoded_content, qr/value="5,00"/, 'the form keeps the amount');
is((sql_query("SELECT paye FROM invoices WHERE id = $inv2"))[0], 0, 'nothing paid');
is($credit->(), 400, 'nothing taken');
$r = $pay->("facture_$inv2" => 1, montant => '5,00', moyen => 'credit', credit => 1);
is($r->code, 400, 'the credit does not pay itself an overpayment');

# Two payments of the whole credit at once: one goes through.
my @res = parallel(2, sub {
    my $ua = client();
    login($ua, 'agent@demo.portail.fr', 'Agent-demo-2026');
    my $cs = csrf_of($ua->get(url("/portail/admin/familles/$fam2/reglement"))->decoded_content);
    return $ua->post(url("/portail/admin/familles/$fam2/reglement"),
                     { csrf => $cs, paye_le => $today, "facture_$inv2" => 1, montant => '4,00', moyen => 'credit' })->code;
});
is(join(',', sort @res), '303,400', 'two payments of the whole credit at once: one paid, one refused');
is($credit->(), 0, 'the credit is used once, never below zero');
is((sql_query("SELECT paye FROM invoices WHERE id = $inv2"))[0], 400, 'the invoice got 4,00 €');
is((sql_query("SELECT count(*) FROM payments WHERE family_id = $fam2 AND moyen = 'credit'"))[0], 1, 'one payment by credit');
$x = xml_of($ua2, '/portail/famille/factures');
is($x->findvalue("//facture[\@id=$inv2]/\@statut"), 'partielle', 'the family sees its invoice partly paid');
like($ua2->get(url("/portail/famille/factures/$inv2"))->decoded_content, qr/Crédit de la famille/,
     'by its credit');

# --- The family's page links to its payment form ----------------------------------------
$r = $agent->get(url("/portail/admin/familles/$fam2"));
like($r->decoded_content, qr{href="[^"]*/admin/familles/$fam2/reglement"}, "the family's page links to its payment form");

done_testing();
