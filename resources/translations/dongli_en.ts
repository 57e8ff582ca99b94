<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="173"/>
        <source>关于本程序</source>
        <translation>About this program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="176"/>
        <source>{district}{title} · 市民读本</source>
        <translation>{district}{title} · Residents&apos; Guide</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="178"/>
        <source>版本 {v}</source>
        <translation>Version {v}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="179"/>
        <source>内容来源：《{title}》，{meeting}，{role}{speaker}。</source>
        <translation>Source: &quot;{title}&quot;, {meeting}, {role} {speaker}. </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="183"/>
        <source>{issued}印发。</source>
        <translation>Issued {issued}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="186"/>
        <source>本程序中的文字和数字全部来自报告原文，每个数字都可以点“查看原文”核对。报告原文没有的栏目标题（页面上注明“编者所加”）和通俗说明为编者所加。</source>
        <translation>All words and figures in this program come from the report itself; every figure can be checked with “View source”. Section titles the report does not have (marked “added by the editors” on the page) and the plain-language notes were added by the editors.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="189"/>
        <source>原文校验码（SHA-256）：{sha}</source>
        <translation>Checksum of the original text (SHA-256): {sha}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="191"/>
        <source>字体：思源黑体（Noto Sans SC），SIL 开源字体许可证 1.1。</source>
        <translation>Font: Noto Sans SC, SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="192"/>
        <source>本程序完全离线运行，不收集任何个人信息。</source>
        <translation>This program runs fully offline and collects no personal information.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="195"/>
        <source>内容更新状态</source>
        <translation>Content update status</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="203"/>
        <source>朗读功能未启用：需要带普通话语音的语音引擎。在 Debian 上请安装 speech-dispatcher 和 speech-dispatcher-espeak-ng（sudo apt install speech-dispatcher speech-dispatcher-espeak-ng），然后重新启动本程序。</source>
        <translation>Read-aloud is off: it needs a speech engine with a Mandarin voice. On Debian install speech-dispatcher and speech-dispatcher-espeak-ng (sudo apt install speech-dispatcher speech-dispatcher-espeak-ng), then restart the program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="209"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="230"/>
        <source>内容更新状态：暂时无法读取。</source>
        <translation>Content update status: cannot be read at the moment.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="231"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="233"/>
        <source>内容版本：正在显示本机文件“{name}”，不是随程序安装或经签名更新的版本</source>
        <translation>Content edition: showing the local file “{name}”, not the edition installed with the app or a signed update</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="236"/>
        <source>内容版本：随程序安装的版本</source>
        <translation>Content edition: the one installed with the program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="238"/>
        <source>内容版本：{edition}（第 {version} 版）</source>
        <translation>Content edition: {edition} (version {version})</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="240"/>
        <source>内容更新状态（供工作人员参考）</source>
        <translation>Content update status (for staff)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="242"/>
        <source>签名有效期至：{expires}</source>
        <translation>Signature valid until: {expires}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="243"/>
        <source>上次检查更新：{when}</source>
        <translation>Last update check: {when}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="244"/>
        <source>上次错误：{error}</source>
        <translation>Last error: {error}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="71"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="72"/>
        <source>无法加载程序自带的中文字体，请重新安装本程序。</source>
        <translation>The Chinese font that comes with the program could not be loaded. Please reinstall the program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/app.py" line="109"/>
        <source>无法打开报告数据</source>
        <translation>Cannot open the report data</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="44"/>
        <source>轻触屏幕，开始浏览</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="65"/>
        <source>这一版报告没有标注指标数据</source>
        <translation>This edition has no curated indicators</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="66"/>
        <source>可以阅读报告原文：工作回顾、工作安排和名词解释</source>
        <translation>You can read the report itself: the review, the plan and the glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="72"/>
        <source>{year}年 · {name}</source>
        <translation>{year} · {name}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="67"/>
        <location filename="../../dongli_desktop/ui/kiosk/attract.py" line="75"/>
        <source>欢迎屏幕</source>
        <translation>Welcome screen</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/busy.py" line="112"/>
        <source>请稍候…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/busy.py" line="113"/>
        <source>正在切换，请稍候</source>
        <translation>Switching, please wait</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="156"/>
        <source>保存图片</source>
        <translation>Save image</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="158"/>
        <source>保存图表为图片</source>
        <translation>Save the chart as an image</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="166"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="251"/>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="719"/>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="740"/>
        <source>不能直接比较：{reason}</source>
        <translation>Not directly comparable: {reason}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="316"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="350"/>
        <source>目标：{text}</source>
        <translation>Target: {text}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="352"/>
        <source>{text}（柱长不按比例）</source>
        <translation>{text} (bar not to scale)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="527"/>
        <source>{title}：图表，用方向键逐个查看数值</source>
        <translation>{title}: chart; use the arrow keys to read each value</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="569"/>
        <source>横轴：{axis}</source>
        <translation>Horizontal axis: {axis}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="738"/>
        <source>报告原文是“{word}”：这是估计数，不是最终结果</source>
        <translation>The report says “{word}”: this is an estimate, not a final result</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="268"/>
        <source>从{past}到{target}是一步打算，不是评判；目标比上一年低，不等于变差。</source>
        <translation>{past} → {target}: a planned step, not a verdict; a target below last year&apos;s figure does not mean things got worse.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="267"/>
        <source>从{past}到{target}是一步打算，不是评判。</source>
        <translation>{past} → {target}: a planned step, not a verdict.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="299"/>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="715"/>
        <source>{measure}：{values}</source>
        <translation>{measure}: {values}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="304"/>
        <source>{series}{value}</source>
        <translation>{series} {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="574"/>
        <source>每一行是一个指标，有自己的尺子：同一行的柱子按数值比长短，不同行的柱子不能互相比较，请看旁边的数字；只有一个数字的行不画柱子。</source>
        <translation>Each row is one measure with its own scale: bars in the same row compare by length, bars in different rows cannot be compared — read the numbers beside them; a row with a single number has no bar.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="577"/>
        <source>单位：{axis}（每个柱子都标有数值）</source>
        <translation>Unit: {axis} (every bar is labelled with its value)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="732"/>
        <source>{series}：{value}</source>
        <translation>{series}: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="735"/>
        <source>项（民生实事的条数）</source>
        <translation>items (livelihood projects counted)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="736"/>
        <source>单位：{unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="743"/>
        <source>原文：“{quote}”</source>
        <translation>Source: &quot;{quote}&quot;</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="744"/>
        <source>点击查看原文</source>
        <translation>Click to read the source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="793"/>
        <source>保存图表</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="793"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="798"/>
        <source>图片已保存</source>
        <translation>Picture saved</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="798"/>
        <source>图片已保存到：
{path}</source>
        <translation>The picture was saved to:
{path}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="800"/>
        <source>没能保存图片：
{path}
这个文件夹可能不能写入，或者磁盘已满。请换一个文件夹再试。</source>
        <translation>The picture could not be saved:
{path}
The folder may not be writable, or the disk may be full. Please try another folder.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/chart.py" line="801"/>
        <source>没能保存图片</source>
        <translation>The picture was not saved</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="104"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>EditionPicker</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="72"/>
        <source>选择报告</source>
        <translation>Choose a report</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="92"/>
        <source>{region}{title}</source>
        <translation>{region} {title}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="94"/>
        <source>{title}（最新）</source>
        <translation>{title} (newest)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="100"/>
        <source>{title}，{meeting}所作</source>
        <translation>{title}, delivered at {meeting}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="102"/>
        <source>；含{year}年的工作安排</source>
        <translation>; includes the plan for {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/edition_picker.py" line="124"/>
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
        <location filename="../../dongli_desktop/ui/errors.py" line="85"/>
        <source>这部分内容暂时无法正常显示，其他内容仍可浏览。问题已记录在日志中。</source>
        <translation>This part cannot be shown properly right now; the rest can still be read. The problem has been logged.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="87"/>
        <source>显示出错</source>
        <translation>Display error</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="92"/>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/errors.py" line="93"/>
        <source>程序遇到意外问题，需要重新启动。问题已记录在日志中。</source>
        <translation>The program ran into an unexpected problem and needs to restart. The problem has been written to the log.</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="77"/>
        <source>到{year}</source>
        <translation>to {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="86"/>
        <source>查看原文</source>
        <translation>Show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="86"/>
        <source>{year}的原文</source>
        <translation>Source of {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="95"/>
        <source>不能直接比较：{reason}</source>
        <translation>Not directly comparable: {reason}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="116"/>
        <source>朗读这张卡片</source>
        <translation>Read this card aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="109"/>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="131"/>
        <source>{measure}：{values}</source>
        <translation>{measure}: {values}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="129"/>
        <source>{year}{value}</source>
        <translation>{year} {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="152"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="153"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/figure_card.py" line="156"/>
        <source>{year}：{measure}</source>
        <translation>{year}: {measure}</translation>
    </message>
</context>
<context>
    <name>GlossaryPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="64"/>
        <source>输入词语筛选，例如：企业</source>
        <translation>Type to filter the terms (in Chinese)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="64"/>
        <source>例如：企业</source>
        <translation>Filter (in Chinese)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="67"/>
        <source>筛选名词</source>
        <translation>Filter terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="73"/>
        <source>名词列表</source>
        <translation>List of terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="81"/>
        <source>没有符合的名词。</source>
        <translation>No matching term.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="86"/>
        <source>名词解释内容</source>
        <translation>Explanation of the term</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="90"/>
        <source>朗读这条名词解释</source>
        <translation>Read this explanation aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="91"/>
        <source>← 全部名词</source>
        <translation>← All terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="92"/>
        <source>返回名词列表</source>
        <translation>Back to the list of terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="119"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="121"/>
        <source>报告最后的 {n} 条注释，以及它们在报告中出现的地方。</source>
        <translation>The report&apos;s {n} notes, and where each is mentioned in the report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="123"/>
        <source>注释和报告原文为中文，按原样显示。</source>
        <translation>The notes and the report are shown in the original Chinese.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="125"/>
        <source>这份报告没有名词解释：报告最后没有注释。</source>
        <translation>This report has no glossary: it ends without notes.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="137"/>
        <source>← 返回“{page}”</source>
        <translation>← Back to “{page}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="138"/>
        <source>返回“{page}”</source>
        <translation>Back to “{page}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="139"/>
        <source>回到您刚才所在的地方</source>
        <translation>Back to where you just were</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="281"/>
        <source>在报告中出现 {n} 处：</source>
        <translation>Mentions in the report ({n}):</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="289"/>
        <source>{part} · {section}</source>
        <translation>{part} · {section}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/glossary.py" line="293"/>
        <source>这个词只在注释中解释，报告正文中没有出现。</source>
        <translation>This term is only explained in the notes; the report text never mentions it.</translation>
    </message>
</context>
<context>
    <name>IdlePrompt</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="50"/>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="51"/>
        <source>还在浏览吗？</source>
        <translation>Still browsing?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="52"/>
        <source>继续浏览</source>
        <translation>Keep browsing</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="54"/>
        <source>轻触屏幕任意处，留在这里。</source>
        <translation>Touch the screen anywhere to stay.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/idle.py" line="72"/>
        <source>{s} 秒后将回到首页。</source>
        <translation>Back to the start page in {s} seconds.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="56"/>
        <source>查看原文</source>
        <translation>Show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="56"/>
        <source>打开这项实事在报告中的原文</source>
        <translation>Open this item&apos;s source in the report</translation>
    </message>
</context>
<context>
    <name>KeyboardDock</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/dock.py" line="36"/>
        <source>屏幕键盘</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/dock.py" line="38"/>
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
</context>
<context>
    <name>LivelihoodPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="109"/>
        <source>民生实事</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="116"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="121"/>
        <source>全部年份</source>
        <translation>Both years</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="141"/>
        <source>本程序列出的实事条目数</source>
        <translation>Entries listed by this app</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="201"/>
        <source>本程序列出的实事条目数（按主题；点柱子筛选该主题）</source>
        <translation>Entries listed by this app, per topic (click a bar to filter that topic)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="202"/>
        <source>条目数（本程序列出）</source>
        <translation>Entries (as listed by this app)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="205"/>
        <source>按本程序列出的条目数，不是报告里的数字；一条可能包含多项。</source>
        <translation>Counts of the entries this app lists, not numbers from the report; one entry may cover several projects.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="111"/>
        <source>报告中与百姓生活直接相关的事：{done}年已经办成的和{planned}年承诺要办的。点主题筛选，点“查看原文”核对。</source>
        <translation>What the report says about everyday life: done in {done} and promised for {planned}. Tap a topic to filter, &quot;Show source&quot; to check.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="150"/>
        <source>这一版报告没有标注民生实事，可以在工作回顾和工作安排里阅读报告原文。</source>
        <translation>This edition of the report has no livelihood items marked; you can read the report&apos;s own text under the review and the plan.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/livelihood.py" line="269"/>
        <source>共 {n} 项</source>
        <translation>Items: {n}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="191"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="194"/>
        <source>民生实事</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="196"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="197"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="192"/>
        <source>{years} 工作回顾</source>
        <translation>{years} review</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="193"/>
        <source>{years} 工作安排</source>
        <translation>{years} plan</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="195"/>
        <source>目标完成情况</source>
        <translation>Targets met?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="267"/>
        <source>{title} · 市民读本</source>
        <translation>{title} · Residents&apos; Guide</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="274"/>
        <source>打开“{title}”页面（Alt+{n}）</source>
        <translation>Open the &quot;{title}&quot; page (Alt+{n})</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="276"/>
        <source>A－</source>
        <translation>A−</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="276"/>
        <source>把所有文字调小一级（Ctrl+减号）</source>
        <translation>Make all text one step smaller (Ctrl+minus)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="276"/>
        <source>缩小字号</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="277"/>
        <source>A＋</source>
        <translation>A+</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="277"/>
        <source>把所有文字调大一级（Ctrl+加号）</source>
        <translation>Make all text one step larger (Ctrl+plus)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="277"/>
        <source>放大字号</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="278"/>
        <source>大字模式</source>
        <translation>Large mode</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="279"/>
        <source>更大的字、更大的按钮、更简洁的页面</source>
        <translation>Bigger text, bigger buttons, simpler pages</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="280"/>
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="280"/>
        <source>黑白分明的颜色，看得更清楚</source>
        <translation>Strong black-and-white colours that are easier to see</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="281"/>
        <source>English</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="281"/>
        <source>切换到英文界面</source>
        <translation>Switch the interface to Chinese</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="282"/>
        <source>界面文字改用英文；报告原文仍为中文</source>
        <translation>Show the interface in Chinese</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="283"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="283"/>
        <source>关于本程序</source>
        <translation>About this program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="283"/>
        <source>内容来源、版本和字体许可</source>
        <translation>Source, version and font licence</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="294"/>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="294"/>
        <source>更多按钮</source>
        <translation>More buttons</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="737"/>
        <source>最大 {p}%</source>
        <translation>Max {p}%</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="738"/>
        <source>文字 {p}%</source>
        <translation>Text {p}%</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/main_window.py" line="728"/>
        <source>当前文字大小</source>
        <translation>Current text size</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="120"/>
        <source>屏幕键盘</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="131"/>
        <source>打开键盘</source>
        <translation>Show keyboard</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="149"/>
        <source>← 退格</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="154"/>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="177"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="155"/>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="177"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="177"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="239"/>
        <source>拼音最多 {n} 个字母，请先选一个词。</source>
        <translation>Pinyin can have at most {n} letters. Please choose a word first.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="278"/>
        <source>这些字母拼不出报告里的词，所以没有搜索。请点输入框，换一种拼法。</source>
        <translation>These letters spell no word of the report, so nothing was searched. Tap the box and try another spelling.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="313"/>
        <source>拼音：{letters}（报告里没有这样拼的词）</source>
        <translation>Pinyin: {letters} (no word of the report is spelt so)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="315"/>
        <source>拼音：{letters}</source>
        <translation>Pinyin: {letters}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="317"/>
        <source>要改输入的内容，点输入框或“打开键盘”。</source>
        <translation>To change what you typed, tap the text box or &quot;Show keyboard&quot;.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/keyboard.py" line="319"/>
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
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="82"/>
        <source>{reviewed}年情况与{planned}年目标</source>
        <translation>{reviewed} and the targets for {planned}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="102"/>
        <source>这一版报告没有标注指标，所以这里没有数字卡片。报告原文可以在“工作回顾”和“工作安排”里阅读。</source>
        <translation>This edition has no curated indicators, so there are no figure cards here. The report itself can be read under “Review” and “Plan”.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="108"/>
        <source>从{reviewed}年到{planned}年目标</source>
        <translation>From {reviewed} to the targets for {planned}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="114"/>
        <source>了解更多</source>
        <translation>Learn more</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="182"/>
        <source>国家高新技术企业总数：倍增计划</source>
        <translation>National high-tech enterprises in total: the doubling plan</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="194"/>
        <source>这一版报告没有可以对比的指标数据，所以这里没有图表。</source>
        <translation>This edition has no indicators to compare, so there are no charts here.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="70"/>
        <source>这里用大字和图表介绍{district}政府{reviewed}年做了什么、{planned}年打算做什么。每个数字都可以点“查看原文”核对报告原话。</source>
        <translation>What the government of {district} did in {reviewed} and plans for {planned}, in large type and charts. Every number has a &quot;Show source&quot; link to the report&apos;s own words (in Chinese).</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="85"/>
        <source>每张卡片从本报告里{reviewed}年的数字（“预计”等字样照录原文）走到{planned}年定下的目标：这是下一步的打算，不是评判目标有没有完成——{reviewed}年自己的目标不在这份报告里。</source>
        <translation>Each card steps from this report&apos;s figure for {reviewed} (words such as “estimated” kept as written) to the target set for {planned}: a plan for the next step, not a verdict on whether a target was met — the targets set for {reviewed} itself are not in this report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="90"/>
        <source>有的目标比上一年的数字低（{names}）：目标比上一年低，不等于变差。</source>
        <translation>Some targets are below last year&apos;s figure ({names}): a target lower than last year does not mean things are getting worse.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="91"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="117"/>
        <source>{years}年工作回顾：各方面的成绩</source>
        <translation>{years} review: results in each area</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="118"/>
        <source>{years}年工作安排：目标和各方面的工作</source>
        <translation>{years} plan: targets and each area of work</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="119"/>
        <source>民生实事：教育、养老、就业、医疗……</source>
        <translation>Livelihood: education, elderly care, jobs, health…</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="120"/>
        <source>名词解释：报告里的专门用语</source>
        <translation>Glossary: the report&apos;s special terms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="121"/>
        <source>搜索：查找您关心的内容</source>
        <translation>Search: find what matters to you</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="177"/>
        <source>主要经济指标增长率</source>
        <translation>Growth of the main economic measures</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="177"/>
        <source>增长率（%）</source>
        <translation>Growth (%)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="182"/>
        <source>国家高新技术企业总数</source>
        <translation>National high-tech enterprises in total</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="183"/>
        <source>企业数（家）</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/overview.py" line="203"/>
        <source>报告注释说：“{quote}”。报告没有写出倍增计划起点那一年的企业数，所以图中只画报告写出的数字。</source>
        <translation>The report&apos;s note says: &quot;{quote}&quot;. The report does not state the number of enterprises in the year the doubling plan starts from, so the chart draws only the numbers the report states.</translation>
    </message>
</context>
<context>
    <name>PartPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="100"/>
        <source>选择左边的一项，阅读报告原文；图表中的每一根柱子都可以点开原文。</source>
        <translation>Choose a section on the left to read the report; every bar in a chart opens its source.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="104"/>
        <source>报告原文为中文，按原样显示。</source>
        <translation>The report is shown in the original Chinese.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="109"/>
        <source>章节列表</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="187"/>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="501"/>
        <source>◀ 上一节</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="188"/>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="501"/>
        <source>下一节 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="189"/>
        <source>上一节</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="95"/>
        <source>{years}年工作回顾</source>
        <translation>Review of {years}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="95"/>
        <source>{years}年工作安排</source>
        <translation>Plan for {years}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="97"/>
        <source>选择左边的一项，阅读报告原文。</source>
        <translation>Choose an item on the left to read the report&apos;s text.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="98"/>
        <source>{years}年的目标和各方面的工作。</source>
        <translation>Targets and work in every area for {years}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="102"/>
        <source>{years}年的目标和各方面的工作；图表中的每一根柱子都可以点开原文。</source>
        <translation>The {years} targets and each area of work; every bar in a chart opens its source.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="189"/>
        <source>下一节</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="196"/>
        <source>当前章节</source>
        <translation>Current section</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="203"/>
        <source>看原文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="204"/>
        <source>看图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="231"/>
        <source>← 返回“{page}”</source>
        <translation>← Back to “{page}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="231"/>
        <source>← 返回</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="233"/>
        <source>返回“{page}”</source>
        <translation>Back to “{page}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="234"/>
        <source>回到您刚才阅读的地方</source>
        <translation>Back to where you were reading</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="332"/>
        <source>（本节标题为编者所加）</source>
        <translation>(heading added by the editors)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="333"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="338"/>
        <source>接着读：{years}年工作安排 →</source>
        <translation>Read on: the {years} plan →</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="502"/>
        <source>上一节</source>
        <comment>short button text</comment>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="502"/>
        <source>下一节</source>
        <comment>short button text</comment>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="553"/>
        <source>主要经济指标：{actual}年与{target}年目标</source>
        <translation>Main indicators: {actual} and the targets for {target}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="562"/>
        <source>本部分的主要数字</source>
        <translation>Key numbers of this part</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="564"/>
        <source>{section}：主要数字</source>
        <translation>{section}: main figures</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/part.py" line="574"/>
        <source>增长率（%）</source>
        <translation>Growth (%)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="54"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="77"/>
        <source>本机未设置管理员密码，不能在屏幕上退出。请联系设备管理员，按安装说明设置密码。</source>
        <translation>No admin PIN is set on this machine, so the kiosk cannot be left from the screen. Please ask the device administrator to set a PIN as the installation guide describes.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="105"/>
        <source>请输入管理员密码</source>
        <translation>Enter the admin PIN</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="108"/>
        <source>已输入的位数</source>
        <translation>Digits entered</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="126"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="129"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="132"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="140"/>
        <source>管理员已解锁</source>
        <translation>Admin unlocked</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="141"/>
        <source>退出程序</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="145"/>
        <source>文字 {p}%</source>
        <translation>Text {p}%</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="148"/>
        <source>返回展示</source>
        <translation>Back to the display</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="164"/>
        <source>尝试次数过多，键盘已锁定。请 {s} 秒后再试。</source>
        <translation>Too many tries: the keypad is locked. Try again in {s} seconds.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="172"/>
        <source>可以再试了。</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/kiosk/pinpad.py" line="204"/>
        <source>密码错误。再错 {n} 次，键盘将锁定 {s} 秒。</source>
        <translation>Wrong PIN. {n} more wrong tries lock the keypad for {s} seconds.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/reading_view.py" line="72"/>
        <source>报告原文</source>
        <translation>Report text</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="84"/>
        <source>保存位置：</source>
        <translation>Save in:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="85"/>
        <source>文件名：</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="86"/>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="87"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="88"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="70"/>
        <source>输入要找的内容，例如：养老、幼儿园、PM2.5</source>
        <translation>Chinese words, pinyin such as yanglao, or PM2.5</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="70"/>
        <source>例如：养老、幼儿园、PM2.5</source>
        <translation>e.g. yanglao, youeryuan, PM2.5</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="71"/>
        <source>例如：养老</source>
        <translation>e.g. yanglao</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="74"/>
        <source>搜索内容</source>
        <translation>Search text</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="87"/>
        <source>拼音候选词</source>
        <translation>Pinyin suggestions</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="98"/>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="103"/>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="131"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="108"/>
        <source>常用主题：</source>
        <translation>Common topics:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="132"/>
        <source>开始搜索</source>
        <translation>Start search</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="162"/>
        <source>请输入文字，或点上面的主题。一个字、两个字或更多都可以。</source>
        <translation>Type some text or tap a topic above. One, two or more characters all work.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="163"/>
        <source>请输入文字。一个字、两个字或更多都可以。</source>
        <translation>Type a word. One character, two or more all work.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="169"/>
        <source>没有找到与“{q}”相关的内容。</source>
        <translation>Nothing found for &quot;{q}&quot;.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="170"/>
        <source>可以换个说法，或者点上面的常用主题。</source>
        <translation>Try other words, or tap one of the common topics above.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="170"/>
        <source>可以换个说法再找。</source>
        <translation>Try other words.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="173"/>
        <source>找到 {n} 处与“{q}”相关的内容。</source>
        <translation>Results for &quot;{q}&quot;: {n}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="175"/>
        <source>找到超过 {n} 处与“{q}”相关的内容，请再加一个词缩小范围。</source>
        <translation>More than {n} places found for &quot;{q}&quot;; add a word to narrow it down.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="178"/>
        <source>按拼音“{p}”查找“{q}”：</source>
        <translation>Searching &quot;{q}&quot; for the pinyin &quot;{p}&quot;: </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="246"/>
        <source>名词解释：{t}</source>
        <translation>Glossary: {t}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="250"/>
        <source>{part} · {section}</source>
        <translation>{part} · {section}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="265"/>
        <source>拼音“{p}”可以是：</source>
        <translation>The pinyin &quot;{p}&quot; can be:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="267"/>
        <source>也可以按拼音“{p}”找：</source>
        <translation>Or search by the pinyin &quot;{p}&quot;:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="269"/>
        <source>（列出最常见的 {n} 个，多打几个字母可以缩小范围）</source>
        <translation> (the {n} most common; type more letters to narrow them down)</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="278"/>
        <source>按拼音“{p}”的候选词，查找“{w}”</source>
        <translation>Word for the pinyin &quot;{p}&quot;: search for &quot;{w}&quot;</translation>
    </message>
</context>
<context>
    <name>SearchTopics</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="34"/>
        <source>养老</source>
        <translation>Elderly care</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="34"/>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="35"/>
        <source>就业</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="35"/>
        <source>医疗</source>
        <translation>Health care</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="36"/>
        <source>住房</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="36"/>
        <source>交通</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="37"/>
        <source>环境</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="37"/>
        <source>幼儿园</source>
        <translation>Kindergartens</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="38"/>
        <source>高新技术企业</source>
        <translation>High-tech firms</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/search.py" line="38"/>
        <source>还迁</source>
        <translation>Resettlement</translation>
    </message>
</context>
<context>
    <name>SpeakButton</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speak_button.py" line="59"/>
        <source>■ 停止朗读</source>
        <translation>■ Stop reading</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speak_button.py" line="59"/>
        <location filename="../../dongli_desktop/ui/widgets/speak_button.py" line="60"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speak_button.py" line="60"/>
        <source>停止朗读</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speak_button.py" line="61"/>
        <source>正在朗读，按下停止</source>
        <translation>Reading aloud; press to stop</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="346"/>
        <source>正在准备朗读…</source>
        <translation>Getting read-aloud ready…</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="348"/>
        <source>朗读功能未启用</source>
        <translation>Read-aloud is off</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="381"/>
        <source>没有可用的声音输出，无法朗读。请接上音箱或耳机。</source>
        <translation>No audio output: cannot read aloud. Please connect speakers or headphones.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="386"/>
        <source>朗读出错，已停止。</source>
        <translation>Reading aloud failed and has stopped.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/speech.py" line="395"/>
        <source>没有声音输出，朗读已停止。请检查音箱或耳机。</source>
        <translation>No sound came out; reading aloud has stopped. Please check the speakers or headphones.</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speech_bar.py" line="29"/>
        <location filename="../../dongli_desktop/ui/widgets/speech_bar.py" line="31"/>
        <source>停止朗读</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speech_bar.py" line="33"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speech_bar.py" line="35"/>
        <source>关闭朗读提示</source>
        <translation>Close the read-aloud notice</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/widgets/speech_bar.py" line="58"/>
        <source>正在朗读：{text}</source>
        <translation>Reading aloud: {text}</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="261"/>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="265"/>
        <source>在名词解释页查看</source>
        <translation>Show in the glossary</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/dialogs.py" line="267"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="284"/>
        <source>目标完成情况</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="289"/>
        <source>显示或收起判断规则</source>
        <translation>Show or hide the rules</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="289"/>
        <source>怎样算达到？</source>
        <translation>How is “met” decided?</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="293"/>
        <source>判断规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="322"/>
        <source>目标列表</source>
        <translation>List of targets</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="342"/>
        <source>本机没有可以显示的报告。</source>
        <translation>There is no report on this computer to show.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="351"/>
        <source>这两份报告无法逐项对照，其他页面不受影响。</source>
        <translation>These two reports cannot be compared item by item. The other pages are not affected.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="395"/>
        <source>全部 {n}</source>
        <translation>All {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="399"/>
        <source>按判断结果筛选</source>
        <translation>Filter by verdict</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="406"/>
        <source>{title}定下的目标（{n}项），都还不能判断：</source>
        <translation>The targets set in {title} ({n}), none of which can be judged yet:</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="409"/>
        <source>{title}还没有整理出可以逐项对照的目标。</source>
        <translation>No targets of {title} have been prepared for checking one by one yet.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="423"/>
        <source>已达到 {n}</source>
        <translation>Met {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="423"/>
        <source>未达到 {n}</source>
        <translation>Not met {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="424"/>
        <source>不能确定 {n}</source>
        <translation>Cannot tell {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="424"/>
        <source>无法对比 {n}</source>
        <translation>Not comparable {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="425"/>
        <source>只有文字说明 {n}</source>
        <translation>Words only {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="426"/>
        <source>还不能判断 {n}</source>
        <translation>Not yet due {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="434"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="435"/>
        <source>{earlier}定下的目标，对照之后报告（{later}）写的结果。每个数字都可以点开，查看它在原报告中的原话。</source>
        <translation>The targets set in {earlier}, against the results the later reports ({later}) give. Every number opens its exact words in the original report.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="460"/>
        <source>{title}回顾了{year}年的成绩，但{year}年的目标是{year}年的{kind}定下的，那份报告不在本应用里，所以这里无法判断{year}年的目标是否达到。</source>
        <translation>{title} reviews the results of {year}, but the targets for {year} were set in the {year} {kind}, which is not in this app, so whether the {year} targets were met cannot be judged here.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="463"/>
        <source>{title}回顾了{first}—{last}年的成绩，但那些年的目标是当年的报告定下的，这些报告不在本应用里，所以这里无法判断那些目标是否达到。</source>
        <translation>{title} reviews the results of {first}–{last}, but the targets for those years were set in that year&apos;s reports, which are not in this app, so whether those targets were met cannot be judged here.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="476"/>
        <source>已达到{n}项</source>
        <translation>{n} met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="476"/>
        <source>未达到{n}项</source>
        <translation>{n} not met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="477"/>
        <source>不能确定{n}项</source>
        <translation>{n} cannot tell</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="477"/>
        <source>无法对比{n}项</source>
        <translation>{n} not comparable</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="478"/>
        <source>只有文字说明{n}项</source>
        <translation>{n} in words only</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="479"/>
        <source>报告未提及{n}项</source>
        <translation>{n} not mentioned</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="479"/>
        <source>还不能判断{n}项</source>
        <translation>{n} not yet due</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="482"/>
        <source>共{n}项：{parts}。</source>
        <translation>{n} in all: {parts}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="482"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="487"/>
        <source>只比较报告里写明的数字，万、亿换算后再比；单位不同的，量的不是同一样东西，标为“无法对比”。报告的说法按字面理解：“余、多”是比这个数多一些；“近”是略少于这个数（按不低于它的{near}%计）；“约、左右”按上下{tolerance}%计；“以上、不少于、不低于”是至少这个数，“超过”是多于这个数；“以下、以内、不超过”是至多这个数；“3%—4%”“800至900个”是这个范围。目标写“以上、不少于、超过”等的，结果要达到它；写“以下、以内、不超过”的，结果不能超过它；其余的，结果要达到目标的下限（越低越好的指标，如PM2.5浓度，不能高于上限）。结果的范围全部达到目标，算“已达到”；全部没有达到，算“未达到”；一部分达到、一部分没有，算“不能确定”。“高于经济增长速度”这样的目标，和同一份报告里的那个数比；“下降”“减少”“提高”这样的目标，和上一年的数比。写明“预计”“初步”的结果照样比较，并注明。只用文字说明、没有数字的，标为“只有文字说明”并列出原话；回顾了那一年却没有提到的，标为“报告未提及”；还没有报告回顾那一年的，标为“还不能判断”。</source>
        <translation>Only figures the reports state are compared, after converting ten-thousands and hundred-millions; figures in different units measure different things and are marked “Not comparable”. The report&apos;s words are taken literally: “over” or “more than” means somewhat more than the number; “nearly” means a little less (counted as at least {near}% of it); “about” means within {tolerance}% either side; “or more”, “no less than”, “not below” mean at least the number, “exceeding” means more than it; “or less”, “within”, “no more than” mean at most the number; “3%–4%” or “800 to 900” is that range. A target written as “or more”, “no less than”, “exceeding” and the like must be reached; one written as “or less”, “within”, “no more than” must not be exceeded; any other must be reached at its lower end (for a measure where lower is better, such as PM2.5, not exceeded at its upper end). If every value the result&apos;s words allow meets the target it is “Met”; if none does, “Not met”; if some do and some do not, “Cannot tell”. A target such as “faster than economic growth” is compared with that figure in the same report; a target such as “fall”, “decrease” or “rise” with the year before. Results marked as estimated or preliminary are compared all the same, and marked so. Results given in words only are marked “Words only” with their words; a year reviewed without a mention is marked “Not mentioned”; a year no loaded report reviews yet is marked “Not yet due”.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="425"/>
        <source>报告未提及 {n}</source>
        <translation>Not mentioned {n}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="438"/>
        <source>{later}已经收进本程序，但它没有标注可以逐项对照的指标（只收录了原文），所以还不能判断{earlier}定下的目标是否达到。</source>
        <translation>{later} is in this program, but it marks no indicators to compare (only its text is included), so whether the targets set in {earlier} were met cannot be judged yet.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="442"/>
        <source>{later}已经收进本程序，但{earlier}没有标注可以逐项对照的目标，所以这里没有可以判断的内容。</source>
        <translation>{later} is in this program, but {earlier} marks no targets to compare item by item, so there is nothing to judge here.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="446"/>
        <source>现在还不能判断{title}定下的目标是否达到：{planned}年的目标，要等回顾{planned}年的报告（通常是{district}{next}年的{kind}）收进本程序后才能判断；更晚年份的目标，要等回顾那一年的报告。</source>
        <translation>Whether the targets set in {title} were met cannot be judged yet: the targets for {planned} can be judged once a report reviewing {planned} (usually {district}&apos;s {next} {kind}) is added to this program; targets for later years wait for the report that reviews that year.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="511"/>
        <source>没有这一类的目标。</source>
        <translation>No targets of this kind.</translation>
    </message>
</context>
<context>
    <name>TrackerRow</name>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="121"/>
        <source>{year}年目标：{value}</source>
        <translation>{year} target: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="122"/>
        <source>{name}，{year}年目标{value}，查看原文</source>
        <translation>{name}, {year} target {value}, show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="128"/>
        <source>{year}年报告：{value}</source>
        <translation>{year} report: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="129"/>
        <source>{name}，{year}年报告的结果{value}，查看原文</source>
        <translation>{name}, result in the {year} report {value}, show source</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="134"/>
        <source>对照{year}年{name}：{value}</source>
        <translation>Compared with {name} in {year}: {value}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="136"/>
        <source>{text}，查看原文</source>
        <translation>{text}, see the original words</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="160"/>
        <source>{name}：{status}</source>
        <translation>{name}: {status}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="166"/>
        <source>打开{title}中的原话</source>
        <translation>Opens the exact words in {title}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="176"/>
        <source>见原话</source>
        <translation>see quote</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="182"/>
        <source>“{quote}”</source>
        <translation>“{quote}”</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="188"/>
        <source>已达到</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="189"/>
        <source>未达到</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="190"/>
        <source>不能确定</source>
        <translation>Cannot tell</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="191"/>
        <source>无法对比</source>
        <translation>Not comparable</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="192"/>
        <source>只有文字说明</source>
        <translation>Words only, no figure</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="194"/>
        <source>还不能判断</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="212"/>
        <source>{title}回顾了{year}年，但没有提到这一项。</source>
        <translation>{title} reviews {year} but does not mention this.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="214"/>
        <source>{title}只用文字说明了这一项，没有给出数字。是否做到，请读下面的原话自己判断。</source>
        <translation>{title} describes this in words only, without a figure. Read its words below and judge for yourself whether it was done.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="219"/>
        <source>高于</source>
        <translation>above</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="219"/>
        <source>低于</source>
        <translation>below</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="220"/>
        <source>目标是{wanted}{other}。{title}写的是：这一项{result}，{other}{value}。</source>
        <translation>The target was to be {wanted} {other}. {title} says: this measure {result}, {other} {value}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="223"/>
        <source>增长</source>
        <translation>growth</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="223"/>
        <source>下降</source>
        <translation>a fall</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="224"/>
        <source>目标是{wanted}，没有写明幅度；{title}写的结果是{result}。</source>
        <translation>The target was {wanted}, without saying how much; {title} gives the result as {result}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="227"/>
        <source>比上一年提高</source>
        <translation>higher than the year before</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="227"/>
        <source>比上一年下降</source>
        <translation>lower than the year before</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="228"/>
        <source>目标是{wanted}：{prev_year}年是{prev}，{year}年是{result}。</source>
        <translation>The target was {wanted}: {prev} in {prev_year}, {result} in {year}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="231"/>
        <source>目标是{target}，{title}写的结果是{result}。</source>
        <translation>The target was {target}; {title} gives the result as {result}.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="234"/>
        <source>达到了目标。</source>
        <translation>The target was met.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="235"/>
        <source>没有达到目标。</source>
        <translation>The target was not met.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="236"/>
        <source>这个结果是一个范围或大概数，其中一部分达到目标、一部分没有，所以不能确定是否达到。</source>
        <translation>This result is a range or an approximate number: part of it reaches the target and part does not, so it cannot be said whether the target was met.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="240"/>
        <source>报告写明这是“{word}”的数字，最终数字可能不同。</source>
        <translation>The report gives this as a “{word}” figure; the final figure may differ.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="247"/>
        <source>目标是{target}，结果是{result}，量的不是同一样东西，不能直接比较。</source>
        <translation>The target was {target} and the result is {result}: they measure different things and cannot be compared directly.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="249"/>
        <source>目标要求比上一年有变化，但已载入的报告里找不到上一年的数字，无法比较。</source>
        <translation>The target asks for a change from the year before, but no loaded report gives the figure for the year before, so it cannot be compared.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="250"/>
        <source>目标要和另一项指标比较，但{title}没有写出那一项的数字，无法比较。</source>
        <translation>The target is set against another measure, but {title} gives no figure for it, so it cannot be compared.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="252"/>
        <source>目标没有写明数字，结果{result}无法与它比较。</source>
        <translation>The target states no figure, so the result {result} cannot be compared with it.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="253"/>
        <source>目标和结果无法直接比较。</source>
        <translation>The target and the result cannot be compared directly.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="193"/>
        <source>报告未提及</source>
        <translation>Not mentioned</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="116"/>
        <source>{name} · {year}年目标</source>
        <translation>{name} · target for {year}</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="206"/>
        <source>{title}已经收进本程序，但它没有标注可以对照的指标，所以还不能判断。</source>
        <translation>{title} is in this program, but it marks no indicators to compare, so this cannot be judged yet.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="209"/>
        <source>要等回顾{year}年的报告收进本程序后才能判断。</source>
        <translation>This can be judged once a report reviewing {year} is added to this program.</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/pages/tracker.py" line="257"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>Years</name>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="21"/>
        <location filename="../../dongli_desktop/ui/years.py" line="38"/>
        <location filename="../../dongli_desktop/ui/years.py" line="39"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <location filename="../../dongli_desktop/ui/years.py" line="22"/>
        <source>{year}年倍增目标</source>
        <translation>{year} doubling goal</translation>
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
        <location filename="../../dongli_desktop/ui/years.py" line="20"/>
        <location filename="../../dongli_desktop/ui/years.py" line="37"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
</context>
</TS>
