<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38" />
        <source>Relations — %1</source>
        <translation>Relations — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44" />
        <source>Search a partner (name, country, spelling)…</source>
        <translation>Rechercher un partenaire (nom, pays, graphie)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46" />
        <source>Search partners</source>
        <translation>Rechercher des partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49" />
        <location filename="../../ui/main_window.py" line="73" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Partner page</source>
        <translation>Fiche du partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>&amp;About Relations</source>
        <translation>À &amp;propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>About Relations</source>
        <translation>À propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>Relations %1
The international relations office's records.
Database: %2</source>
        <translation>Relations %1
Les dossiers du service des relations internationales.
Base de données : %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="144" />
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n partenaire</numerusform><numerusform>%n partenaires</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Kind of link</source>
        <translation>Type de lien</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Signed by</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Relations since</source>
        <translation>Relations depuis</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>The place</source>
        <translation>Le territoire</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>The relation</source>
        <translation>La relation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
</context>
<context>
    <name>PartnerTableModel</name>
    <message>
        <location filename="../../ui/partner_table.py" line="89" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/partner_table.py" line="90" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/partner_table.py" line="91" />
        <source>Kind of link</source>
        <translation>Type de lien</translation>
    </message>
    <message>
        <location filename="../../ui/partner_table.py" line="92" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/partner_table.py" line="93" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="57" />
        <source>Cannot open the database</source>
        <translation>Impossible d'ouvrir la base de données</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="12" />
        <source>Twin city</source>
        <translation>Ville jumelle</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13" />
        <source>Friendship city</source>
        <translation>Ville amie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14" />
        <source>Decentralised cooperation</source>
        <translation>Coopération décentralisée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Twinning charter</source>
        <translation>Charte de jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21" />
        <source>Twinning</source>
        <translation>Jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Friendship protocol</source>
        <translation>Protocole d'amitié</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Memorandum of understanding</source>
        <translation>Protocole d'accord</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25" />
        <source>Partnership</source>
        <translation>Partenariat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Cooperation agreement</source>
        <translation>Accord de coopération</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>City of Brest</source>
        <translation>Ville de Brest</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Brest métropole</source>
        <translation>Brest métropole</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50" />
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51" />
        <source>Not stated</source>
        <translation>Non renseigné</translation>
    </message>
</context>
</TS>