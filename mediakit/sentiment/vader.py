"""VADER's algorithm over a lexicon (vaderSentiment 3.3.2, MIT licence, C.J. Hutto), with news-mode rules.

``_Vader(lexicon).polarity(text)`` equals vaderSentiment's ``polarity_scores`` for VADER's
own lexicon; ``news=True`` switches on mediakit's news rules (hardly/scarcely/barely
negate, a bare negator reads mildly negative, epistemic adverbs as boosters, contrast markers besides "but", concessive
openings, long sentences damped). Lexicons, configuration and aggregation live in
:mod:`mediakit.sentiment.news`.

>>> _Vader(_vader_lexicon()).polarity("Not bad at all")[3] > 0
True
"""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

# ---------------------------------------------------------------------------
# VADER's constants and word lists (vaderSentiment 3.3.2, MIT licence, C.J. Hutto)
# ---------------------------------------------------------------------------
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

_NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't
    didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't
    haven't isn't mightn't mustn't neednt needn't never none nope nor not nothing nowhere
    oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't
    without wont wouldnt won't wouldn't rarely seldom despite""".split()
)

_BOOSTERS: dict[str, float] = {
    **dict.fromkeys(
        """absolutely amazingly awfully completely considerable considerably decidedly deeply
        effing enormous enormously entirely especially exceptional exceptionally extreme
        extremely fabulously flipping flippin frackin fracking fricking frickin frigging friggin
        fully fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly
        intensely major majorly more most particularly purely quite really remarkably so
        substantially thoroughly total totally tremendous tremendously uber unbelievably
        unusually utter utterly very""".split(),
        B_INCR,
    ),
    **dict.fromkeys(
        """almost barely hardly less little marginal marginally occasional occasionally partly
        scarce scarcely slight slightly somewhat kinda kindof kind-of sorta sortof
        sort-of""".split(),
        B_DECR,
    ),
    "just enough": B_DECR,
    "kind of": B_DECR,
    "sort of": B_DECR,
}

_SPECIAL_CASES: dict[str, float] = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

_PUNCT = string.punctuation


# News mode: editorial negators that VADER counts as mere dampeners ("hardly inspire confidence").
_NEWS_NEGATE = frozenset({"hardly", "scarcely", "barely"})
# News mode: what a negator does to a negative word ("not unfair", "never a disaster"). VADER
# flips it to 0.74 times its strength as a positive; readers of argument take it as a
# denial, not as praise (Taboada et al. 2011, SO-CAL, shift rather than flip negation), so
# it reads neutral. 5-fold check on NYT dev by editorial: r and weighted F1 up on every fold.
_NEWS_NEGATED_NEGATIVE = 0.0
# News mode: a negator with no valenced word in its scope ("did not act", "has never
# explained") counts as a mild negative word itself. Negation is far more frequent in
# negative than in positive evaluative text (Potts 2010, "On the negativity of negation",
# SALT 20): in argument a bare "not" is mostly a reproach or a denial. Value on VADER's
# -4..+4 scale chosen by 5-fold cross-validation grouped by editorial on NYT dev from
# 0 / -0.5 / -1 / -1.5 (-1 picked in 4 of 5 folds; weighted F1 up on every fold, r on
# 4 of 5: NYT dev r 0.568 -> 0.571, weighted F1 0.616 -> 0.629). A negated lexicon word ("not a
# disaster") is left to the negation rules above.
_NEWS_BARE_NEGATION = -1.0
_BARE_NEGATORS = frozenset({"not", "never", "nothing", "none", "nor", "neither", "cannot"})
# News mode: epistemic adverbs that VADER rates as positive words (clearly 1.7, surely 1.9);
# in argument they assert certainty about whatever follows, so they act as boosters.
_NEWS_BOOSTERS = dict.fromkeys(
    ("clearly", "surely", "certainly", "obviously", "undoubtedly"), B_INCR
)
# News mode: contrast markers besides "but" ("Yet its courthouses ...", "..., however, ...").
_NEWS_CONTRAST = frozenset({"but", "however", "yet", "nevertheless", "nonetheless"})
_NOT_CONTRAST_BEFORE_YET = frozenset(
    {"not", "as", "and", "or", "nor", "has", "have", "had", "never"}
)
# News mode: a sentence opening with a concession: the main clause after the comma dominates.
_NEWS_CONCESSIVE = frozenset({"although", "though", "while", "whereas", "despite", "even"})


def _bare_negation(low: Sequence[str], sentiments: list[float], lex: Mapping[str, float]) -> None:
    """Give a negator with no lexicon word among the next three words a mild negative value.

    A negated lexicon word keeps VADER's and news mode's own negation rules instead.

    >>> vals = [0.0, 0.0, 0.0, 0.0]
    >>> _bare_negation(["they", "did", "not", "act"], vals, {"good": 1.9})
    >>> vals
    [0.0, 0.0, -1.0, 0.0]
    >>> vals = [0.0, 0.0, 0.0, -1.4]
    >>> _bare_negation(["it", "is", "not", "good"], vals, {"good": 1.9})
    >>> vals
    [0.0, 0.0, 0.0, -1.4]
    """
    for j, lw in enumerate(low):
        if (
            (lw in _BARE_NEGATORS or lw.endswith("n't"))
            and not any(sentiments[j + 1 : j + 4])
            and not any(w in lex for w in low[j + 1 : j + 4])
        ):
            sentiments[j] = _NEWS_BARE_NEGATION


def _strip_punc(token: str) -> str:
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


def _normalize(score: float, alpha: float = 15) -> float:
    norm = score / math.sqrt(score * score + alpha)
    return -1.0 if norm < -1.0 else 1.0 if norm > 1.0 else norm


def _vader_file(name: str) -> Path:
    return Path(str(resources.files("vaderSentiment") / name))


@functools.cache
def _vader_lexicon() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in (
        _vader_file("vader_lexicon.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    ):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            out[word] = float(measure)
    return out


@functools.cache
def _vader_emojis() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (
        _vader_file("emoji_utf8_lexicon.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    ):
        emoji, description = line.strip().split("\t")[0:2]
        out[emoji] = description
    return out


class _Vader:
    """VADER's rules over a lexicon; ``polarity`` equals vaderSentiment's polarity_scores."""

    def __init__(self, lexicon: Mapping[str, float], *, news: bool = False) -> None:
        self.lexicon = dict(lexicon)
        self.news = news
        self.negate = _NEGATE | _NEWS_NEGATE if news else _NEGATE
        self.boosters = (
            {**{k: v for k, v in _BOOSTERS.items() if k not in _NEWS_NEGATE}, **_NEWS_BOOSTERS}
            if news
            else _BOOSTERS
        )
        self.name_blind: frozenset[str] = frozenset()
        self.emojis = _vader_emojis()
        self._emoji_chars = frozenset(self.emojis)

    def _demoji(self, text: str) -> str:
        if text.isascii() or self._emoji_chars.isdisjoint(text):
            return text.strip()
        out = []
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def valences(self, words: Sequence[str], commas: Sequence[bool] = ()) -> list[float]:
        """Per-word valences after VADER's modifiers and its "but" rule.

        ``commas`` flags the words that ended with a comma (news mode uses them to find
        the main clause after a concessive opening).
        """
        low = [w.lower() for w in words]
        n = len(words)
        allcaps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - allcaps < n
        lex = self.lexicon
        # a word outside the lexicon has no valence (a shortcut: _valence_at says 0 for it too)
        sentiments: list[float] = [
            self._valence_at(i, words, low, cap_diff) if lw in lex else 0
            for i, lw in enumerate(low)
        ]
        if self.news:
            _bare_negation(low, sentiments, lex)
            return self._contrast(low, sentiments, commas)
        return _but_rule(low, sentiments)

    def _valence_at(self, i: int, words: Sequence[str], low: list[str], cap_diff: bool) -> float:
        """The valence of word ``i``: its lexicon value after "no", capitals, the boosters
        and negations of the three words before it, idioms and "least" (0 for a booster)."""
        lex = self.lexicon
        lw = low[i]
        n = len(low)
        if lw in self.boosters or (lw == "kind" and i < n - 1 and low[i + 1] == "of"):
            return 0
        if lw not in lex:
            return 0
        valence = lex[lw]
        if lw == "no" and i != n - 1 and low[i + 1] in lex:
            valence = 0.0
        if (
            (i > 0 and low[i - 1] == "no")
            or (i > 1 and low[i - 2] == "no")
            or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
        ):
            valence = lex[lw] * N_SCALAR
        if cap_diff and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        valence = self._boosted(valence, i, words, low, cap_diff)
        if i > 0 and low[i - 1] == "least":
            return _least(valence, low, i, lex)
        return valence

    def _boosted(
        self, valence: float, i: int, words: Sequence[str], low: list[str], cap_diff: bool
    ) -> float:
        """VADER's pass over the three words before word ``i``: boosters (their sign follows
        the valence's, damped with distance), negations, and idioms (at the third)."""
        lex = self.lexicon
        boosters = self.boosters
        for start_i in range(3):
            j = i - start_i - 1
            if j >= 0 and low[j] not in lex:
                s = 0.0
                if low[j] in boosters:
                    s = boosters[low[j]]
                    if valence < 0:
                        s *= -1
                    if cap_diff and words[j].isupper():
                        s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation(valence, low, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, low, i)
        return valence

    @staticmethod
    def _contrast(low: list[str], sentiments: list[float], commas: Sequence[bool]) -> list[float]:
        # Like VADER's "but" rule, by position (VADER finds values by equality, which
        # misplaces repeated values), for more contrast markers.
        pivot = -1
        for i, w in enumerate(low):
            if w in _NEWS_CONTRAST and i > 0:
                if w == "yet" and low[i - 1] in _NOT_CONTRAST_BEFORE_YET:
                    continue
                pivot = i
                break
        if pivot < 0 and low and low[0] in _NEWS_CONCESSIVE and any(commas):
            pivot = next(i for i, c in enumerate(commas) if c) + 1
            if pivot >= len(low) or (low[0] == "even" and low[1:2] not in (["though"], ["if"])):
                pivot = -1
        if pivot < 0:
            return sentiments
        return [
            s * 0.5 if i < pivot else s * 1.5 if i > pivot else s for i, s in enumerate(sentiments)
        ]

    def _negation(self, valence: float, low: list[str], start_i: int, i: int) -> float:
        if start_i == 0:
            if self._negated(low[i - 1]):
                valence = self._flip(valence)
        elif start_i == 1:
            if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif self._negated(low[i - 2]):
                valence = self._flip(valence)
        else:
            if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in (
                "so",
                "this",
            ):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif self._negated(low[i - 3]):
                valence = self._flip(valence)
        return valence

    def _flip(self, valence: float) -> float:
        # News mode: a negated negative is not praise ("not unreasonable", "no disaster"):
        # it reads neutral, where VADER turns it into a positive of 0.74 times its strength.
        if self.news and valence < 0:
            return valence * _NEWS_NEGATED_NEGATIVE
        return valence * N_SCALAR

    def _negated(self, word: str) -> bool:
        return word in self.negate or "n't" in word

    def _idioms(self, valence: float, low: list[str], i: int) -> float:
        onezero = f"{low[i - 1]} {low[i]}"
        twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        twoone = f"{low[i - 2]} {low[i - 1]}"
        threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        threetwo = f"{low[i - 3]} {low[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[seq]
                break
        if len(low) - 1 > i:
            zeroone = f"{low[i]} {low[i + 1]}"
            if zeroone in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
            if zeroonetwo in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self.boosters:
                valence = valence + self.boosters[n_gram]
        return valence

    def words(self, text: str) -> list[str]:
        """VADER's tokens: whitespace split, outer punctuation stripped from words."""
        return [_strip_punc(w) for w in text.split()]

    def _hide_names(self, words: list[str]) -> list[str]:
        # Learned word tones were trained on lower-case words only: a capitalised word
        # after the first ("United States", "Court") is a name and gets no learned tone.
        out = list(words)
        for i in range(1, len(out)):
            w = out[i]
            if w[:1].isupper() and not w.isupper() and w.lower() in self.name_blind:
                out[i] = "<name>"
        return out

    def polarity(self, text: str) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` rounded as vaderSentiment rounds them."""
        text, sentiments = self._sentiments(text)
        return _summarise(sentiments, text, damp=self.news)

    def _sentiments(self, text: str) -> tuple[str, list[float]]:
        """The text with emoji spelled out, and the valence of each of its words."""
        text = self._demoji(text)
        raw = text.split()
        words = [_strip_punc(w) for w in raw]
        if self.name_blind:
            words = self._hide_names(words)
        commas = [w.endswith(",") for w in raw] if self.news else ()
        return text, self.valences(words, commas)

    def detail(self, text: str) -> tuple[tuple[float, float, float, float], float, float]:
        """``polarity`` plus the mean valence of the toned words (/4, clipped to ±1) and their
        total absolute valence, which news mode's sentence tone uses.

        >>> _Vader(_vader_lexicon(), news=True).detail("A good and bad day")[1:]
        (-0.075, 4.4)
        """
        text, sentiments = self._sentiments(text)
        toned = [s for s in sentiments if s]
        mean = min(max(sum(toned) / len(toned) / 4.0, -1.0), 1.0) if toned else 0.0
        mass = sum(abs(s) for s in toned)
        return _summarise(sentiments, text, damp=self.news), round(mean, 4), round(mass, 4)


def _punct_emphasis(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0.0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _summarise(
    sentiments: Sequence[float], text: str, *, damp: bool = False
) -> tuple[float, float, float, float]:
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    if damp:
        # News mode: a long sentence with one loaded word reads milder than a short one
        # (VADER's sum ignores length); scale by sqrt(15 / words), at most x1.37.
        sum_s /= math.sqrt(max(len(sentiments), 8) / 15)
    amp = _punct_emphasis(text)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = _normalize(sum_s)
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for s in sentiments:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def _least(valence: float, low: list[str], i: int, lex: dict[str, float]) -> float:
    """VADER's "least" as a negation: "least X" flips X, but not "at least" / "very least"."""
    if i > 1 and low[i - 1] == "least" and low[i - 1] not in lex:
        if low[i - 2] != "at" and low[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and low[i - 1] == "least" and low[i - 1] not in lex:
        valence = valence * N_SCALAR
    return valence


def _but_rule(low: list[str], sentiments: list[float]) -> list[float]:
    """VADER's "but" rule: values before "but" halved, after it raised by half.

    VADER's own loop, kept literally: it looks each value up by equality.
    """
    if "but" in low:
        bi = low.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments
