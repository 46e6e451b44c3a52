# Sign-up: the form, its captcha, the activation mail over real SMTP, the single-use link.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query ctl smtp_server);
use MIME::Base64 qw(decode_base64);
use Encode qw(decode);

my %nombres = (un => 1, deux => 2, trois => 3, quatre => 4, cinq => 5, six => 6, sept => 7,
               huit => 8, neuf => 9);

# The form, with the answer to its captcha worked out as a person would.
sub form_of {
    my ($ua) = @_;
    my $html = $ua->get(url('/portail/inscription'))->decoded_content;
    my ($a, $b) = $html =~ /Combien font (\S+) plus (\S+) \?/;
    my ($jeton) = $html =~ /name="captcha_jeton" value="([^"]+)"/;
    return (html => $html, csrf => csrf_of($html), captcha_jeton => $jeton,
            captcha => ($nombres{$a // ''} // 0) + ($nombres{$b // ''} // 0));
}

sub accounts { (sql_query("SELECT count(*) FROM accounts"))[0] }

my $ua = client();
my %f = form_of($ua);
like($f{html}, qr/<label for="f-email">/, 'the e-mail field has a label');
like($f{html}, qr/<label for="f-captcha">Combien font/, 'the captcha is a question in words, as a label');
like($f{html}, qr/Au moins 12 caractères/, 'the password rule is shown before typing');
like($f{html}, qr/données personnelles/, 'the RGPD notice is there');

# Mistakes: the form again with what was typed, every error linked to its field, no account.
my $n = accounts();
my $r = $ua->post(url('/portail/inscription'), {
    csrf => $f{csrf}, prenom => 'Léa', nom => '', email => 'pas-une-adresse',
    password => 'court', confirmation => 'court', captcha => $f{captcha} + 1,
    captcha_jeton => $f{captcha_jeton} });
is($r->code, 400, 'mistakes: 400');
my $html = $r->decoded_content;
like($html, qr/value="Léa"/, 'what was typed is kept');
unlike($html, qr/value="court"/, 'passwords are not sent back');
for my $field (qw(nom email password captcha)) {
    like($html, qr/href="#f-$field"/, "the error on $field is linked from the summary");
}
is(accounts(), $n, 'no account created');

# A code abonné that is no family's: said on its field, no account.
%f = form_of($ua);
like($f{html}, qr/<label for="f-code">Code abonné \(facultatif\)/, 'the optional code abonné has a label');
my %good = (csrf => $f{csrf}, prenom => 'Léa', nom => 'Nouvelle', email => 'Lea.Nouvelle@Exemple.fr',
            password => 'une phrase de passe', confirmation => 'une phrase de passe',
            captcha => $f{captcha}, captcha_jeton => $f{captcha_jeton}, code => 'ZZZZ-ZZZZ-ZZZZ');
$r = $ua->post(url('/portail/inscription'), \%good);
is($r->code, 400, 'an unknown code abonné: 400');
like($r->decoded_content, qr/href="#f-code">Aucune famille ne correspond/, 'said on the code field');
like($r->decoded_content, qr/value="ZZZZ-ZZZZ-ZZZZ"/, 'with what was typed');
is(accounts(), $n, 'no account created');

# A good sign-up, with the family's code typed loosely.
%f = form_of($ua);
%good = (%good, csrf => $f{csrf}, captcha => $f{captcha}, captcha_jeton => $f{captcha_jeton},
         code => 'w9ht 5cmu 6ypf');
$r = $ua->post(url('/portail/inscription'), \%good);
is($r->code, 303, 'sign-up answers 303');
is($r->header('Location'), '/portail/connexion', 'to the login page');
my $page = $ua->get(url('/portail/connexion'))->decoded_content;
like($page, qr/Un courriel vient d'être envoyé/, 'which says a mail was sent');
my ($state) = sql_query("SELECT state FROM accounts WHERE email = 'lea.nouvelle\@exemple.fr'");
is($state, 'en_attente', 'the account waits for activation');

# The same captcha twice: refused.
$r = $ua->post(url('/portail/inscription'), { %good, email => 'autre@exemple.fr' });
is($r->code, 400, 'a captcha serves once');
like($r->decoded_content, qr/déjà servi/, 'and the form says so');

# Known and unknown e-mails: the same answer.
my %same = (password => 'une phrase de passe', confirmation => 'une phrase de passe',
            prenom => 'Marie', nom => 'Martin');
my @answers;
for my $email ('parent@demo.portail.fr', 'inconnue@exemple.fr') {
    my $c = client();
    my %g = form_of($c);
    my $p = $c->post(url('/portail/inscription'), { %same, email => $email, csrf => $g{csrf},
                     captcha => $g{captcha}, captcha_jeton => $g{captcha_jeton} });
    (my $text = $c->get(url('/portail/connexion'))->decoded_content) =~ s/\Q$email\E/ADRESSE/g;
    $text =~ s/value="[^"]*"//g;
    push @answers, [$p->code, $p->header('Location'), $text];
}
is_deeply($answers[0], $answers[1], 'a known and an unknown e-mail get the same answer');

# No login before activation.
$r = login(client(), 'lea.nouvelle@exemple.fr', 'une phrase de passe');
is($r->code, 400, 'login before activation is refused');
like($r->decoded_content, qr/pas encore activé/, 'and says why');

# The mail arrives with its link.
my ($port, $maildir) = smtp_server();
my ($rc, $out) = ctl('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
                     '--from', 'portail@demo.portail.fr', 'mail');
is($rc, 0, 'portail-ctl mail delivers') or diag($out);
my ($link, $existing);
opendir my $dh, "$maildir/new" or die;
for my $f (grep { !/^\./ } readdir $dh) {
    open my $fh, '<', "$maildir/new/$f" or die;
    local $/;
    my $m = <$fh>;
    my ($b64) = $m =~ m{text/plain; charset=UTF-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(.*?)--}s;
    my $text = decode('UTF-8', decode_base64($b64 // ''));
    if ($m =~ /^X-RcptTo: lea\.nouvelle\@exemple\.fr/m) {
        ($link) = $text =~ m{(http://\S+/portail/activation/[A-Za-z0-9_-]{43})};
    }
    $existing = 1 if $m =~ /^X-RcptTo: parent\@demo\.portail\.fr/m && $text =~ /déjà un compte/;
}
ok($link, 'the activation mail carries a link') or BAIL_OUT('no link');
ok($existing, 'the owner of the known e-mail is told someone tried');
my ($hash_stored) = sql_query("SELECT count(*) FROM account_tokens WHERE token_hash = '"
                              . substr($link, -43) . "'");
is($hash_stored, 0, 'the token itself is not stored');

# Opening the link changes nothing; its button activates.
(my $path = $link) =~ s{^http://[^/]+}{};
my $act = client();
$r = $act->get(url($path));
is($r->code, 200, 'the link opens a page');
($state) = sql_query("SELECT state FROM accounts WHERE email = 'lea.nouvelle\@exemple.fr'");
is($state, 'en_attente', 'opening the link alone does not activate (mail scanners)');
my $act_csrf = csrf_of($r->decoded_content);
$r = $act->post(url($path), { csrf => $act_csrf });
is($r->code, 400, 'activating asks for the password');
($state) = sql_query("SELECT state FROM accounts WHERE email = 'lea.nouvelle\@exemple.fr'");
is($state, 'en_attente', 'and activates nothing without it');
$r = $act->post(url($path), { csrf => $act_csrf, password => 'une phrase de passe',
                              confirmation => 'une phrase de passe' });
is($r->code, 303, 'the button activates with the password');
($state) = sql_query("SELECT state FROM accounts WHERE email = 'lea.nouvelle\@exemple.fr'");
is($state, 'actif', 'the account is active');
my $lea = client();
$r = login($lea, 'lea.nouvelle@exemple.fr', 'une phrase de passe');
is($r->code, 303, 'login works after activation');
like($lea->get(url('/portail/famille/'))->decoded_content, qr/Famille LE GALL/,
     'the code typed at sign-up opened the family space');

# The link serves once; unknown and expired links get a clear message.
$r = $act->get(url($path));
is($r->code, 409, 'a used link: 409');
like($r->decoded_content, qr/déjà servi/, 'saying it has been used');
is($act->get(url('/portail/activation/' . ('x' x 43)))->code, 404, 'an unknown link: 404');
is($act->get(url('/portail/activation/court'))->code, 404, 'a truncated link: 404');
sql_query("UPDATE account_tokens SET used_at = NULL, expires_at = 1");
$r = $act->get(url($path));
is($r->code, 400, 'an expired link: 400');
like($r->decoded_content, qr/expiré/, 'saying it has expired');

done_testing();
