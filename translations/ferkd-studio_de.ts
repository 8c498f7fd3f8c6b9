<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../ui/config_editor.cpp" line="34"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="35"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="36"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="37"/>
        <source>FerKD rule</source>
        <translation>FerKD-Regel</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="38"/>
        <source>Teacher and labels</source>
        <translation>Lehrer und Labels</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="39"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="40"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="41"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="42"/>
        <source>Checkpoints and runtime</source>
        <translation>Checkpoints und Laufzeit</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/main_window.cpp" line="49"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="52"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="55"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/config_editor.cpp" line="70"/>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="100"/>
        <location filename="../ui/config_editor.cpp" line="201"/>
        <source>Paper: %1</source>
        <translation>Im Paper: %1</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="175"/>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <location filename="../ui/config_editor.cpp" line="175"/>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/config_editor.cpp" line="207"/>
        <source>Valid. %n field(s) differ from the preset.</source>
        <translation>
            <numerusform>Gültig. %n Feld weicht von der Vorgabe ab.</numerusform>
            <numerusform>Gültig. %n Felder weichen von der Vorgabe ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Best top-1 %</source>
        <translation>Beste Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="81"/>
        <source>Device: CPU, %1 threads</source>
        <translation>Gerät: CPU, %1 Threads</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>run %1 started</source>
        <translation>Lauf %1 gestartet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>epoch %1/%2, %3 img/s, ETA %4</source>
        <translation>Epoche %1/%2, %3 Bilder/s, noch %4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>run %1 %2</source>
        <translation>Lauf %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="141"/>
        <source>Search runs (name, preset, status, tags)</source>
        <translation>Läufe suchen (Name, Vorgabe, Status, Tags)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Monitor</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="175"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="189"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <location filename="../ui/main_window.cpp" line="363"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="221"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <location filename="../ui/main_window.cpp" line="384"/>
        <location filename="../ui/main_window.cpp" line="404"/>
        <location filename="../ui/main_window.cpp" line="427"/>
        <source>Export weights</source>
        <translation>Gewichte exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <location filename="../ui/main_window.cpp" line="235"/>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="237"/>
        <location filename="../ui/main_window.cpp" line="238"/>
        <location filename="../ui/main_window.cpp" line="240"/>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>&amp;Refresh runs</source>
        <translation>Läufe &amp;aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>&amp;About FerKD Studio</source>
        <translation>Ü&amp;ber FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="257"/>
        <source>About FerKD Studio</source>
        <translation>Über FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>FerKD Studio %1
Knowledge distillation with region-level soft labels (FKD, FerKD).</source>
        <translation>FerKD Studio %1
Wissensdestillation mit Soft-Labels auf Regionsebene (FKD, FerKD).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="395"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="396"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="397"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="417"/>
        <source>exported %1 tensors to %2</source>
        <translation>%1 Tensoren nach %2 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="419"/>
        <source>export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="424"/>
        <source>exporting to %1 ...</source>
        <translation>exportiere nach %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="442"/>
        <source>Quit FerKD Studio</source>
        <translation>FerKD Studio beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="443"/>
        <source>A run is active. Stop it (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>Ein Lauf ist aktiv. Anhalten (er speichert einen Checkpoint und kann fortgesetzt werden) und beenden?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="448"/>
        <source>stopping...</source>
        <translation>halte an...</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MetricsChart</name>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="56"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="61"/>
        <source>Exponential moving average of the step loss</source>
        <translation>Exponentieller gleitender Mittelwert des Schritt-Loss</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="67"/>
        <source>Log loss axis</source>
        <translation>Loss logarithmisch</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="74"/>
        <location filename="../ui/metrics_chart.cpp" line="76"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="74"/>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="75"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="75"/>
        <source>top-1 / top-5 (%)</source>
        <translation>Top-1 / Top-5 (%)</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="76"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="119"/>
        <source>step loss</source>
        <translation>Schritt-Loss</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="120"/>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="121"/>
        <source>epoch train loss</source>
        <translation>Trainings-Loss je Epoche</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="122"/>
        <source>test loss</source>
        <translation>Test-Loss</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="123"/>
        <source>test top-1</source>
        <translation>Test Top-1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="124"/>
        <source>test top-5</source>
        <translation>Test Top-5</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="125"/>
        <source>train top-1</source>
        <translation>Training Top-1</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="126"/>
        <source>lr</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/metrics_chart.cpp" line="240"/>
        <source>cannot write %1</source>
        <translation>kann %1 nicht schreiben</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::NewRunDialog</name>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="14"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="19"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="21"/>
        <source>Load JSON...</source>
        <translation>JSON laden...</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="22"/>
        <source>Save JSON...</source>
        <translation>JSON speichern...</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="30"/>
        <location filename="../ui/new_run_dialog.cpp" line="32"/>
        <source>Load config</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="30"/>
        <location filename="../ui/new_run_dialog.cpp" line="35"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/new_run_dialog.cpp" line="35"/>
        <location filename="../ui/new_run_dialog.cpp" line="37"/>
        <source>Save config</source>
        <translation>Konfiguration speichern</translation>
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
        <location filename="../app/studio/main.cpp" line="28"/>
        <source>Show these runs (comma-separated ids).</source>
        <translation>Diese Läufe zeigen (Ids durch Kommas getrennt).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>ids</source>
        <translation>Ids</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="41"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="42"/>
        <source>Cannot open the workspace:
%1</source>
        <translation>Der Arbeitsbereich lässt sich nicht öffnen:
%1</translation>
    </message>
</context>
</TS>
