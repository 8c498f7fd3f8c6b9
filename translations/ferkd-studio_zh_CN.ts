<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/main_window.cpp" line="26"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="27"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="28"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="29"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="30"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="31"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="32"/>
        <source>interrupted</source>
        <translation>已中断</translation>
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
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>Best top-1 %</source>
        <translation>最佳 top-1 %</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="60"/>
        <source>Device: CPU, %1 threads</source>
        <translation>设备：CPU，%1 个线程</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="72"/>
        <source>&amp;Refresh runs</source>
        <translation>刷新运行列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>&amp;About FerKD Studio</source>
        <translation>关于 FerKD Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="79"/>
        <source>About FerKD Studio</source>
        <translation>关于 FerKD Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>FerKD Studio %1
Knowledge distillation with region-level soft labels (FKD, FerKD).</source>
        <translation>FerKD Studio %1
基于区域级软标签的知识蒸馏（FKD、FerKD）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="21"/>
        <source>FerKD Studio: knowledge distillation with region-level soft labels</source>
        <translation>FerKD Studio：基于区域级软标签的知识蒸馏</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="24"/>
        <source>Workspace folder.</source>
        <translation>工作区文件夹。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="25"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="26"/>
        <source>Quit after this many milliseconds (for tests).</source>
        <translation>在指定毫秒数后退出（用于测试）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="27"/>
        <source>ms</source>
        <translation>毫秒</translation>
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
        <translation>无法打开工作区：
%1</translation>
    </message>
</context>
</TS>
