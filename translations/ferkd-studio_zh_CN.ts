<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="35"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="36"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="37"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="38"/>
        <source>FerKD rule</source>
        <translation>FerKD 规则</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="39"/>
        <source>Teacher and labels</source>
        <translation>教师与标签</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="40"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="41"/>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="42"/>
        <source>Schedule</source>
        <translation>训练计划</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="43"/>
        <source>Checkpoints and runtime</source>
        <translation>检查点与运行环境</translation>
    </message>
</context>
<context>
    <name>CropBrowser</name>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="23"/>
        <source>discarded (hard)</source>
        <translation>已丢弃（困难）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="24"/>
        <source>calibrated</source>
        <translation>已校准</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="25"/>
        <source>teacher&apos;s label</source>
        <translation>教师标签</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="26"/>
        <source>discarded (easy)</source>
        <translation>已丢弃（简单）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_group_style.cpp" line="33"/>
        <source>object (true box)</source>
        <translation>物体（真实框）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="16"/>
        <source>seconds since the run started</source>
        <translation>自运行开始的秒数</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="15"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="16"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="17"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="18"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="19"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="20"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="21"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>ferkd::ExportDialog</name>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="14"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="23"/>
        <source>The student for deployment runtimes (ONNX Runtime, TensorRT, OpenVINO, OpenCV DNN)</source>
        <translation>用于部署运行时的学生模型（ONNX Runtime、TensorRT、OpenVINO、OpenCV DNN）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="37"/>
        <source>17 writes LayerNormalization; 13 to 16 write it as elementary operators</source>
        <translation>17 写入 LayerNormalization；13 到 16 写成基本算子</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="38"/>
        <source>dynamic</source>
        <translation>动态</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="39"/>
        <source>as trained</source>
        <translation>与训练时相同</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="40"/>
        <source>Convolutional networks run at any size; transformers only at the trained one</source>
        <translation>卷积网络可在任意尺寸运行；Transformer 只能在训练尺寸运行</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="41"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="42"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="43"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="44"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="45"/>
        <source>ONNX opset</source>
        <translation>ONNX opset</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="46"/>
        <source>ONNX batch</source>
        <translation>ONNX 批大小</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/export_dialog.cpp" line="47"/>
        <source>ONNX input size</source>
        <translation>ONNX 输入尺寸</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::CheckpointsView</name>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Best top-1 %</source>
        <translation>最佳 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>Written</source>
        <translation>写入时间</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="22"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="29"/>
        <source>Resume from the selected checkpoint</source>
        <translation>从所选检查点继续</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="73"/>
        <source>the run is active; stop it first</source>
        <translation>该运行正在进行；请先停止它</translation>
    </message>
    <message>
        <location filename="../ui/runs/checkpoints_view.cpp" line="78"/>
        <source>run %1 resumes from its %2 checkpoint</source>
        <translation>运行 %1 将从其 %2 检查点继续</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="71"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="101"/>
        <location filename="../ui/dialogs/config_editor.cpp" line="203"/>
        <source>Paper: %1</source>
        <translation>论文取值：%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="177"/>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/config_editor.cpp" line="177"/>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/config_editor.cpp" line="210"/>
        <source>%n problems in the config:</source>
        <translation>
            <numerusform>配置中有 %n 个问题：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/config_editor.cpp" line="212"/>
        <source>Valid. %n field(s) differ from the preset.</source>
        <translation>
            <numerusform>有效。%n 个字段与预设不同。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ConnectDialog</name>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="19"/>
        <source>Connect to server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="21"/>
        <source>A workspace served by &lt;tt&gt;ferkd serve&lt;/tt&gt; on another machine, usually through an SSH tunnel (&lt;tt&gt;ssh -L 8765:127.0.0.1:8765 gpu-server&lt;/tt&gt;): see docs/REMOTE.md.</source>
        <translation>由另一台机器上的 &lt;tt&gt;ferkd serve&lt;/tt&gt; 提供的工作区，通常经由 SSH 隧道（&lt;tt&gt;ssh -L 8765:127.0.0.1:8765 gpu-server&lt;/tt&gt;）访问：参见 docs/REMOTE.md。</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="28"/>
        <source>Server URL:</source>
        <translation>服务器 URL：</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="32"/>
        <source>the 64 hex digits of the server&apos;s &lt;workspace&gt;/server/token</source>
        <translation>服务器 &lt;工作区&gt;/server/token 中的 64 位十六进制数字</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="33"/>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="65"/>
        <source>A token for this server is saved; leave the field empty to use it.</source>
        <translation>已保存此服务器的令牌；留空即可使用。</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="71"/>
        <source>Server URL: expected http://host:port or https://host:port, got &apos;%1&apos;</source>
        <translation>服务器 URL：应为 http://host:port 或 https://host:port，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../ui/server/connect_dialog.cpp" line="77"/>
        <source>Token: paste the server&apos;s token (none is saved for this server)</source>
        <translation>令牌：请粘贴服务器的令牌（尚未保存此服务器的令牌）</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::CropBrowser</name>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="77"/>
        <source>Label sets generated in this workspace</source>
        <translation>此工作区生成的标签集</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="85"/>
        <source>The data set the labels were made for</source>
        <translation>标签所对应的数据集</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="89"/>
        <source>label store (.fkdl)</source>
        <translation>标签存储 (.fkdl)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="91"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="92"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="99"/>
        <source>Open label store</source>
        <translation>打开标签存储</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="99"/>
        <source>Label stores (*.fkdl);;All files (*)</source>
        <translation>标签存储 (*.fkdl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="116"/>
        <source>Random image</source>
        <translation>随机图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="119"/>
        <source>Images with the most crops whose p(true class) is below the hard threshold</source>
        <translation>p(真实类别) 低于困难阈值的裁剪最多的图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="122"/>
        <source>file name, or #index</source>
        <translation>文件名，或 #序号</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="128"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="129"/>
        <location filename="../ui/crops/crop_browser.cpp" line="190"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="130"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="166"/>
        <source>Open a label set to browse its crops.</source>
        <translation>打开一个标签集以浏览其裁剪。</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="191"/>
        <source>p against object coverage</source>
        <translation>p 与物体覆盖率</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="192"/>
        <source>Every crop&apos;s p(true class) against the share of the object it holds, for the whole label set (data sets with object boxes)</source>
        <translation>整个标签集中每个裁剪的 p(真实类别) 与其所含物体比例的关系（带物体框的数据集）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="204"/>
        <source>paper: FerKD&apos;s equation, three thresholds on p(true class); fraction, threshold: the earlier per-image reading (an image&apos;s least confident crops calibrated)</source>
        <translation>paper：FerKD 的公式，对 p(真实类别) 设三个阈值；fraction、threshold：早先的逐图像解读（校准每张图像置信度最低的裁剪）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="234"/>
        <source>distill.ferkd.t_low: crops with p(true class) below it are discarded</source>
        <translation>distill.ferkd.t_low：p(真实类别) 低于此值的裁剪被丢弃</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="235"/>
        <source>distill.ferkd.t_mid: from T_L up to it, crops get the softened ground truth</source>
        <translation>distill.ferkd.t_mid：从 T_L 到此值的裁剪使用平滑后的真实标签</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="236"/>
        <source>distill.ferkd.t_top: crops with p(true class) above it are discarded</source>
        <translation>distill.ferkd.t_top：p(真实类别) 高于此值的裁剪被丢弃</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="237"/>
        <source>hard share</source>
        <translation>困难比例</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="238"/>
        <source>distill.ferkd.hard_fraction: each image&apos;s least confident share of crops is calibrated</source>
        <translation>distill.ferkd.hard_fraction：校准每张图像中置信度最低的那部分裁剪</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="239"/>
        <source>hard below</source>
        <translation>困难阈值</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="240"/>
        <source>distill.ferkd.hard_threshold: crops with p(true class) below it are calibrated</source>
        <translation>distill.ferkd.hard_threshold：p(真实类别) 低于此值的裁剪被校准</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="241"/>
        <source>distill.ferkd.eps: the calibrated label is (1 - eps) onehot + eps / K</source>
        <translation>distill.ferkd.eps：校准标签为 (1 - eps) onehot + eps / K</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="246"/>
        <source>FerKD rule</source>
        <translation>FerKD 规则</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="382"/>
        <source>data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="537"/>
        <source>Over the whole label set:</source>
        <translation>整个标签集：</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="570"/>
        <source>Images with the most crops whose p(true class) is below %1</source>
        <translation>p(真实类别) 低于 %1 的裁剪最多的图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="573"/>
        <source>%1 %2: %3/%4, p %5</source>
        <translation>%1 %2：%3/%4，p %5</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="617"/>
        <source>Image %1, class %2, %3 stored crops: %4 discarded (hard), %5 calibrated, %6 teacher&apos;s label, %7 discarded (easy)</source>
        <translation>图像 %1，类别 %2，%3 个已存裁剪：%4 个已丢弃（困难），%5 个已校准，%6 个教师标签，%7 个已丢弃（简单）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="252"/>
        <source>p(true class)</source>
        <translation>p(真实类别)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="133"/>
        <source>Most crops the teacher hardly recognises (image, class, crops below the threshold, mean p):</source>
        <translation>教师几乎无法识别的裁剪最多的图像（图像、类别、低于阈值的裁剪数、平均 p）：</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="253"/>
        <source>share of crops (%)</source>
        <translation>裁剪占比 (%)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="259"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="262"/>
        <source>A trained run whose prediction is shown beside each crop&apos;s stored label</source>
        <translation>一个已训练的运行，其预测显示在每个裁剪的存储标签旁</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="271"/>
        <source>Export Figure 1...</source>
        <translation>导出图 1...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="277"/>
        <source>Export Figure 1</source>
        <translation>导出图 1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="277"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="280"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="353"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="417"/>
        <source>reading %1 ...</source>
        <translation>正在读取 %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="446"/>
        <source>all classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="635"/>
        <source>crop %1 (%2)
teacher&apos;s top-5:
%3</source>
        <translation>裁剪 %1（%2）
教师的 top-5：
%3</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="639"/>
        <source>holds %1% of the object</source>
        <translation>包含物体的 %1%</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="644"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="645"/>
        <source>student: %1 %2</source>
        <translation>学生：%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/crops/crop_browser.cpp" line="719"/>
        <source>no image named like &quot;%1&quot;</source>
        <translation>没有名称类似“%1”的图像</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::DatasetView</name>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="29"/>
        <source>Inspect data set</source>
        <translation>检查数据集</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="35"/>
        <source>fashion-mnist, an IDX folder, an image folder (class sub-folders, or train/ and val/ inside) or a packed folder</source>
        <translation>fashion-mnist、IDX 文件夹、图像文件夹（按类别分子文件夹，或内含 train/ 与 val/）或打包文件夹</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="37"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="38"/>
        <source>Decode every image</source>
        <translation>解码每张图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="40"/>
        <source>Finds images whose data is damaged past the header; slow for large folders</source>
        <translation>找出文件头之后数据损坏的图像；大文件夹较慢</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="41"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="48"/>
        <source>Choose a data set and scan it.</source>
        <translation>选择一个数据集并扫描。</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="74"/>
        <source>Data set folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="86"/>
        <source>scanning %1 ...</source>
        <translation>正在扫描 %1 ...</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/crops/dataset_view.cpp" line="114"/>
        <source>%1: %2 (%3), %n image(s), first image %4x%5x%6</source>
        <translation>
            <numerusform>%1：%2（%3），%n 张图像，首张图像 %4x%5x%6</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="120"/>
        <source>  made by: %1</source>
        <translation>  生成方式：%1</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="122"/>
        <source>  object boxes: %1 images, mean %2 x %3 px, %4% of the image</source>
        <translation>  物体框：%1 张图像，平均 %2 x %3 像素，占图像的 %4%</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="128"/>
        <source>fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="135"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="135"/>
        <source>Train images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="136"/>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location filename="../ui/crops/dataset_view.cpp" line="150"/>
        <source>No file left out.</source>
        <translation>没有遗漏任何文件。</translation>
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
        <translation>设备：CPU，%1 个线程</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="160"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="178"/>
        <source>run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="201"/>
        <source>labelling %1/%2 images, %3 img/s, ETA %4</source>
        <translation>正在标注 %1/%2 张图像，%3 张图/秒，预计剩余 %4</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="219"/>
        <source>run %1 %2</source>
        <translation>运行 %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="245"/>
        <source>Monitor</source>
        <translation>监控</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="248"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="252"/>
        <source>Config</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="257"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="260"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="266"/>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="269"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="272"/>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="304"/>
        <source>Crop browser</source>
        <translation>裁剪浏览器</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="309"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="320"/>
        <location filename="../ui/window/main_window.cpp" line="623"/>
        <source>New run</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="354"/>
        <location filename="../ui/window/main_window.cpp" line="368"/>
        <location filename="../ui/window/main_window.cpp" line="658"/>
        <source>Quick start</source>
        <translation>快速开始</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="363"/>
        <source>(needs a label set: use Pipeline)</source>
        <translation>（需要标签集：请使用流水线）</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="322"/>
        <location filename="../ui/window/main_window.cpp" line="675"/>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="323"/>
        <location filename="../ui/window/main_window.cpp" line="324"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="325"/>
        <location filename="../ui/window/main_window.cpp" line="326"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="328"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="331"/>
        <location filename="../ui/window/main_window.cpp" line="332"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="333"/>
        <location filename="../ui/window/main_window.cpp" line="334"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="336"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="399"/>
        <source>Run %1 generated labels: only a training run can be duplicated</source>
        <translation>运行 %1 生成的是标签：只有训练运行可以复制</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="337"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="417"/>
        <source>&amp;Open workspace...</source>
        <translation>打开工作区(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="681"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="700"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="338"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="119"/>
        <source>Server %1: connected</source>
        <translation>服务器 %1：已连接</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="120"/>
        <source>Server %1: not reachable, showing what was read before (%2)</source>
        <translation>服务器 %1：无法连接，显示此前读取的内容（%2）</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="130"/>
        <source>FerKD Studio: %1</source>
        <translation>FerKD Studio：%1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="162"/>
        <source>Runs train on the server</source>
        <translation>运行在服务器上训练</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="192"/>
        <source>epoch %1/%2, %3 img/s</source>
        <translation>第 %1/%2 轮，%3 图像/秒</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="194"/>
        <source>%1, ETA %2</source>
        <translation>%1，剩余 %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="339"/>
        <location filename="../ui/window/main_window.cpp" line="342"/>
        <source>Export metrics</source>
        <translation>导出指标</translation>
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
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="345"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="409"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="411"/>
        <source>&amp;Refresh runs</source>
        <translation>刷新运行列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="422"/>
        <source>&amp;Connect to server...</source>
        <translation>连接到服务器(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="425"/>
        <source>&amp;Inspect data set...</source>
        <translation>检查数据集(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="428"/>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="437"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="439"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="459"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="460"/>
        <source>&amp;About FerKD Studio</source>
        <translation>关于 FerKD Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="461"/>
        <source>About FerKD Studio</source>
        <translation>关于 FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="462"/>
        <source>FerKD Studio %1
Knowledge distillation with region-level soft labels (FKD, FerKD).</source>
        <translation>FerKD Studio %1
基于区域级软标签的知识蒸馏（FKD、FerKD）。</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="474"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="475"/>
        <source>Device: %1, %2</source>
        <translation>设备：%1，%2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="707"/>
        <source>exported run %1 to %2: %3</source>
        <translation>已将运行 %1 导出到 %2：%3</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="711"/>
        <source>export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="716"/>
        <source>exporting to %1 ...</source>
        <translation>正在导出到 %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="749"/>
        <source>Quit FerKD Studio</source>
        <translation>退出 FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="750"/>
        <source>A run is active. Stop it (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>有运行正在进行。停止它（会保存检查点，之后可继续）并退出吗？</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="755"/>
        <source>stopping...</source>
        <translation>正在停止...</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MemoryPlanView</name>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="33"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="66"/>
        <source>Memory plan: made once every field is valid.</source>
        <translation>内存计划：所有字段有效后生成。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="70"/>
        <source>Memory plan: waiting for the fields to settle...</source>
        <translation>内存计划：等待字段稳定……</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="80"/>
        <source>Memory plan: measuring the model&apos;s passes on this machine...</source>
        <translation>内存计划：正在本机上测量模型的前向和反向传播……</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="118"/>
        <source>Memory plan: could not be made: %1</source>
        <translation>内存计划：无法生成：%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/memory_plan_view.cpp" line="123"/>
        <source>Memory plan: %1</source>
        <translation>内存计划：%1</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MetricsChart</name>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="42"/>
        <source>Train loss per step</source>
        <translation>每步训练损失</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="43"/>
        <source>Loss per epoch</source>
        <translation>每轮损失</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="44"/>
        <source>Top-1 accuracy</source>
        <translation>Top-1 准确率</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="44"/>
        <source>top-1 %</source>
        <translation>top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="45"/>
        <source>Top-5 accuracy</source>
        <translation>Top-5 准确率</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="45"/>
        <source>top-5 %</source>
        <translation>top-5 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="46"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="47"/>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="47"/>
        <source>images / s</source>
        <translation>图像 / 秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="59"/>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="62"/>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="76"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="82"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="78"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="84"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="88"/>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="80"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="86"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="90"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="102"/>
        <source>x-axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="105"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="106"/>
        <source>Epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="107"/>
        <source>Wall time</source>
        <translation>时钟时间</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="108"/>
        <source>Relative time</source>
        <translation>相对时间</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="112"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="117"/>
        <source>Exponential moving average of the step loss</source>
        <translation>逐步损失的指数移动平均</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="130"/>
        <source>Seeds: mean ± std</source>
        <translation>种子：均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="59"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="61"/>
        <source>wall time</source>
        <translation>时钟时间</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="62"/>
        <source>time since the first step (h:mm:ss)</source>
        <translation>自第一步起的时间 (h:mm:ss)</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="42"/>
        <location filename="../ui/charts/metrics_chart.cpp" line="43"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_axis.cpp" line="60"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="46"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="120"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="122"/>
        <source>Logarithmic y-axis for the loss and learning-rate charts</source>
        <translation>损失和学习率图表使用对数纵轴</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="125"/>
        <source>Ignore outliers</source>
        <translation>忽略离群值</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="127"/>
        <source>Fit the y-axis to the 2nd..98th percentile of the values</source>
        <translation>纵轴适配数值的第 2 至第 98 百分位</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="132"/>
        <source>Runs that differ only in their seed as one mean test top-1 curve with a band</source>
        <translation>仅种子不同的运行显示为一条带误差带的平均测试 top-1 曲线</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="136"/>
        <source>Select a run in the list to see its curves; Ctrl+click adds runs to compare them.</source>
        <translation>在列表中选择一个运行以查看其曲线；按住 Ctrl 单击可添加运行进行比较。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/metrics_chart.cpp" line="283"/>
        <source>mean of %n seeds</source>
        <translation>
            <numerusform>%n 个种子的均值</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="60"/>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="61"/>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/charts/metrics_chart.cpp" line="518"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::MiningPlot</name>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="25"/>
        <source>share of the object in the crop</source>
        <translation>裁剪中物体所占比例</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="26"/>
        <source>p(true class)</source>
        <translation>p(真实类别)</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="47"/>
        <source>This data set has no object boxes. `ferkd dataset make-cluttered` makes one that has; an image folder can bring them in boxes.csv (docs/TESTBED.md).</source>
        <translation>此数据集没有物体框。`ferkd dataset make-cluttered` 可生成带框的数据集；图像文件夹可在 boxes.csv 中提供（docs/TESTBED.md）。</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="104"/>
        <source>middle half of p</source>
        <translation>p 的中间一半</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="110"/>
        <source>median p</source>
        <translation>p 的中位数</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="132"/>
        <source>AUC %1 | discarded-hard without object %2% | calibrated context %3% | no-object crops discarded %4%</source>
        <translation>AUC %1 | 困难丢弃中无物体 %2% | 校准中为上下文 %3% | 无物体裁剪被丢弃 %4%</translation>
    </message>
    <message>
        <location filename="../ui/crops/mining_plot.cpp" line="139"/>
        <source>ROC AUC of p(true class) for crops with most of the object (coverage &gt;= %1) against crops with none (&lt; %2): %3.
Discarded-hard crops that hold no object: %4%.
Calibrated crops that do not hold most of the object (context): %5%.
No-object crops the rule discards as hard: %6%.
Of %7 crops: %8% no object, %9% most of it.
Dashed lines: the rule&apos;s thresholds; dotted: the coverage cuts.</source>
        <translation>p(真实类别) 区分含大部分物体的裁剪（覆盖率 &gt;= %1）与无物体裁剪（&lt; %2）的 ROC AUC：%3。
困难丢弃组中无物体的裁剪：%4%。
校准组中不含大部分物体的裁剪（上下文）：%5%。
被规则作为困难丢弃的无物体裁剪：%6%。
共 %7 个裁剪：%8% 无物体，%9% 含大部分物体。
虚线：规则的阈值；点线：覆盖率界限。</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::NewRunDialog</name>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="16"/>
        <source>New run</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="25"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="27"/>
        <source>Load JSON...</source>
        <translation>载入 JSON...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="28"/>
        <source>Save JSON...</source>
        <translation>保存 JSON...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="39"/>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="41"/>
        <source>Load config</source>
        <translation>载入配置</translation>
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
        <translation>保存配置</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/new_run_dialog.cpp" line="69"/>
        <source>Queue on %1</source>
        <translation>加入 %1 的队列</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ParallelCoordinates</name>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="175"/>
        <source>Select two or more finished runs that differ in some setting (a sweep&apos;s runs).</source>
        <translation>请选择两个或更多在某项设置上不同的已完成运行（一次扫描的运行）。</translation>
    </message>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="112"/>
        <source> (log)</source>
        <translation>（对数）</translation>
    </message>
    <message>
        <location filename="../ui/charts/parallel_coordinates.cpp" line="224"/>
        <source>run %1 &quot;%2&quot;: %3</source>
        <translation>运行 %1 “%2”：%3</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::PipelineDialog</name>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="16"/>
        <source>Pipeline: teacher -&gt; labels -&gt; student</source>
        <translation>流水线：教师 -&gt; 标签 -&gt; 学生</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="18"/>
        <source>Each stage becomes a run and starts when the one before has finished.</source>
        <translation>每个阶段都是一个运行，在前一个完成后开始。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="42"/>
        <source>1. Teacher preset</source>
        <translation>1. 教师预设</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="43"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="44"/>
        <source>2. Crops per image</source>
        <translation>2. 每张图像的裁剪数</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="45"/>
        <source>Label type</source>
        <translation>标签类型</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="49"/>
        <source>Label store</source>
        <translation>标签存储</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="50"/>
        <source>3. Student preset</source>
        <translation>3. 学生预设</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/pipeline_dialog.cpp" line="52"/>
        <source>Start pipeline</source>
        <translation>启动流水线</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ResultsView</name>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="30"/>
        <source>Evaluate the best checkpoint</source>
        <translation>评估最佳检查点</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="34"/>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="36"/>
        <source>The test images the model got wrong with the highest confidence</source>
        <translation>模型以最高置信度预测错误的测试图像</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="39"/>
        <location filename="../ui/runs/results_view.cpp" line="97"/>
        <source>Select one run.</source>
        <translation>请选择一个运行。</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="58"/>
        <source>Rows: true class; columns: predicted class. Click a cell to see its images.</source>
        <translation>行：真实类别；列：预测类别。点击单元格查看其图像。</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="67"/>
        <location filename="../ui/runs/results_view.cpp" line="96"/>
        <source>Click a cell of the confusion matrix to see its test images.</source>
        <translation>点击混淆矩阵的单元格查看其测试图像。</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="111"/>
        <source>evaluating: %1 of %2 test images</source>
        <translation>正在评估：%2 张测试图像中的第 %1 张</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="144"/>
        <source>Teacher %1: top-1 agreement %2%, mean KL(teacher || student) %3</source>
        <translation>教师 %1：top-1 一致率 %2%，平均 KL(教师 || 学生) %3</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="149"/>
        <source>Teacher not compared: %1</source>
        <translation>未与教师比较：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="155"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="155"/>
        <source>Accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="156"/>
        <source>Agrees with teacher %</source>
        <translation>与教师一致 %</translation>
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
            <numerusform>真实 %1，预测 %2：%n 张图像，置信度高者在前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runs/results_view.cpp" line="200"/>
        <source>The %n most confidently wrong test image(s)</source>
        <translation>
            <numerusform>最自信的 %n 张错误测试图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="217"/>
        <source>test image %1
true: %2
predicted: %3 (p = %4)</source>
        <translation>测试图像 %1
真实：%2
预测：%3 (p = %4)</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="222"/>
        <source>teacher: %1, KL %2</source>
        <translation>教师：%1，KL %2</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="97"/>
        <source>Evaluate to see per-class accuracy and the confusion matrix.</source>
        <translation>评估后可查看各类别准确率和混淆矩阵。</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="103"/>
        <source>evaluating...</source>
        <translation>正在评估...</translation>
    </message>
    <message>
        <location filename="../ui/runs/results_view.cpp" line="137"/>
        <source>%1 test images: top-1 %2%, top-5 %3%, loss %4 (checkpoint after epoch %5)</source>
        <translation>%1 张测试图像：top-1 %2%，top-5 %3%，损失 %4（第 %5 轮后的检查点）</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunActions</name>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="23"/>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="24"/>
        <source>Tags...</source>
        <translation>标签...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="25"/>
        <source>Notes...</source>
        <translation>备注...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="26"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="27"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="28"/>
        <source>Delete...</source>
        <translation>删除...</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="30"/>
        <source>Show archived runs</source>
        <translation>显示已归档的运行</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="135"/>
        <source>Run %1 &apos;%2&apos; (%3): %4</source>
        <translation>运行 %1 &apos;%2&apos;（%3）：%4</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="142"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="151"/>
        <source>Deleting frees %1: metrics, checkpoints, run folders and the label sets these runs made.</source>
        <translation>删除将释放 %1：指标、检查点、运行文件夹以及这些运行生成的标签集。</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="164"/>
        <source>Could not remove: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="169"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="186"/>
        <source>Rename run %1</source>
        <translation>重命名运行 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="186"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="196"/>
        <source>Tags of run %1</source>
        <translation>运行 %1 的标签</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="196"/>
        <source>Tags (comma-separated):</source>
        <translation>标签（逗号分隔）：</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="206"/>
        <source>Notes of run %1</source>
        <translation>运行 %1 的备注</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="206"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="218"/>
        <location filename="../ui/runs/run_actions.cpp" line="221"/>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_actions.cpp" line="221"/>
        <source>Delete for good?</source>
        <translation>永久删除？</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunComparisonView</name>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="25"/>
        <source>Only fields that differ</source>
        <translation>只显示不同的字段</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="38"/>
        <source>Runs that differ only in their seed:</source>
        <translation>仅随机种子不同的运行：</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Last top-1 %</source>
        <translation>最终 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Best top-1 %</source>
        <translation>最佳 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="43"/>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="64"/>
        <source>best test top-1 %</source>
        <translation>最佳测试 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/run_comparison_view.cpp" line="64"/>
        <source>last test top-1 %</source>
        <translation>最终测试 top-1 %</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="57"/>
        <source>Filter runs: words, or tag:, status:, preset:, name:</source>
        <translation>筛选运行：关键词，或 tag:、status:、preset:、name:</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="58"/>
        <source>Every word must match. A plain word matches the name, tags, preset, kind or status;
tag:baseline, status:failed, preset:fmnist or name:seed restrict it to one field.</source>
        <translation>每个词都须匹配。普通词匹配名称、标签、预设、类型或状态；
tag:baseline、status:failed、preset:fmnist 或 name:seed 将其限定于一个字段。</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="64"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::RunsTableModel</name>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="128"/>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="189"/>
        <source>Validation top-1 of the best checkpoint (runs with data.val_split)</source>
        <translation>最佳检查点的验证 top-1（设有 data.val_split 的运行）</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="190"/>
        <source>Test top-1 of the best checkpoint</source>
        <translation>最佳检查点的测试 top-1</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="191"/>
        <source>Disk space the run&apos;s folder, checkpoints and label set take</source>
        <translation>运行文件夹、检查点和标签集占用的磁盘空间</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="196"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="197"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="198"/>
        <source>Val %</source>
        <translation>验证 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="199"/>
        <source>Test %</source>
        <translation>测试 %</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="200"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="201"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="202"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="203"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="204"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="205"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/runs/runs_table_model.cpp" line="206"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::ServerRunHost</name>
    <message>
        <location filename="../ui/server/server_run_host.cpp" line="141"/>
        <source>training on the server</source>
        <translation>正在服务器上训练</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="41"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="47"/>
        <source>default ($FERKD_WORKSPACE or ~/.local/share/ferkd-studio)</source>
        <translation>默认（$FERKD_WORKSPACE 或 ~/.local/share/ferkd-studio）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="48"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="50"/>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="55"/>
        <source>Workspace (at the next start)</source>
        <translation>工作区（下次启动时生效）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="59"/>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>Threads of new runs</source>
        <translation>新运行的线程数</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="66"/>
        <source>Device of new runs</source>
        <translation>新运行的设备</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="71"/>
        <source>Data parallel: each process trains on its share of every batch (torch.distributed, Gloo); the run is shown as one. The threads are shared among the processes.</source>
        <translation>数据并行：每个进程训练每个批次中属于自己的部分（torch.distributed，Gloo）；整个运行显示为一个运行。线程由各进程分享。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="73"/>
        <source>Processes per training run</source>
        <translation>每个训练运行的进程数</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="76"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="81"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::StudioShell</name>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="47"/>
        <location filename="../ui/window/studio_shell.cpp" line="55"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="48"/>
        <source>A run is active in this workspace. Stop it (or let it finish) before opening another.</source>
        <translation>此工作区中有正在进行的运行。请先停止（或等待其完成）再打开其他工作区。</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="92"/>
        <source>this studio was built without the server&apos;s client (FERKD_WITH_SERVER=OFF)</source>
        <translation>此 Studio 构建时未包含服务器客户端（FERKD_WITH_SERVER=OFF）</translation>
    </message>
    <message>
        <location filename="../ui/window/studio_shell.cpp" line="99"/>
        <source>Connect to server</source>
        <translation>连接到服务器</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SweepView</name>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="22"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="25"/>
        <source>best test top-1 %</source>
        <translation>最佳测试 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="26"/>
        <source>best val top-1 %</source>
        <translation>最佳验证 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="27"/>
        <source>last test top-1 %</source>
        <translation>最后测试 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="30"/>
        <source>Against</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="46"/>
        <source>One line per run through the settings that vary, coloured by the metric; click a line</source>
        <translation>每个运行一条线，穿过变化的设置，按指标着色；点击一条线</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="48"/>
        <source>Metric against one setting: mean ± std over the runs that share its value</source>
        <translation>指标对单个设置：取值相同的运行的均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="86"/>
        <source>Select the runs of a sweep.</source>
        <translation>请选择一次扫描的运行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/sweep_view.cpp" line="87"/>
        <source>%n run(s), %1 setting(s) vary, %2 with the metric</source>
        <translation>
            <numerusform>%n 个运行，%1 项设置变化，%2 个有该指标</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="124"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweep_view.cpp" line="130"/>
        <source>± std over seeds</source>
        <translation>± 种子间标准差</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::SystemMetricsView</name>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>System (sampled every 5 s while a run trains)</source>
        <translation>系统（训练期间每 5 秒采样）</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>CPU / GPU use, %</source>
        <translation>CPU / GPU 使用率，%</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="30"/>
        <source>memory, MiB</source>
        <translation>内存，MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="31"/>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="31"/>
        <source>images per second</source>
        <translation>每秒图像数</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="67"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="68"/>
        <source>resident memory MiB</source>
        <translation>常驻内存 MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="69"/>
        <source>GPU %</source>
        <translation>GPU %</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="70"/>
        <source>GPU memory MiB</source>
        <translation>GPU 显存 MiB</translation>
    </message>
    <message>
        <location filename="../ui/charts/system_metrics_view.cpp" line="74"/>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
</context>
<context>
    <name>ferkd::ui::WelcomePanel</name>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="14"/>
        <source>Welcome to FerKD Studio</source>
        <translation>欢迎使用 FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="20"/>
        <source>This workspace has no runs yet. Start with one of these:</source>
        <translation>此工作区还没有运行。可以从以下任一项开始：</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="40"/>
        <source>Quick start: train a small ResNet on Fashion-MNIST</source>
        <translation>快速开始：在 Fashion-MNIST 上训练一个小型 ResNet</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="41"/>
        <source>The fmnist-resnet-quick preset: about 92% test top-1 in about 2 minutes on 2 CPU cores. Loss and accuracy appear live in the monitor.</source>
        <translation>fmnist-resnet-quick 预设：在 2 个 CPU 核上约 2 分钟达到约 92% 测试 top-1。损失和准确率会实时显示在监视器中。</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="44"/>
        <source>Pipeline: teacher, label set, distilled student</source>
        <translation>流水线：教师、标签集、蒸馏学生</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="45"/>
        <source>Trains a teacher, labels random crops of every image once, then trains an FKD or FerKD student on the stored labels. The stages queue one after another.</source>
        <translation>训练教师，对每张图像的随机裁剪标注一次，然后用存储的标签训练 FKD 或 FerKD 学生。各阶段依次排队运行。</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="48"/>
        <source>Inspect a data set...</source>
        <translation>检查数据集...</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="49"/>
        <source>Classes, counts, sample images and unreadable files of an image folder, IDX files or a packed data set.</source>
        <translation>图像文件夹、IDX 文件或打包数据集的类别、数量、示例图像和无法读取的文件。</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="52"/>
        <source>Open another workspace...</source>
        <translation>打开其他工作区...</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="53"/>
        <source>A folder with an experiment database, e.g. one a CLI run or another machine wrote.</source>
        <translation>包含实验数据库的文件夹，例如由 CLI 运行或另一台机器写入的。</translation>
    </message>
    <message>
        <location filename="../ui/window/welcome_panel.cpp" line="56"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>FerKD Studio: knowledge distillation with region-level soft labels</source>
        <translation>FerKD Studio：基于区域级软标签的知识蒸馏</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>Workspace folder.</source>
        <translation>工作区文件夹。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="41"/>
        <source>Quit after this many milliseconds (for tests).</source>
        <translation>在指定毫秒数后退出（用于测试）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="42"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="43"/>
        <source>Show these runs (comma-separated ids).</source>
        <translation>显示这些运行（以逗号分隔的编号）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="43"/>
        <source>ids</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="51"/>
        <source>Open this label store in the crop browser.</source>
        <translation>在裁剪浏览器中打开此标签存储。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="40"/>
        <location filename="../app/studio/main.cpp" line="51"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="52"/>
        <source>The data set of --labels (default: fashion-mnist).</source>
        <translation>--labels 对应的数据集（默认：fashion-mnist）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="53"/>
        <location filename="../app/studio/main.cpp" line="56"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="44"/>
        <source>Show this tab of the run details.</source>
        <translation>显示运行详情的此标签页。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="44"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="50"/>
        <source>Open the New run form.</source>
        <translation>打开“新建运行”表单。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="56"/>
        <source>Inspect this data set.</source>
        <translation>检查此数据集。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="54"/>
        <source>Write the crop browser&apos;s Figure 1 of --labels to this PNG and quit.</source>
        <translation>将 --labels 的裁剪浏览器图 1 写入此 PNG 并退出。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="55"/>
        <source>png</source>
        <translation>png</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="46"/>
        <source>Evaluate the selected run and list the images of this confusion cell (true,predicted).</source>
        <translation>评估所选运行并列出该混淆单元格（真实,预测）的图像。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="47"/>
        <source>t,p</source>
        <translation>真,预</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="48"/>
        <source>The field of the sweep view&apos;s metric chart.</source>
        <translation>扫描视图指标图所用的字段。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="49"/>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="35"/>
        <source>Open the workspace a `ferkd serve` serves at this URL, instead of a folder&apos;s.</source>
        <translation>打开由此 URL 上的 `ferkd serve` 提供的工作区，而不是文件夹中的工作区。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="37"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="39"/>
        <source>The server&apos;s token (default: $FERKD_TOKEN_FILE, else the one File &gt; Connect to server saved).</source>
        <translation>服务器的令牌（默认：$FERKD_TOKEN_FILE，否则为“连接到服务器”保存的令牌）。</translation>
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
        <translation>无法打开工作区：
%1

要在该处新建实验数据库吗？损坏的文件会以另一个名称保留。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="98"/>
        <source>The damaged database was kept as %1.</source>
        <translation>损坏的数据库已保留为 %1。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="103"/>
        <source>Cannot open the workspace:
%1</source>
        <translation>无法打开工作区：
%1</translation>
    </message>
</context>
</TS>
