<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="35"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="36"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="37"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="38"/>
        <source>FerKD rule</source>
        <translation>FerKD-Regel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="39"/>
        <source>Teacher and labels</source>
        <translation>Lehrer und Labels</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="40"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="41"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="42"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="43"/>
        <source>Checkpoints and runtime</source>
        <translation>Checkpoints und Laufzeit</translation>
    </message>
</context>
<context>
    <name>CropBrowser</name>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="23"/>
        <source>discarded (hard)</source>
        <translation>verworfen (schwer)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="24"/>
        <source>calibrated</source>
        <translation>kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="25"/>
        <source>teacher&apos;s label</source>
        <translation>Label des Lehrers</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="26"/>
        <source>discarded (easy)</source>
        <translation>verworfen (leicht)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="33"/>
        <source>object (true box)</source>
        <translation>Objekt (wahrer Rahmen)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="16"/>
        <source>seconds since the run started</source>
        <translation>Sekunden seit dem Start des Laufs</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="15"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="16"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="17"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="18"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="19"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="20"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="21"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ferkd::ExportDialog</name>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="14"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="23"/>
        <source>The student for deployment runtimes (ONNX Runtime, TensorRT, OpenVINO, OpenCV DNN)</source>
        <translation>Das Schülermodell für Laufzeitumgebungen (ONNX Runtime, TensorRT, OpenVINO, OpenCV DNN)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="37"/>
        <source>17 writes LayerNormalization; 13 to 16 write it as elementary operators</source>
        <translation>17 schreibt LayerNormalization; 13 bis 16 schreiben es als elementare Operatoren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="38"/>
        <source>dynamic</source>
        <translation>dynamisch</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="39"/>
        <source>as trained</source>
        <translation>wie trainiert</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="40"/>
        <source>Convolutional networks run at any size; transformers only at the trained one</source>
        <translation>Faltungsnetze laufen in jeder Größe, Transformer nur in der trainierten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="41"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="42"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="43"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="44"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="45"/>
        <source>ONNX opset</source>
        <translation>ONNX-Opset</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="46"/>
        <source>ONNX batch</source>
        <translation>ONNX-Batch</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="47"/>
        <source>ONNX input size</source>
        <translation>ONNX-Eingabegröße</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::CheckpointsView</name>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Best top-1 %</source>
        <translation>Beste Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="29"/>
        <source>Resume from the selected checkpoint</source>
        <translation>Vom gewählten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="73"/>
        <source>the run is active; stop it first</source>
        <translation>der Lauf ist aktiv; erst anhalten</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="78"/>
        <source>run %1 resumes from its %2 checkpoint</source>
        <translation>Lauf %1 setzt vom Checkpoint %2 fort</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="71"/>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="101"/>
        <location filename="../ui/dialogs/config_editor.cpp" line="203"/>
        <source>Paper: %1</source>
        <translation>Im Paper: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="177"/>
        <source>expected a whole number</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="177"/>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/config_editor.cpp" line="210"/>
        <source>%n problems in the config:</source>
        <translation>
            <numerusform>%n Problem in der Konfiguration:</numerusform>
            <numerusform>%n Probleme in der Konfiguration:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/config_editor.cpp" line="212"/>
        <source>Valid. %n field(s) differ from the preset.</source>
        <translation>
            <numerusform>Gültig. %n Feld weicht von der Vorgabe ab.</numerusform>
            <numerusform>Gültig. %n Felder weichen von der Vorgabe ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="19"/>
        <source>Connect to server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="21"/>
        <source>A workspace served by &lt;tt&gt;ferkd serve&lt;/tt&gt; on another machine, usually through an SSH tunnel (&lt;tt&gt;ssh -L 8765:127.0.0.1:8765 gpu-server&lt;/tt&gt;): see docs/REMOTE.md.</source>
        <translation>Ein Arbeitsbereich, den &lt;tt&gt;ferkd serve&lt;/tt&gt; auf einem anderen Rechner bereitstellt, meist über einen SSH-Tunnel (&lt;tt&gt;ssh -L 8765:127.0.0.1:8765 gpu-server&lt;/tt&gt;): siehe docs/REMOTE.md.</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="28"/>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="32"/>
        <source>the 64 hex digits of the server&apos;s &lt;workspace&gt;/server/token</source>
        <translation>die 64 Hex-Ziffern aus &lt;Arbeitsbereich&gt;/server/token des Servers</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="33"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="65"/>
        <source>A token for this server is saved; leave the field empty to use it.</source>
        <translation>Für diesen Server ist ein Token gespeichert; Feld leer lassen, um es zu verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="71"/>
        <source>Server URL: expected http://host:port or https://host:port, got &apos;%1&apos;</source>
        <translation>Server-URL: erwartet http://host:port oder https://host:port, erhalten &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="77"/>
        <source>Token: paste the server&apos;s token (none is saved for this server)</source>
        <translation>Token: das Token des Servers einfügen (für diesen Server ist keines gespeichert)</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::CropBrowser</name>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="77"/>
        <source>Label sets generated in this workspace</source>
        <translation>In diesem Arbeitsbereich erzeugte Label-Sets</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="85"/>
        <source>The data set the labels were made for</source>
        <translation>Der Datensatz, für den die Labels erzeugt wurden</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="89"/>
        <source>label store (.fkdl)</source>
        <translation>Label-Speicher (.fkdl)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="91"/>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="92"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="99"/>
        <source>Open label store</source>
        <translation>Label-Speicher öffnen</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="99"/>
        <source>Label stores (*.fkdl);;All files (*)</source>
        <translation>Label-Speicher (*.fkdl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="116"/>
        <source>Random image</source>
        <translation>Zufälliges Bild</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="119"/>
        <source>Images with the most crops whose p(true class) is below the hard threshold</source>
        <translation>Bilder mit den meisten Ausschnitten, deren p(wahre Klasse) unter der Schwelle liegt</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="122"/>
        <source>file name, or #index</source>
        <translation>Dateiname oder #Index</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="128"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="129"/>
        <location filename="../ui/crops/crop_browser.cpp" line="190"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="130"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="166"/>
        <source>Open a label set to browse its crops.</source>
        <translation>Ein Label-Set öffnen, um seine Ausschnitte zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="191"/>
        <source>p against object coverage</source>
        <translation>p gegen Objektabdeckung</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="192"/>
        <source>Every crop&apos;s p(true class) against the share of the object it holds, for the whole label set (data sets with object boxes)</source>
        <translation>p(wahre Klasse) jedes Ausschnitts gegen seinen Anteil am Objekt, für das ganze Label-Set (Datensätze mit Objektrahmen)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="204"/>
        <source>paper: FerKD&apos;s equation, three thresholds on p(true class); fraction, threshold: the earlier per-image reading (an image&apos;s least confident crops calibrated)</source>
        <translation>paper: FerKDs Gleichung, drei Schwellen auf p(wahre Klasse); fraction, threshold: die frühere Lesart pro Bild (die unsichersten Ausschnitte eines Bildes werden kalibriert)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="234"/>
        <source>distill.ferkd.t_low: crops with p(true class) below it are discarded</source>
        <translation>distill.ferkd.t_low: Ausschnitte mit p(wahre Klasse) darunter werden verworfen</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="235"/>
        <source>distill.ferkd.t_mid: from T_L up to it, crops get the softened ground truth</source>
        <translation>distill.ferkd.t_mid: von T_L bis hierher erhalten Ausschnitte die geglättete Grundwahrheit</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="236"/>
        <source>distill.ferkd.t_top: crops with p(true class) above it are discarded</source>
        <translation>distill.ferkd.t_top: Ausschnitte mit p(wahre Klasse) darüber werden verworfen</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="237"/>
        <source>hard share</source>
        <translation>schwerer Anteil</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="238"/>
        <source>distill.ferkd.hard_fraction: each image&apos;s least confident share of crops is calibrated</source>
        <translation>distill.ferkd.hard_fraction: der unsicherste Anteil der Ausschnitte jedes Bildes wird kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="239"/>
        <source>hard below</source>
        <translation>schwer unter</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="240"/>
        <source>distill.ferkd.hard_threshold: crops with p(true class) below it are calibrated</source>
        <translation>distill.ferkd.hard_threshold: Ausschnitte mit p(wahre Klasse) darunter werden kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="241"/>
        <source>distill.ferkd.eps: the calibrated label is (1 - eps) onehot + eps / K</source>
        <translation>distill.ferkd.eps: das kalibrierte Label ist (1 - eps) onehot + eps / K</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="246"/>
        <source>FerKD rule</source>
        <translation>FerKD-Regel</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="382"/>
        <source>data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="537"/>
        <source>Over the whole label set:</source>
        <translation>Über den ganzen Label-Satz:</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="570"/>
        <source>Images with the most crops whose p(true class) is below %1</source>
        <translation>Bilder mit den meisten Ausschnitten, deren p(wahre Klasse) unter %1 liegt</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="573"/>
        <source>%1 %2: %3/%4, p %5</source>
        <translation>%1 %2: %3/%4, p %5</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="617"/>
        <source>Image %1, class %2, %3 stored crops: %4 discarded (hard), %5 calibrated, %6 teacher&apos;s label, %7 discarded (easy)</source>
        <translation>Bild %1, Klasse %2, %3 gespeicherte Ausschnitte: %4 verworfen (schwer), %5 kalibriert, %6 Label des Lehrers, %7 verworfen (leicht)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="252"/>
        <source>p(true class)</source>
        <translation>p(wahre Klasse)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="133"/>
        <source>Most crops the teacher hardly recognises (image, class, crops below the threshold, mean p):</source>
        <translation>Die meisten Ausschnitte, die der Lehrer kaum erkennt (Bild, Klasse, Ausschnitte unter der Schwelle, mittleres p):</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="253"/>
        <source>share of crops (%)</source>
        <translation>Anteil der Ausschnitte (%)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="259"/>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="262"/>
        <source>A trained run whose prediction is shown beside each crop&apos;s stored label</source>
        <translation>Ein trainierter Lauf, dessen Vorhersage neben dem gespeicherten Label jedes Ausschnitts steht</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="271"/>
        <source>Export Figure 1...</source>
        <translation>Abbildung 1 exportieren...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="277"/>
        <source>Export Figure 1</source>
        <translation>Abbildung 1 exportieren</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="277"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="280"/>
        <source>cannot write %1</source>
        <translation>kann %1 nicht schreiben</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="353"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="417"/>
        <source>reading %1 ...</source>
        <translation>lese %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="446"/>
        <source>all classes</source>
        <translation>alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="635"/>
        <source>crop %1 (%2)
teacher&apos;s top-5:
%3</source>
        <translation>Ausschnitt %1 (%2)
Top-5 des Lehrers:
%3</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="639"/>
        <source>holds %1% of the object</source>
        <translation>enthält %1% des Objekts</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="644"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="645"/>
        <source>student: %1 %2</source>
        <translation>Schüler: %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="719"/>
        <source>no image named like &quot;%1&quot;</source>
        <translation>kein Bild mit einem Namen wie „%1“</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::DatasetView</name>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="29"/>
        <source>Inspect data set</source>
        <translation>Datensatz prüfen</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="35"/>
        <source>fashion-mnist, an IDX folder, an image folder (class sub-folders, or train/ and val/ inside) or a packed folder</source>
        <translation>fashion-mnist, ein IDX-Ordner, ein Bildordner (Unterordner je Klasse oder train/ und val/ darin) oder ein gepackter Ordner</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="37"/>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="38"/>
        <source>Decode every image</source>
        <translation>Jedes Bild dekodieren</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="40"/>
        <source>Finds images whose data is damaged past the header; slow for large folders</source>
        <translation>Findet Bilder, deren Daten hinter dem Kopf beschädigt sind; langsam bei großen Ordnern</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="41"/>
        <source>Scan</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="48"/>
        <source>Choose a data set and scan it.</source>
        <translation>Einen Datensatz wählen und prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="74"/>
        <source>Data set folder</source>
        <translation>Datensatz-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="86"/>
        <source>scanning %1 ...</source>
        <translation>prüfe %1 ...</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/crops/dataset_view.cpp" line="114"/>
        <source>%1: %2 (%3), %n image(s), first image %4x%5x%6</source>
        <translation>
            <numerusform>%1: %2 (%3), %n Bild, erstes Bild %4x%5x%6</numerusform>
            <numerusform>%1: %2 (%3), %n Bilder, erstes Bild %4x%5x%6</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="120"/>
        <source>  made by: %1</source>
        <translation>  erzeugt von: %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="122"/>
        <source>  object boxes: %1 images, mean %2 x %3 px, %4% of the image</source>
        <translation>  Objektrahmen: %1 Bilder, im Mittel %2 x %3 px, %4% des Bildes</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="128"/>
        <source>fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="135"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="135"/>
        <source>Train images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="136"/>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="150"/>
        <source>No file left out.</source>
        <translation>Keine Datei ausgelassen.</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MainWindow</name>
    <message>
        <location filename="../ui/window/main_window.cpp" line="130"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="154"/>
        <source>Device: CPU, %1 threads</source>
        <translation>Gerät: CPU, %1 Threads</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="160"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="178"/>
        <source>run %1 started</source>
        <translation>Lauf %1 gestartet</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="201"/>
        <source>labelling %1/%2 images, %3 img/s, ETA %4</source>
        <translation>beschrifte %1/%2 Bilder, %3 Bilder/s, noch %4</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="219"/>
        <source>run %1 %2</source>
        <translation>Lauf %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="245"/>
        <source>Monitor</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="248"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="252"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="257"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="260"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="266"/>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="269"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="272"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="304"/>
        <source>Crop browser</source>
        <translation>Ausschnitte</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="309"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="320"/>
        <location filename="../ui/window/main_window.cpp" line="623"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="354"/>
        <location filename="../ui/window/main_window.cpp" line="368"/>
        <location filename="../ui/window/main_window.cpp" line="658"/>
        <source>Quick start</source>
        <translation>Schnellstart</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="363"/>
        <source>(needs a label set: use Pipeline)</source>
        <translation>(braucht ein Label-Set: Pipeline verwenden)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="322"/>
        <location filename="../ui/window/main_window.cpp" line="675"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="323"/>
        <location filename="../ui/window/main_window.cpp" line="324"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="325"/>
        <location filename="../ui/window/main_window.cpp" line="326"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="328"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="331"/>
        <location filename="../ui/window/main_window.cpp" line="332"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="333"/>
        <location filename="../ui/window/main_window.cpp" line="334"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="336"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="399"/>
        <source>Run %1 generated labels: only a training run can be duplicated</source>
        <translation>Lauf %1 hat Labels erzeugt: nur ein Trainingslauf lässt sich duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="337"/>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="417"/>
        <source>&amp;Open workspace...</source>
        <translation>Arbeitsbereich &amp;öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="681"/>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="700"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="338"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="119"/>
        <source>Server %1: connected</source>
        <translation>Server %1: verbunden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="120"/>
        <source>Server %1: not reachable, showing what was read before (%2)</source>
        <translation>Server %1: nicht erreichbar, angezeigt wird der zuletzt gelesene Stand (%2)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="130"/>
        <source>FerKD Studio: %1</source>
        <translation>FerKD Studio: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="162"/>
        <source>Runs train on the server</source>
        <translation>Läufe trainieren auf dem Server</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="192"/>
        <source>epoch %1/%2, %3 img/s</source>
        <translation>Epoche %1/%2, %3 Bilder/s</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="194"/>
        <source>%1, ETA %2</source>
        <translation>%1, Restzeit %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="339"/>
        <location filename="../ui/window/main_window.cpp" line="342"/>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="339"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="344"/>
        <location filename="../ui/window/main_window.cpp" line="345"/>
        <location filename="../ui/window/main_window.cpp" line="347"/>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="345"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="409"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="411"/>
        <source>&amp;Refresh runs</source>
        <translation>Läufe &amp;aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="422"/>
        <source>&amp;Connect to server...</source>
        <translation>Mit &amp;Server verbinden...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="425"/>
        <source>&amp;Inspect data set...</source>
        <translation>Datensatz &amp;prüfen...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="428"/>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="437"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="439"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="459"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="460"/>
        <source>&amp;About FerKD Studio</source>
        <translation>Ü&amp;ber FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="461"/>
        <source>About FerKD Studio</source>
        <translation>Über FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="462"/>
        <source>FerKD Studio %1
Knowledge distillation with region-level soft labels (FKD, FerKD).</source>
        <translation>FerKD Studio %1
Wissensdestillation mit Soft-Labels auf Regionsebene (FKD, FerKD).</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="474"/>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="475"/>
        <source>Device: %1, %2</source>
        <translation>Gerät: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="707"/>
        <source>exported run %1 to %2: %3</source>
        <translation>Lauf %1 nach %2 exportiert: %3</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="711"/>
        <source>export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="716"/>
        <source>exporting to %1 ...</source>
        <translation>exportiere nach %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="749"/>
        <source>Quit FerKD Studio</source>
        <translation>FerKD Studio beenden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="750"/>
        <source>A run is active. Stop it (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>Ein Lauf ist aktiv. Anhalten (er speichert einen Checkpoint und kann fortgesetzt werden) und beenden?</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="755"/>
        <source>stopping...</source>
        <translation>halte an...</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MemoryPlanView</name>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="33"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="66"/>
        <source>Memory plan: made once every field is valid.</source>
        <translation>Speicherplan: wird erstellt, sobald jedes Feld gültig ist.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="70"/>
        <source>Memory plan: waiting for the fields to settle...</source>
        <translation>Speicherplan: wartet, bis die Felder stillstehen ...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="80"/>
        <source>Memory plan: measuring the model&apos;s passes on this machine...</source>
        <translation>Speicherplan: misst die Durchläufe des Modells auf diesem Rechner ...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="118"/>
        <source>Memory plan: could not be made: %1</source>
        <translation>Speicherplan: konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="123"/>
        <source>Memory plan: %1</source>
        <translation>Speicherplan: %1</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MetricsChart</name>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="42"/>
        <source>Train loss per step</source>
        <translation>Trainingsverlust je Schritt</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="43"/>
        <source>Loss per epoch</source>
        <translation>Verlust je Epoche</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="44"/>
        <source>Top-1 accuracy</source>
        <translation>Top-1-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="44"/>
        <source>top-1 %</source>
        <translation>Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="45"/>
        <source>Top-5 accuracy</source>
        <translation>Top-5-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="45"/>
        <source>top-5 %</source>
        <translation>Top-5 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="46"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="47"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="47"/>
        <source>images / s</source>
        <translation>Bilder / s</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="59"/>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="62"/>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="76"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="82"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="78"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="84"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="88"/>
        <source>val</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="80"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="86"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="90"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="102"/>
        <source>x-axis</source>
        <translation>x-Achse</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="105"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="106"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="107"/>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="108"/>
        <source>Relative time</source>
        <translation>Relative Zeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="112"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="117"/>
        <source>Exponential moving average of the step loss</source>
        <translation>Exponentieller gleitender Mittelwert des Schritt-Loss</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="130"/>
        <source>Seeds: mean ± std</source>
        <translation>Seeds: Mittel ± Std.-Abw.</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="59"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="61"/>
        <source>wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="62"/>
        <source>time since the first step (h:mm:ss)</source>
        <translation>Zeit seit dem ersten Schritt (h:mm:ss)</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="42"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="43"/>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="60"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="46"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="120"/>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="122"/>
        <source>Logarithmic y-axis for the loss and learning-rate charts</source>
        <translation>Logarithmische y-Achse für die Verlust- und Lernratendiagramme</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="125"/>
        <source>Ignore outliers</source>
        <translation>Ausreißer ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="127"/>
        <source>Fit the y-axis to the 2nd..98th percentile of the values</source>
        <translation>y-Achse an das 2. bis 98. Perzentil der Werte anpassen</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="132"/>
        <source>Runs that differ only in their seed as one mean test top-1 curve with a band</source>
        <translation>Läufe, die sich nur im Seed unterscheiden, als eine mittlere Test-Top-1-Kurve mit Band</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="136"/>
        <source>Select a run in the list to see its curves; Ctrl+click adds runs to compare them.</source>
        <translation>Wählen Sie links einen Lauf, um seine Kurven zu sehen; Strg+Klick fügt Läufe zum Vergleich hinzu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/metrics_chart.cpp" line="283"/>
        <source>mean of %n seeds</source>
        <translation>
            <numerusform>Mittel über %n Seed</numerusform>
            <numerusform>Mittel über %n Seeds</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="60"/>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="61"/>
        <source>lr</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="518"/>
        <source>cannot write %1</source>
        <translation>kann %1 nicht schreiben</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MiningPlot</name>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="25"/>
        <source>share of the object in the crop</source>
        <translation>Anteil des Objekts im Ausschnitt</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="26"/>
        <source>p(true class)</source>
        <translation>p(wahre Klasse)</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="47"/>
        <source>This data set has no object boxes. `ferkd dataset make-cluttered` makes one that has; an image folder can bring them in boxes.csv (docs/TESTBED.md).</source>
        <translation>Dieser Datensatz hat keine Objektrahmen. `ferkd dataset make-cluttered` erzeugt einen mit Rahmen; ein Bildordner kann sie in boxes.csv mitbringen (docs/TESTBED.md).</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="104"/>
        <source>middle half of p</source>
        <translation>mittlere Hälfte von p</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="110"/>
        <source>median p</source>
        <translation>Median von p</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="132"/>
        <source>AUC %1 | discarded-hard without object %2% | calibrated context %3% | no-object crops discarded %4%</source>
        <translation>AUC %1 | verworfen-schwer ohne Objekt %2% | kalibriert Kontext %3% | Ausschnitte ohne Objekt verworfen %4%</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="139"/>
        <source>ROC AUC of p(true class) for crops with most of the object (coverage &gt;= %1) against crops with none (&lt; %2): %3.
Discarded-hard crops that hold no object: %4%.
Calibrated crops that do not hold most of the object (context): %5%.
No-object crops the rule discards as hard: %6%.
Of %7 crops: %8% no object, %9% most of it.
Dashed lines: the rule&apos;s thresholds; dotted: the coverage cuts.</source>
        <translation>ROC-AUC von p(wahre Klasse) für Ausschnitte mit dem Großteil des Objekts (Abdeckung &gt;= %1) gegen Ausschnitte ohne Objekt (&lt; %2): %3.
Verworfen-schwere Ausschnitte ohne Objekt: %4%.
Kalibrierte Ausschnitte ohne den Großteil des Objekts (Kontext): %5%.
Ausschnitte ohne Objekt, die die Regel als schwer verwirft: %6%.
Von %7 Ausschnitten: %8% ohne Objekt, %9% mit dem Großteil.
Gestrichelt: die Schwellen der Regel; gepunktet: die Abdeckungsgrenzen.</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::NewRunDialog</name>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="16"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="25"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="27"/>
        <source>Load JSON...</source>
        <translation>JSON laden...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="28"/>
        <source>Save JSON...</source>
        <translation>JSON speichern...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="39"/>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="41"/>
        <source>Load config</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="39"/>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="44"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="44"/>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="46"/>
        <source>Save config</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="69"/>
        <source>Queue on %1</source>
        <translation>In die Warteschlange von %1</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ParallelCoordinates</name>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="175"/>
        <source>Select two or more finished runs that differ in some setting (a sweep&apos;s runs).</source>
        <translation>Wählen Sie zwei oder mehr beendete Läufe, die sich in einer Einstellung unterscheiden (die Läufe eines Sweeps).</translation>
    </message>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="112"/>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="224"/>
        <source>run %1 &quot;%2&quot;: %3</source>
        <translation>Lauf %1 „%2“: %3</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::PipelineDialog</name>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="16"/>
        <source>Pipeline: teacher -&gt; labels -&gt; student</source>
        <translation>Pipeline: Lehrer -&gt; Labels -&gt; Schüler</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="18"/>
        <source>Each stage becomes a run and starts when the one before has finished.</source>
        <translation>Jede Stufe wird ein Lauf und startet, wenn die vorige fertig ist.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="42"/>
        <source>1. Teacher preset</source>
        <translation>1. Vorgabe des Lehrers</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="43"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="44"/>
        <source>2. Crops per image</source>
        <translation>2. Ausschnitte je Bild</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="45"/>
        <source>Label type</source>
        <translation>Label-Typ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="49"/>
        <source>Label store</source>
        <translation>Label-Speicher</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="50"/>
        <source>3. Student preset</source>
        <translation>3. Vorgabe des Schülers</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="52"/>
        <source>Start pipeline</source>
        <translation>Pipeline starten</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ResultsView</name>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="30"/>
        <source>Evaluate the best checkpoint</source>
        <translation>Besten Checkpoint auswerten</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="34"/>
        <source>Most confidently wrong</source>
        <translation>Am sichersten falsch</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="36"/>
        <source>The test images the model got wrong with the highest confidence</source>
        <translation>Die Testbilder, die das Modell mit der höchsten Konfidenz falsch erkannt hat</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="39"/>
        <location filename="../ui/runs/results_view.cpp" line="97"/>
        <source>Select one run.</source>
        <translation>Einen Lauf auswählen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="58"/>
        <source>Rows: true class; columns: predicted class. Click a cell to see its images.</source>
        <translation>Zeilen: wahre Klasse; Spalten: vorhergesagte Klasse. Klicken Sie eine Zelle an, um ihre Bilder zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="67"/>
        <location filename="../ui/runs/results_view.cpp" line="96"/>
        <source>Click a cell of the confusion matrix to see its test images.</source>
        <translation>Klicken Sie eine Zelle der Konfusionsmatrix an, um ihre Testbilder zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="111"/>
        <source>evaluating: %1 of %2 test images</source>
        <translation>werte aus: %1 von %2 Testbildern</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="144"/>
        <source>Teacher %1: top-1 agreement %2%, mean KL(teacher || student) %3</source>
        <translation>Lehrer %1: Top-1-Übereinstimmung %2 %, mittlere KL(Lehrer || Schüler) %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="149"/>
        <source>Teacher not compared: %1</source>
        <translation>Lehrer nicht verglichen: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="155"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="155"/>
        <source>Accuracy %</source>
        <translation>Genauigkeit %</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="156"/>
        <source>Agrees with teacher %</source>
        <translation>Stimmt mit Lehrer überein %</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="156"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/results_view.cpp" line="193"/>
        <source>True %1, predicted %2: %n image(s), the most confident first</source>
        <translation>
            <numerusform>Wahr %1, vorhergesagt %2: %n Bild, das sicherste zuerst</numerusform>
            <numerusform>Wahr %1, vorhergesagt %2: %n Bilder, die sichersten zuerst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/results_view.cpp" line="200"/>
        <source>The %n most confidently wrong test image(s)</source>
        <translation>
            <numerusform>Das am sichersten falsche Testbild</numerusform>
            <numerusform>Die %n am sichersten falschen Testbilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="217"/>
        <source>test image %1
true: %2
predicted: %3 (p = %4)</source>
        <translation>Testbild %1
wahr: %2
vorhergesagt: %3 (p = %4)</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="222"/>
        <source>teacher: %1, KL %2</source>
        <translation>Lehrer: %1, KL %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="97"/>
        <source>Evaluate to see per-class accuracy and the confusion matrix.</source>
        <translation>Auswerten, um Genauigkeit je Klasse und Konfusionsmatrix zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="103"/>
        <source>evaluating...</source>
        <translation>werte aus...</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="137"/>
        <source>%1 test images: top-1 %2%, top-5 %3%, loss %4 (checkpoint after epoch %5)</source>
        <translation>%1 Testbilder: Top-1 %2%, Top-5 %3%, Loss %4 (Checkpoint nach Epoche %5)</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunActions</name>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="23"/>
        <source>Rename...</source>
        <translation>Umbenennen...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="24"/>
        <source>Tags...</source>
        <translation>Tags...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="25"/>
        <source>Notes...</source>
        <translation>Notizen...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="26"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="27"/>
        <source>Unarchive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="28"/>
        <source>Delete...</source>
        <translation>Löschen...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="30"/>
        <source>Show archived runs</source>
        <translation>Archivierte Läufe zeigen</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="135"/>
        <source>Run %1 &apos;%2&apos; (%3): %4</source>
        <translation>Lauf %1 &apos;%2&apos; (%3): %4</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="142"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="151"/>
        <source>Deleting frees %1: metrics, checkpoints, run folders and the label sets these runs made.</source>
        <translation>Löschen gibt %1 frei: Metriken, Checkpoints, Laufordner und die Label-Sets dieser Läufe.</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="164"/>
        <source>Could not remove: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="169"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="186"/>
        <source>Rename run %1</source>
        <translation>Lauf %1 umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="186"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="196"/>
        <source>Tags of run %1</source>
        <translation>Tags von Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="196"/>
        <source>Tags (comma-separated):</source>
        <translation>Tags (durch Kommas getrennt):</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="206"/>
        <source>Notes of run %1</source>
        <translation>Notizen zu Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="206"/>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="218"/>
        <location filename="../ui/runs/run_actions.cpp" line="221"/>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="221"/>
        <source>Delete for good?</source>
        <translation>Endgültig löschen?</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunComparisonView</name>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="25"/>
        <source>Only fields that differ</source>
        <translation>Nur abweichende Felder</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="38"/>
        <source>Runs that differ only in their seed:</source>
        <translation>Läufe, die sich nur im Seed unterscheiden:</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Last top-1 %</source>
        <translation>Letzte Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Best top-1 %</source>
        <translation>Beste Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="64"/>
        <source>best test top-1 %</source>
        <translation>beste Test-Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="64"/>
        <source>last test top-1 %</source>
        <translation>letzte Test-Top-1 %</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="57"/>
        <source>Filter runs: words, or tag:, status:, preset:, name:</source>
        <translation>Läufe filtern: Wörter, oder tag:, status:, preset:, name:</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="58"/>
        <source>Every word must match. A plain word matches the name, tags, preset, kind or status;
tag:baseline, status:failed, preset:fmnist or name:seed restrict it to one field.</source>
        <translation>Jedes Wort muss passen. Ein einfaches Wort passt auf Name, Schlagwörter, Vorlage, Art oder Status;
tag:baseline, status:failed, preset:fmnist oder name:seed beschränken es auf ein Feld.</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="64"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunsTableModel</name>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="128"/>
        <source>(archived)</source>
        <translation>(archiviert)</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="189"/>
        <source>Validation top-1 of the best checkpoint (runs with data.val_split)</source>
        <translation>Validierungs-Top-1 des besten Checkpoints (Läufe mit data.val_split)</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="190"/>
        <source>Test top-1 of the best checkpoint</source>
        <translation>Test-Top-1 des besten Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="191"/>
        <source>Disk space the run&apos;s folder, checkpoints and label set take</source>
        <translation>Speicherplatz, den Ordner, Checkpoints und Label-Set des Laufs belegen</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="196"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="197"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="198"/>
        <source>Val %</source>
        <translation>Val %</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="199"/>
        <source>Test %</source>
        <translation>Test %</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="200"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="201"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="202"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="203"/>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="204"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="205"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="206"/>
        <source>Disk</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ServerRunHost</name>
    <message>
        <location filename="../ui/server/server_run_host.cpp" line="141"/>
        <source>training on the server</source>
        <translation>trainiert auf dem Server</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="41"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="47"/>
        <source>default ($FERKD_WORKSPACE or ~/.local/share/ferkd-studio)</source>
        <translation>Standard ($FERKD_WORKSPACE oder ~/.local/share/ferkd-studio)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="48"/>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="50"/>
        <source>Workspace folder</source>
        <translation>Arbeitsbereich-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="55"/>
        <source>Workspace (at the next start)</source>
        <translation>Arbeitsbereich (beim nächsten Start)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="59"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>Threads of new runs</source>
        <translation>Threads neuer Läufe</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="66"/>
        <source>Device of new runs</source>
        <translation>Gerät neuer Läufe</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="71"/>
        <source>Data parallel: each process trains on its share of every batch (torch.distributed, Gloo); the run is shown as one. The threads are shared among the processes.</source>
        <translation>Datenparallel: Jeder Prozess trainiert seinen Teil jedes Batches (torch.distributed, Gloo); der Lauf erscheint als einer. Die Threads werden unter den Prozessen aufgeteilt.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="73"/>
        <source>Processes per training run</source>
        <translation>Prozesse je Trainingslauf</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="76"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="81"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::StudioShell</name>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="47"/>
        <location filename="../ui/window/studio_shell.cpp" line="55"/>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="48"/>
        <source>A run is active in this workspace. Stop it (or let it finish) before opening another.</source>
        <translation>In diesem Arbeitsbereich läuft ein Lauf. Stoppen Sie ihn (oder lassen Sie ihn enden), bevor Sie einen anderen öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="92"/>
        <source>this studio was built without the server&apos;s client (FERKD_WITH_SERVER=OFF)</source>
        <translation>dieses Studio wurde ohne den Server-Client gebaut (FERKD_WITH_SERVER=OFF)</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="99"/>
        <source>Connect to server</source>
        <translation>Mit Server verbinden</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SweepView</name>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="22"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="25"/>
        <source>best test top-1 %</source>
        <translation>beste Test-Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="26"/>
        <source>best val top-1 %</source>
        <translation>beste Validierungs-Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="27"/>
        <source>last test top-1 %</source>
        <translation>letzte Test-Top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="30"/>
        <source>Against</source>
        <translation>Gegen</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="46"/>
        <source>One line per run through the settings that vary, coloured by the metric; click a line</source>
        <translation>Eine Linie je Lauf durch die variierenden Einstellungen, nach der Metrik gefärbt; klicken Sie eine Linie an</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="48"/>
        <source>Metric against one setting: mean ± std over the runs that share its value</source>
        <translation>Metrik gegen eine Einstellung: Mittel ± Std über die Läufe mit demselben Wert</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="86"/>
        <source>Select the runs of a sweep.</source>
        <translation>Wählen Sie die Läufe eines Sweeps.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/sweep_view.cpp" line="87"/>
        <source>%n run(s), %1 setting(s) vary, %2 with the metric</source>
        <translation>
            <numerusform>%n Lauf, %1 Einstellung(en) variieren, %2 mit der Metrik</numerusform>
            <numerusform>%n Läufe, %1 Einstellung(en) variieren, %2 mit der Metrik</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="124"/>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="130"/>
        <source>± std over seeds</source>
        <translation>± Std über Seeds</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SystemMetricsView</name>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>System (sampled every 5 s while a run trains)</source>
        <translation>System (alle 5 s während des Trainings gemessen)</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>CPU / GPU use, %</source>
        <translation>CPU-/GPU-Auslastung, %</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>memory, MiB</source>
        <translation>Speicher, MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="31"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="31"/>
        <source>images per second</source>
        <translation>Bilder pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="67"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="68"/>
        <source>resident memory MiB</source>
        <translation>residenter Speicher MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="69"/>
        <source>GPU %</source>
        <translation>GPU %</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="70"/>
        <source>GPU memory MiB</source>
        <translation>GPU-Speicher MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="74"/>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::WelcomePanel</name>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="14"/>
        <source>Welcome to FerKD Studio</source>
        <translation>Willkommen bei FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="20"/>
        <source>This workspace has no runs yet. Start with one of these:</source>
        <translation>Dieser Arbeitsbereich hat noch keine Läufe. Beginnen Sie mit einem davon:</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="40"/>
        <source>Quick start: train a small ResNet on Fashion-MNIST</source>
        <translation>Schnellstart: ein kleines ResNet auf Fashion-MNIST trainieren</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="41"/>
        <source>The fmnist-resnet-quick preset: about 92% test top-1 in about 2 minutes on 2 CPU cores. Loss and accuracy appear live in the monitor.</source>
        <translation>Die Vorgabe fmnist-resnet-quick: etwa 92 % Test-Top-1 in etwa 2 Minuten auf 2 CPU-Kernen. Verlust und Genauigkeit erscheinen live im Monitor.</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="44"/>
        <source>Pipeline: teacher, label set, distilled student</source>
        <translation>Pipeline: Lehrer, Label-Satz, destillierter Schüler</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="45"/>
        <source>Trains a teacher, labels random crops of every image once, then trains an FKD or FerKD student on the stored labels. The stages queue one after another.</source>
        <translation>Trainiert einen Lehrer, beschriftet einmal zufällige Ausschnitte jedes Bildes und trainiert dann einen FKD- oder FerKD-Schüler auf den gespeicherten Labels. Die Stufen laufen nacheinander.</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="48"/>
        <source>Inspect a data set...</source>
        <translation>Datensatz untersuchen...</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="49"/>
        <source>Classes, counts, sample images and unreadable files of an image folder, IDX files or a packed data set.</source>
        <translation>Klassen, Anzahlen, Beispielbilder und unlesbare Dateien eines Bildordners, von IDX-Dateien oder eines gepackten Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="52"/>
        <source>Open another workspace...</source>
        <translation>Anderen Arbeitsbereich öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="53"/>
        <source>A folder with an experiment database, e.g. one a CLI run or another machine wrote.</source>
        <translation>Ein Ordner mit einer Experimentdatenbank, z. B. von einem CLI-Lauf oder einem anderen Rechner.</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="56"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>FerKD Studio: knowledge distillation with region-level soft labels</source>
        <translation>FerKD Studio: Wissensdestillation mit Soft-Labels auf Regionsebene</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>Workspace folder.</source>
        <translation>Ordner des Arbeitsbereichs.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="41"/>
        <source>Quit after this many milliseconds (for tests).</source>
        <translation>Nach so vielen Millisekunden beenden (für Tests).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="42"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="43"/>
        <source>Show these runs (comma-separated ids).</source>
        <translation>Diese Läufe zeigen (Ids durch Kommas getrennt).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="43"/>
        <source>ids</source>
        <translation>Ids</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="51"/>
        <source>Open this label store in the crop browser.</source>
        <translation>Diesen Label-Speicher in den Ausschnitten öffnen.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="40"/>
        <location filename="../app/studio/main.cpp" line="51"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="52"/>
        <source>The data set of --labels (default: fashion-mnist).</source>
        <translation>Der Datensatz zu --labels (Standard: fashion-mnist).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="53"/>
        <location filename="../app/studio/main.cpp" line="56"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="44"/>
        <source>Show this tab of the run details.</source>
        <translation>Diesen Reiter der Laufdetails zeigen.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="44"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="50"/>
        <source>Open the New run form.</source>
        <translation>Das Formular „Neuer Lauf“ öffnen.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="56"/>
        <source>Inspect this data set.</source>
        <translation>Diesen Datensatz prüfen.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="54"/>
        <source>Write the crop browser&apos;s Figure 1 of --labels to this PNG and quit.</source>
        <translation>Abbildung 1 des Ausschnitt-Browsers für --labels als PNG schreiben und beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="55"/>
        <source>png</source>
        <translation>png</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="46"/>
        <source>Evaluate the selected run and list the images of this confusion cell (true,predicted).</source>
        <translation>Den gewählten Lauf auswerten und die Bilder dieser Konfusionszelle (wahr,vorhergesagt) auflisten.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="47"/>
        <source>t,p</source>
        <translation>w,v</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="48"/>
        <source>The field of the sweep view&apos;s metric chart.</source>
        <translation>Das Feld des Metrikdiagramms der Sweep-Ansicht.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="49"/>
        <source>field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="35"/>
        <source>Open the workspace a `ferkd serve` serves at this URL, instead of a folder&apos;s.</source>
        <translation>Den Arbeitsbereich öffnen, den ein `ferkd serve` unter dieser URL bereitstellt, statt eines Ordners.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="37"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="39"/>
        <source>The server&apos;s token (default: $FERKD_TOKEN_FILE, else the one File &gt; Connect to server saved).</source>
        <translation>Das Token des Servers (Vorgabe: $FERKD_TOKEN_FILE, sonst das von Datei &gt; Mit Server verbinden gespeicherte).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="88"/>
        <location filename="../app/studio/main.cpp" line="97"/>
        <location filename="../app/studio/main.cpp" line="102"/>
        <source>FerKD Studio</source>
        <translation>FerKD Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="89"/>
        <source>Cannot open the workspace:
%1

Start a fresh experiment database there? The damaged file is kept under another name.</source>
        <translation>Der Arbeitsbereich lässt sich nicht öffnen:
%1

Dort eine neue Experiment-Datenbank anlegen? Die beschädigte Datei bleibt unter anderem Namen erhalten.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="98"/>
        <source>The damaged database was kept as %1.</source>
        <translation>Die beschädigte Datenbank wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="103"/>
        <source>Cannot open the workspace:
%1</source>
        <translation>Der Arbeitsbereich lässt sich nicht öffnen:
%1</translation>
    </message>
</context>
</TS>
