"""The report's words with their pinyin, for searching without an input method.

Build-time only: uses jieba (segmentation) and pypinyin. The app reads the table.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

HAN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class VocabularyWord:
    word: str
    pinyin: str
    initials: str
    frequency: int


def build_vocabulary(texts: Iterable[str], phrases: Iterable[str] = ()) -> list[VocabularyWord]:
    """Words of two to eight Han characters found in ``texts``, most frequent first.

    ``phrases`` (glossary terms, headings) are added whole, whatever their length, so that their full
    pinyin and initials find them (``shuangwan``, ``swsf`` → 双万双服促发展); their pinyin is that of their
    Han characters (quotes and digits have none); a phrase with fewer than two is left out.
    """
    import jieba
    from pypinyin import lazy_pinyin

    jieba.setLogLevel(logging.WARNING)
    corpus = list(texts)
    candidates: set[str] = set()
    for text in corpus:
        candidates.update(w for w in jieba.cut_for_search(text) if HAN.match(w))
    candidates.update(p.strip().rstrip("。：；，") for p in phrases if len(HAN_CHAR.findall(p)) >= 2)
    joined = "\n".join(corpus)
    words = []
    for word in candidates:
        syllables = lazy_pinyin("".join(HAN_CHAR.findall(word)))
        words.append(VocabularyWord(word, "".join(syllables), "".join(s[0] for s in syllables), joined.count(word)))
    return sorted(words, key=lambda w: (-w.frequency, w.pinyin, w.word))
