<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/main_window.cpp" line="26"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="27"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="28"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="29"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="30"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="31"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="32"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="44"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Best top-1 %</source>
        <translation>Beste Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="60"/>
        <source>Device: CPU, %1 threads</source>
        <translation>Gerät: CPU, %1 Threads</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="72"/>
        <source>&amp;Refresh runs</source>
        <translation>Läufe &amp;aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>&amp;About FerKD Studio</source>
        <translation>Ü&amp;ber FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="79"/>
        <source>About FerKD Studio</source>
        <translation>Über FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>FerKD Studio %1
Knowledge distillation with region-level soft labels (FKD, FerKD).</source>
        <translation>FerKD Studio %1
Wissensdestillation mit Soft-Labels auf Regionsebene (FKD, FerKD).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="21"/>
        <source>FerKD Studio: knowledge distillation with region-level soft labels</source>
        <translation>FerKD Studio: Wissensdestillation mit Soft-Labels auf Regionsebene</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="24"/>
        <source>Workspace folder.</source>
        <translation>Ordner des Arbeitsbereichs.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="25"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="26"/>
        <source>Quit after this many milliseconds (for tests).</source>
        <translation>Nach so vielen Millisekunden beenden (für Tests).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="27"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="38"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="39"/>
        <source>Cannot open the workspace:
%1</source>
        <translation>Der Arbeitsbereich lässt sich nicht öffnen:
%1</translation>
    </message>
</context>
</TS>
