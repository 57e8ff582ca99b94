"""What the builder must make of each corpus file (../shared/corpus), written before the parser was run on them.

Each file is fed to the parser whole (its four corpus header lines included), so line numbers are the file's
own. An accepted file is completed by the test with clearly fictional lines (the cut sentence is closed and a
plan part in the excerpt's own numbering style follows); its expectation lists the excerpt's parts only, the
test adds the completed plan part. A refused file must be refused at ``line`` with a message containing
``needle`` (the thing a person has to add or fix).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Accepted:
    district: str
    prefix: str | None
    year: int
    speaker: str
    speaker_title: str
    delivered_on: str
    meeting: str
    parts: list[tuple[str | None, str, str, int, int]]  # label, title, kind, first year, last year
    areas: list[tuple[str, str]] = field(default_factory=list)  # label, title (as written)
    title: str = "政府工作报告"


@dataclass(frozen=True)
class Refused:
    line: int
    needle: str


EXPECTED: dict[str, Accepted | Refused] = {
    # --- genre/ -------------------------------------------------------------------------------------------
    "genre/2009_anon_district_trad.txt": Refused(13, "meeting and date line"),  # no front matter at all
    "genre/2009_liaoning_xinglongtai.txt": Refused(27, "page number"),  # stray "1" inside a sentence
    "genre/2010_shaanxi_yangling.txt": Accepted(
        "杨陵区", None, 2010, "董胜利", "区长", "2010-02-24", "2010年2月24日在杨陵区第七届人民代表大会第四次会议上",
        [("一、", "过去一年工作回顾", "review", 2009, 2009)]),
    "genre/2010_tianjin_nankai.txt": Refused(6, "各位代表"),  # no front matter, opens with the first paragraph
    "genre/2011_gansu_jingning.txt": Refused(34, "join"),  # a figure broken over a blank line (12.8亿元)
    "genre/2012_anon_district.txt": Refused(9, "meeting and date line"),
    "genre/2012_zhejiang_shangcheng.txt": Accepted(
        "上城区", None, 2012, "缪承潮", "区长", "2012-02-13", "2012年2月13日在上城区第十四届人民代表大会第一次会议上",
        [("一、", "2011年和过去五年工作回顾", "review", 2007, 2011)], [("（一）", "区域经济稳步壮大")]),
    "genre/2013_shanghai_qingpu.txt": Refused(12, "date"),  # "—— 日在青浦区…": the date is blank
    "genre/2013_wuhan_jiangan.txt": Accepted(
        "江岸区", "武汉市", 2013, "黎东辉", "区长", "2012-12-18",
        "2012年12月18日在武汉市江岸区第十四届人民代表大会第二次会议上",
        [("一、", "2012 年工作回顾", "review", 2012, 2012)]),
    "genre/2014_shenzhen_longgang.txt": Refused(5, "各位代表"),  # opens at the part heading
    "genre/2014_tianjin_dongli.txt": Accepted(
        "东丽区", None, 2014, "尚斌义", "区长", "2014-01-08", "2014年1月8日在东丽区第十六届人民代表大会第四次会议上",
        [("一、", "2013年工作回顾", "review", 2013, 2013)], [("（一）", "经济发展的质量效益稳步提升")]),
    "genre/2015_wuhan_qiaokou.txt": Refused(25, "date"),  # "──201516日": digits lost
    "genre/2016_guangzhou_yuexiu_trad.txt": Refused(9, "meeting and date line"),
    # Traditional with inline pinyin glosses (區(qū)): the glosses are not read as text; titles stay as given;
    # meeting, district and speaker are read in the normalised form (structural characters simplified).
    "genre/2016_jinan_shizhong_trad.txt": Accepted(
        "市中区", "济南市", 2016, "王勤光", "区长", "2016-01-12",
        "2016年1月12日在济南市市中区第十七届人民代表大会第五次会议上",
        [("一、", "“十二五”期間全區(qū)經(jīng)濟社會發(fā)展回顧", "review", 2011, 2015)]),
    "genre/2016_tianjin_dongli_trad.txt": Refused(11, "meeting and date line"),
    "genre/2017_hebei_lixian.txt": Refused(7, "stray"),  # junk token pbY
    "genre/2017_sichuan_gongxian_trad.txt": Accepted(  # delivered 2016-12-13: the 2017 report
        "珙县", None, 2017, "徐創軍", "县长", "2016-12-13", "2016年12月13日在珙县第十七届人民代表大会第一次会议上",
        [(None, "過去五年工作回顧", "review", 2012, 2016)]),
    # Whole front matter and body run in on one line, set apart by spaces (delivered 2016-12-06: the 2017 report).
    "genre/2017_wuhan_hanyang.txt": Accepted(
        "汉阳区", "武汉市", 2017, "盛继亮", "区长", "2016-12-06",
        "2016年12月6日在武汉市汉阳区第十五届人民代表大会第一次会议上",
        [("一、", "本届政府工作回顾", "review", 2012, 2016)], [("（一）", "经济保持平稳较快增长,综合实力显著增强")]),
    "genre/2018_neimenggu_yuquan.txt": Refused(23, "meeting and date line"),
    "genre/2018_wuhan_caidian.txt": Refused(9, "speaker"),
    "genre/2018_xinjiang_heshuo_trad.txt": Refused(7, "speaker"),  # a name (哈 熱) with no title
    "genre/2019_fujian_songxi.txt": Refused(7, "stray"),  # junk token 2Iu
    "genre/2020_fujian_taining.txt": Refused(8, "has no date"),  # run-in front matter; the meeting has no date
    "genre/2020_guangdong_dabu.txt": Refused(7, "stray"),  # junk token PZl
    "genre/2020_hunan_shimen.txt": Refused(16, "own line"),
    "genre/2020_tianjin_wuqing.txt": Refused(7, "stray"),  # junk token nzH
    "genre/2021_beijing_chaoyang.txt": Accepted(
        "朝阳区", None, 2021, "文献", "区长", "2021-01-12", "2021年1月12日在朝阳区第十六届人民代表大会第七次会议上",
        [("一、", "2020年工作回顾", "review", 2020, 2020)], [("（一）", "统筹兼顾、众志成城,疫情防控成效显著")]),
    "genre/2021_xinjiang_maigaiti.txt": Accepted(
        "麦盖提县", None, 2021, "阿迪力·哈斯木", "代县长", "2021-01-26",
        "2021年1月26日在麦盖提县第十六届人民代表大会第六次会议上",
        [("一、", "“十三五”时期及2020年工作回顾", "review", 2016, 2020)]),
    "genre/2022_heilongjiang_daoli.txt": Accepted(
        "道里区", "哈尔滨市", 2022, "周传龙", "代区长", "2021-12-25",
        "2021年12月25日在哈尔滨市道里区第十七届人民代表大会第一次会议上",
        [(None, "过去五年及2021年工作回顾", "review", 2017, 2021)]),
    "genre/2022_jilin_erdaojiang.txt": Refused(5, "meeting and date line"),
    "genre/2022_liaoning_shuangta.txt": Accepted(
        "双塔区", "朝阳市", 2022, "陈苓丽", "区长", "2021-12-06",
        "2021年12月6日在朝阳市双塔区第十届人民代表大会第一次会议上",
        [("一、", "2021年及本届政府工作回顾", "review", 2017, 2021)],
        [("（一）", "聚焦项目建设、扩大有效投资,改革创新推动新旧动能加快转换")]),
    "genre/2023_beijing_yanqing.txt": Accepted(
        "延庆区", "北京市", 2023, "叶大华", "区长", "2022-12-21",
        "2022年12月21日在北京市延庆区第三届人民代表大会第三次会议上",
        [("第一部分", "2022年工作情况", "review", 2022, 2022)], [("一、", "冬奥保障任务全面完成")]),
    "genre/2023_chongqing_yuzhong.txt": Refused(14, "date"),  # "——202321日": digits lost
    "genre/2023_hubei_zhangwan.txt": Accepted(
        "张湾区", "十堰市", 2023, "李如玖", "区长", "2022-12-27",
        "2022年12月27日在张湾区第十届人民代表大会第二次会议上",
        [("一、", "2022年工作回顾", "review", 2022, 2022)]),
    "genre/2024_guangxi_cangwu.txt": Accepted(
        "苍梧县", None, 2024, "孔斌", "县长", "2024-02-28", "2024年2月28日在苍梧县第十七届人民代表大会第四次会议上",
        [("一、", "2023年工作回顾", "review", 2023, 2023)]),
    "genre/2025_xinjiang_yuli.txt": Accepted(
        "尉犁县", None, 2025, "木合塔尔·丝迪克", "县委副书记、县长", "2025-01-06",
        "2025年1月6日在尉犁县第十八届人民代表大会第五次会议上",
        [(None, "2024年工作回顾", "review", 2024, 2024)], [("（一）", "全力培育产业、构建体系,发展根基更加稳固")]),
    "genre/2025_zhejiang_jiaxing_city_trad.txt": Accepted(  # a city's report; the garbled page title is no title
        "嘉興市", None, 2025, "李軍", "市长", "2025-02-11", "2025年2月11日在嘉興市第九届人民代表大会第五次会议上",
        [("一、", "2024年工作回顧", "review", 2024, 2024)]),
    # --- dongli/ ------------------------------------------------------------------------------------------
    "dongli/2021_tianjin_dongli_fgw_plan2020.txt": Refused(5, "not a government work report"),
    "dongli/2021_tianjin_dongli_news_delegation.txt": Refused(1, "各位代表"),
    "dongli/2024_tianjin_dongli_fgw_plan2023.txt": Refused(9, "not a government work report"),
    "dongli/2024_tianjin_dongli_fgw_h1.txt": Refused(6, "not a government work report"),
    "dongli/2025_tianjin_dongli_fgw_h1.txt": Refused(5, "not a government work report"),
}
