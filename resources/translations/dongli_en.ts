<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="111"/>
        <source>关于本程序</source>
        <translation>About this program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="114"/>
        <source>{district}{title} · 市民读本</source>
        <translation>{district}{title} · Residents&apos; Guide</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="116"/>
        <source>版本 {v}</source>
        <translation>Version {v}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="117"/>
        <source>内容来源：《{title}》，{meeting}，{role}{speaker}。</source>
        <translation>Source: &quot;{title}&quot;, {meeting}, {role} {speaker}. </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="121"/>
        <source>{issued}印发。</source>
        <translation>Issued {issued}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="123"/>
        <source>本程序中的文字和数字全部来自报告原文，每个数字都可以点“查看原文”核对。各部分的栏目标题（如“总体成绩”）和通俗说明为编者所加。</source>
        <translation>All text and numbers come from the original report; every number has a &quot;Show source&quot; link to check it. Headings of unnumbered passages (such as &quot;Overall results&quot;) and the plain-language lines were added by the editors.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="125"/>
        <source>原文校验码（SHA-256）：{sha}</source>
        <translation>Checksum of the original text (SHA-256): {sha}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="127"/>
        <source>字体：思源黑体（Noto Sans SC），SIL 开源字体许可证 1.1。</source>
        <translation>Font: Noto Sans SC, SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="128"/>
        <source>本程序完全离线运行，不收集任何个人信息。</source>
        <translation>This program runs fully offline and collects no personal information.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="130"/>
        <source>内容更新状态</source>
        <translation>Content update status</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="137"/>
        <source>朗读功能未启用：需要带普通话语音的语音引擎。在 Debian 上请安装 speech-dispatcher 和 speech-dispatcher-espeak-ng（sudo apt install speech-dispatcher speech-dispatcher-espeak-ng），然后重新启动本程序。</source>
        <translation>Read-aloud is off: it needs a speech engine with a Mandarin voice. On Debian install speech-dispatcher and speech-dispatcher-espeak-ng (sudo apt install speech-dispatcher speech-dispatcher-espeak-ng), then restart the program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="143"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="163"/>
        <source>内容更新状态：暂时无法读取。</source>
        <translation>Content update status: cannot be read at the moment.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="164"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="166"/>
        <source>内容版本：随程序安装的版本</source>
        <translation>Content edition: the one installed with the program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="168"/>
        <source>内容版本：{edition}（第 {version} 版）</source>
        <translation>Content edition: {edition} (version {version})</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="170"/>
        <source>内容更新状态（供工作人员参考）</source>
        <translation>Content update status (for staff)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="172"/>
        <source>签名有效期至：{expires}</source>
        <translation>Signature valid until: {expires}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="173"/>
        <source>上次检查更新：{when}</source>
        <translation>Last update check: {when}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="174"/>
        <source>上次错误：{error}</source>
        <translation>Last error: {error}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="65"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="66"/>
        <source>无法加载程序自带的中文字体，请重新安装本程序。</source>
        <translation>The Chinese font that comes with the program could not be loaded. Please reinstall the program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="92"/>
        <source>无法打开报告数据</source>
        <translation>Cannot open the report data</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="30"/>
        <source>轻触屏幕，开始浏览</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="51"/>
        <source>{year}年 · {name}</source>
        <translation>{year} · {name}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="54"/>
        <source>欢迎屏幕</source>
        <translation>Welcome screen</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="136"/>
        <source>保存图片</source>
        <translation>Save image</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="138"/>
        <source>保存图表为图片</source>
        <translation>Save the chart as an image</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="146"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="257"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="291"/>
        <source>目标：{text}</source>
        <translation>Target: {text}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="293"/>
        <source>{text}（推算）</source>
        <translation>{text} (derived)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="488"/>
        <source>横轴：{axis}</source>
        <translation>Horizontal axis: {axis}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="493"/>
        <source>单位相同的数字共用一把尺子，柱子长短可以比较；单位不同的数字不能互相比较；没有同单位数字可比的一行只写数值（圆点）。</source>
        <translation>Numbers in the same unit share one scale, so their bars can be compared; numbers in different units cannot be compared with each other. A row with no other number in its unit shows only its value (a dot).</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="496"/>
        <source>单位：{axis}（每个柱子都标有数值）</source>
        <translation>Unit: {axis} (every bar is labelled with its value)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="541"/>
        <source>单位：{unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="543"/>
        <source>报告未直接给出，由报告中的数字推算</source>
        <translation>Not stated in the report; derived from the report&apos;s numbers</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="545"/>
        <source>原文：“{quote}”</source>
        <translation>Source: &quot;{quote}&quot;</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="546"/>
        <source>点击查看原文</source>
        <translation>Click to read the source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="569"/>
        <source>保存图表</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="570"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>EditionPicker</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="69"/>
        <source>选择报告</source>
        <translation>Choose a report</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="79"/>
        <source>{title}（最新）</source>
        <translation>{title} (newest)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="85"/>
        <source>{title}，{meeting}所作</source>
        <translation>{title}, delivered at {meeting}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="87"/>
        <source>；含{year}年的工作安排</source>
        <translation>; includes the plan for {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="104"/>
        <source>本机只有这一份报告；新的报告更新到本机后可以在这里选择</source>
        <translation>This is the only report on this computer; newer reports can be chosen here once they are installed</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="107"/>
        <source>选择要看的报告：共{n}份，最新的在最上面</source>
        <translation>Choose the report to read: {n} reports, newest at the top</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="23"/>
        <source>找不到报告数据文件。</source>
        <translation>The report data file cannot be found.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="24"/>
        <source>没有权限读取报告数据文件。</source>
        <translation>There is no permission to read the report data file.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="25"/>
        <source>报告数据文件已损坏或不完整。</source>
        <translation>The report data file is damaged or incomplete.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="26"/>
        <source>报告数据文件的版本与本程序不符。</source>
        <translation>The report data file is for a different version of this program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="28"/>
        <source>报告数据文件无法使用。</source>
        <translation>The report data file cannot be used.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="29"/>
        <source>请联系工作人员重新安装本程序或更新内容。</source>
        <translation>Please ask the staff to reinstall the program or update its content.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="30"/>
        <source>文件：{path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="63"/>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="64"/>
        <source>程序遇到意外问题，需要重新启动。问题已记录在日志中。</source>
        <translation>The program ran into an unexpected problem and needs to restart. The problem has been written to the log.</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="44"/>
        <source>查看原文</source>
        <translation>Show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="44"/>
        <source>{year}的原文</source>
        <translation>Source of {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="54"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="54"/>
        <source>朗读这张卡片</source>
        <translation>Read this card aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="75"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="77"/>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="79"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
</context>
<context>
    <name>GlossaryPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="56"/>
        <source>输入词语筛选，例如：企业</source>
        <translation>Type to filter the terms (in Chinese)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="56"/>
        <source>例如：企业</source>
        <translation>Filter (in Chinese)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="59"/>
        <source>筛选名词</source>
        <translation>Filter terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="65"/>
        <source>名词列表</source>
        <translation>List of terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="73"/>
        <source>没有符合的名词。</source>
        <translation>No matching term.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="78"/>
        <source>名词解释内容</source>
        <translation>Explanation of the term</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="82"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="82"/>
        <source>朗读这条名词解释</source>
        <translation>Read this explanation aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="85"/>
        <source>← 全部名词</source>
        <translation>← All terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="86"/>
        <source>返回名词列表</source>
        <translation>Back to the list of terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="107"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="108"/>
        <source>报告最后的 {n} 条注释，以及它们在报告中出现的地方。</source>
        <translation>The report&apos;s {n} notes, and where each is mentioned in the report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="110"/>
        <source>注释和报告原文为中文，按原样显示。</source>
        <translation>The notes and the report are shown in the original Chinese.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="208"/>
        <source>在报告中出现 {n} 处：</source>
        <translation>Mentions in the report ({n}):</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="216"/>
        <source>{part} · {section}</source>
        <translation>{part} · {section}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="220"/>
        <source>这个词只在注释中解释，报告正文中没有出现。</source>
        <translation>This term is only explained in the notes; the report text never mentions it.</translation>
    </message>
</context>
<context>
    <name>IdlePrompt</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="20"/>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="24"/>
        <source>还在浏览吗？</source>
        <translation>Still browsing?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="26"/>
        <source>继续浏览</source>
        <translation>Keep browsing</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="53"/>
        <source>{s} 秒后将回到首页。轻触“继续浏览”留在这里。</source>
        <translation>Back to the start page in {s} seconds. Touch &quot;Keep browsing&quot; to stay.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="49"/>
        <source>查看原文</source>
        <translation>Show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="49"/>
        <source>打开这项实事在报告中的原文</source>
        <translation>Open this item&apos;s source in the report</translation>
    </message>
</context>
<context>
    <name>KeyboardDock</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/dock.py" line="28"/>
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
</context>
<context>
    <name>LivelihoodPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="89"/>
        <source>民生实事</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="95"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="100"/>
        <source>全部年份</source>
        <translation>Both years</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="91"/>
        <source>报告中与百姓生活直接相关的事：{done}年已经办成的和{planned}年承诺要办的。点主题筛选，点“查看原文”核对。</source>
        <translation>What the report says about everyday life: done in {done} and promised for {planned}. Tap a topic to filter, &quot;Show source&quot; to check.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="120"/>
        <source>各主题的实事数量</source>
        <translation>Items per topic</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="154"/>
        <source>各主题的实事数量（点柱子筛选该主题）</source>
        <translation>Items per topic (tap a bar to filter)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="154"/>
        <source>实事数量（项）</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="194"/>
        <source>共 {n} 项</source>
        <translation>Items: {n}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="154"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="157"/>
        <source>民生实事</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="159"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="160"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="155"/>
        <source>{years} 工作回顾</source>
        <translation>{years} review</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="156"/>
        <source>{years} 工作安排</source>
        <translation>{years} plan</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="158"/>
        <source>目标完成情况</source>
        <translation>Targets met?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="219"/>
        <source>{title} · 市民读本</source>
        <translation>{title} · Residents&apos; Guide</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="226"/>
        <source>打开“{title}”页面（Alt+{n}）</source>
        <translation>Open the &quot;{title}&quot; page (Alt+{n})</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="228"/>
        <source>A－</source>
        <translation>A−</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="228"/>
        <source>缩小文字</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="228"/>
        <source>把所有文字调小一级（Ctrl+减号）</source>
        <translation>Make all text one step smaller (Ctrl+minus)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="229"/>
        <source>A＋</source>
        <translation>A+</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="229"/>
        <source>放大文字</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="229"/>
        <source>把所有文字调大一级（Ctrl+加号）</source>
        <translation>Make all text one step larger (Ctrl+plus)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="230"/>
        <source>大字模式</source>
        <translation>Large mode</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="231"/>
        <source>更大的字、更大的按钮、更简洁的页面</source>
        <translation>Bigger text, bigger buttons, simpler pages</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="232"/>
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="232"/>
        <source>黑白分明的颜色，看得更清楚</source>
        <translation>Strong black-and-white colours that are easier to see</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="233"/>
        <source>English</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="233"/>
        <source>切换到英文界面</source>
        <translation>Switch the interface to Chinese</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="234"/>
        <source>界面文字改用英文；报告原文仍为中文</source>
        <translation>Show the interface in Chinese</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="235"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="235"/>
        <source>关于本程序</source>
        <translation>About this program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="235"/>
        <source>内容来源、版本和字体许可</source>
        <translation>Source, version and font licence</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="244"/>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="244"/>
        <source>更多按钮</source>
        <translation>More buttons</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="570"/>
        <location filename="../../dongli_desktop/ui/main_window.py" line="584"/>
        <source>文字 {p}%</source>
        <translation>Text {p}%</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="571"/>
        <source>当前文字大小</source>
        <translation>Current text size</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="78"/>
        <source>屏幕键盘</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="89"/>
        <source>打开键盘</source>
        <translation>Show keyboard</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="106"/>
        <source>← 退格</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="111"/>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="134"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="112"/>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="134"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="134"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="176"/>
        <source>拼音最多 {n} 个字母，请先选一个词。</source>
        <translation>Pinyin can have at most {n} letters. Please choose a word first.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="228"/>
        <source>拼音：{letters}</source>
        <translation>Pinyin: {letters}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="230"/>
        <source>要改输入的内容，点输入框或“打开键盘”。</source>
        <translation>To change what you typed, tap the text box or &quot;Show keyboard&quot;.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="232"/>
        <source>点字母拼写，例如 yanglao 或 yl</source>
        <translation>Spell with letters, e.g. yanglao or yl</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="65"/>
        <source>{meeting}&#x3000;{role} {speaker}</source>
        <translation>{meeting}, {role} {speaker}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="95"/>
        <source>了解更多</source>
        <translation>Learn more</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="70"/>
        <source>这里用大字和图表介绍{district}政府{reviewed}年做了什么、{planned}年打算做什么。每个数字都可以点“查看原文”核对报告原话。</source>
        <translation>What the government of {district} did in {reviewed} and plans for {planned}, in large type and charts. Every number has a &quot;Show source&quot; link to the report&apos;s own words (in Chinese).</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="78"/>
        <source>{reviewed}年成绩与{planned}年目标</source>
        <translation>{reviewed} results and {planned} targets</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="89"/>
        <source>{reviewed}年实际与{planned}年目标对比</source>
        <translation>{reviewed} results compared with {planned} targets</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="98"/>
        <source>{years}年工作回顾：各方面的成绩</source>
        <translation>{years} review: results in each area</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="99"/>
        <source>{years}年工作安排：目标和各方面的工作</source>
        <translation>{years} plan: targets and each area of work</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="100"/>
        <source>民生实事：教育、养老、就业、医疗……</source>
        <translation>Livelihood: education, elderly care, jobs, health…</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="101"/>
        <source>名词解释：报告里的专门用语</source>
        <translation>Glossary: the report&apos;s special terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="102"/>
        <source>搜索：查找您关心的内容</source>
        <translation>Search: find what matters to you</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="157"/>
        <source>{base}年底的数字报告没有直接写出，是用{year}年总数减去当年新增数推算的。</source>
        <translation>The end-of-{base} number is not in the report: it is the {year} total minus that year&apos;s new enterprises.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="148"/>
        <source>主要经济指标增长率</source>
        <translation>Growth of the main economic measures</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="148"/>
        <source>增长率（%）</source>
        <translation>Growth (%)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="153"/>
        <source>国家高新技术企业倍增之路</source>
        <translation>Doubling the national high-tech enterprises</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="153"/>
        <source>企业数（家）</source>
        <translation>Enterprises</translation>
    </message>
</context>
<context>
    <name>PartPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="82"/>
        <source>选择左边的一项，阅读报告原文；图表中的每一根柱子都可以点开原文。</source>
        <translation>Choose a section on the left to read the report; every bar in a chart opens its source.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="85"/>
        <source>报告原文为中文，按原样显示。</source>
        <translation>The report is shown in the original Chinese.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="90"/>
        <source>章节列表</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="342"/>
        <source>◀ 上一节</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="342"/>
        <source>下一节 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="141"/>
        <source>上一节</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="81"/>
        <source>{years}年工作回顾</source>
        <translation>Review of {years}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="81"/>
        <source>{years}年工作安排</source>
        <translation>Plan for {years}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="83"/>
        <source>{years}年的目标和各方面的工作；图表中的每一根柱子都可以点开原文。</source>
        <translation>The {years} targets and each area of work; every bar in a chart opens its source.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="141"/>
        <source>下一节</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="148"/>
        <source>当前章节</source>
        <translation>Current section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="155"/>
        <source>看原文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="156"/>
        <source>看图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="220"/>
        <source>（本节标题为编者所加）</source>
        <translation>(heading added by the editors)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="221"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="361"/>
        <source>主要经济指标：{actual}年实际与{target}年目标</source>
        <translation>Main economic measures: {actual} results and {target} targets</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="366"/>
        <source>本部分的主要数字</source>
        <translation>Key numbers of this part</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="376"/>
        <source>增长率（%）</source>
        <translation>Growth (%)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="31"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="42"/>
        <source>未设置管理员密码，无法退出。请用 dongli-desktop kiosk set-pin 设置。</source>
        <translation>No admin PIN is set, so the kiosk cannot be left. Set one with dongli-desktop kiosk set-pin.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="55"/>
        <source>请输入管理员密码</source>
        <translation>Enter the admin PIN</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="57"/>
        <source>已输入的位数</source>
        <translation>Digits entered</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="67"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="69"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="72"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="78"/>
        <source>管理员已解锁</source>
        <translation>Admin unlocked</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="79"/>
        <source>退出程序</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="83"/>
        <source>文字 {p}%</source>
        <translation>Text {p}%</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="86"/>
        <source>返回展示</source>
        <translation>Back to the display</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="105"/>
        <source>尝试次数过多，请 {s} 秒后再试。</source>
        <translation>Too many tries. Please try again in {s} seconds.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="112"/>
        <source>密码错误。</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="111"/>
        <source>请 {s} 秒后再试。</source>
        <translation>Try again in {s} seconds.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/reading_view.py" line="67"/>
        <source>报告原文</source>
        <translation>Report text</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="49"/>
        <source>输入要找的内容，例如：养老、幼儿园、PM2.5</source>
        <translation>Chinese words, pinyin such as yanglao, or PM2.5</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="49"/>
        <source>例如：养老、幼儿园、PM2.5</source>
        <translation>e.g. yanglao, youeryuan, PM2.5</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="50"/>
        <source>例如：养老</source>
        <translation>e.g. yanglao</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="53"/>
        <source>搜索内容</source>
        <translation>Search text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="66"/>
        <source>拼音候选词</source>
        <translation>Pinyin suggestions</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="75"/>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="80"/>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="106"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="85"/>
        <source>常用主题：</source>
        <translation>Common topics:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="107"/>
        <source>开始搜索</source>
        <translation>Start search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="136"/>
        <source>请输入文字，或点上面的主题。一个字、两个字或更多都可以。</source>
        <translation>Type some text or tap a topic above. One, two or more characters all work.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="140"/>
        <source>没有找到与“{q}”相关的内容。</source>
        <translation>Nothing found for &quot;{q}&quot;.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="142"/>
        <source>可以换个说法，或者试试这些主题：</source>
        <translation>Try other words, or one of these topics:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="145"/>
        <source>找到 {n} 处与“{q}”相关的内容。</source>
        <translation>Results for &quot;{q}&quot;: {n}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="147"/>
        <source>找到超过 {n} 处与“{q}”相关的内容，请再加一个词缩小范围。</source>
        <translation>More than {n} places found for &quot;{q}&quot;; add a word to narrow it down.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="150"/>
        <source>按拼音“{p}”查找“{q}”：</source>
        <translation>Searching &quot;{q}&quot; for the pinyin &quot;{p}&quot;: </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="195"/>
        <source>名词解释：{t}</source>
        <translation>Glossary: {t}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="199"/>
        <source>{part} · {section}</source>
        <translation>{part} · {section}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="214"/>
        <source>拼音“{p}”可以是：</source>
        <translation>The pinyin &quot;{p}&quot; can be:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="216"/>
        <source>也可以按拼音“{p}”找：</source>
        <translation>Or search by the pinyin &quot;{p}&quot;:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="218"/>
        <source>（列出最常见的 {n} 个，多打几个字母可以缩小范围）</source>
        <translation> (the {n} most common; type more letters to narrow them down)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="227"/>
        <source>按拼音“{p}”的候选词，查找“{w}”</source>
        <translation>Word for the pinyin &quot;{p}&quot;: search for &quot;{w}&quot;</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="282"/>
        <source>正在准备朗读…</source>
        <translation>Getting read-aloud ready…</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="284"/>
        <source>朗读功能未启用</source>
        <translation>Read-aloud is off</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="191"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="195"/>
        <source>在名词解释页查看</source>
        <translation>Show in the glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="197"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="295"/>
        <source>目标完成情况</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="298"/>
        <source>怎样算完成？</source>
        <translation>What counts as met?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="298"/>
        <source>显示或收起判断规则</source>
        <translation>Show or hide the rules</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="302"/>
        <source>判断规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="327"/>
        <source>目标列表</source>
        <translation>List of targets</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="348"/>
        <source>本机没有可以显示的报告。</source>
        <translation>There is no report on this computer to show.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="358"/>
        <source>这两份报告无法逐项对照，其他页面不受影响。</source>
        <translation>These two reports cannot be compared item by item. The other pages are not affected.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="389"/>
        <source>全部 {n}</source>
        <translation>All {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="391"/>
        <source>已完成 {n}</source>
        <translation>Met {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="391"/>
        <source>未完成 {n}</source>
        <translation>Not met {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="392"/>
        <source>无法判断 {n}</source>
        <translation>Unclear {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="392"/>
        <source>报告未提及 {n}</source>
        <translation>Not mentioned {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="393"/>
        <source>还没到时候 {n}</source>
        <translation>Not yet due {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="397"/>
        <source>按完成情况筛选</source>
        <translation>Filter by result</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="408"/>
        <source>{title}定下的目标（{n}项）：</source>
        <translation>Targets set in {title} ({n}):</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="411"/>
        <source>{title}还没有整理出可以逐项对照的数字目标。</source>
        <translation>No number targets from {title} have been prepared for checking yet.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="426"/>
        <source>{earlier}定下的目标，对照{later}里的结果。每个数字都可以点开，查看它在原报告中的原话。</source>
        <translation>Targets set in {earlier}, checked against the results in {later}. Tap any number to see its own words in the report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="429"/>
        <source>{district}{next}年的{kind}发布并更新到本机后，这里会逐项列出{planned}年目标的完成情况。现在先列出{title}定下的目标。</source>
        <translation>Once the {next} report ({district}{kind}) is published and installed on this computer, this page will show how each {planned} target turned out. For now it lists the targets set in {title}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="443"/>
        <source>共{n}项：已完成{met}项，未完成{not_met}项，无法判断{unclear}项，报告未提及{not_reported}项。</source>
        <translation>{n} targets: {met} met, {not_met} not met, {unclear} unclear, {not_reported} not mentioned in the report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="448"/>
        <source>另有{n}项是以后年份的目标，还没到报告的时候。</source>
        <translation> Targets for later years, not yet due: {n}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="454"/>
        <source>只比较报告里写明的数字，万、亿换算后再比，单位不同的不比。目标写“以上、不少于、不低于、多、余”的，结果达到这个数就算完成；写“超过”的，要高于这个数。目标写“以下、以内、不超过”的，结果不高于这个数就算完成。目标写一个范围（如5%—6%）或一个数的，结果达到下限就算完成；越低越好的指标（如PM2.5浓度）不高于上限就算完成。“左右、约、近”按上下{tolerance}%计。结果写“余、多、以上”的按至少这个数算，写“以下、以内”的按至多这个数算，写“近”的按略少于这个数算。目标或结果没有数字、单位不同、或说法不足以判断的，标为“无法判断”；下一年的报告回顾了那一年却没有提到的，标为“报告未提及”。</source>
        <translation>Only numbers written in the report are compared, after converting ten-thousands and hundred-millions; numbers in different units are not compared. A target of &quot;or more&quot;, &quot;no less than&quot;, &quot;not below&quot; or &quot;over&quot; is met when the result reaches that number; a target to &quot;exceed&quot; a number needs a result above it. A target of &quot;or less&quot;, &quot;within&quot; or &quot;not more than&quot; is met when the result is not above that number. A target given as a range (such as 5%–6%) or as one number is met when the result reaches the lower end; for measures where lower is better (such as PM2.5 concentration) it is met when the result is not above the upper end. &quot;About&quot;, &quot;around&quot; and &quot;nearly&quot; allow {tolerance}% either way. A result of &quot;over&quot;, &quot;more than&quot; or &quot;or more&quot; counts as at least that number, &quot;or less&quot; and &quot;within&quot; as at most that number, and &quot;nearly&quot; as a little less than that number. Targets or results without a number, in different units, or in words that are not enough to decide, are marked &quot;Unclear&quot;; targets that the next year&apos;s report does not mention in its review are marked &quot;Not mentioned&quot;.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="475"/>
        <source>没有这一类的目标。</source>
        <translation>No targets of this kind.</translation>
    </message>
</context>
<context>
    <name>TrackerRow</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="156"/>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="260"/>
        <source>{year}年目标：{value}</source>
        <translation>{year} target: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="157"/>
        <source>{name}，{year}年目标{value}，查看原文</source>
        <translation>{name}, {year} target {value}, show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="159"/>
        <source>打开{title}中这个目标的原话</source>
        <translation>Open this target&apos;s own words in {title}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="168"/>
        <source>{year}年报告：{value}</source>
        <translation>{year} report: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="170"/>
        <source>{name}，{year}年报告的结果{value}，查看原文</source>
        <translation>{name}, result in the {year} report {value}, show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="172"/>
        <source>打开{title}中这个结果的原话</source>
        <translation>Open this result&apos;s own words in {title}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="211"/>
        <source>{name}：{status}</source>
        <translation>{name}: {status}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="216"/>
        <source>见原话</source>
        <translation>see quote</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="222"/>
        <source>“{quote}”</source>
        <translation>“{quote}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="228"/>
        <source>待下一份报告</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="230"/>
        <source>已完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="231"/>
        <source>未完成</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="232"/>
        <source>无法判断</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="233"/>
        <source>报告未提及</source>
        <translation>Not mentioned</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="234"/>
        <source>还没到时候</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="244"/>
        <source>结果要等{year}年以后的报告</source>
        <translation>The result will come in a report after {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="245"/>
        <source>{title}没有提到这一项</source>
        <translation>{title} does not mention this</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="252"/>
        <source>目标没有写明数字，无法按数字判断。</source>
        <translation>The target gives no number, so it cannot be checked by numbers.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="253"/>
        <source>报告的结果没有写明数字，无法按数字判断。</source>
        <translation>The reported result gives no number, so it cannot be checked by numbers.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="254"/>
        <source>目标和结果的单位不同，无法比较。</source>
        <translation>The target and the result are in different units and cannot be compared.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="255"/>
        <source>报告的说法不足以判断是否达到目标。</source>
        <translation>The report&apos;s words are not enough to tell whether the target was met.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="266"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>Years</name>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="19"/>
        <source>{year}年实际</source>
        <translation>{year} result</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="20"/>
        <location filename="../../dongli_desktop/ui/years.py" line="39"/>
        <location filename="../../dongli_desktop/ui/years.py" line="40"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="21"/>
        <source>{year}年倍增目标</source>
        <translation>{year} doubling goal</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="22"/>
        <source>{year}年底（推算）</source>
        <translation>End of {year} (derived)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="23"/>
        <source>{year}年已完成</source>
        <translation>Done in {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="24"/>
        <source>{year}年计划</source>
        <translation>Planned for {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="37"/>
        <source>{year}年底</source>
        <translation>End of {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="38"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
</context>
</TS>
