#!/usr/bin/env python3
"""Fills the unfinished messages of translations/*.ts from the tables below.

Run after `cmake --build build --target update_translations` has added new source
texts; texts without an entry stay unfinished (and show in English)."""
import html
import pathlib
import re
import sys

TABLES = {
    "zh_CN": {
        "FerKD Studio": "FerKD Studio",
        "Id": "编号",
        "Name": "名称",
        "Preset": "预设",
        "Status": "状态",
        "Best top-1 %": "最佳 top-1 %",
        "Started": "开始时间",
        "Tags": "标签",
        "Device: CPU, %1 threads": "设备：CPU，%1 个线程",
        "Workspace: %1": "工作区：%1",
        "&File": "文件(&F)",
        "&Refresh runs": "刷新运行列表(&R)",
        "&Quit": "退出(&Q)",
        "&Help": "帮助(&H)",
        "&About FerKD Studio": "关于 FerKD Studio(&A)",
        "About FerKD Studio": "关于 FerKD Studio",
        "FerKD Studio %1\nKnowledge distillation with region-level soft labels (FKD, FerKD).":
            "FerKD Studio %1\n基于区域级软标签的知识蒸馏（FKD、FerKD）。",
        "FerKD Studio: knowledge distillation with region-level soft labels":
            "FerKD Studio：基于区域级软标签的知识蒸馏",
        "Workspace folder.": "工作区文件夹。",
        "folder": "文件夹",
        "Quit after this many milliseconds (for tests).": "在指定毫秒数后退出（用于测试）。",
        "ms": "毫秒",
        "Cannot open the workspace:\n%1": "无法打开工作区：\n%1",
        "queued": "排队中",
        "running": "运行中",
        "paused": "已暂停",
        "stopped": "已停止",
        "finished": "已完成",
        "failed": "失败",
        "interrupted": "已中断",
    },
    "de": {
        "FerKD Studio": "FerKD Studio",
        "Id": "Nr.",
        "Name": "Name",
        "Preset": "Vorlage",
        "Status": "Status",
        "Best top-1 %": "Beste Top-1 %",
        "Started": "Gestartet",
        "Tags": "Schlagwörter",
        "Device: CPU, %1 threads": "Gerät: CPU, %1 Threads",
        "Workspace: %1": "Arbeitsbereich: %1",
        "&File": "&Datei",
        "&Refresh runs": "Läufe &aktualisieren",
        "&Quit": "&Beenden",
        "&Help": "&Hilfe",
        "&About FerKD Studio": "Ü&ber FerKD Studio",
        "About FerKD Studio": "Über FerKD Studio",
        "FerKD Studio %1\nKnowledge distillation with region-level soft labels (FKD, FerKD).":
            "FerKD Studio %1\nWissensdestillation mit Soft-Labels auf Regionsebene (FKD, FerKD).",
        "FerKD Studio: knowledge distillation with region-level soft labels":
            "FerKD Studio: Wissensdestillation mit Soft-Labels auf Regionsebene",
        "Workspace folder.": "Ordner des Arbeitsbereichs.",
        "folder": "Ordner",
        "Quit after this many milliseconds (for tests).": "Nach so vielen Millisekunden beenden (für Tests).",
        "ms": "ms",
        "Cannot open the workspace:\n%1": "Der Arbeitsbereich lässt sich nicht öffnen:\n%1",
        "queued": "wartend",
        "running": "läuft",
        "paused": "pausiert",
        "stopped": "angehalten",
        "finished": "fertig",
        "failed": "fehlgeschlagen",
        "interrupted": "unterbrochen",
    },
}

MESSAGE = re.compile(r'(<source>)(.*?)(</source>\s*<translation) type="unfinished">(.*?)(</translation>)', re.S)


def fill(path: pathlib.Path, table: dict) -> int:
    text = path.read_text(encoding="utf-8")
    missing = []

    def replace(m):
        source = html.unescape(m.group(2))
        if source not in table:
            missing.append(source)
            return m.group(0)
        return m.group(1) + m.group(2) + m.group(3) + ">" + html.escape(table[source], quote=False) + m.group(5)

    path.write_text(MESSAGE.sub(replace, text), encoding="utf-8")
    for s in missing:
        print(f"{path.name}: no translation for {s!r}", file=sys.stderr)
    return len(missing)


root = pathlib.Path(__file__).resolve().parent.parent / "translations"
sys.exit(1 if sum(fill(root / f"ferkd-studio_{lang}.ts", t) for lang, t in TABLES.items()) else 0)
