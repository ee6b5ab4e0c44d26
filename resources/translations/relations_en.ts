<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ConnectionWatch</name>
    <message numerus="yes">
        <location filename="../../ui/safety/connection_watch.py" line="76"/>
        <source>Connection to the server lost — trying again in %n s</source>
        <translation>
            <numerusform>Connection to the server lost — trying again in %n s</numerusform>
            <numerusform>Connection to the server lost — trying again in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsImportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/exchange/import_contacts.py" line="427"/>
        <source>%n line(s) with errors</source>
        <translation>
            <numerusform>%n line with errors</numerusform>
            <numerusform>%n lines with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exchange/import_contacts.py" line="430"/>
        <source>%n line(s) look like an existing contact: choose Merge or Create</source>
        <translation>
            <numerusform>%n line looks like an existing contact: choose Merge or Create</numerusform>
            <numerusform>%n lines look like existing contacts: choose Merge or Create</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="36"/>
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partners</numerusform>
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
            <numerusform>%n diplomatic post</numerusform>
            <numerusform>%n diplomatic posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="41"/>
        <source>%n honorary consulate(s)</source>
        <translation>
            <numerusform>%n honorary consulate</numerusform>
            <numerusform>%n honorary consulates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lists/section_specs.py" line="42"/>
        <source>%n delegation(s)</source>
        <translation>
            <numerusform>%n delegation</numerusform>
            <numerusform>%n delegations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="283"/>
        <source>twin city(ies)</source>
        <extracomment>the lists, the map and the chart have been read and shown at least once</extracomment>
        <translation>
            <numerusform>twin city</numerusform>
            <numerusform>twin cities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="284"/>
        <source>friendship city(ies)</source>
        <translation>
            <numerusform>friendship city</numerusform>
            <numerusform>friendship cities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="285"/>
        <source>decentralised cooperation(s)</source>
        <translation>
            <numerusform>decentralised cooperation</numerusform>
            <numerusform>decentralised cooperations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="291"/>
        <source>partner(s) in all</source>
        <translation>
            <numerusform>partner in all</numerusform>
            <numerusform>partners in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="479"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="500"/>
        <source>%Ln partner(s)</source>
        <translation>
            <numerusform>%Ln partner</numerusform>
            <numerusform>%Ln partners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/pages/duplicates_view.py" line="58"/>
        <source>%n pair(s); double-click a record to open it.</source>
        <translation>
            <numerusform>%n pair; double-click a record to open it.</numerusform>
            <numerusform>%n pairs; double-click a record to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="71"/>
        <source>%n function(s) held</source>
        <translation>
            <numerusform>%n function held</numerusform>
            <numerusform>%n functions held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="73"/>
        <source>%n link(s) to partners</source>
        <translation>
            <numerusform>%n link to partners</numerusform>
            <numerusform>%n links to partners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="77"/>
        <source>their place in %n programme(s): each keeps a dated line naming only the organisation</source>
        <translation>
            <numerusform>their place in %n programme: each keeps a dated line naming only the organisation</numerusform>
            <numerusform>their place in %n programmes: each keeps a dated line naming only the organisation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="86"/>
        <source>their name in %n delegation(s): the member line stays, as “Personne effacée”</source>
        <translation>
            <numerusform>their name in %n delegation: the member line stays, as “Personne effacée”</numerusform>
            <numerusform>their name in %n delegations: the member line stays, as “Personne effacée”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/person_data.py" line="93"/>
        <source>what the trash holds about them (%n item(s))</source>
        <translation>
            <numerusform>what the trash holds about them (%n item)</numerusform>
            <numerusform>what the trash holds about them (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkTexts</name>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="31"/>
        <source>%n function(s)</source>
        <translation>
            <numerusform>%n function</numerusform>
            <numerusform>%n functions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="35"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="36"/>
        <source>%n key figure(s)</source>
        <translation>
            <numerusform>%n key figure</numerusform>
            <numerusform>%n key figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="33"/>
        <source>%n function(s) held by people</source>
        <translation>
            <numerusform>%n function held by people</numerusform>
            <numerusform>%n functions held by people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="37"/>
        <source>%n funding line(s)</source>
        <translation>
            <numerusform>%n funding line</numerusform>
            <numerusform>%n funding lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kit/link_texts.py" line="38"/>
        <source>%n agenda item(s)</source>
        <translation>
            <numerusform>%n agenda item</numerusform>
            <numerusform>%n agenda items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/documents/pdf_preview.py" line="124"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluralTexts</name>
    <message numerus="yes">
        <location filename="../../ui/pages/partner_profile.py" line="137"/>
        <source>%n programme(s) past their end date</source>
        <translation>
            <numerusform>%n programme past its end date</numerusform>
            <numerusform>%n programmes past their end date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/partner_profile.py" line="140"/>
        <source>… and %n more: see all on the post&apos;s page</source>
        <translation>
            <numerusform>… and %n more: see all on the post&apos;s page</numerusform>
            <numerusform>… and %n more: see all on the post&apos;s page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <location filename="../../ui/safety/trash_page.py" line="189"/>
        <source>%n item(s) in the trash</source>
        <translation>
            <numerusform>%n item in the trash</numerusform>
            <numerusform>%n items in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/safety/trash_page.py" line="272"/>
        <source>Delete the %n item(s) in the trash for good?</source>
        <translation>
            <numerusform>Delete the %n item in the trash for good?</numerusform>
            <numerusform>Delete the %n items in the trash for good?</numerusform>
        </translation>
    </message>
</context>
</TS>
