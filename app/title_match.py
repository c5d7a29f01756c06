"""Whether a cited title is one typo away from an article's title (pure: no database).

Titles here are already folded (`identity.title_key`): case, quotes, punctuation and spelling no
longer differ. What is left to forgive is a typo, and what must never be forgiven is a title
that names another event: news titles come in families that differ by one word ("Russia Expels
12 Polish Diplomats" / "… 13 …", "… Near Krasnogorsk" / "… Near Krasnoborsk", "Iran" / "Iraq").
Both score far above any sensible ratio threshold, so the ratio alone cannot tell them apart;
the rule below can: the titles differ in exactly one word, and that word differs by a typo.
"""

from __future__ import annotations

import hashlib

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

# fuzz.ratio (0-100) of the two folded titles. One typo in a title of n letters scores about
# 100 - 100/n, so 90 keeps every typo in titles of ten letters or more and refuses guesses on
# shorter ones, where one letter is a tenth of the title (tests/links/test_title_match.py).
THRESHOLD = 90.0
# A typo is only recognised in a word this long (before the typo): shorter words one letter
# apart are usually other words (Iran/Iraq, Mali/Bali, Chad/Chat).
SHORTEST_TYPO_WORD = 5
# Words too common to narrow a search; every title index skips them.
STOPWORDS = frozenset("a an and as at by for from in into is it its of on or the to with".split())


def index_words(key: str) -> list[str]:
    """The distinct words of a folded title worth indexing."""
    return [w for w in dict.fromkeys(key.split()) if w not in STOPWORDS]


def skeletons(key: str) -> list[int]:
    """A folded title with each of its words blanked in turn, each hashed to 64 bits.

    Two titles that differ in one word only (all that `one_typo_apart` accepts) share the
    skeleton with that word blanked, so an index of skeletons finds them by exact look-ups,
    as many as the title has words, however large the archive.
    """
    words = key.split()
    return sorted(
        {
            int.from_bytes(
                hashlib.blake2b(" ".join([*words[:i], "*", *words[i + 1 :]]).encode(),
                                digest_size=8).digest(),
                "big",
                signed=True,
            )
            for i in range(len(words))
        }
    )  # fmt: skip


def is_typo(word: str, other: str) -> bool:
    """One letter dropped, added or doubled, or two neighbours swapped, inside a long word.

    The first and last letters must agree: a changed ending is grammar or another name
    (Ivanov/Ivanova, Russia/Russian), and a changed letter in place of another is how names of
    different places differ (Krasnogorsk/Krasnoborsk), so a substitution is never a typo here.
    """
    if max(len(word), len(other)) < SHORTEST_TYPO_WORD or not (word + other).isalpha():
        return False
    if word[0] != other[0] or word[-1] != other[-1] or OSA.distance(word, other) != 1:
        return False
    return len(word) != len(other) or sorted(word) == sorted(other)


def close_titles(key: str, others: list[str]) -> list[int]:
    """The positions of the titles whose ratio to `key` reaches the threshold (a loop in C)."""
    close = process.extract(key, others, scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=None)
    return sorted(i for _, _, i in close)


def one_typo_apart(key: str, other: str) -> bool:
    """Whether two folded titles differ in one word, by a typo (the ratio aside)."""
    if key == other:
        return False
    words, other_words = key.split(), other.split()
    changes = [op for op in Levenshtein.opcodes(words, other_words) if op.tag != "equal"]
    if len(changes) != 1:
        return False
    change = changes[0]
    one_for_one = change.src_end - change.src_start == 1 == change.dest_end - change.dest_start
    if change.tag != "replace" or not one_for_one:
        return False
    return is_typo(words[change.src_start], other_words[change.dest_start])
