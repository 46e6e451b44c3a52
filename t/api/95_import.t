# portail-ctl import-families: every line checked, all or nothing, errors with their line
# numbers; the codes created are printed for the letters.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(ctl sql_query csv_file);


my ($families) = sql_query('SELECT count(*) FROM families');

# A broken file: a bad date, a line with a field too many, an unclosed quote.
my $bad = csv_file(<<'CSV');
reference;type;civilite;nom;prenom;date_naissance;email;telephone;adresse;code_postal;commune
F100;responsable;Mme;ROUSSEAU;Anne;;anne.rousseau@exemple.fr;06 11 22 33 44;1 place de la Mairie;35000;Rennes
F100;enfant;;ROUSSEAU;Jules;2018-02-30;;;;;
F101;responsable;M.;PETIT;Marc;;marc.petit@exemple;;;;
F101;enfant;;PETIT;Lou;2017-05-04;;;;;;
CSV
my ($rc, $out) = ctl('import-families', $bad);
isnt($rc, 0, 'a broken file is refused');
like($out, qr/ligne 3, colonne date_naissance/, 'the wrong date is reported with its line');
like($out, qr/ligne 4, colonne email/, 'so is the wrong e-mail');
like($out, qr/ligne 5 : 12 champs au lieu de 11/, 'and the line with a field too many');
like($out, qr/aucune famille importée/, 'nothing is imported');
my ($n) = sql_query('SELECT count(*) FROM families');
is($n, $families, 'not even the good families of the file');

($rc, $out) = ctl('import-families', csv_file("reference;type;nom;prenom\nF1;responsable;\"DUPONT;Jean\n"));
isnt($rc, 0, 'an unclosed quote is refused');
like($out, qr/ligne 2 : un guillemet ouvert/, 'at its line');

# A good file, the way a French spreadsheet writes it (BOM, CRLF, dates dd/mm/yyyy).
my $good = csv_file("\x{FEFF}" . join("\r\n",
    'reference;type;civilite;nom;prenom;date_naissance;sexe;email;telephone;adresse;code_postal;commune',
    'F100;responsable;Mme;ROUSSEAU;Anne;;;anne.rousseau@exemple.fr;06 11 22 33 44;1 place de la Mairie;35000;Rennes',
    'F100;responsable;M.;ROUSSEAU;Paul;;;;;1 place de la Mairie;35000;Rennes',
    'F100;enfant;;ROUSSEAU;Jules;14/09/2018;M;;;;;',
    'F101;enfant;;PETIT;Lou;2017-05-04;F;;;;;',
    'F101;responsable;M.;PETIT;Marc;;;marc.petit@exemple.fr;;"2, chemin ""des Prés""";35000;Rennes',
    ''));
($rc, $out) = ctl('import-families', $good);
is($rc, 0, 'a good file is imported') or diag $out;
like($out, qr/^reference;code_abonne;famille\r?$/m, 'the codes are printed as CSV');
my ($code) = $out =~ /^F100;([A-Z0-9-]+);ROUSSEAU\r?$/m;
ok($code, 'with the code of each family');
is((sql_query("SELECT code_abonne FROM families WHERE reference = 'F100'"))[0], $code, 'the code is stored');
is((sql_query("SELECT count(*) FROM responsables r JOIN families f ON f.id = r.family_id WHERE f.reference = 'F100'"))[0],
   2, 'two responsables');
is((sql_query("SELECT date_naissance FROM children c JOIN families f ON f.id = c.family_id WHERE f.reference = 'F100'"))[0],
   '2018-09-14', 'the French date is understood');
is((sql_query("SELECT prenom FROM responsables r JOIN families f ON f.id = r.family_id WHERE f.reference = 'F101' AND r.rang = 1"))[0],
   'Marc', 'the responsable comes first even after the child in the file');
is((sql_query("SELECT adresse FROM families WHERE reference = 'F101'"))[0], '2, chemin "des Prés"',
   'quoted fields keep their « ; » and quotes');
is((sql_query("SELECT tel_portable FROM responsables WHERE prenom = 'Anne' AND nom = 'ROUSSEAU'"))[0],
   '06 11 22 33 44', 'the phone is normalized');
is((sql_query("SELECT count(*) FROM audit WHERE action = 'import'"))[0], 2, 'each family is in the audit trail');

# Importing the same file again: refused, whole.
($rc, $out) = ctl('import-families', $good);
isnt($rc, 0, 'the same file again is refused');
like($out, qr/ligne 2 : la famille F100 existe déjà/, 'the family already there is named with its line');
is((sql_query('SELECT count(*) FROM families'))[0], $families + 2, 'nothing more is imported');

done_testing();
