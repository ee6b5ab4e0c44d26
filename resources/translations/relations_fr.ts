<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="31" />
        <source>%n partner(s)</source>
        <translation><numerusform>%n partenaire</numerusform><numerusform>%n partenaires</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="32" />
        <source>%n programme(s)</source>
        <translation><numerusform>%n programme</numerusform><numerusform>%n programmes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="33" />
        <source>%n organisation(s)</source>
        <translation><numerusform>%n organisation</numerusform><numerusform>%n organisations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="34" />
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="35" />
        <source>%n diplomatic post(s)</source>
        <translation><numerusform>%n poste diplomatique</numerusform><numerusform>%n postes diplomatiques</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="36" />
        <source>%n honorary consulate(s)</source>
        <translation><numerusform>%n consulat honoraire</numerusform><numerusform>%n consulats honoraires</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section_specs.py" line="37" />
        <source>%n delegation(s)</source>
        <translation><numerusform>%n délégation</numerusform><numerusform>%n délégations</numerusform></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.py" line="40" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58" />
        <source>Partners in the world</source>
        <translation>Les partenaires dans le monde</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="68" />
        <source>Brest</source>
        <translation>Brest</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="71" />
        <location filename="../../ui/dashboard.py" line="75" />
        <source>Funding per year</source>
        <translation>Financements par année</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="80" />
        <source>To watch</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="82" />
        <source>Ending within six months</source>
        <translation>Se terminent dans les six mois</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="83" />
        <source>Still “ongoing” after their end date</source>
        <translation>Encore « en cours » après leur date de fin</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="84" />
        <source>Agreement anniversaries this year and next</source>
        <translation>Anniversaires d'accords cette année et l'an prochain</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="123" />
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="129" />
        <source>%1: %2 years in %3</source>
        <translation>%1 : %2 ans en %3</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="139" />
        <source>Funding (€)</source>
        <translation>Financements (€)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="159" />
        <source>%n partner(s)</source>
        <translation><numerusform>%n partenaire</numerusform><numerusform>%n partenaires</numerusform></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help.py" line="12" />
        <location filename="../../ui/help.py" line="16" />
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="18" />
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="18" />
        <source>New record in the current section</source>
        <translation>Nouvelle fiche dans la rubrique affichée</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="19" />
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="19" />
        <source>Save the record</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="20" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="20" />
        <source>Delete the selected record (asks first; Ctrl+Z brings it back)</source>
        <translation>Supprimer la fiche sélectionnée (avec confirmation ; Ctrl+Z la rétablit)</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="21" />
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Ctrl+Z / Ctrl+Maj+Z</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="21" />
        <source>Undo / redo, for the whole session</source>
        <translation>Annuler / rétablir, pour toute la session</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="22" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="22" />
        <source>Search in the current list</source>
        <translation>Rechercher dans la liste affichée</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="23" />
        <source>Alt+Left</source>
        <translation>Alt+Gauche</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="23" />
        <source>Back to the previous record</source>
        <translation>Revenir à la fiche précédente</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="24" />
        <source>Ctrl+1 … Ctrl+8</source>
        <translation>Ctrl+1 … Ctrl+8</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="24" />
        <source>Go to a section</source>
        <translation>Aller à une rubrique</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="25" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="25" />
        <source>This help</source>
        <translation>Cette aide</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="28" />
        <source>Choose a section on the left. Type in the search field to filter the list: accents and case do not matter (“bejaia” finds Béjaïa). Select a line to read and edit the record on the right; fields in error are shown in red with the reason.</source>
        <translation>Choisissez une rubrique à gauche. Tapez dans le champ de recherche pour filtrer la liste : les accents et les majuscules ne comptent pas (« bejaia » trouve Béjaïa). Sélectionnez une ligne pour lire et modifier la fiche à droite ; les champs en erreur s'affichent en rouge avec la raison.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="31" />
        <source>Double-click a programme, contact or partner on a page to open it; Back returns.</source>
        <translation>Double-cliquez sur un programme, un contact ou un partenaire d'une fiche pour l'ouvrir ; « Précédent » revient en arrière.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="32" />
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>LinkTexts</name>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="371" />
        <source>%n event(s)</source>
        <translation><numerusform>%n événement</numerusform><numerusform>%n événements</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="372" />
        <source>%n key figure(s)</source>
        <translation><numerusform>%n chiffre clé</numerusform><numerusform>%n chiffres clés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="373" />
        <source>%n programme(s)</source>
        <translation><numerusform>%n programme</numerusform><numerusform>%n programmes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="374" />
        <source>%n partner link(s)</source>
        <translation><numerusform>%n lien avec un partenaire</numerusform><numerusform>%n liens avec des partenaires</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="375" />
        <source>%n contact link(s)</source>
        <translation><numerusform>%n lien avec un contact</numerusform><numerusform>%n liens avec des contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="376" />
        <source>%n delegation(s)</source>
        <translation><numerusform>%n délégation</numerusform><numerusform>%n délégations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="377" />
        <location filename="../../ui/section.py" line="378" />
        <source>%n programme link(s)</source>
        <translation><numerusform>%n lien avec un programme</numerusform><numerusform>%n liens avec des programmes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="379" />
        <source>%n function(s) held by people</source>
        <translation><numerusform>%n fonction occupée par une personne</numerusform><numerusform>%n fonctions occupées par des personnes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="380" />
        <source>%n funding line(s)</source>
        <translation><numerusform>%n ligne de financement</numerusform><numerusform>%n lignes de financement</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="381" />
        <source>%n delegation membership(s)</source>
        <translation><numerusform>%n participation à une délégation</numerusform><numerusform>%n participations à des délégations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/section.py" line="382" />
        <source>%n agenda item(s)</source>
        <translation><numerusform>%n point du programme</numerusform><numerusform>%n points du programme</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="45" />
        <source>Sections</source>
        <extracomment>Area keys whose records open in another section than their own name.</extracomment>
        <translation>Rubriques</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>Fact sheet (PDF)…</source>
        <translation>Fiche PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Open the partner's fact sheet</source>
        <translation>Ouvrir la fiche ville du partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <location filename="../../ui/main_window.py" line="221" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>&amp;About Relations</source>
        <translation>À &amp;propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>Main toolbar</source>
        <translation>Barre d'outils principale</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>Fact sheet</source>
        <translation>Fiche ville</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>Select a partner first.</source>
        <translation>Sélectionnez d'abord un partenaire.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310" />
        <source>About Relations</source>
        <translation>À propos de Relations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311" />
        <source>Relations %1
The international relations office's records.
Database: %2</source>
        <translation>Relations %1
Les dossiers du service des relations internationales.
Base de données : %2</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="197" />
        <source>Generating the fact sheet…</source>
        <translation>Création de la fiche ville…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="198" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="200" />
        <location filename="../../ui/pdf_preview.py" line="232" />
        <source>Fact sheet</source>
        <translation>Fiche ville</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="201" />
        <source>Generating the fact sheet</source>
        <translation>Création de la fiche ville</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="217" />
        <source>Fact sheet: %1</source>
        <translation>Fiche ville : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="229" />
        <source>The fact sheet could not be generated: %1</source>
        <translation>La fiche ville n'a pas pu être créée : %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="46" />
        <source>PDF preview</source>
        <translation>Aperçu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="60" />
        <source>Document preview</source>
        <translation>Aperçu du document</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="70" />
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="71" />
        <source>Save the PDF to a file</source>
        <translation>Enregistrer le PDF dans un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="73" />
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="74" />
        <source>Print the document</source>
        <translation>Imprimer le document</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="76" />
        <location filename="../../ui/pdf_preview.py" line="180" />
        <location filename="../../ui/pdf_preview.py" line="185" />
        <source>Open in PDF reader</source>
        <translation>Ouvrir dans le lecteur PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="77" />
        <source>Open the document in the system's PDF reader</source>
        <translation>Ouvrir le document dans le lecteur PDF du système</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="92" />
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pdf_preview.py" line="108" />
        <source>%n page(s)</source>
        <translation><numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="116" />
        <source>Save the PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="117" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="127" />
        <location filename="../../ui/pdf_preview.py" line="179" />
        <source>The file could not be written: %1</source>
        <translation>Le fichier n'a pas pu être écrit : %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="128" />
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_preview.py" line="184" />
        <source>No PDF reader could be started. The file is here: %1</source>
        <translation>Aucun lecteur PDF n'a pu être lancé. Le fichier se trouve ici : %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="14" />
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="19" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="23" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="25" />
        <source>A new language applies when Relations is started again.</source>
        <translation>La nouvelle langue s'applique au prochain démarrage de Relations.</translation>
    </message>
</context>
<context>
    <name>WorldMap</name>
    <message>
        <location filename="../../ui/world_map.py" line="41" />
        <source>Map of the partners</source>
        <translation>Carte des partenaires</translation>
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
    <name>commands</name>
    <message>
        <location filename="../../ui/commands.py" line="95" />
        <source>Create “%1”</source>
        <translation>Création de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="110" />
        <source>Edit “%1”</source>
        <translation>Modification de « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="124" />
        <source>Delete “%1”</source>
        <translation>Suppression de « %1 »</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../ui/editor.py" line="116" />
        <source>Save</source>
        <extracomment>(group title, field names) — the area's fields shown as forms, in order.</extracomment>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="118" />
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="119" />
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="190" />
        <source>New record: not saved yet</source>
        <translation>Nouvelle fiche : pas encore enregistrée</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="192" />
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="197" />
        <source>New record</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="246" />
        <source>Please correct the fields marked in red before saving.</source>
        <translation>Veuillez corriger les champs signalés en rouge avant d'enregistrer.</translation>
    </message>
</context>
<context>
    <name>editors</name>
    <message>
        <location filename="../../ui/editors.py" line="58" />
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="61" />
        <source>Figures and place</source>
        <translation>Chiffres et localisation</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="63" />
        <location filename="../../ui/editors.py" line="270" />
        <location filename="../../ui/editors.py" line="367" />
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="71" />
        <source>Other spellings, one per line</source>
        <translation>Autres graphies, une par ligne</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="76" />
        <source>Themes, separated by commas</source>
        <translation>Thèmes, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="77" />
        <source>e.g. mer, culture, éducation</source>
        <translation>par ex. mer, culture, éducation</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="78" />
        <source>Other spellings</source>
        <translation>Autres graphies</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="79" />
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="82" />
        <source>Spellings and themes</source>
        <translation>Graphies et thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="83" />
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="85" />
        <location filename="../../ui/editors.py" line="307" />
        <location filename="../../ui/editors.py" line="328" />
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="86" />
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="88" />
        <source>Add an event…</source>
        <translation>Ajouter un événement…</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="90" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="91" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="101" />
        <location filename="../../ui/editors.py" line="281" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="102" />
        <source>French diplomatic post</source>
        <translation>Poste diplomatique français</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="103" />
        <source>Honorary consulate in Brest</source>
        <translation>Consulat honoraire à Brest</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="122" />
        <source>None recorded for this country</source>
        <translation>Aucun enregistré pour ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="126" />
        <source>None in Brest for this country</source>
        <translation>Aucun à Brest pour ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="162" />
        <source>Theme</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="162" />
        <source>Sub-theme</source>
        <translation>Sous-thématique</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="163" />
        <source>Sub-sub-theme</source>
        <translation>Sous-sous-thématique</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="217" />
        <location filename="../../ui/editors.py" line="286" />
        <source>Funding by funder and year</source>
        <translation>Financements par financeur et par année</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="232" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="266" />
        <location filename="../../ui/editors.py" line="406" />
        <location filename="../../ui/editors.py" line="412" />
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="268" />
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="276" />
        <source>Themes (Atlas taxonomy)</source>
        <translation>Thématiques (classement de l'Atlas)</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="277" />
        <location filename="../../ui/editors.py" line="278" />
        <location filename="../../ui/editors.py" line="304" />
        <location filename="../../ui/editors.py" line="305" />
        <location filename="../../ui/editors.py" line="326" />
        <location filename="../../ui/editors.py" line="327" />
        <location filename="../../ui/editors.py" line="371" />
        <location filename="../../ui/editors.py" line="372" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="279" />
        <source>Organisations involved</source>
        <translation>Organisations impliquées</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="284" />
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="300" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="306" />
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="320" />
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="324" />
        <source>Functions over time (current ones have no end)</source>
        <translation>Fonctions successives (les fonctions actuelles n'ont pas de fin)</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="338" />
        <source>Diplomatic post</source>
        <translation>Poste diplomatique</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="342" />
        <source>Cooperation contacts</source>
        <translation>Contacts pour la coopération</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="343" />
        <source>Partners of this country</source>
        <translation>Partenaires de ce pays</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="349" />
        <source>until %1</source>
        <translation>jusqu'en %1</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="359" />
        <source>Honorary consulate</source>
        <translation>Consulat honoraire</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="366" />
        <source>Delegation</source>
        <translation>Délégation</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="373" />
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="374" />
        <source>Agenda</source>
        <translation>Programme de la visite</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="399" />
        <source>Edit the event</source>
        <translation>Modifier l'événement</translation>
    </message>
    <message>
        <location filename="../../ui/editors.py" line="399" />
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <location filename="../../ui/form.py" line="91" />
        <source>Not stated</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="91" />
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="91" />
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="110" />
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM ou AAAA-MM-JJ</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Not stated</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Twin city</source>
        <translation>Ville jumelle</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>Friendship city</source>
        <translation>Ville amie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29" />
        <source>Decentralised cooperation</source>
        <translation>Coopération décentralisée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Youth exchange</source>
        <translation>Échange de jeunes</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>School exchange</source>
        <translation>Échange scolaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Staff exchange</source>
        <translation>Échange d'agents</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>Cultural project</source>
        <translation>Projet culturel</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>Education project</source>
        <translation>Projet éducatif</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Cooperation project</source>
        <translation>Projet de coopération</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>Economic project</source>
        <translation>Projet économique</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>Local authority</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Technopole</source>
        <translation>Technopole</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>University</source>
        <translation>Université</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Ministry, government</source>
        <translation>Ministère, gouvernement</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Cluster</source>
        <translation>Pôle, cluster</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47" />
        <source>School</source>
        <translation>Établissement scolaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Visit, mission</source>
        <translation>Visite, mission</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Conference, forum</source>
        <translation>Conférence, forum</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50" />
        <source>Anniversary</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51" />
        <source>Exhibition, festival</source>
        <translation>Exposition, festival</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52" />
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53" />
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54" />
        <source>Elections</source>
        <translation>Élections</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58" />
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59" />
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>In preparation</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66" />
        <source>City of Brest</source>
        <translation>Ville de Brest</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66" />
        <source>Brest métropole</source>
        <translation>Brest métropole</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68" />
        <source>Twinning charter</source>
        <translation>Charte de jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69" />
        <source>Twinning</source>
        <translation>Jumelage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>Friendship protocol</source>
        <translation>Protocole d'amitié</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>Memorandum of understanding</source>
        <translation>Protocole d'accord</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73" />
        <source>Partnership</source>
        <translation>Partenariat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74" />
        <source>Cooperation agreement</source>
        <translation>Accord de coopération</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76" />
        <source>Incoming (visit to Brest)</source>
        <translation>Accueil à Brest</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76" />
        <source>Outgoing (mission abroad)</source>
        <translation>Mission à l'étranger</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78" />
        <source>Project owner</source>
        <translation>Maître d'ouvrage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79" />
        <source>Foreign partner</source>
        <translation>Partenaire étranger</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80" />
        <source>Local partner</source>
        <translation>Partenaire local</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81" />
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82" />
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84" />
        <source>Brest side</source>
        <translation>Côté Brest</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84" />
        <source>Partner side</source>
        <translation>Côté partenaire</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../ui/list_editors.py" line="61" />
        <location filename="../../ui/list_editors.py" line="227" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="62" />
        <source>Add a line to %1</source>
        <translation>Ajouter une ligne : %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="63" />
        <location filename="../../ui/list_editors.py" line="228" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="65" />
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="67" />
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="90" />
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="90" />
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="187" />
        <source>line %1, %2: %3</source>
        <translation>ligne %1, %2 : %3</translation>
    </message>
    <message>
        <location filename="../../ui/list_editors.py" line="226" />
        <source>Choose an entry to add to %1</source>
        <translation>Choisir un élément à ajouter : %1</translation>
    </message>
</context>
<context>
    <name>section</name>
    <message>
        <location filename="../../ui/section.py" line="53" />
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="79" />
        <source>Search in %1</source>
        <translation>Rechercher : %1</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="91" />
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="254" />
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="255" />
        <source>“%1” has unsaved changes.</source>
        <translation>« %1 » a des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="256" />
        <source>Save them before leaving?</source>
        <translation>Les enregistrer avant de quitter la fiche ?</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="295" />
        <source>Changed elsewhere</source>
        <translation>Modifié ailleurs</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="298" />
        <source>Cannot save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="319" />
        <location filename="../../ui/section.py" line="326" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="320" />
        <source>Delete “%1”?</source>
        <translation>Supprimer « %1 » ?</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="323" />
        <source>Linked to it: %1.</source>
        <translation>Lié à cette fiche : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="324" />
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Ctrl+Z permet d'annuler la suppression.</translation>
    </message>
    <message>
        <location filename="../../ui/section.py" line="334" />
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../ui/section_specs.py" line="58" />
        <location filename="../../ui/section_specs.py" line="86" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="62" />
        <location filename="../../ui/section_specs.py" line="108" />
        <location filename="../../ui/section_specs.py" line="127" />
        <location filename="../../ui/section_specs.py" line="148" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="63" />
        <location filename="../../ui/section_specs.py" line="73" />
        <location filename="../../ui/section_specs.py" line="111" />
        <location filename="../../ui/section_specs.py" line="149" />
        <location filename="../../ui/section_specs.py" line="162" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="64" />
        <location filename="../../ui/section_specs.py" line="72" />
        <source>Kind of link</source>
        <translation>Type de lien</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="65" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="66" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="74" />
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="74" />
        <source>Active links</source>
        <translation>Liens actifs</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="74" />
        <source>Inactive links</source>
        <translation>Liens inactifs</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="75" />
        <location filename="../../ui/section_specs.py" line="97" />
        <source>Theme</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="77" />
        <source>Search a partner (name, country, spelling)…</source>
        <translation>Rechercher un partenaire (nom, pays, graphie)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="81" />
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="85" />
        <location filename="../../ui/section_specs.py" line="177" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="87" />
        <location filename="../../ui/section_specs.py" line="94" />
        <location filename="../../ui/section_specs.py" line="179" />
        <location filename="../../ui/section_specs.py" line="185" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="88" />
        <location filename="../../ui/section_specs.py" line="180" />
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="89" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="96" />
        <location filename="../../ui/section_specs.py" line="110" />
        <location filename="../../ui/section_specs.py" line="116" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="98" />
        <location filename="../../ui/section_specs.py" line="117" />
        <location filename="../../ui/section_specs.py" line="138" />
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="100" />
        <source>Search a programme (title, theme)…</source>
        <translation>Rechercher un programme (titre, thème)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="104" />
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="109" />
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="119" />
        <source>Search an organisation (name, acronym, city)…</source>
        <translation>Rechercher une organisation (nom, sigle, ville)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="123" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="129" />
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="130" />
        <location filename="../../ui/section_specs.py" line="137" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="131" />
        <location filename="../../ui/section_specs.py" line="165" />
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="132" />
        <location filename="../../ui/section_specs.py" line="164" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="140" />
        <source>Search a person (name, e-mail, function)…</source>
        <translation>Rechercher une personne (nom, courriel, fonction)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="144" />
        <source>Diplomatic posts</source>
        <translation>Postes diplomatiques</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="150" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="154" />
        <source>Search a post (name, country)…</source>
        <translation>Rechercher un poste (nom, pays)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="158" />
        <source>Consulates</source>
        <translation>Consulats</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="163" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="169" />
        <source>Search a consulate (country, address)…</source>
        <translation>Rechercher un consulat (pays, adresse)…</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="173" />
        <source>Delegations</source>
        <translation>Délégations</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="178" />
        <location filename="../../ui/section_specs.py" line="186" />
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../../ui/section_specs.py" line="188" />
        <source>Search a delegation (title, member)…</source>
        <translation>Rechercher une délégation (titre, membre)…</translation>
    </message>
</context>
</TS>