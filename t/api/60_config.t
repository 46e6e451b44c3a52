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

my @bad = (
    [ 'PortailColour bleu',           qr/PortailColour: 'bleu' is not a colour written #rrggbb/ ],
    [ 'PortailSessionIdle demain',    qr/PortailSessionIdle: 'demain' is not a duration/ ],
    [ 'PortailSessionLifetime 90d',   qr/longer than 31 days/ ],
    [ 'PortailCookieSecure peut-etre', qr/must be On, Off or Auto/ ],
    [ 'PortailBaseURL portail',       qr/PortailBaseURL: 'portail' must be a URL path/ ],
    [ 'PortailStylesheetDir /nulle/part', qr/is not an existing directory/ ],
    [ 'PortailMailFrom mairie',       qr/PortailMailFrom: 'mairie' is not an address/ ],
    [ 'PortailMaxFormSize 10',        qr/between 1024 and 16777216/ ],
    [ "<Location /x>\nRequire portail-role maire\n</Location>", qr/unknown role 'maire'/ ],
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
