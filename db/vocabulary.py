"""The report's words with their pinyin, for searching without an input method.

Build-time only: uses jieba (segmentation) and pypinyin. The app reads the table.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

HAN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


@dataclass(frozen=True)
class VocabularyWord:
    word: str
    pinyin: str
    initials: str
    frequency: int


def build_vocabulary(texts: Iterable[str]) -> list[VocabularyWord]:
    """Words of two to eight Han characters found in ``texts``, most frequent first."""
    import jieba
    from pypinyin import lazy_pinyin

    jieba.setLogLevel(logging.WARNING)
    corpus = list(texts)
    candidates: set[str] = set()
    for text in corpus:
        candidates.update(w for w in jieba.cut_for_search(text) if HAN.match(w))
    joined = "\n".join(corpus)
    words = []
    for word in candidates:
        syllables = lazy_pinyin(word)
        words.append(VocabularyWord(word, "".join(syllables), "".join(s[0] for s in syllables), joined.count(word)))
    return sorted(words, key=lambda w: (-w.frequency, w.pinyin, w.word))
