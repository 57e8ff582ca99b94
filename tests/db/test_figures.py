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
