"""Helpers about names: acronyms, surnames, transliteration keys, person names, lexicon look-ups."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

from .lexicons import EntityConfig, Entry, Lexicons, load_lexicons, name_word_spans


@functools.lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """True for "CSTO", "U.S.", "NATO": two or more letters, all capitals.

    >>> is_acronym("CSTO"), is_acronym("U.S."), is_acronym("I"), is_acronym("Putin")
    (True, True, False, False)
    """
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isalpha()


def capitalised(word: str) -> bool:
    return word[:1].isupper()


@functools.lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The last word of a person's name, ignoring suffixes (Jr., III) and possessives.

    >>> surname("Alyaksandr Lukashenka’s"), surname("Martin Luther King Jr.")
    ('Lukashenka', 'King')
    """
    words = [w for w in name.replace("’", "'").split() if w]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    while len(words) > 1 and words[-1].rstrip(".,").lower() in {"jr", "sr", "ii", "iii", "iv"}:
        words.pop()
    last = words[-1].rstrip(",") if words else ""
    return last


@functools.lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """A spelling-blind key for transliteration variants of one name.

    The rule: fold accents and case; kh->h, ts/tz->t, ou->ov, w->v, ck->k, ph->f, j/y->i;
    i before a vowel dropped (ya->a, ye->e); doubled letters and final vowels dropped.
    Equal keys are the same name.

    >>> translit_key("Lukashenka") == translit_key("Lukashenko")
    True
    >>> translit_key("Tsikhanouskaya") == translit_key("Tikhanovskaya")
    True
    >>> translit_key("Putin") == translit_key("Patton")
    False
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if c.isalpha()).lower()
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    out = ""
    for c in s:
        if not out or c != out[-1]:
            out += c
    return out.rstrip("aeiou") or out


_TRANSLIT = (
    ("kh", "h"), ("ts", "t"), ("tz", "t"), ("ou", "ov"), ("w", "v"), ("ck", "k"), ("ph", "f"),
    ("j", "i"), ("y", "i"), ("ia", "a"), ("ie", "e"), ("io", "o"), ("iu", "u"),
)  # fmt: skip


def is_person_name(text: str, *, config: EntityConfig | None = None) -> bool:
    """True when ``text`` looks like a person's name: a known first name or a title before it.

    >>> is_person_name("Vladimir Putin"), is_person_name("President Tokayev"), is_person_name("Moscow")
    (True, True, False)
    """
    lex = load_lexicons(config or EntityConfig())
    words = [text[s:e] for s, e in name_word_spans(text)]
    if not words or not all(capitalised(w) or w.lower() in lex.particles for w in words):
        return False
    i = 0
    while i < len(words):
        t = match_title(lex, words, i)
        if not t:
            break
        i += t
    if i and i < len(words):
        return True
    return words[0] in lex.first and len(words) >= 2 and lookup(lex, words, 0) is None


def match_title(lex: Lexicons, words: Sequence[str], i: int) -> int:
    """How many words from ``i`` are a title (the longest; 0 when none).

    Titles that overlap make one: "Deputy Secretary" + "Secretary of State" is "Deputy
    Secretary of State".
    """
    n = _match_one_title(lex, words, i)
    k = i + 1
    while k < i + n:
        n = max(n, k - i + _match_one_title(lex, words, k))
        k += 1
    return n


def _match_one_title(lex: Lexicons, words: Sequence[str], i: int) -> int:
    for key in lex.titles.get(words[i], ()):
        if tuple(words[i : i + len(key)]) == key:
            return len(key)
    return 0


def lookup(lex: Lexicons, words: Sequence[str], i: int) -> tuple[int, Entry] | None:
    w = words[i]
    lst = lex.gaz.get(w)
    if lst is None:
        if "’" in w:
            lst = lex.gaz.get(w.replace("’", "'"))
        elif "." in w and is_acronym(w):
            for key, entry in lex.gaz.get(w.replace(".", ""), ()):  # "U.S" = "U.S." = "US"
                if len(key) == 1:
                    return 1, entry
        if lst is None:
            return None
    nw = len(words)
    second = ""  # the next word as the keys spell it; most keys differ there already
    for key, entry in lst:
        n = len(key)
        if n == 1:
            return 1, entry
        if i + n > nw:
            continue
        if not second:
            second = words[i + 1].replace("’", "'")
        if key[1] == second and all(words[i + k].replace("’", "'") == key[k] for k in range(2, n)):
            return n, entry
    return None


@functools.lru_cache(maxsize=65536)
def acronym_of(name: str) -> str:
    ws = [
        w
        for w in name.replace("-", " ").split()
        if w.lower() not in {"of", "the", "and", "for", "&", "on", "in"}
    ]
    return "".join(w[0] for w in ws if w[:1].isupper())


@functools.lru_cache(maxsize=65536)
def odd_shape(word: str) -> bool:
    """Digits or capitals inside a word ("IE6", "STS-135", "YouTube"): products and codes."""
    return (
        any(c.isdigit() for c in word)
        or any(c.isupper() for c in word[1:].replace("-", ""))
        and not is_acronym(word)
    )
