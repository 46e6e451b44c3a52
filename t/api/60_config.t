# A webmaster's mistake in a directive stops `apachectl -t` with a clear message.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use Apache::TestConfig;
use File::Temp qw(tempdir);

my $vars = Apache::Test::vars();
my $httpd = $vars->{httpd};
my $top = $vars->{top_dir};
my $module = "$top/.libs/mod_portail.so";
my $moddir = '/usr/lib/apache2/modules';
my $dir = tempdir(CLEANUP => 1);

sub configtest {
    my ($lines) = @_;
    open my $fh, '>', "$dir/httpd.conf" or die $!;
    print $fh <<"CONF";
ServerRoot $dir
DefaultRuntimeDir $dir
PidFile $dir/httpd.pid
ErrorLog $dir/error.log
Listen 127.0.0.1:1
LoadModule mpm_event_module $moddir/mod_mpm_event.so
LoadModule authz_core_module $moddir/mod_authz_core.so
LoadModule authn_core_module $moddir/mod_authn_core.so
LoadModule dbd_module $moddir/mod_dbd.so
LoadModule portail_module $module
PortailStylesheetDir $top/xslt
$lines
CONF
    close $fh;
    my $out = `$httpd -t -f $dir/httpd.conf 2>&1`;
    return ($? >> 8, $out);
}

my ($rc, $out) = configtest('PortailTown "Ville-de-Démo"');
is($rc, 0, 'a correct configuration passes') or diag($out);
open my $legal, '>', "$dir/accessibilite.txt" or die $!;
print $legal "# Declaration\n\nPartiellement conforme.\n";
close $legal;
($rc, $out) = configtest(qq{PortailLegalNotice "La commune publie ce portail."\nPortailAccessibility $dir/accessibilite.txt});
is($rc, 0, 'the legal pages given as a text and as a file') or diag($out);

# Every value docs/directives.md gives (its defaults and its examples) is accepted: a
# webmaster who copies the documentation gets a configuration that starts.
open my $pw, '>', "$dir/smtp-password" or die $!;
print $pw "secret\n";
close $pw;
my @documented;
open my $doc, '<:encoding(UTF-8)', "$top/docs/directives.md" or die $!;
while (my $line = <$doc>) {
    push @documented, $1 if $line =~ /^\| Default \| `(Portail\w+ [^`]+)`/ || $line =~ /^    (Portail\w+ .+)$/;
}
close $doc;
s{^PortailSMTPPasswordFile .*}{PortailSMTPPasswordFile $dir/smtp-password} for @documented;
cmp_ok(scalar(@documented), '>=', 15, 'the documentation gives values to copy');
($rc, $out) = configtest(join("\n", @documented, "PortailDataDir $dir", "PortailLogo /logo.svg",
                              'PortailBaseURL /portail/', 'PortailSessionIdle 2h',
                              'PortailSessionLifetime 1d', 'PortailPhotosPending 0'));
is($rc, 0, 'the documented values pass the configuration test') or diag($out);
# The form limits also hold in a <Location> (context « directory »); the town's settings
# do not (server config).
($rc, $out) = configtest("<Location /portail/admin/import>\nPortailMaxFormSize 1048576\n"
                         . "PortailMaxFormFields 2000\nPortailMaxUploadSize 10485760\n</Location>");
is($rc, 0, 'the form limits of one place of the portal') or diag($out);
($rc, $out) = configtest("<Location /portail>\nPortailTown Ailleurs\n</Location>");
isnt($rc, 0, 'PortailTown in a <Location> fails');
like($out, qr/PortailTown not allowed in <Location> context/, 'and says it is not its place');

# Files a webmaster gets wrong: a legal page saved in Windows-1252, one too large, empty.
open my $latin, '>:raw', "$dir/mentions-latin1.txt" or die $!;
print $latin "Mentions l\xe9gales de la commune\n";
close $latin;
open my $huge, '>', "$dir/mentions-huge.txt" or die $!;
print $huge 'x' x 70000;
close $huge;
open my $empty, '>', "$dir/vide.txt" or die $!;
close $empty;
mkdir "$dir/xslt-vide";

my @bad = (
    [ 'PortailTown "' . ('Saint-Martin-sur-Loire-' x 6) . '"', qr/PortailTown: the name of the town must have 1 to 120 characters/ ],
    [ 'PortailTown ""',               qr/PortailTown takes one argument/ ],
    [ 'PortailBaseURL /',             qr/PortailBaseURL: the portal cannot be the site's root/ ],
    [ 'PortailBaseURL https://www.ville.fr', qr/the portal cannot be the site's root/ ],
    [ 'PortailBaseURL "/portail?x=1"', qr/PortailBaseURL: '\/portail\?x=1' must be a URL path/ ],
    [ 'PortailStaticURL portail-static', qr/PortailStaticURL: 'portail-static' must be a URL path starting with '\/'/ ],
    [ 'PortailLogo "/logo de la ville.png"', qr/PortailLogo: '\/logo de la ville.png' must be a URL path/ ],
    [ "PortailStylesheetDir $dir/xslt-vide", qr/PortailStylesheetDir: '\Q$dir\E\/xslt-vide' holds no layout.xsl/ ],
    [ 'PortailDataDir /nulle/part',   qr/PortailDataDir: '\/nulle\/part' is not an existing directory/ ],
    [ 'PortailColour #1f4e8g',        qr/PortailColour: '#1f4e8g' is not a colour/ ],
    [ 'PortailSessionIdle 0',         qr/PortailSessionIdle: '0' is not a duration/ ],
    [ 'PortailSessionIdle 3semaines', qr/PortailSessionIdle: '3semaines' is not a duration/ ],
    [ 'PortailMaxUploadSize 5M',      qr/PortailMaxUploadSize: '5M' must be a number of bytes between 65536 and 1073741824/ ],
    [ 'PortailMaxFormFields 0',       qr/PortailMaxFormFields: '0' must be a number between 1 and 10000/ ],
    [ 'PortailSMTPServer smtp.ville.fr', qr/PortailSMTPServer: 'smtp.ville.fr' must be smtp:\/\/host:port/ ],
    [ 'PortailSMTPSecurity ssl',      qr/PortailSMTPSecurity: 'ssl' must be none, starttls or tls/ ],
    [ 'PortailSMTPPasswordFile /nulle/part', qr/PortailSMTPPasswordFile: '\/nulle\/part' is not a file/ ],
    [ 'PortailPhotosPending 101',     qr/PortailPhotosPending: '101' must be a number between 0 and 100/ ],
    [ "PortailLegalNotice $dir/mentions-latin1.txt", qr/PortailLegalNotice: the text is empty or not valid UTF-8/ ],
    [ "PortailLegalNotice $dir/mentions-huge.txt", qr/PortailLegalNotice: '.*mentions-huge.txt' is larger than 64 KB/ ],
    [ "PortailAccessibility $dir/vide.txt", qr/PortailAccessibility: the text is empty/ ],

    [ 'PortailColour bleu',           qr/PortailColour: 'bleu' is not a colour written #rrggbb/ ],
    [ 'PortailSessionIdle demain',    qr/PortailSessionIdle: 'demain' is not a duration/ ],
    [ 'PortailSessionLifetime 90d',   qr/longer than 31 days/ ],
    [ 'PortailCookieSecure peut-etre', qr/must be On, Off or Auto/ ],
    [ 'PortailBaseURL portail',       qr/PortailBaseURL: 'portail' must be a URL path/ ],
    [ 'PortailStylesheetDir /nulle/part', qr/is not an existing directory/ ],
    [ 'PortailMailFrom mairie',       qr/PortailMailFrom: 'mairie' is not an address/ ],
    [ 'PortailMaxFormSize 10',        qr/between 1024 and 16777216/ ],
    [ "<Location /x>\nRequire portail-role maire\n</Location>", qr/unknown role 'maire' \(expected agent, parent, accueil/ ],
    [ 'PortailLegalNotice /nulle/part/mentions.txt', qr/PortailLegalNotice: cannot read the file/ ],
    [ 'PortailAccessibility /nulle/part.txt', qr/PortailAccessibility: cannot read the file/ ],
);
for my $case (@bad) {
    my ($line, $msg) = @$case;
    ($rc, $out) = configtest($line);
    isnt($rc, 0, "« $line » fails the configuration test");
    like($out, $msg, "« $line »: the message says what is expected");
}

done_testing();
