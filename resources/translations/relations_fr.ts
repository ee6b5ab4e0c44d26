<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivityReport</name>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="61"/>
        <location filename="../../ui/documents/activity_report.py" line="88"/>
        <source>Activity report</source>
        <translation>Rapport d’activité</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="62"/>
        <source>Generating the activity report…</source>
        <translation>Préparation du rapport d’activité…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="63"/>
        <source>Activity report %1</source>
        <translation>Rapport d’activité %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="82"/>
        <source>Tables of %1 written to %2</source>
        <translation>Tableaux de %1 enregistrés dans %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="86"/>
        <source>Writing the tables…</source>
        <translation>Écriture des tableaux…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="167"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="173"/>
        <source>&amp;Activity report…</source>
        <translation>Rapport d’&amp;activité…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="177"/>
        <source>The year&apos;s report for the council (PDF or XLSX)</source>
        <translation>Le rapport de l’année pour le conseil (PDF ou XLSX)</translation>
    </message>
</context>
<context>
    <name>ActivityReportDialog</name>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="100"/>
        <source>Activity report</source>
        <translation>Rapport d’activité</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="106"/>
        <source>Year of the report</source>
        <translation>Année du rapport</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="109"/>
        <source>The year in figures, funding by funder and by country, each partner&apos;s year and the programmes funded, from 1 January to 31 December.</source>
        <translation>L’année en chiffres, les financements par financeur et par pays, l’année de chaque partenaire et les programmes financés, du 1er janvier au 31 décembre.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="116"/>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="119"/>
        <source>&amp;Create the report</source>
        <translation>&amp;Créer le rapport</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="122"/>
        <source>Save the &amp;tables (XLSX)…</source>
        <translation>Enregistrer les &amp;tableaux (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="143"/>
        <source>Save the tables</source>
        <translation>Enregistrer les tableaux</translation>
    </message>
    <message>
        <location filename="../../ui/documents/activity_report.py" line="145"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>AnnexesDialog</name>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="40"/>
        <location filename="../../ui/pages/annexes_dialog.py" line="54"/>
        <source>Documents to append</source>
        <translation>Documents à joindre</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="44"/>
        <source>The documents ticked are appended after the briefing, in this order, each listed under “Annexes” in its contents with a bookmark. A protected or unreadable PDF is left out and named.</source>
        <translation>Les documents cochés sont ajoutés après le dossier, dans cet ordre, chacun listé sous « Annexes » dans son sommaire avec un signet. Un PDF protégé ou illisible est laissé de côté et signalé.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="63"/>
        <source>Tick all</source>
        <translation>Tout cocher</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="65"/>
        <source>Tick none</source>
        <translation>Tout décocher</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="78"/>
        <source>Make the briefing</source>
        <translation>Générer le dossier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="88"/>
        <source>the delegation</source>
        <translation>la délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="90"/>
        <source>a partner</source>
        <translation>un partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="92"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="92"/>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../ui/pages/annexes_dialog.py" line="97"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ApdDialog</name>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="52"/>
        <location filename="../../ui/documents/apd_dialog.py" line="139"/>
        <location filename="../../ui/documents/apd_dialog.py" line="243"/>
        <source>APD declaration</source>
        <translation>Déclaration APD</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="57"/>
        <source>Official development assistance spent in a calendar year, declared each year from 15 April to 31 May (e-APD). Only the authority&apos;s own funds in the countries on the OECD DAC list are declared.</source>
        <translation>L&apos;aide publique au développement d&apos;une année civile, déclarée chaque année du 15 avril au 31 mai (e-APD). Seuls les fonds propres de la collectivité dans les pays de la liste du CAD de l&apos;OCDE sont déclarés.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="70"/>
        <location filename="../../ui/documents/apd_dialog.py" line="72"/>
        <source>Year declared</source>
        <translation>Année déclarée</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="85"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="90"/>
        <source>&amp;Open the record</source>
        <translation>&amp;Ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="93"/>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="96"/>
        <source>Count the funder as own &amp;funds</source>
        <translation>Le compter en &amp;fonds propres</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="99"/>
        <source>Count it as co-financing &amp;received</source>
        <translation>Le compter en cofinancement &amp;reçu</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="114"/>
        <source>&amp;Save the worksheet…</source>
        <translation>&amp;Enregistrer le tableau…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="137"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="138"/>
        <source>Reading the declaration…</source>
        <translation>Lecture de la déclaration…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="150"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="153"/>
        <source>Year %1 (DAC list: %3). Lines declared: %2; own funds %4, of which 1 % %5; co-financing received, not declared: %6. Outside ODA: lines: %7, own funds %8.</source>
        <translation>Année %1 (liste du CAD : %3). Lignes déclarées : %2 ; fonds propres %4, dont 1 % %5 ; cofinancements reçus, non déclarés : %6. Hors APD : lignes : %7, fonds propres %8.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="170"/>
        <source>Double-click to open the record</source>
        <translation>Double-cliquez pour ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="175"/>
        <source>… and %1 more</source>
        <translation>… et %1 autres</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="178"/>
        <source>Warnings (%1): fix them before declaring</source>
        <translation>Avertissements (%1) : à corriger avant de déclarer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="180"/>
        <source>No warning: the records are ready to declare.</source>
        <translation>Aucun avertissement : les fiches sont prêtes pour la déclaration.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="215"/>
        <source>Save the APD worksheet</source>
        <translation>Enregistrer le tableau de la déclaration APD</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="217"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="240"/>
        <source>Worksheet written to %1</source>
        <translation>Tableau écrit dans %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="242"/>
        <source>Writing the worksheet…</source>
        <translation>Écriture du tableau…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="253"/>
        <source>APD &amp;declaration…</source>
        <translation>&amp;Déclaration APD…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="257"/>
        <source>Check and save the yearly official development assistance declaration</source>
        <translation>Vérifier et enregistrer la déclaration annuelle de l&apos;aide publique au développement</translation>
    </message>
</context>
<context>
    <name>AtlasImportDialog</name>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="59"/>
        <source>Import an Atlas record</source>
        <translation>Importer une fiche de l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="64"/>
        <source>Paste a project page of the Atlas of decentralised cooperation (select all on the page, copy, paste here), or open the page saved as text. Nothing is written before Import.</source>
        <translation>Collez une page projet de l&apos;Atlas de la coopération décentralisée (tout sélectionner sur la page, copier, coller ici) ou ouvrez la page enregistrée en texte. Rien n&apos;est écrit avant « Importer ».</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="77"/>
        <source>&amp;Text of the record</source>
        <translation>&amp;Texte de la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="79"/>
        <source>&amp;Open a .txt file…</source>
        <translation>&amp;Ouvrir un fichier .txt…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="85"/>
        <source>Text of the Atlas record</source>
        <translation>Texte de la fiche de l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="86"/>
        <source>Paste the Atlas project page here…</source>
        <translation>Collez ici la page projet de l&apos;Atlas…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="93"/>
        <source>&amp;What the import will do</source>
        <translation>&amp;Ce que fera l&apos;import</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="97"/>
        <source>What the import will do</source>
        <translation>Ce que fera l&apos;import</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="109"/>
        <source>The programme already exists:</source>
        <translation>Le programme existe déjà :</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="112"/>
        <source>What to do with the existing programme</source>
        <translation>Que faire du programme existant</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="113"/>
        <source>Update it with the record</source>
        <translation>Le mettre à jour avec la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="114"/>
        <source>Create a new programme anyway</source>
        <translation>Créer quand même un nouveau programme</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="133"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="157"/>
        <source>Open an Atlas record</source>
        <translation>Ouvrir une fiche de l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="159"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="176"/>
        <source>Import from the Atlas</source>
        <translation>Importer depuis l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="220"/>
        <source>This record cannot be imported as it is: see the errors in red.</source>
        <translation>Cette fiche ne peut pas être importée telle quelle : voyez les erreurs en rouge.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="237"/>
        <source>What to do with the organisation %1</source>
        <translation>Que faire de l&apos;organisation %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="240"/>
        <source>Use the existing “%1”</source>
        <translation>Utiliser l&apos;existante « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="242"/>
        <source>Create “%1”</source>
        <translation>Créer « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="245"/>
        <source>“%1” looks like an existing organisation:</source>
        <translation>« %1 » ressemble à une organisation existante :</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_atlas.py" line="283"/>
        <source>Import refused</source>
        <translation>Import refusé</translation>
    </message>
</context>
<context>
    <name>AttachmentDialog</name>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="125"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="130"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="133"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="137"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="143"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="198"/>
        <location filename="../../ui/pages/attachments_panel.py" line="374"/>
        <location filename="../../ui/pages/attachments_panel.py" line="406"/>
        <location filename="../../ui/pages/attachments_panel.py" line="449"/>
        <location filename="../../ui/pages/attachments_panel.py" line="478"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="206"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="207"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="208"/>
        <source>Title and date…</source>
        <translation>Titre et date…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="209"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="210"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="248"/>
        <source>Drop files here to attach them.</source>
        <translation>Déposez des fichiers ici pour les joindre.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="250"/>
        <source>No document yet: add one, or drop files here.</source>
        <translation>Aucun document : ajoutez-en un, ou déposez des fichiers ici.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="333"/>
        <source>Attach documents</source>
        <translation>Joindre des documents</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="336"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.gif *.doc *.docx *.odt *.xls *.xlsx *.ods *.ppt *.pptx *.odp *.txt);;All files (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.gif *.doc *.docx *.odt *.xls *.xlsx *.ods *.ppt *.pptx *.odp *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="373"/>
        <source>Attaching “%1”…</source>
        <translation>Ajout de « %1 »…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="377"/>
        <source>Cannot attach the file</source>
        <translation>Impossible de joindre le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="403"/>
        <source>Reading “%1”…</source>
        <translation>Lecture de « %1 »…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="410"/>
        <location filename="../../ui/pages/attachments_panel.py" line="428"/>
        <source>Cannot open the document</source>
        <translation>Impossible d&apos;ouvrir le document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="439"/>
        <source>Export the document</source>
        <translation>Exporter le document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="448"/>
        <source>Exporting “%1”…</source>
        <translation>Export de « %1 »…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="452"/>
        <source>Cannot export the document</source>
        <translation>Impossible d&apos;exporter le document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="470"/>
        <source>Cannot change the document</source>
        <translation>Impossible de modifier le document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="479"/>
        <source>Move “%1” to the trash?</source>
        <translation>Mettre « %1 » à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="480"/>
        <source>It can be restored from the trash, or undone with Ctrl+Z.</source>
        <translation>Il pourra être rétabli depuis la corbeille, ou l&apos;action annulée avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="482"/>
        <source>Move to the trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments_panel.py" line="493"/>
        <source>Cannot remove the document</source>
        <translation>Impossible de retirer le document</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../ui/safety/autobackup.py" line="62"/>
        <source>Automatic copy saved: %1</source>
        <translation>Copie automatique enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../ui/safety/autobackup.py" line="67"/>
        <source>The automatic copy failed: %1</source>
        <translation>La copie automatique a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../ui/safety/autobackup.py" line="84"/>
        <source>Copy at exit</source>
        <translation>Copie à la fermeture</translation>
    </message>
    <message>
        <location filename="../../ui/safety/autobackup.py" line="88"/>
        <source>The copy made at exit failed: %1</source>
        <translation>La copie faite à la fermeture a échoué : %1</translation>
    </message>
</context>
<context>
    <name>ColumnMenu</name>
    <message>
        <location filename="../../ui/lists/column_menu.py" line="29"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../ui/lists/column_menu.py" line="42"/>
        <source>Show all columns in their first order</source>
        <translation>Afficher toutes les colonnes dans leur ordre d&apos;origine</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message numerus="yes">
        <location filename="../../ui/safety/connection_watch.py" line="76"/>
        <source>Connection to the server lost — trying again in %n s</source>
        <translation>
            <numerusform>Connexion au serveur perdue — nouvel essai dans %n s</numerusform>
            <numerusform>Connexion au serveur perdue — nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/safety/connection_watch.py" line="78"/>
        <source>(your changes are kept and will be saved)</source>
        <translation>(vos modifications sont conservées et seront enregistrées)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/connection_watch.py" line="79"/>
        <source>Try &amp;now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/safety/connection_watch.py" line="96"/>
        <source>Connection to the server lost — trying again…</source>
        <translation>Connexion au serveur perdue — nouvel essai en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/connection_watch.py" line="115"/>
        <source>Connection to the server restored.</source>
        <translation>Connexion au serveur rétablie.</translation>
    </message>
</context>
<context>
    <name>ContactsImportDialog</name>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="78"/>
        <source>Import contacts: %1</source>
        <translation>Importer des contacts : %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="86"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="89"/>
        <source>Encoding of the file</source>
        <translation>Encodage du fichier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="90"/>
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="94"/>
        <source>&amp;Encoding</source>
        <translation>&amp;Encodage</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="99"/>
        <source>Which column holds what</source>
        <translation>Quelle colonne contient quoi</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="107"/>
        <source>Column for %1</source>
        <translation>Colonne pour %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="130"/>
        <source>Rows of the file</source>
        <translation>Lignes du fichier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="133"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="134"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="135"/>
        <location filename="../../ui/exchange/import_contacts.py" line="216"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="136"/>
        <location filename="../../ui/exchange/import_contacts.py" line="219"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="137"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="139"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="156"/>
        <source>&amp;Merge all look-alikes</source>
        <translation>Tout &amp;fusionner</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="160"/>
        <source>Merge every row that looks like an existing contact into it: its blank fields are filled, a different e-mail or phone is kept in its notes</source>
        <translation>Fusionner chaque ligne qui ressemble à un contact existant avec lui : ses champs vides sont remplis, un autre courriel ou téléphone est gardé dans ses notes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="166"/>
        <source>C&amp;reate all look-alikes</source>
        <translation>Tout c&amp;réer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="169"/>
        <source>Create a new contact for every row that looks like an existing one</source>
        <translation>Créer un nouveau contact pour chaque ligne qui ressemble à un contact existant</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="174"/>
        <source>Put people at the existing organisations their column looks like</source>
        <translation>Rattacher les personnes aux organisations existantes qui ressemblent à leur colonne</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="179"/>
        <source>Unticked: an organisation named otherwise than an existing one that looks like it is created as the file names it</source>
        <translation>Décoché : une organisation écrite autrement qu&apos;une organisation existante qui lui ressemble est créée telle que le fichier la nomme</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="189"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="214"/>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="215"/>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="217"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="218"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="220"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="221"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="355"/>
        <source>Merge or create? (choose)</source>
        <translation>Fusionner ou créer ? (à choisir)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="359"/>
        <source>Merge into %1</source>
        <translation>Fusionner avec %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="365"/>
        <source>Update %1 (the file&apos;s values replace)</source>
        <translation>Mettre à jour %1 (les valeurs du fichier remplacent)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="368"/>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="420"/>
        <source>To create: %1 · to merge: %2 · to update: %3 · skipped: %4</source>
        <translation>À créer : %1 · à fusionner : %2 · à mettre à jour : %3 · ignorées : %4</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="232"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="138"/>
        <source>Looks like</source>
        <translation>Ressemble à</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="243"/>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="268"/>
        <source>Detect automatically (%1)</source>
        <translation>Détecter automatiquement (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="272"/>
        <source>— not imported —</source>
        <translation>— non importé —</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="289"/>
        <source>Column “%1” is chosen for both %2 and %3.</source>
        <translation>La colonne « %1 » est choisie à la fois pour %2 et pour %3.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="320"/>
        <source>same person as line %1</source>
        <translation>même personne que la ligne %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="353"/>
        <source>Decision for line %1</source>
        <translation>Décision pour la ligne %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="362"/>
        <source>Create a new contact</source>
        <translation>Créer un nouveau contact</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exchange/import_contacts.py" line="427"/>
        <source>%n line(s) with errors</source>
        <translation>
            <numerusform>%n ligne en erreur</numerusform>
            <numerusform>%n lignes en erreur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exchange/import_contacts.py" line="430"/>
        <source>%n line(s) look like an existing contact: choose Merge or Create</source>
        <translation>
            <numerusform>%n ligne ressemble à un contact existant : choisissez Fusionner ou Créer</numerusform>
            <numerusform>%n lignes ressemblent à des contacts existants : choisissez Fusionner ou Créer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="451"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_contacts.py" line="460"/>
        <source>Import refused</source>
        <translation>Import refusé</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="36"/>
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n partenaire</numerusform>
            <numerusform>%n partenaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="37"/>
        <source>%n programme(s)</source>
        <translation>
            <numerusform>%n programme</numerusform>
            <numerusform>%n programmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="38"/>
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n organisation</numerusform>
            <numerusform>%n organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="39"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="40"/>
        <source>%n diplomatic post(s)</source>
        <translation>
            <numerusform>%n poste diplomatique</numerusform>
            <numerusform>%n postes diplomatiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="41"/>
        <source>%n honorary consulate(s)</source>
        <translation>
            <numerusform>%n consulat honoraire</numerusform>
            <numerusform>%n consulats honoraires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="42"/>
        <source>%n delegation(s)</source>
        <translation>
            <numerusform>%n délégation</numerusform>
            <numerusform>%n délégations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../ui/safety/startup.py" line="121"/>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="132"/>
        <source>Relations cannot open this database safely.</source>
        <translation>Relations ne peut pas ouvrir cette base de données sans risque.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="143"/>
        <source>The file has not been changed. Restoring a copy first keeps the damaged file in the backups folder, so nothing is lost.</source>
        <translation>Le fichier n&apos;a pas été modifié. Restaurer une copie conserve d&apos;abord le fichier endommagé dans le dossier des sauvegardes : rien n&apos;est perdu.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="154"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="156"/>
        <source>&amp;Choose a copy…</source>
        <translation>&amp;Choisir une copie…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="158"/>
        <source>&amp;Restore the latest good copy</source>
        <translation>&amp;Restaurer la dernière copie saine</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="117"/>
        <source>Dashboard</source>
        <extracomment>The latest changes listed (their lines: a change of several fields has one per field). the first reading of the lists, the map and the chart is shown</extracomment>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="132"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="134"/>
        <source>Delegations to come</source>
        <translation>Délégations à venir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="138"/>
        <source>Delegation briefing</source>
        <translation>Dossier de délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="140"/>
        <source>The briefing of the delegation chosen above</source>
        <translation>Le dossier de la délégation choisie ci-dessus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="163"/>
        <source>Data to check</source>
        <translation>Données à vérifier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="165"/>
        <source>What the check command reports: a mistyped e-mail, contradictory counts…</source>
        <translation>Ce que signale la commande check : un courriel mal tapé, des nombres contradictoires…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="172"/>
        <source>Latest changes</source>
        <translation>Dernières modifications</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="187"/>
        <source>Partners in the world</source>
        <translation>Les partenaires dans le monde</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="202"/>
        <source>Brest</source>
        <translation>Brest</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="207"/>
        <source>Funding per year</source>
        <translation>Financements par année</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="283"/>
        <source>twin city(ies)</source>
        <extracomment>the lists, the map and the chart have been read and shown at least once</extracomment>
        <translation>
            <numerusform>ville jumelle</numerusform>
            <numerusform>villes jumelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="284"/>
        <source>friendship city(ies)</source>
        <translation>
            <numerusform>ville amie</numerusform>
            <numerusform>villes amies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="285"/>
        <source>decentralised cooperation(s)</source>
        <translation>
            <numerusform>coopération décentralisée</numerusform>
            <numerusform>coopérations décentralisées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="291"/>
        <source>partner(s) in all</source>
        <translation>
            <numerusform>partenaire en tout</numerusform>
            <numerusform>partenaires en tout</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="387"/>
        <source>ended on %1</source>
        <translation>terminé le %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="387"/>
        <source>ends on %1</source>
        <translation>se termine le %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="389"/>
        <source>ended in %1</source>
        <translation>terminé en %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="389"/>
        <source>ends in %1</source>
        <translation>se termine en %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="391"/>
        <source>planned to end in %1</source>
        <translation>fin prévue en %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="391"/>
        <source>ends late %1</source>
        <translation>se termine fin %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="403"/>
        <source>Checking the data…</source>
        <translation>Vérification des données…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="422"/>
        <source>The data could not be checked</source>
        <translation>Les données n’ont pas pu être vérifiées</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="444"/>
        <source>Nothing to check</source>
        <translation>Rien à vérifier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="460"/>
        <source>No change recorded yet</source>
        <translation>Aucune modification enregistrée</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="462"/>
        <source>see more</source>
        <translation>voir plus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="476"/>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="478"/>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="479"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dans %n jour</numerusform>
            <numerusform>dans %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="500"/>
        <source>%Ln partner(s)</source>
        <translation>
            <numerusform>%Ln partenaire</numerusform>
            <numerusform>%Ln partenaires</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="147"/>
        <source>Ending within six months</source>
        <translation>Se terminent dans les six mois</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="152"/>
        <source>Still “ongoing” after their end date</source>
        <translation>Encore « en cours » après leur date de fin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="157"/>
        <source>Agreement anniversaries this year and next</source>
        <translation>Anniversaires d&apos;accords cette année et l&apos;an prochain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="321"/>
        <location filename="../../ui/pages/dashboard.py" line="353"/>
        <location filename="../../ui/pages/dashboard.py" line="372"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="363"/>
        <source>%1: %2 years in %3</source>
        <translation>%1 : %2 ans en %3</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="76"/>
        <source>The database Relations opens on this computer.</source>
        <translation>La base de données que Relations ouvre sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="86"/>
        <source>This window was opened on %1 as %2 asks: %2 wins over the choice made here, which applies when Relations starts without it.</source>
        <translation>Cette fenêtre a été ouverte sur %1 comme le demande %2 : %2 l&apos;emporte sur le choix fait ici, qui s&apos;applique quand Relations démarre sans.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="95"/>
        <source>&amp;Local file</source>
        <translation>&amp;Fichier local</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="97"/>
        <source>Shared &amp;server</source>
        <translation>&amp;Serveur partagé</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="109"/>
        <location filename="../../ui/shell/preferences_database.py" line="254"/>
        <source>Database file</source>
        <translation>Fichier de la base</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="110"/>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="134"/>
        <source>your login</source>
        <translation>votre compte</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="138"/>
        <source>from ~/.pgpass or the keyring</source>
        <translation>dans ~/.pgpass ou le trousseau</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="139"/>
        <source>&amp;Keep it in the system keyring</source>
        <translation>Retenir dans le tr&amp;ousseau du système</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="150"/>
        <source>libpq&apos;s sslmode: require encrypts, verify-full also checks the server&apos;s certificate (sslrootcert).</source>
        <translation>sslmode de libpq : require chiffre, verify-full vérifie aussi le certificat du serveur (sslrootcert).</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="155"/>
        <source>&amp;Host</source>
        <translation>&amp;Hôte</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="156"/>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="157"/>
        <source>D&amp;atabase</source>
        <translation>Base de do&amp;nnées</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="158"/>
        <source>Lo&amp;gin</source>
        <translation>Co&amp;mpte</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="159"/>
        <source>Pass&amp;word</source>
        <translation>Mot de pass&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="161"/>
        <source>&amp;Encryption (sslmode)</source>
        <translation>&amp;Chiffrement (sslmode)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="171"/>
        <source>&amp;Test the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="184"/>
        <source>Relations never keeps a password in its settings. The server&apos;s is read by PostgreSQL&apos;s client library from its usual places: the file ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows) or the PGPASSWORD variable; failing those, from the system keyring (Windows Credential Manager, macOS Keychain, GNOME or KDE wallet), where a password typed above is kept when the box is ticked. The choice applies at the next start, or at once if you reopen the window on it.</source>
        <translation>Relations ne garde jamais de mot de passe dans ses réglages. Celui du serveur est lu par la bibliothèque cliente de PostgreSQL à ses endroits habituels : le fichier ~/.pgpass (%APPDATA%\postgresql\pgpass.conf sous Windows) ou la variable PGPASSWORD ; à défaut, dans le trousseau du système (Gestionnaire d&apos;identification de Windows, trousseau de macOS, portefeuille de GNOME ou de KDE), où un mot de passe saisi ci-dessus est gardé quand la case est cochée. Le choix s&apos;applique au prochain démarrage, ou tout de suite si vous rouvrez la fenêtre dessus.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="231"/>
        <source>This computer has no system keyring: the password is used for this session only. Put it in ~/.pgpass to keep it.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : le mot de passe ne sert que pour cette session. Mettez-le dans ~/.pgpass pour le garder.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="256"/>
        <source>Relations databases (*.db)</source>
        <translation>Bases Relations (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="267"/>
        <source>Give the database file&apos;s path (Browse…).</source>
        <translation>Indiquez le chemin du fichier de la base (Parcourir…).</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_database.py" line="313"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>DelegationActions</name>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="63"/>
        <source>Delegation briefing</source>
        <translation>Dossier de délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="64"/>
        <source>Generating the delegation briefing…</source>
        <translation>Création du dossier de délégation…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="65"/>
        <source>Delegation briefing: %1</source>
        <translation>Dossier de délégation : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="78"/>
        <location filename="../../ui/pages/delegation_actions.py" line="272"/>
        <source>Duplicate the delegation</source>
        <translation>Dupliquer la délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="86"/>
        <source>The copy keeps the partners, members, texts and agenda, titled “Copie de …” and in preparation. Every date moves by the same number of days, so that the programme keeps its shape.</source>
        <translation>La copie garde les partenaires, les membres, les textes et le programme, sous le titre « Copie de … » et au statut « en préparation ». Toutes les dates sont décalées du même nombre de jours, pour que le programme garde sa forme.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="99"/>
        <location filename="../../ui/pages/delegation_actions.py" line="102"/>
        <source>First day of the new delegation</source>
        <translation>Premier jour de la nouvelle délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="107"/>
        <source>No dates yet (the agenda is not copied)</source>
        <translation>Pas encore de dates (le programme n&apos;est pas copié)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="119"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="143"/>
        <source>Delegation briefing…</source>
        <translation>Dossier de délégation…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="144"/>
        <source>Preview, print or save the briefing pack (PDF)</source>
        <translation>Aperçu, impression ou enregistrement du dossier (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="150"/>
        <source>Export the agenda (.ics)…</source>
        <translation>Exporter l&apos;agenda (.ics)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="151"/>
        <source>Save the agenda as a calendar file for Outlook or Thunderbird</source>
        <translation>Enregistrer le programme en fichier d&apos;agenda pour Outlook ou Thunderbird</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="157"/>
        <source>Duplicate…</source>
        <translation>Dupliquer…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="158"/>
        <source>Start a new delegation from this one</source>
        <translation>Préparer une nouvelle délégation à partir de celle-ci</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="195"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="196"/>
        <source>Save or discard the changes to this delegation first.</source>
        <translation>Enregistrez ou abandonnez d&apos;abord les modifications de cette délégation.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="228"/>
        <location filename="../../ui/pages/delegation_actions.py" line="243"/>
        <location filename="../../ui/pages/delegation_actions.py" line="252"/>
        <source>Export the agenda</source>
        <translation>Exporter le programme</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="230"/>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers d&apos;agenda (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="245"/>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_actions.py" line="253"/>
        <source>%n appointment(s) saved in %1.</source>
        <translation>%n rendez-vous enregistré(s) dans %1.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="79"/>
        <source>Printed on every fact sheet and briefing, the same on every computer of the office.</source>
        <translation>Imprimé sur chaque fiche et chaque dossier, identique sur tous les postes du service.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="88"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisme</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="89"/>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="90"/>
        <source>&amp;Telephone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="91"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="92"/>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="93"/>
        <source>Default &amp;confidentiality mention</source>
        <translation>Mention de &amp;confidentialité par défaut</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="100"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="103"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="107"/>
        <source>Working document — restricted distribution</source>
        <translation>Document de travail — diffusion restreinte</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="113"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="116"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="123"/>
        <source>Logo (PNG or SVG)</source>
        <translation>Logo (PNG ou SVG)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="150"/>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="155"/>
        <location filename="../../ui/shell/preferences_documents.py" line="167"/>
        <location filename="../../ui/shell/preferences_documents.py" line="169"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences_documents.py" line="155"/>
        <source>Pictures (*.png *.svg *.jpg)</source>
        <translation>Images (*.png *.svg *.jpg)</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="42"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="49"/>
        <source>No possible duplicate found.</source>
        <translation>Aucun doublon possible trouvé.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="52"/>
        <source>The %1 surest pairs of %2; double-click a record to open it.</source>
        <translation>Les %1 paires les plus sûres sur %2 ; double-cliquez sur une fiche pour l&apos;ouvrir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/duplicates_view.py" line="58"/>
        <source>%n pair(s); double-click a record to open it.</source>
        <translation>
            <numerusform>%n paire ; double-cliquez sur une fiche pour l&apos;ouvrir.</numerusform>
            <numerusform>%n paires ; double-cliquez sur une fiche pour l&apos;ouvrir.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="64"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="64"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="64"/>
        <source>Looks like</source>
        <translation>Ressemble à</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="64"/>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="87"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="91"/>
        <source>Put the selected pair side by side and merge them into one (Ctrl+M)</source>
        <translation>Mettre la paire choisie côte à côte et n&apos;en faire qu&apos;un enregistrement (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>DuplicatesFinder</name>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="135"/>
        <source>Possible &amp;duplicates…</source>
        <translation>&amp;Doublons possibles…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="139"/>
        <source>Contacts, organisations and partners that look like one entered twice</source>
        <translation>Contacts, organisations et partenaires qui semblent saisis deux fois</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="149"/>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates_view.py" line="152"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../ui/pages/person_data.py" line="51"/>
        <source>Erase a person</source>
        <translation>Effacer une personne</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="64"/>
        <source>Erase %1 for good?</source>
        <translation>Effacer définitivement %1 ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="69"/>
        <source>The person&apos;s record: name, e-mail, phone, notes.</source>
        <translation>La fiche de la personne : nom, courriel, téléphone, notes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="71"/>
        <source>%n function(s) held</source>
        <translation>
            <numerusform>%n fonction occupée</numerusform>
            <numerusform>%n fonctions occupées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="73"/>
        <source>%n link(s) to partners</source>
        <translation>
            <numerusform>%n lien avec un partenaire</numerusform>
            <numerusform>%n liens avec des partenaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="77"/>
        <source>their place in %n programme(s): each keeps a dated line naming only the organisation</source>
        <translation>
            <numerusform>sa place dans %n programme : il garde une ligne datée qui ne nomme que l&apos;organisation</numerusform>
            <numerusform>sa place dans %n programmes : chacun garde une ligne datée qui ne nomme que l&apos;organisation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="86"/>
        <source>their name in %n delegation(s): the member line stays, as “Personne effacée”</source>
        <translation>
            <numerusform>son nom dans %n délégation : la ligne de membre reste, comme « Personne effacée »</numerusform>
            <numerusform>son nom dans %n délégations : la ligne de membre reste, comme « Personne effacée »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="93"/>
        <source>what the trash holds about them (%n item(s))</source>
        <translation>
            <numerusform>ce que la corbeille conserve sur elle (%n élément)</numerusform>
            <numerusform>ce que la corbeille conserve sur elle (%n éléments)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="98"/>
        <source>What goes:</source>
        <translation>Ce qui disparaît :</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="102"/>
        <source>This cannot be undone, not even with Ctrl+Z: the values are also wiped from the database file. If the person asked for their data, export it first.</source>
        <translation>Impossible à annuler, même avec Ctrl+Z : les valeurs sont aussi effacées du fichier de la base. Si la personne a demandé ses données, exportez-les d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="115"/>
        <source>To confirm, type the family name “%1”:</source>
        <translation>Pour confirmer, tapez le nom « %1 » :</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="121"/>
        <source>Family name of the person, to confirm</source>
        <translation>Nom de la personne, pour confirmer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="125"/>
        <source>&amp;Erase for good</source>
        <translation>&amp;Effacer définitivement</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="89"/>
        <source>Exported to %1: %2</source>
        <extracomment>section key -&gt; window column key -&gt; the export columns it stands for (declared with each list column, :class:`relations_app.records.ListColumn`).</extracomment>
        <translation>Exporté dans %1 : %2</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="96"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="97"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="108"/>
        <location filename="../../ui/exchange/exporting.py" line="121"/>
        <source>Export the list</source>
        <translation>Exporter la liste</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="109"/>
        <source>Open a section (Partners, Contacts…) to export its list.</source>
        <translation>Ouvrez une rubrique (Partenaires, Contacts…) pour en exporter la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="118"/>
        <source>CSV, semicolon-separated (*.csv)</source>
        <translation>CSV, séparateur point-virgule (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="119"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="132"/>
        <source>Export the contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="132"/>
        <source>vCard contacts (*.vcf)</source>
        <translation>Contacts vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="144"/>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="144"/>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="151"/>
        <source>Export everything</source>
        <translation>Tout exporter</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/exporting.py" line="153"/>
        <source>Relations JSON export (*.json)</source>
        <translation>Export JSON de Relations (*.json)</translation>
    </message>
</context>
<context>
    <name>FactsheetBatch</name>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="48"/>
        <source>Writing the fact sheets…</source>
        <translation>Écriture des fiches…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="50"/>
        <location filename="../../ui/documents/batch_factsheets.py" line="61"/>
        <location filename="../../ui/documents/batch_factsheets.py" line="104"/>
        <source>Fact sheets of every partner</source>
        <translation>Fiches de tous les partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="68"/>
        <source>The details are in the log: %1</source>
        <translation>Le détail est dans le journal : %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="82"/>
        <source>Folder of the fact sheets</source>
        <translation>Dossier des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="108"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="123"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="125"/>
        <source>&amp;Fact sheets of every partner…</source>
        <translation>&amp;Fiches de tous les partenaires…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/batch_factsheets.py" line="129"/>
        <source>One PDF per partner in a folder, made on every core</source>
        <translation>Un PDF par partenaire dans un dossier, fait sur tous les cœurs du processeur</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="49"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="53"/>
        <source>Import contacts (CSV, Excel), a full export (JSON) or an Atlas record</source>
        <translation>Importer des contacts (CSV, Excel), un export complet (JSON) ou une fiche de l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="56"/>
        <source>Import an &amp;Atlas record…</source>
        <translation>Importer une fiche de l&apos;&amp;Atlas…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="60"/>
        <source>Paste or open a project page of the Atlas</source>
        <translation>Coller ou ouvrir une page projet de l&apos;Atlas</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="63"/>
        <source>Export the &amp;list…</source>
        <translation>Exporter la &amp;liste…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="67"/>
        <source>The list on screen, with its columns, search and filters, to CSV or Excel</source>
        <translation>La liste affichée, avec ses colonnes, sa recherche et ses filtres, en CSV ou Excel</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="70"/>
        <source>Export the &amp;contacts (vCard)…</source>
        <translation>Exporter les &amp;contacts (vCard)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="76"/>
        <source>Export the c&amp;alendar (iCalendar)…</source>
        <translation>Exporter le c&amp;alendrier (iCalendar)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="82"/>
        <source>Export &amp;everything (JSON)…</source>
        <translation>&amp;Tout exporter (JSON)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="88"/>
        <source>Save a &amp;copy…</source>
        <translation>Sauvegarder une &amp;copie…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="92"/>
        <source>A copy of the whole database, in a file you choose</source>
        <translation>Une copie de toute la base, dans un fichier de votre choix</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="95"/>
        <source>&amp;Restore a copy…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="99"/>
        <source>Replace the database by one of its copies</source>
        <translation>Remplacer la base par l&apos;une de ses copies</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="104"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="128"/>
        <source>Save a copy of the database</source>
        <translation>Sauvegarder une copie de la base</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="130"/>
        <source>Relations databases (*.db)</source>
        <translation>Bases Relations (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="142"/>
        <source>Copy saved: %1</source>
        <translation>Copie enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="149"/>
        <source>Saving a copy…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="152"/>
        <source>Save a copy</source>
        <translation>Sauvegarder une copie</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="195"/>
        <source>Restore a copy</source>
        <translation>Restaurer une copie</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="192"/>
        <source>Restoring the copy…</source>
        <translation>Restauration de la copie…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="175"/>
        <source>Copy restored</source>
        <translation>Copie restaurée</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/file_actions.py" line="183"/>
        <source>Every list has been reloaded. The undo history was cleared: the records it referred to have changed.</source>
        <translation>Toutes les listes ont été rechargées. L&apos;historique d&apos;annulation a été vidé : les fiches auxquelles il se rapportait ont changé.</translation>
    </message>
</context>
<context>
    <name>FundingChart</name>
    <message>
        <location filename="../../ui/pages/dashboard_chart.py" line="54"/>
        <source>Funding per year</source>
        <translation>Financements par année</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_chart.py" line="76"/>
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_chart.py" line="106"/>
        <source>Click a bar to list the programmes funded then</source>
        <translation>Cliquez sur une barre pour lister les programmes financés cette année-là</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../ui/shell/global_search.py" line="228"/>
        <source>Search everything (Ctrl+K)</source>
        <translation>Rechercher partout (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="229"/>
        <source>Search in all records</source>
        <translation>Rechercher dans toutes les fiches</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="231"/>
        <source>Names, titles, e-mails, phone numbers… Prefixes: contact:, programme:, pays:</source>
        <translation>Noms, titres, courriels, numéros de téléphone… Préfixes : contact:, programme:, pays:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="267"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/shell/help.py" line="58"/>
        <location filename="../../ui/shell/help.py" line="63"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="91"/>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="84"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="80"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="85"/>
        <source>Next / previous field; leaves every list and table</source>
        <translation>Champ suivant / précédent ; sort de chaque liste et de chaque tableau</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="87"/>
        <source>Down or Enter</source>
        <translation>Bas ou Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="87"/>
        <source>In a search field: into the list</source>
        <translation>Dans un champ de recherche : aller dans la liste</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="88"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="88"/>
        <source>On a line of the list: into the record&apos;s page</source>
        <translation>Sur une ligne de la liste : aller dans la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="89"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="89"/>
        <source>In a list: back to its search field</source>
        <translation>Dans une liste : revenir à son champ de recherche</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="92"/>
        <source>Only when a list or a page has focus, never from the sidebar</source>
        <translation>Seulement quand une liste ou une fiche a le focus, jamais depuis la barre latérale</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="96"/>
        <source>Choose a section on the left. Type in the search field to filter the list: accents and case do not matter (“bejaia” finds Béjaïa). Select a line to read and edit the record on the right; fields in error are shown in red with the reason.</source>
        <translation>Choisissez une rubrique à gauche. Tapez dans le champ de recherche pour filtrer la liste : les accents et les majuscules ne comptent pas (« bejaia » trouve Béjaïa). Sélectionnez une ligne pour lire et modifier la fiche à droite ; les champs en erreur s&apos;affichent en rouge avec la raison.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="101"/>
        <source>Double-click a programme, contact or partner on a page to open it; Back returns.</source>
        <translation>Double-cliquez sur un programme, un contact ou un partenaire d&apos;une fiche pour l&apos;ouvrir ; « Précédent » revient en arrière.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="103"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="104"/>
        <source>Moving with the keyboard</source>
        <translation>Se déplacer au clavier</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="60"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="66"/>
        <source>Put this value back</source>
        <translation>Remettre cette valeur</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="69"/>
        <source>The selected field takes again the value it had before this change.</source>
        <translation>Le champ choisi reprend la valeur qu&apos;il avait avant cette modification.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="71"/>
        <source>Put the record back as before this change</source>
        <translation>Remettre la fiche comme avant cette modification</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="102"/>
        <source>Not saved yet.</source>
        <translation>Pas encore enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="109"/>
        <source>No change recorded yet.</source>
        <translation>Aucune modification enregistrée pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="173"/>
        <source>Created by %1, %2</source>
        <translation>Créé par %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="179"/>
        <source>last changed by %1, %2</source>
        <translation>modifié en dernier par %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="184"/>
        <source>Created before the history was kept.</source>
        <translation>Créé avant que l&apos;historique ne soit tenu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panel.py" line="221"/>
        <source>Cannot put back</source>
        <translation>Impossible de remettre la valeur</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../ui/exchange/importing.py" line="67"/>
        <location filename="../../ui/exchange/importing.py" line="88"/>
        <location filename="../../ui/exchange/importing.py" line="106"/>
        <location filename="../../ui/exchange/importing.py" line="156"/>
        <location filename="../../ui/exchange/importing.py" line="175"/>
        <source>Import</source>
        <extracomment>Above this size a JSON export is previewed and imported off the GUI thread.</extracomment>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="71"/>
        <source>The database as it was before this import was copied: File › Restore a copy… puts it back.</source>
        <translation>La base telle qu&apos;elle était avant cet import a été copiée : Fichier › Restaurer… la remet.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="74"/>
        <source>The undo history was cleared: the import is undone by restoring that copy.</source>
        <translation>L&apos;historique des annulations a été vidé : pour défaire l&apos;import, restaurez cette copie.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="82"/>
        <source>Contacts: CSV or Excel (*.csv *.tsv *.xlsx)</source>
        <translation>Contacts : CSV ou Excel (*.csv *.tsv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="83"/>
        <source>Full Relations export (*.json)</source>
        <translation>Export complet de Relations (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="84"/>
        <source>Atlas record saved as text (*.txt)</source>
        <translation>Fiche de l&apos;Atlas enregistrée en texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="85"/>
        <source>Contacts as text table (*.txt)</source>
        <translation>Contacts en tableau texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="108"/>
        <source>Relations imports contacts (.csv, .xlsx), a full export (.json) or an Atlas record (.txt), not “%1”.</source>
        <translation>Relations importe des contacts (.csv, .xlsx), un export complet (.json) ou une fiche de l&apos;Atlas (.txt), pas « %1 ».</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="143"/>
        <source>Import a full export</source>
        <translation>Importer un export complet</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="144"/>
        <source>Import %1?</source>
        <translation>Importer %1 ?</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="149"/>
        <source>Records are merged by identifier: existing ones are replaced by the file&apos;s version. Everything is written at once, or nothing.</source>
        <translation>Les fiches sont fusionnées par identifiant : celles qui existent sont remplacées par la version du fichier. Tout est écrit d&apos;un coup, ou rien.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="161"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/importing.py" line="167"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
</context>
<context>
    <name>LinkTexts</name>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="31"/>
        <source>%n function(s)</source>
        <translation>
            <numerusform>%n fonction</numerusform>
            <numerusform>%n fonctions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="35"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="36"/>
        <source>%n key figure(s)</source>
        <translation>
            <numerusform>%n chiffre clé</numerusform>
            <numerusform>%n chiffres clés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="33"/>
        <source>%n function(s) held by people</source>
        <translation>
            <numerusform>%n fonction occupée par une personne</numerusform>
            <numerusform>%n fonctions occupées par des personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="37"/>
        <source>%n funding line(s)</source>
        <translation>
            <numerusform>%n ligne de financement</numerusform>
            <numerusform>%n lignes de financement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="38"/>
        <source>%n agenda item(s)</source>
        <translation>
            <numerusform>%n point du programme</numerusform>
            <numerusform>%n points du programme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocatorMap</name>
    <message>
        <location filename="../../ui/pages/locator_view.py" line="73"/>
        <source>Map: %1 and %2</source>
        <translation>Carte : %1 et %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="64"/>
        <source>Sections</source>
        <extracomment>&quot;--db&quot; or &quot;RELATIONS_DB&quot; when one of them chose the database (not the preferences) opens the window again on another database (set by the application&apos;s session)</extracomment>
        <translation>Rubriques</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="75"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="336"/>
        <source>&amp;Fact sheet (PDF)…</source>
        <translation>&amp;Fiche PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="703"/>
        <source>Relations will open %1 at its next start.</source>
        <translation>Relations ouvrira %1 à son prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="705"/>
        <source>(When started without %1, which chose this one.)</source>
        <translation>(Quand il démarrera sans %1, qui a choisi celle-ci.)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="708"/>
        <location filename="../../ui/shell/main_window.py" line="715"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="716"/>
        <source>Open %1 now? Otherwise Relations opens it at its next start.</source>
        <translation>Ouvrir %1 maintenant ? Sinon Relations l&apos;ouvrira à son prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="723"/>
        <source>Open &amp;now</source>
        <translation>Ouvrir &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="724"/>
        <source>At the &amp;next start</source>
        <translation>Au &amp;prochain démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="803"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="315"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="82"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="318"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="321"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="328"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="331"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="341"/>
        <source>Open the partner&apos;s fact sheet</source>
        <translation>Ouvrir la fiche ville du partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="343"/>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="346"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="350"/>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="354"/>
        <source>&amp;Pin this record</source>
        <translation>Épingler cette &amp;fiche</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="363"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="366"/>
        <location filename="../../ui/shell/main_window.py" line="427"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="369"/>
        <source>&amp;About Relations</source>
        <translation>À &amp;propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="372"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="388"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="398"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="403"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="407"/>
        <source>&amp;Recent</source>
        <translation>&amp;Récents</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="413"/>
        <source>No record opened yet</source>
        <translation>Aucune fiche ouverte pour l’instant</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="417"/>
        <source>P&amp;inned</source>
        <translation>Épin&amp;glés</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="421"/>
        <source>No pinned record</source>
        <translation>Aucune fiche épinglée</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="438"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="499"/>
        <source>Read only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="506"/>
        <source>Login: %1 (%2)</source>
        <translation>Compte : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="548"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="556"/>
        <source>Your last save had reached the server.</source>
        <translation>Votre dernier enregistrement avait bien atteint le serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="559"/>
        <source>Saved once the server answered again.</source>
        <translation>Enregistré dès que le serveur a répondu de nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="599"/>
        <source>Fact sheet</source>
        <translation>Fiche ville</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="599"/>
        <source>Select a partner first.</source>
        <translation>Sélectionnez d&apos;abord un partenaire.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="671"/>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="678"/>
        <source>About Relations</source>
        <translation>À propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="679"/>
        <source>Relations %1
The international relations office&apos;s records.
Database: %2</source>
        <translation>Relations %1
Les dossiers du service des relations internationales.
Base de données : %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/apd_dialog.py" line="283"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="72"/>
        <location filename="../../ui/pages/merge_dialog.py" line="110"/>
        <location filename="../../ui/pages/merge_dialog.py" line="207"/>
        <location filename="../../ui/pages/merge_dialog.py" line="235"/>
        <source>Merge two records</source>
        <translation>Fusionner deux enregistrements</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="86"/>
        <source>&amp;Swap: keep the other one</source>
        <translation>&amp;Échanger : garder l&apos;autre</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="90"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="117"/>
        <source>%1: “%2” is kept, “%3” is merged into it and goes to the trash. For each field that differs, choose the value to keep.</source>
        <translation>%1 : « %2 » est conservé, « %3 » y est fusionné et va à la corbeille. Pour chaque champ qui diffère, choisissez la valeur à garder.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="131"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="132"/>
        <source>Kept: %1</source>
        <translation>Conservé : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="133"/>
        <source>Merged: %1</source>
        <translation>Fusionné : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="142"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="142"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="142"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="167"/>
        <source>The two records hold the same values.</source>
        <translation>Les deux enregistrements ont les mêmes valeurs.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="173"/>
        <source>Will be attached to the kept record: %1.</source>
        <translation>Seront rattachés à la fiche conservée : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="175"/>
        <source>Nothing else is attached to the merged record.</source>
        <translation>Rien d&apos;autre n&apos;est rattaché à l&apos;enregistrement fusionné.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="210"/>
        <source>Merge “%1” into “%2”? “%1” goes to the trash and everything attached to it moves to “%2”. Edit › Undo takes the merge back.</source>
        <translation>Fusionner « %1 » dans « %2 » ? « %1 » va à la corbeille et tout ce qui lui est rattaché passe à « %2 ». Édition › Annuler défait la fusion.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/merge_dialog.py" line="217"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>NoResults</name>
    <message>
        <location filename="../../ui/lists/no_results.py" line="58"/>
        <source>No results for “%1”</source>
        <translation>Aucun résultat pour « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/lists/no_results.py" line="60"/>
        <source>No record matches the filters.</source>
        <translation>Aucune fiche ne correspond aux filtres.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/no_results.py" line="62"/>
        <source>This list is empty.</source>
        <translation>Cette liste est vide.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/no_results.py" line="66"/>
        <source>Ctrl+N creates a new record here.</source>
        <translation>Ctrl+N crée ici une nouvelle fiche.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/no_results.py" line="75"/>
        <source>%1 matches</source>
        <translation>%1 correspond</translation>
    </message>
    <message>
        <location filename="../../ui/lists/no_results.py" line="75"/>
        <source>%1 match</source>
        <comment>several</comment>
        <translation>%1 correspondent</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="289"/>
        <source>Generating the fact sheet…</source>
        <translation>Création de la fiche ville…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="288"/>
        <source>Fact sheet</source>
        <translation>Fiche ville</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="290"/>
        <source>Fact sheet: %1</source>
        <translation>Fiche ville : %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="53"/>
        <source>PDF preview</source>
        <translation>Aperçu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="67"/>
        <source>Document preview</source>
        <translation>Aperçu du document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="79"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="80"/>
        <source>Save the PDF to a file</source>
        <translation>Enregistrer le PDF dans un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="85"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="86"/>
        <source>Print the document</source>
        <translation>Imprimer le document</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="91"/>
        <location filename="../../ui/documents/pdf_preview.py" line="200"/>
        <location filename="../../ui/documents/pdf_preview.py" line="209"/>
        <source>Open in PDF reader</source>
        <translation>Ouvrir dans le lecteur PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="92"/>
        <source>Open the document in the system&apos;s PDF reader</source>
        <translation>Ouvrir le document dans le lecteur PDF du système</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="108"/>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/pdf_preview.py" line="124"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="133"/>
        <source>Save the PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="135"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="146"/>
        <location filename="../../ui/documents/pdf_preview.py" line="202"/>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="146"/>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_preview.py" line="207"/>
        <source>No PDF reader could be started. The file is here: %1</source>
        <translation>Aucun lecteur PDF n&apos;a pu être lancé. Le fichier se trouve ici : %1</translation>
    </message>
</context>
<context>
    <name>PersonalDataPanel</name>
    <message>
        <location filename="../../ui/pages/person_data.py" line="160"/>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="163"/>
        <source>Personal data:</source>
        <translation>Données personnelles :</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="165"/>
        <source>At the person&apos;s request: everything held about them, or erase them.</source>
        <translation>À la demande de la personne : tout ce qui est conservé sur elle, ou son effacement.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="168"/>
        <source>E&amp;xport their data…</source>
        <translation>E&amp;xporter ses données…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="170"/>
        <source>Everything held about the person, as a JSON file</source>
        <translation>Tout ce qui est conservé sur la personne, dans un fichier JSON</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="171"/>
        <source>Erase the &amp;person…</source>
        <translation>&amp;Effacer la personne…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="174"/>
        <source>Erase the person and their links for good (not undoable)</source>
        <translation>Effacer définitivement la personne et ses liens (impossible à annuler)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="197"/>
        <location filename="../../ui/pages/person_data.py" line="209"/>
        <source>Export the person&apos;s data</source>
        <translation>Exporter les données de la personne</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="199"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="212"/>
        <source>Data exported to %1</source>
        <translation>Données exportées dans %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="227"/>
        <source>Erase the person</source>
        <translation>Effacer la personne</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="234"/>
        <source>Person erased</source>
        <translation>Personne effacée</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_data.py" line="241"/>
        <source>The undo history was cleared: it held copies of the person&apos;s data.</source>
        <translation>L&apos;historique d&apos;annulation a été vidé : il contenait des copies des données de la personne.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="34"/>
        <source>Choose a photo…</source>
        <translation>Choisir une photo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="36"/>
        <source>Remove the photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="61"/>
        <source>No photo</source>
        <translation>Pas de photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="70"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="76"/>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/photo_field.py" line="76"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>PluralTexts</name>
    <message numerus="yes">
        <location filename="../../ui/pages/partner_profile.py" line="137"/>
        <source>%n programme(s) past their end date</source>
        <translation>
            <numerusform>%n programme dont la date de fin est passée</numerusform>
            <numerusform>%n programmes dont la date de fin est passée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/partner_profile.py" line="140"/>
        <source>… and %n more: see all on the post&apos;s page</source>
        <translation>
            <numerusform>… et %n autre : voir tout sur la page du poste</numerusform>
            <numerusform>… et %n autres : voir tout sur la page du poste</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/preferences.py" line="27"/>
        <location filename="../../ui/shell/preferences.py" line="82"/>
        <location filename="../../ui/shell/preferences.py" line="89"/>
        <source>Preferences</source>
        <extracomment>the database chosen on that tab when it changed (the window may reopen on it)</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="36"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="42"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="44"/>
        <source>A new language applies when Relations is started again.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de Relations.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="57"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="58"/>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="59"/>
        <source>Data&amp;base</source>
        <translation>&amp;Base de données</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="54"/>
        <location filename="../../ui/safety/backup_dialogs.py" line="171"/>
        <location filename="../../ui/safety/backup_dialogs.py" line="204"/>
        <location filename="../../ui/safety/backup_dialogs.py" line="213"/>
        <source>Restore a copy</source>
        <extracomment>Record counts shown as columns, in this order (collection keys of backups.COUNTED).</extracomment>
        <translation>Restaurer une copie</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="59"/>
        <source>Choose the copy to put back. The whole content of the database is replaced by it, at once; the current state is first kept as a copy, so a restore can itself be undone by restoring that copy.</source>
        <translation>Choisissez la copie à remettre en place. Tout le contenu de la base est remplacé d&apos;un coup ; l&apos;état actuel est d&apos;abord conservé en copie, si bien qu&apos;une restauration peut elle-même être annulée en restaurant cette copie.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="69"/>
        <source>Copies of the database</source>
        <translation>Copies de la base</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="71"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="71"/>
        <source>Made</source>
        <translation>Faite</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="71"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="88"/>
        <source>No copy yet in %1.</source>
        <translation>Pas encore de copie dans %1.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="95"/>
        <source>&amp;Other file…</source>
        <translation>&amp;Autre fichier…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="98"/>
        <source>Restore a copy saved elsewhere (File › Save a copy…)</source>
        <translation>Restaurer une copie enregistrée ailleurs (Fichier › Sauvegarder une copie…)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="100"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="121"/>
        <source>at start</source>
        <translation>au démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="122"/>
        <source>while working</source>
        <translation>en cours de travail</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="123"/>
        <source>at exit</source>
        <translation>à la fermeture</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="124"/>
        <source>on request</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="125"/>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="126"/>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="173"/>
        <source>Replace the whole database by the copy of %1?</source>
        <translation>Remplacer toute la base par la copie du %1 ?</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="180"/>
        <source>It holds: %1.
The damaged file is first kept in the backups folder.</source>
        <translation>Elle contient : %1.
Le fichier endommagé est d&apos;abord conservé dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="186"/>
        <source>It holds: %1.
Everything changed since is replaced. The current state is first kept as a copy; the undo history is cleared.</source>
        <translation>Elle contient : %1.
Tout ce qui a changé depuis est remplacé. L&apos;état actuel est d&apos;abord conservé en copie ; l&apos;historique d&apos;annulation est vidé.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="191"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backup_dialogs.py" line="206"/>
        <source>Relations databases (*.db);;All files (*)</source>
        <translation>Bases Relations (*.db);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ResultsList</name>
    <message>
        <location filename="../../ui/shell/global_search.py" line="135"/>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="168"/>
        <source>see all (%1)</source>
        <translation>tout voir (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="172"/>
        <source>Nothing found</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="47"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="47"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="47"/>
        <source>Deleted on</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="47"/>
        <source>Kept with it</source>
        <translation>Conservé avec</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="55"/>
        <source>Attached document</source>
        <translation>Document joint</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="114"/>
        <location filename="../../ui/safety/trash_page.py" line="128"/>
        <location filename="../../ui/safety/trash_page.py" line="215"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="119"/>
        <source>Deleted partners, programmes, organisations, contacts and delegations wait here with their links until you restore them or delete them for good.</source>
        <translation>Les partenaires, programmes, organisations, contacts et délégations supprimés attendent ici avec leurs liens, jusqu&apos;à ce que vous les rétablissiez ou les supprimiez définitivement.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="140"/>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="146"/>
        <source>&amp;Restore</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="148"/>
        <source>Put the record back with its links (Enter)</source>
        <translation>Remettre la fiche en place avec ses liens (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="149"/>
        <source>&amp;Delete permanently…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="151"/>
        <source>Delete the selected item for good (Del)</source>
        <translation>Supprimer définitivement l&apos;élément sélectionné (Suppr)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="152"/>
        <source>&amp;Empty the trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/safety/trash_page.py" line="189"/>
        <source>%n item(s) in the trash</source>
        <translation>
            <numerusform>%n élément dans la corbeille</numerusform>
            <numerusform>%n éléments dans la corbeille</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="240"/>
        <source>Cannot restore</source>
        <translation>Impossible de rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="253"/>
        <source>Delete “%1” for good?</source>
        <translation>Supprimer définitivement « %1 » ?</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="254"/>
        <source>It cannot be restored afterwards.</source>
        <translation>Il ne pourra plus être rétabli.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="255"/>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="261"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/safety/trash_page.py" line="272"/>
        <source>Delete the %n item(s) in the trash for good?</source>
        <translation>
            <numerusform>Supprimer définitivement %n élément de la corbeille ?</numerusform>
            <numerusform>Supprimer définitivement les %n éléments de la corbeille ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="273"/>
        <source>They cannot be restored afterwards.</source>
        <translation>Ils ne pourront plus être rétablis.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="274"/>
        <source>Empty the trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/safety/trash_page.py" line="280"/>
        <source>Cannot empty the trash</source>
        <translation>Impossible de vider la corbeille</translation>
    </message>
</context>
<context>
    <name>WorkList</name>
    <message>
        <location filename="../../ui/pages/dashboard_lists.py" line="106"/>
        <source>see all (%1)</source>
        <extracomment>opened in place by its &quot;see all&quot; (taller), not sized by the column</extracomment>
        <translation>tout voir (%1)</translation>
    </message>
</context>
<context>
    <name>WorldMap</name>
    <message>
        <location filename="../../ui/pages/world_map.py" line="125"/>
        <source>Map of the partners</source>
        <translation>Carte des partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/pages/world_map.py" line="129"/>
        <source>Wheel: zoom; drag: move; double click: the whole world</source>
        <translation>Molette : zoomer ; glisser : déplacer ; double-clic : le monde entier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/world_map.py" line="362"/>
        <source>%1 partners: </source>
        <translation>%1 partenaires : </translation>
    </message>
</context>
<context>
    <name>busy</name>
    <message>
        <location filename="../../ui/kit/busy.py" line="130"/>
        <source>Cancel</source>
        <extracomment>Below this size a file is read, previewed and imported on the GUI thread.</extracomment>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../ui/kit/undo.py" line="192"/>
        <source>“%1” can no longer be undone or redone: the record is no longer in the trash, it was deleted permanently.</source>
        <extracomment>False while :attr:`changed` tells of an edit that added or removed no row whether doing or undoing the step adds or removes rows (the sidebar&apos;s counts)</extracomment>
        <translation>« %1 » ne peut plus être annulé ni rétabli : l&apos;élément n&apos;est plus dans la corbeille, il a été supprimé définitivement.</translation>
    </message>
    <message>
        <location filename="../../ui/kit/undo.py" line="221"/>
        <source>Create “%1”</source>
        <translation>Création de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/kit/undo.py" line="250"/>
        <source>Edit “%1”</source>
        <translation>Modification de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/kit/undo.py" line="277"/>
        <location filename="../../ui/kit/undo.py" line="302"/>
        <source>Delete “%1”</source>
        <translation>Suppression de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/kit/undo.py" line="321"/>
        <source>Restore “%1”</source>
        <translation>Rétablissement de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/kit/undo.py" line="343"/>
        <source>Merge “%1” into “%2”</source>
        <translation>Fusionner « %1 » dans « %2 »</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/kit/crash.py" line="44"/>
        <source>An unexpected error occurred: %1</source>
        <translation>Une erreur inattendue s&apos;est produite : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kit/crash.py" line="55"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../ui/kit/crash.py" line="65"/>
        <source>The application keeps running; you may need to redo your last action. The details are written to the log: %1</source>
        <translation>L&apos;application continue de fonctionner ; il faudra peut-être refaire votre dernière action. Les détails sont enregistrés dans le journal : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kit/crash.py" line="80"/>
        <source>Copy the details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location filename="../../ui/kit/crash.py" line="96"/>
        <source>Details copied</source>
        <translation>Détails copiés</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../ui/pages/editor.py" line="172"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="179"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="181"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="74"/>
        <source>Double-click to open</source>
        <extracomment>The section around the list (set by :meth:`RecordEditor.add_related`).</extracomment>
        <translation>Double-cliquer pour ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="168"/>
        <source>Documents</source>
        <extracomment>(group title, field names) — the area&apos;s fields shown as forms, in order. the names of the records the page refers to (:meth:`_read_labels`) buttons that write outside the sections&apos; forms (events, history, duplicate…): hidden for a login that may only read (:meth:`set_read_only`)</extracomment>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="182"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="184"/>
        <source>Cancel the edit (Esc)</source>
        <translation>Annuler la modification (Échap)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="390"/>
        <source>New record: not saved yet</source>
        <translation>Nouvelle fiche : pas encore enregistrée</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="392"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="395"/>
        <source>Editing: Ctrl+S saves, Esc cancels</source>
        <translation>Modification : Ctrl+S enregistre, Échap annule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="399"/>
        <source>Read only: your login cannot change records</source>
        <translation>Lecture seule : votre compte ne peut pas modifier les fiches</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="403"/>
        <source>Edit a section with its button, F2 or a double-click</source>
        <translation>Modifier une partie : son bouton, F2 ou un double-clic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="412"/>
        <source>New record</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="575"/>
        <source>Please correct the fields marked in red before saving.</source>
        <translation>Veuillez corriger les champs signalés en rouge avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="581"/>
        <source>To correct: %1.</source>
        <translation>À corriger : %1.</translation>
    </message>
</context>
<context>
    <name>editors</name>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="74"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="90"/>
        <source>Figures and place</source>
        <translation>Chiffres et localisation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="57"/>
        <location filename="../../ui/pages/partner_editor.py" line="103"/>
        <location filename="../../ui/pages/programme_editor.py" line="124"/>
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="50"/>
        <source>Other spellings, one per line</source>
        <translation>Autres graphies, une par ligne</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="57"/>
        <source>Themes, separated by commas</source>
        <translation>Thèmes, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="60"/>
        <source>e.g. mer, culture, éducation</source>
        <translation>par ex. mer, culture, éducation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="62"/>
        <source>Other spellings</source>
        <translation>Autres graphies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="63"/>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="129"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="37"/>
        <location filename="../../ui/pages/directory_editors.py" line="90"/>
        <location filename="../../ui/pages/partner_editor.py" line="133"/>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="159"/>
        <source>Add an event…</source>
        <translation>Ajouter un événement…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="161"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="162"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="147"/>
        <location filename="../../ui/pages/programme_editor.py" line="162"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="124"/>
        <source>Presentation and history</source>
        <translation>Présentation et histoire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="150"/>
        <source>French diplomatic post</source>
        <translation>Poste diplomatique français</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="153"/>
        <source>Honorary consulate in Brest</source>
        <translation>Consulat honoraire à Brest</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="156"/>
        <source>Timeline (newest first)</source>
        <translation>Chronologie (la plus récente d&apos;abord)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="217"/>
        <source>None recorded</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="221"/>
        <source>None recorded for this country</source>
        <translation>Aucun enregistré pour ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="224"/>
        <source>Honorary consulate in %1</source>
        <translation>Consulat honoraire à %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="230"/>
        <source>None in Brest for this country</source>
        <translation>Aucun à Brest pour ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="37"/>
        <source>Theme</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="38"/>
        <source>Sub-theme</source>
        <translation>Sous-thématique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="39"/>
        <source>Sub-sub-theme</source>
        <translation>Sous-sous-thématique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/funding_view.py" line="28"/>
        <location filename="../../ui/pages/partner_editor.py" line="144"/>
        <location filename="../../ui/pages/programme_editor.py" line="178"/>
        <source>Funding by funder and year</source>
        <translation>Financements par financeur et par année</translation>
    </message>
    <message>
        <location filename="../../ui/pages/funding_view.py" line="46"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="116"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="120"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="137"/>
        <location filename="../../ui/pages/programme_editor.py" line="196"/>
        <source>APD declaration</source>
        <translation>Déclaration APD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="150"/>
        <source>Themes (Atlas taxonomy)</source>
        <translation>Thématiques (classement de l&apos;Atlas)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="272"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="156"/>
        <source>Organisations involved</source>
        <translation>Organisations impliquées</translation>
    </message>
    <message>
        <location filename="../../ui/pages/programme_editor.py" line="173"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="27"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="35"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="65"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="69"/>
        <source>For briefings</source>
        <translation>Pour les dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="78"/>
        <source>Photo (for briefings)</source>
        <translation>Photo (pour les dossiers)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="80"/>
        <source>Functions over time (current ones have no end)</source>
        <translation>Fonctions (en cours : sans date de fin)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="118"/>
        <source>Diplomatic post</source>
        <translation>Poste diplomatique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="126"/>
        <source>Cooperation contacts</source>
        <translation>Contacts pour la coopération</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="129"/>
        <source>Partners of this country</source>
        <translation>Partenaires de ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="142"/>
        <source>until %1</source>
        <translation>jusqu&apos;en %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_editors.py" line="161"/>
        <source>Honorary consulate</source>
        <translation>Consulat honoraire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="53"/>
        <source>Delegation</source>
        <translation>Délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="61"/>
        <source>Briefing</source>
        <translation>Dossier de délégation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="65"/>
        <source>Travel and stay</source>
        <translation>Trajets et séjour</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="69"/>
        <source>Document control</source>
        <translation>Suivi du document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="81"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="86"/>
        <source>Agenda</source>
        <translation>Programme de la visite</translation>
    </message>
    <message>
        <location filename="../../ui/pages/delegation_editor.py" line="95"/>
        <source>No agenda item yet</source>
        <translation>Aucun point au programme pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="278"/>
        <source>Edit the event</source>
        <extracomment>An event&apos;s programme, chosen among the programmes (the service keeps the link).</extracomment>
        <translation>Modifier l&apos;événement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_editor.py" line="280"/>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor_texts.py" line="65"/>
        <location filename="../../ui/pages/programme_editor.py" line="211"/>
        <source>end date passed</source>
        <extracomment>Badge colours by kind: (text, background).</extracomment>
        <translation>date de fin passée</translation>
    </message>
    <message>
        <location filename="../../ui/pages/apd_section.py" line="70"/>
        <source>DAC sector (purpose code)</source>
        <translation>Secteur CAD (code-objet)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/apd_section.py" line="81"/>
        <source>Type a code or words of the sector…</source>
        <translation>Tapez un code ou des mots du secteur…</translation>
    </message>
</context>
<context>
    <name>faults</name>
    <message>
        <location filename="../../ui/kit/faults.py" line="57"/>
        <source>Unexpected error: %1</source>
        <extracomment>The window&apos;s watch on a server connection (:class:`ui.safety.connection_watch.ConnectionWatch`): given an error, True when it is the connection lost, which the watch&apos;s banner then shows instead of a dialog. None on a local file.</extracomment>
        <translation>Erreur inattendue : %1</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <location filename="../../ui/kit/form.py" line="119"/>
        <source>Not stated</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../ui/kit/form.py" line="120"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../ui/kit/form.py" line="121"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/kit/labels.py" line="33"/>
        <source>Not stated</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="36"/>
        <source>Twin city</source>
        <translation>Ville jumelle</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="37"/>
        <source>Friendship city</source>
        <translation>Ville amie</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="38"/>
        <source>Decentralised cooperation</source>
        <translation>Coopération décentralisée</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="39"/>
        <source>Youth exchange</source>
        <translation>Échange de jeunes</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="40"/>
        <source>School exchange</source>
        <translation>Échange scolaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="41"/>
        <source>Staff exchange</source>
        <translation>Échange d&apos;agents</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="42"/>
        <source>Cultural project</source>
        <translation>Projet culturel</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="43"/>
        <source>Education project</source>
        <translation>Projet éducatif</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="44"/>
        <source>Cooperation project</source>
        <translation>Projet de coopération</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="45"/>
        <source>Economic project</source>
        <translation>Projet économique</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="46"/>
        <source>Local authority</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="47"/>
        <source>Technopole</source>
        <translation>Technopole</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="48"/>
        <source>University</source>
        <translation>Université</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="49"/>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="50"/>
        <source>Ministry, government</source>
        <translation>Ministère, gouvernement</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="51"/>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="52"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="53"/>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="54"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="55"/>
        <source>Cluster</source>
        <translation>Pôle, cluster</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="56"/>
        <source>School</source>
        <translation>Établissement scolaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="57"/>
        <source>Visit, mission</source>
        <translation>Visite, mission</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="58"/>
        <source>Conference, forum</source>
        <translation>Conférence, forum</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="59"/>
        <source>Anniversary</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="60"/>
        <source>Exhibition, festival</source>
        <translation>Exposition, festival</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="61"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="62"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="63"/>
        <source>Elections</source>
        <translation>Élections</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="64"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="67"/>
        <location filename="../../ui/kit/labels.py" line="118"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="68"/>
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="69"/>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="70"/>
        <source>In preparation</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="71"/>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="72"/>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="73"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="76"/>
        <source>City of Brest</source>
        <translation>Ville de Brest</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="77"/>
        <source>Brest métropole</source>
        <translation>Brest métropole</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="80"/>
        <source>Twinning charter</source>
        <translation>Charte de jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="81"/>
        <source>Twinning</source>
        <translation>Jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="82"/>
        <source>Friendship protocol</source>
        <translation>Protocole d&apos;amitié</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="83"/>
        <source>Memorandum of understanding</source>
        <translation>Protocole d&apos;accord</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="84"/>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="85"/>
        <source>Partnership</source>
        <translation>Partenariat</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="86"/>
        <source>Cooperation agreement</source>
        <translation>Accord de coopération</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="89"/>
        <source>Incoming (visit to Brest)</source>
        <translation>Accueil à Brest</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="90"/>
        <source>Outgoing (mission abroad)</source>
        <translation>Mission à l&apos;étranger</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="93"/>
        <source>Project owner</source>
        <translation>Maître d&apos;ouvrage</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="94"/>
        <source>Foreign partner</source>
        <translation>Partenaire étranger</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="95"/>
        <source>Local partner</source>
        <translation>Partenaire local</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="96"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="97"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="100"/>
        <source>Brest side</source>
        <translation>Côté Brest</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="101"/>
        <source>Partner side</source>
        <translation>Côté partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="105"/>
        <source>The authority&apos;s own action</source>
        <translation>Action directe de la collectivité</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="106"/>
        <source>Authority or administration of the partner country</source>
        <translation>Collectivité ou administration du pays partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="109"/>
        <source>French NGO or association</source>
        <translation>ONG ou association française</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="110"/>
        <source>NGO or association of the partner country</source>
        <translation>ONG ou association du pays partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="111"/>
        <source>International NGO</source>
        <translation>ONG internationale</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="112"/>
        <source>Multilateral organisation</source>
        <translation>Organisation multilatérale</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="113"/>
        <source>University or research institute</source>
        <translation>Université ou institut de recherche</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="114"/>
        <source>Private sector</source>
        <translation>Secteur privé</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="115"/>
        <source>Other channel</source>
        <translation>Autre canal</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="119"/>
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="123"/>
        <source>0 – not targeted</source>
        <translation>0 – non ciblé</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="124"/>
        <source>1 – significant objective</source>
        <translation>1 – objectif significatif</translation>
    </message>
    <message>
        <location filename="../../ui/kit/labels.py" line="125"/>
        <source>2 – principal objective</source>
        <translation>2 – objectif principal</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="436"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="160"/>
        <source>Add a line to %1</source>
        <translation>Ajouter une ligne : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="151"/>
        <location filename="../../ui/pages/list_editors.py" line="421"/>
        <source>None recorded</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="157"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="162"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="165"/>
        <location filename="../../ui/pages/list_editors.py" line="438"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="168"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="170"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="277"/>
        <source>Edit: %1</source>
        <translation>Modifier : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="279"/>
        <source>Add: %1</source>
        <translation>Ajouter : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="492"/>
        <source>Double-click to open</source>
        <translation>Double-cliquer pour ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="373"/>
        <source>line %1, %2: %3</source>
        <translation>ligne %1, %2 : %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_editors.py" line="434"/>
        <source>Choose an entry to add to %1</source>
        <translation>Choisir un élément à ajouter : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sub_record_dialog.py" line="73"/>
        <source>This line cannot be kept: %1</source>
        <translation>Cette ligne ne peut pas être gardée : %1</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <location filename="../../ui/shell/live.py" line="255"/>
        <source>Changed elsewhere</source>
        <translation>Modifié ailleurs</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="27"/>
        <source>Moved to the trash by %1 at %2</source>
        <translation>Mis à la corbeille par %1 à %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="29"/>
        <source>Deleted by %1 at %2</source>
        <translation>Supprimé par %1 à %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="31"/>
        <source>Modified by %1 at %2</source>
        <translation>Modifié par %1 à %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="59"/>
        <source>Reload their version</source>
        <translation>Recharger leur version</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="65"/>
        <source>Keep mine, see what changed…</source>
        <translation>Garder la mienne, voir ce qui a changé…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="71"/>
        <source>Discard my edits</source>
        <translation>Abandonner mes modifications</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="88"/>
        <source>— your edits can no longer be saved to it.</source>
        <translation>— vos modifications ne peuvent plus y être enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_banner.py" line="92"/>
        <source>— your edits are kept until you choose.</source>
        <translation>— vos modifications sont gardées jusqu’à votre choix.</translation>
    </message>
</context>
<context>
    <name>pickers</name>
    <message>
        <location filename="../../ui/kit/pickers.py" line="59"/>
        <source>Type to search…</source>
        <extracomment>the names a page read of the records it refers to: area -&gt; id -&gt; name (None: none such)</extracomment>
        <translation>Tapez pour rechercher…</translation>
    </message>
</context>
<context>
    <name>profile</name>
    <message>
        <location filename="../../ui/pages/page_section.py" line="68"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../ui/pages/page_section.py" line="70"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../ui/pages/page_section.py" line="199"/>
        <source>Nothing recorded</source>
        <translation>Rien d&apos;enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/pages/page_section.py" line="246"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/page_section.py" line="249"/>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/page_section.py" line="251"/>
        <source>Edit this section (F2)</source>
        <translation>Modifier cette partie (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="32"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="37"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="41"/>
        <source>%1 inhabitants</source>
        <translation>%1 habitants</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="50"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="55"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="65"/>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="67"/>
        <source>First signed</source>
        <translation>Première signature</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="74"/>
        <source>Relations since</source>
        <translation>Relations depuis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="81"/>
        <source>Signed by</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="89"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="104"/>
        <source>Distance from %1</source>
        <translation>Distance de %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="108"/>
        <source>%1 km as the crow flies</source>
        <translation>%1 km à vol d&apos;oiseau</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="127"/>
        <source>same time</source>
        <translation>même heure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="129"/>
        <source>Time difference</source>
        <translation>Décalage horaire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="146"/>
        <source>active link</source>
        <translation>lien actif</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="148"/>
        <source>inactive link</source>
        <translation>lien inactif</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="165"/>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="170"/>
        <source>Other spellings</source>
        <translation>Autres graphies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="200"/>
        <source>Of which “1% water” (Oudin law): %1</source>
        <translation>Dont « 1 % eau » (loi Oudin) : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="237"/>
        <source>Honorary consulate of %1</source>
        <translation>Consulat honoraire : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="243"/>
        <source>Consul</source>
        <translation>Consul</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="244"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="245"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/partner_profile.py" line="246"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>search</name>
    <message>
        <location filename="../../ui/shell/global_search.py" line="330"/>
        <source>Search everything</source>
        <translation>Rechercher partout</translation>
    </message>
</context>
<context>
    <name>section</name>
    <message>
        <location filename="../../ui/lists/section.py" line="69"/>
        <source>Search…</source>
        <extracomment>Search as you type: the list answers in a few tens of milliseconds even for a quarter- million contacts, so no fixed delay; a zero timer still merges the keystrokes that arrive while a search runs into one search. ... while the first row&apos;s page waits until typing pauses this long (a timer restarted by each keystroke, as Thunderbird or Apple Mail update their reading pane): rapid typing reads no page of the rows it passes over, and a keystroke costs the list&apos;s statements only. Down, Enter, a click or the focus into the page open it at once.</extracomment>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section.py" line="100"/>
        <source>Search in %1</source>
        <extracomment>a save cut by the server connection&apos;s loss (a ``connection.PendingSave``): the edit stays open, the window settles it once the server answers again</extracomment>
        <translation>Rechercher : %1</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section.py" line="112"/>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="23"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="25"/>
        <source>“%1” has unsaved changes.</source>
        <translation>« %1 » a des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="27"/>
        <source>Save them before leaving?</source>
        <translation>Les enregistrer avant de quitter la fiche ?</translation>
    </message>
    <message>
        <location filename="../../ui/kit/stale.py" line="22"/>
        <source>Changed elsewhere</source>
        <translation>Modifié ailleurs</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section.py" line="485"/>
        <source>Cannot save</source>
        <extracomment>the other sections, whose lists an empty search counts (set by the window)</extracomment>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <location filename="../../ui/kit/stale.py" line="25"/>
        <source>Reload the record to see the other change (your edits are then lost), or keep editing to copy what you typed before reloading.</source>
        <translation>Rechargez la fiche pour voir l&apos;autre modification (vos saisies sont alors perdues), ou continuez pour recopier ce que vous avez tapé avant de recharger.</translation>
    </message>
    <message>
        <location filename="../../ui/kit/stale.py" line="33"/>
        <source>Reload the record</source>
        <translation>Recharger la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/kit/stale.py" line="36"/>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="56"/>
        <location filename="../../ui/lists/prompts.py" line="83"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="59"/>
        <source>Move “%1” to the trash?</source>
        <translation>Mettre « %1 » à la corbeille ?</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="65"/>
        <source>It goes to the Trash with its links: restore it from there, or undo with Ctrl+Z.</source>
        <translation>La fiche part à la corbeille avec ses liens : rétablissez-la depuis la corbeille, ou annulez avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="72"/>
        <source>Delete “%1”?</source>
        <translation>Supprimer « %1 » ?</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="48"/>
        <source>Linked to it: %1.</source>
        <translation>Lié à cette fiche : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="77"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Ctrl+Z permet d&apos;annuler la suppression.</translation>
    </message>
    <message>
        <location filename="../../ui/lists/prompts.py" line="81"/>
        <source>Move to the trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section.py" line="541"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="101"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="111"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="106"/>
        <source>Kind of link</source>
        <translation>Type de lien</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="56"/>
        <source>Funded in %1</source>
        <translation>Financés en %1</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="58"/>
        <source>Ending within six months</source>
        <translation>Se terminent dans les six mois</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="61"/>
        <source>Still “ongoing” after their end date</source>
        <translation>Encore « en cours » après leur date de fin</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="116"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="118"/>
        <source>Active links</source>
        <translation>Liens actifs</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="119"/>
        <source>Inactive links</source>
        <translation>Liens inactifs</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="124"/>
        <location filename="../../ui/lists/section_specs.py" line="152"/>
        <source>Theme</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="128"/>
        <source>Search a partner (name, country, spelling)…</source>
        <translation>Rechercher un partenaire (nom, pays, graphie)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="134"/>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="139"/>
        <location filename="../../ui/lists/section_specs.py" line="233"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="147"/>
        <location filename="../../ui/lists/section_specs.py" line="177"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="157"/>
        <location filename="../../ui/lists/section_specs.py" line="182"/>
        <location filename="../../ui/lists/section_specs.py" line="202"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="162"/>
        <source>Deadline, funding</source>
        <translation>Échéance, financement</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="166"/>
        <source>Search a programme (title, theme)…</source>
        <translation>Rechercher un programme (titre, thème)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="172"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="186"/>
        <source>Search an organisation (name, acronym, city)…</source>
        <translation>Rechercher une organisation (nom, sigle, ville)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="192"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="197"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="206"/>
        <source>Search a person (name, e-mail, function)…</source>
        <translation>Rechercher une personne (nom, courriel, fonction)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="212"/>
        <source>Diplomatic posts</source>
        <translation>Postes diplomatiques</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="214"/>
        <source>Search a post (name, country)…</source>
        <translation>Rechercher un poste (nom, pays)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="220"/>
        <source>Consulates</source>
        <translation>Consulats</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="222"/>
        <source>Search a consulate (country, address)…</source>
        <translation>Rechercher un consulat (pays, adresse)…</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="228"/>
        <source>Delegations</source>
        <translation>Délégations</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="238"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../../ui/lists/section_specs.py" line="242"/>
        <source>Search a delegation (title, member)…</source>
        <translation>Rechercher une délégation (titre, membre)…</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../ui/safety/startup.py" line="224"/>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="45"/>
        <source>No start copy</source>
        <translation>Pas de copie au démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="46"/>
        <source>The safety copy made at start failed: %1
You can work, but make a copy (File › Save a copy…) as soon as possible.</source>
        <translation>La copie de sécurité du démarrage a échoué : %1
Vous pouvez travailler, mais faites une copie (Fichier › Sauvegarder une copie…) dès que possible.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="69"/>
        <source>Checking the database…</source>
        <extracomment>The whole-file check starts at the latest this long after the first paint.</extracomment>
        <translation>Vérification de la base…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="82"/>
        <source>Cannot check the database</source>
        <translation>Impossible de vérifier la base</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="192"/>
        <source>Database on a network share</source>
        <translation>Base sur un partage réseau</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="199"/>
        <source>Do not show this again for this file</source>
        <translation>Ne plus afficher pour ce fichier</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="256"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <location filename="../../ui/safety/startup.py" line="265"/>
        <source>Database restored</source>
        <translation>Base restaurée</translation>
    </message>
</context>
<context>
    <name>typed_inputs</name>
    <message>
        <location filename="../../ui/kit/typed_inputs.py" line="79"/>
        <source>e.g. 7/6/2027, June 2027 or 2027</source>
        <translation>par ex. 7/6/2027, juin 2027 ou 2027</translation>
    </message>
    <message>
        <location filename="../../ui/kit/typed_inputs.py" line="83"/>
        <source>Pick from the calendar</source>
        <translation>Choisir dans le calendrier</translation>
    </message>
    <message>
        <location filename="../../ui/kit/typed_inputs.py" line="87"/>
        <source>Pick from the calendar (Alt+Down)</source>
        <translation>Choisir dans le calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location filename="../../ui/kit/typed_inputs.py" line="167"/>
        <source>e.g. 8h, 8 h 30 or 08:30</source>
        <translation>par ex. 8h, 8 h 30 ou 08:30</translation>
    </message>
    <message>
        <location filename="../../ui/kit/typed_inputs.py" line="186"/>
        <source>e.g. 10 500 or 10 500,50</source>
        <translation>par ex. 10 500 ou 10 500,50</translation>
    </message>
</context>
</TS>
