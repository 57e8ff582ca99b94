"""Glossary term matching: quotes, gaps and aliases; nothing invented."""

from __future__ import annotations

from db.mentions import find_mentions


def spans(text, term, aliases=()):
    return [(text[m.start : m.end], m.kind) for m in find_mentions(text, term, list(aliases))]


def test_exact_and_quoted():
    assert spans("深入开展“双万双服促发展”活动", "双万双服促发展") == [("“双万双服促发展”", "exact")]
    assert spans("新增3所24小时城市书房", "城市书房") == [("城市书房", "exact")]


def test_words_in_between():
    text = "河湖“清四乱”等专项整治行动取得明显成效"
    assert spans(text, "河湖“清四乱”专项整治行动") == [("河湖“清四乱”等专项整治行动", "variant")]


def test_gap_is_bounded_and_stops_at_sentence_end():
    assert spans("临空经济区建设。按照“双轴引领，四区多园”空间布局", "临空经济区“双轴引领，四区多园”空间布局") == []
    assert spans("河湖治理和其他很多很多很多工作“清四乱”专项整治行动", "河湖“清四乱”专项整治行动") == []


def test_alias_does_not_double_count_the_full_term():
    text = "实施高新技术企业倍增计划，深入实施倍增计划"
    assert spans(text, "高新技术企业倍增计划", ["倍增计划"]) == [("高新技术企业倍增计划", "exact"),
                                                                  ("倍增计划", "alias")]


def test_absent_term_has_no_mentions():
    assert spans("推行承诺制审批", "多评合一") == []
