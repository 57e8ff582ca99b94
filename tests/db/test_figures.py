"""Figure extraction on the tricky cases named in the foundation issue."""

from __future__ import annotations

import pytest

from db.figures import find_figures


def one(text: str):
    found = find_figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "qualifier", "base_value", "base_unit"),
    [
        ("新增国家高新技术企业113家", "113家", 113, "家", None, 113, "家"),
        ("一般公共预算收入63.2亿元", "63.2亿元", 63.2, "亿元", None, 6_320_000_000, "元"),
        ("完成绿化造林1.92万亩", "1.92万亩", 1.92, "万亩", None, 19_200, "亩"),
        ("合同外资额9560万美元", "9560万美元", 9560, "万美元", None, 95_600_000, "美元"),
        ("全区PM2.5年均浓度51微克/立方米", "51微克/立方米", 51, "微克/立方米", None, 51, "微克/立方米"),
        ("推动解决企业发展难题1500余个", "1500余个", 1500, "个", "余", 1500, "个"),
        ("登记办证6.8万余套", "6.8万余套", 6.8, "万套", "余", 68_000, "套"),
        ("捐款捐物2300余万元", "2300余万元", 2300, "万元", "余", 23_000_000, "元"),
        ("秸秆综合利用率超过97%", "超过97%", 97, "%", "超过", 97, "%"),
        ("其中实体经济项目不少于80个", "不少于80个", 80, "个", "不少于", 80, "个"),
        ("一般性支出压减20%以上", "20%以上", 20, "%", "以上", 20, "%"),
        ("规上工业增加值率提高1.1个百分点", "1.1个百分点", 1.1, "个百分点", None, 1.1, "个百分点"),
        ("33个工作日取得施工许可证", "33个工作日", 33, "个工作日", None, 33, "个工作日"),
        ("承载着72万东丽人民", "72万", 72, "万", None, 720_000, None),
        ("救助困难群众22万人次", "22万人次", 22, "万人次", None, 220_000, "人次"),
    ],
)
def test_single_figure(text, written, value, unit, qualifier, base_value, base_unit):
    f = one(text)
    assert (f.text, f.value, f.unit, f.qualifier, f.base_unit) == (written, value, unit, qualifier, base_unit)
    assert f.base_value == pytest.approx(base_value)
    assert text[f.start : f.end] == written


def test_shared_unit_of_two_numbers():
    text = "产值增速分别高于全部工业增速1.4和3.4个百分点"
    found = find_figures(text)
    assert [(f.text, f.value, f.unit) for f in found] == [("1.4", 1.4, "个百分点"), ("3.4个百分点", 3.4, "个百分点")]


def test_list_with_own_units():
    found = find_figures("完成拆迁80处、211万平方米。")
    assert [(f.text, f.unit, f.base_value) for f in found] == [("80处", "处", 80),
                                                               ("211万平方米", "万平方米", 2_110_000)]
    found = find_figures("清淤沟渠60余条、65公里")
    assert [(f.text, f.qualifier) for f in found] == [("60余条", "余"), ("65公里", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年经济社会发展主要预期目标", []),
        ("以2018年为基期，到2021年实现倍增，达到550家", ["550家"]),
        ("——2020年1月5日在区第十七届", []),
        ("确保PM2.5浓度下降", []),
        ("重点区域5G基站布局", []),
        ("整合8890等群众反映问题渠道", []),
        ("总线路规模51公里电力“1001工程”全面铺开", ["51公里"]),
        ("庆祝中华人民共和国成立70周年", []),
        ("在建党100周年时", []),
        ("民和巷长达9年的还迁问题", ["9年"]),
    ],
)
def test_years_dates_ordinals_and_names_are_not_quantities(text, expected):
    assert [f.text for f in find_figures(text)] == expected


def test_names_with_digits_leave_the_real_quantities():
    assert [f.text for f in find_figures("新建6个120急救站")] == ["6个"]
    assert [f.text for f in find_figures("新增3所24小时城市书房")] == ["3所"]
    assert [f.text for f in find_figures("全区PM2.5年均浓度51微克/立方米")] == ["51微克/立方米"]


def test_definitions_in_notes():
    text = "注册时间1年以上5年以下，上一年度营业收入不低于10万元"
    assert [(f.text, f.qualifier, f.base_value) for f in find_figures(text)] == [
        ("1年以上", "以上", 1), ("5年以下", "以下", 5), ("不低于10万元", "不低于", 100_000)
    ]


def test_a_range_gives_its_unit_to_its_first_number():
    """3万至3.5万人: the 3万 is 3万人 (unit 万人, base unit 人), not a bare 3万 of no unit."""
    first, second = find_figures("新增就业3万至3.5万人")
    assert (first.text, first.unit, first.base_value, first.base_unit) == ("3万", "万人", 30_000, "人")
    assert (second.text, second.unit, second.base_value, second.base_unit) == ("3.5万人", "万人", 35_000, "人")
    for f in (first, second):
        assert (f.low, f.high, f.label) == (30_000, 35_000, "3万至3.5万人")
    first, second = find_figures("增长5—6%")
    assert (first.text, first.unit, first.base_value, first.label) == ("5", "%", 5, "5—6%")
    first, _ = find_figures("新增学位800至900个")
    assert (first.text, first.unit, first.low, first.high) == ("800", "个", 800, 900)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "qualifier", "low", "high"),
    [
        ("帮助两万余人就业", "两万余人", 2, "万人", "余", 20_000, 30_000),
        ("建成社区食堂近百个", "近百个", 100, "个", "近", 90, 100),
        ("出台十二条措施", "十二条", 12, "条", None, 12, 12),
        ("改造百余个小区", "百余个", 100, "个", "余", 100, 200),
        ("新建一百二十个站点", "一百二十个", 120, "个", None, 120, 120),
    ],
)
def test_chinese_numeral_counts_are_figures(text, written, value, unit, qualifier, low, high):
    f = one(text)
    assert (f.text, f.value, f.unit, f.qualifier, f.low, f.high) == (written, value, unit, qualifier, low, high)
    assert text[f.start : f.end] == written


@pytest.mark.parametrize("text", ["惠及千家万户", "建成一批项目", "行政执法“三项制度”", "坚决做到“两个维护”",
                                  "实现第一个百年奋斗目标", "学前三年毛入园率", "重点抓好七个方面工作"])
def test_chinese_numeral_words_are_not_figures(text):
    assert find_figures(text) == []


def test_intervals_and_qualifiers_are_recorded():
    f = one("预计全年地区生产总值增长4%")
    assert (f.qualifier, f.qualifiers, f.label, f.low, f.high) == (None, "预计", "预计4%", 4, 4)
    f = one("秸秆综合利用率超过97%")
    assert (f.qualifiers, f.low, f.high, f.low_inclusive) == ("超过", 97, None, False)
    f = one("控制在45微克/立方米以内")
    assert (f.qualifiers, f.low, f.high, f.high_inclusive) == ("以内", None, 45, True)
    f = one("登记办证6.8万余套")
    assert (f.low, f.high, f.low_inclusive, f.high_inclusive) == (68_000, 69_000, False, False)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "qualifier", "base_value", "label"),
    [
        ("全区生产总值达到616 亿元，", "616 亿元", 616, "亿元", None, 61_600_000_000, "616亿元"),
        ("同比增长 8.5 %。", "8.5 %", 8.5, "%", None, 8.5, "8.5%"),
        ("新增就业 1.2 万余人", "1.2 万余人", 1.2, "万人", "余", 12_000, "1.2万余人"),
        ("引进企业超过 100 家", "超过 100 家", 100, "家", "超过", 100, "超过100家"),
        ("GDP 830 亿元", "830 亿元", 830, "亿元", None, 83_000_000_000, "830亿元"),
        ("全年\u3000616\u3000亿元", "616\u3000亿元", 616, "亿元", None, 61_600_000_000, "616亿元"),
        ("预计增长 7 %", "7 %", 7, "%", None, 7, "预计7%"),
    ],
)
def test_numbers_written_with_spaces_are_figures_with_exact_spans(text, written, value, unit, qualifier, base_value,
                                                                  label):
    f = one(text)
    assert text[f.start : f.end] == f.text == written  # the span is the text as written, spaces included
    assert (f.value, f.unit, f.qualifier, f.base_value, f.label) == (value, unit, qualifier, base_value, label)


def test_a_spaced_range_reads_as_the_range():
    text = "建成 3 至 5 个示范点"
    first, second = find_figures(text)
    assert (first.text, first.unit, first.label, first.low, first.high) == ("3", "个", "3至5个", 3, 5)
    assert (second.text, text[second.start : second.end]) == ("5 个", "5 个")


@pytest.mark.parametrize(
    "text",
    ["——2012 年 12 月 18 日在武汉市江岸区", "排名第 3 名", "5G 基站", "PM2.5 浓度", "一、2012 年工作回顾",
     "2019 年底"],
)
def test_spaced_years_dates_ordinals_and_names_are_not_quantities(text):
    assert find_figures(text) == []


def test_a_number_followed_by_a_space_and_a_word_is_no_figure():
    assert find_figures("编号 8890 热线") == []
    assert [f.text for f in find_figures("共 8890 人次，")] == ["8890 人次"]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "qualifier", "base_value", "base_unit"),
    [  # traditional characters, as Hong Kong-, Taiwan- and some mainland pages write them (issue 18)
        ("全區生產總值達到616億元", "616億元", 616, "億元", None, 61_600_000_000, "元"),
        ("減負2300餘萬元", "2300餘萬元", 2300, "萬元", "餘", 23_000_000, "元"),
        ("新增就業1.2萬人", "1.2萬人", 1.2, "萬人", None, 12_000, "人"),
        ("新建學校12個", "12個", 12, "個", None, 12, "個"),
        ("提高1.1個百分點", "1.1個百分點", 1.1, "個百分點", None, 1.1, "個百分點"),
        ("完成造林兩萬畝", "兩萬畝", 2, "萬畝", None, 20_000, "畝"),
    ],
)
def test_traditional_units_and_multipliers(text, written, value, unit, qualifier, base_value, base_unit):
    f = one(text)
    assert (f.text, f.value, f.unit, f.qualifier, f.base_unit) == (written, value, unit, qualifier, base_unit)
    assert f.base_value == pytest.approx(base_value)
    assert f.label == written


def test_a_traditional_range_shares_its_multiplier():
    first, second = find_figures("投資3億至3.5億元")
    assert (first.text, first.unit, second.text, second.unit) == ("3億", "億元", "3.5億元", "億元")  # as 3万至3.5万人
    assert (second.low, second.high) == (pytest.approx(300_000_000), pytest.approx(350_000_000))


@pytest.mark.parametrize(
    ("text", "written", "unit", "base_value", "base_unit", "label"),
    [
        ("改造老旧小区楼房120栋", "120栋", "栋", 120, "栋", "120栋"),
        ("举办活动35场", "35场", "场", 35, "场", "35场"),
        ("减排二氧化硫1.2万吨", "1.2万吨", "万吨", 12_000, "吨", "1.2万吨"),
        ("新增新能源公交车200辆", "200辆", "辆", 200, "辆", "200辆"),
        ("发放消费券5万张", "5万张", "万张", 50_000, "张", "5万张"),
        ("安装设备30台", "30台", "台", 30, "台", "30台"),
        ("光伏装机容量5万千瓦", "5万千瓦", "万千瓦", 50_000, "千瓦", "5万千瓦"),
        ("年发电量1.5亿千瓦时", "1.5亿千瓦时", "亿千瓦时", 150_000_000, "千瓦时", "1.5亿千瓦时"),
        ("清运垃圾近3000吨", "近3000吨", "吨", 3000, "吨", "近3000吨"),
    ],
)
def test_units_of_things_counted(text, written, unit, base_value, base_unit, label):
    """栋 场 吨 辆 张 台 千瓦 (and 千瓦时) after a number are units (issue 18: they were not read)."""
    f = one(text)
    assert (f.text, f.unit, f.base_unit, f.label) == (written, unit, base_unit, label)
    assert f.base_value == pytest.approx(base_value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出台政策措施12项，建成服务平台3个", ["12项", "3个"]),  # 台 in 出台/平台 is no unit
        ("新建农贸市场2个、城市广场3处，现场办公会议开到一线", ["2个", "3处"]),  # 场 in 市场/广场/现场
        ("台湾同胞投资企业15家", ["15家"]),
        ("开展两场专题活动，建成一张网", []),  # a lone 两/一 with a unit is a word, not a measure
        ("举办各类展会十二场", ["十二场"]),
    ],
)
def test_the_new_units_count_only_after_a_number(text, expected):
    assert [f.text for f in find_figures(text)] == expected
