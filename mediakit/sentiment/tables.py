"""Tables of tone: per speaker, and "who says what about whom" (speaker x entity)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..resources import lexicon_rows, verb_forms
from .news import _DEFAULT, SentimentConfig, label
from .target import _target_probs

SPEAKER_TONE_COLUMNS: dict[str, str] = {
    "speaker": "object",
    "n_quotes": "int64",
    "n_articles": "int64",
    "mean_compound": "float64",
    "share_negative": "float64",
    "share_positive": "float64",
}
ENTITY_TONE_COLUMNS: dict[str, str] = {
    "speaker": "object",
    "entity": "object",
    "kind": "object",
    "n_mentions": "int64",
    "n_quotes": "int64",
    "n_articles": "int64",
    "mean_tone": "float64",
    "n_negative": "int64",
    "n_neutral": "int64",
    "n_positive": "int64",
    "sentiment": "object",
}


# ---------------------------------------------------------------------------
# Stance of the reporting cue ("X criticised ...": X is negative about what follows)
# ---------------------------------------------------------------------------
# Distance bands (characters from the cue to the mention) and, per stance and band, the
# likelihood ratios P(label | cue) / P(label) for (negative, neutral, positive), measured on
# NewsMTSC's training file by ``benchmarks/cue_stance_evidence.py`` (add-one smoothed):
# a target right after a negative cue is negative 9 times in 10, farther away 2 in 3.
_BANDS = (30, 80, 10_000)
_STANCE_LR: dict[tuple[int, int], tuple[float, float, float]] = {
    (-1, 0): (2.31, 0.26, 0.11),
    (-1, 1): (1.56, 1.02, 0.21),
    (-1, 2): (1.35, 1.13, 0.36),
    (1, 0): (0.24, 0.36, 2.86),
    (1, 1): (0.18, 0.96, 2.19),
    (1, 2): (0.66, 1.08, 1.37),
}


def _with_stance(
    probs: tuple[float, float, float], stance: int, distance: int
) -> tuple[float, float, float]:
    """The target model's (neg, neu, pos) updated by the cue's stance at ``distance`` chars.

    >>> [round(p, 2) for p in _with_stance((0.2, 0.3, 0.5), -1, 10)]
    [0.78, 0.13, 0.09]
    """
    if not stance:
        return probs
    band = next(i for i, hi in enumerate(_BANDS) if distance < hi)
    lr = _STANCE_LR[stance, band]
    z = [p * r for p, r in zip(probs, lr, strict=True)]
    t = sum(z) or 1.0
    return z[0] / t, z[1] / t, z[2] / t


@functools.cache
def _stance_forms() -> dict[str, int]:
    """Every form of the cues of ``lexicons/sentiment_cue_stance.tsv`` -> stance (-1 or 1)."""
    out: dict[str, int] = {}
    for row in lexicon_rows("sentiment_cue_stance.tsv"):
        listed = [f.strip() for f in row[2].split(",") if f.strip()] if len(row) > 2 else []
        for form in verb_forms(row[0].lower(), listed):
            out.setdefault(form.lower(), int(row[1]))
    return out


def _cue_stance(cue: str) -> int:
    """Stance of a cue as found in a quote's ``cue`` column: -1, 1 or 0 (none).

    >>> _cue_stance("slammed"), _cue_stance("Criticises"), _cue_stance("said"), _cue_stance("praising")
    (-1, -1, 0, 1)
    >>> _cue_stance("railed against"), _cue_stance("concerned")
    (-1, -1)
    """
    words = cue.lower().split()
    if not words:
        return 0
    forms = _stance_forms()
    # the whole cue ("railed against"), else its verb ("attacked sharply")
    return forms.get(" ".join(words)) or forms.get(words[0], 0)


QUOTE_KINDS = ("direct", "mixed", "indirect")


def _of_kinds(quotes_df: pd.DataFrame, kinds: Iterable[str] | None) -> pd.DataFrame:
    """The quotes of the given kinds (all when ``kinds`` is None)."""
    if kinds is None:
        return quotes_df
    wanted = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = sorted(set(wanted) - set(QUOTE_KINDS))
    if unknown:
        raise ValueError(f"unknown quote kind(s) {unknown}: use some of {list(QUOTE_KINDS)}")
    if not len(quotes_df):
        return quotes_df
    return quotes_df[quotes_df["kind"].isin(wanted)]


def _before(speaker_start: Any, quote_start: int) -> bool:
    """Whether the speaker (and so the cue) comes before the quote; unknown counts as before."""
    try:
        return bool(pd.isna(speaker_start)) or int(speaker_start) < quote_start
    except (TypeError, ValueError):
        return True


def _typed(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(dict(columns))


def speaker_tone(quotes_df: pd.DataFrame, *, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Per speaker: number of quotes, mean compound, share of negative and positive quotes.

    Quotes without a speaker are left out; rows are sorted by ``n_quotes``, most first.
    ``kinds`` keeps only those kinds of quote, e.g. ``["direct"]`` for the speakers' own words.

    >>> df = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["X", "X"],
    ...                    "compound": [-0.5, 0.1], "sentiment": ["negative", "positive"]})
    >>> speaker_tone(df)[["speaker", "n_quotes", "mean_compound", "share_negative"]].values.tolist()
    [['X', 2, -0.2, 0.5]]
    """
    rows = []
    quotes_df = _of_kinds(quotes_df, kinds)
    df = (
        quotes_df[quotes_df["speaker"].fillna("").astype(str) != ""]
        if len(quotes_df)
        else quotes_df
    )
    if len(df):
        for speaker, g in df.groupby("speaker", sort=True):
            n = len(g)
            rows.append(
                {
                    "speaker": speaker,
                    "n_quotes": n,
                    "n_articles": g["article_id"].nunique(),
                    "mean_compound": round(float(g["compound"].mean()), 4),
                    "share_negative": float((g["sentiment"] == "negative").sum()) / n,
                    "share_positive": float((g["sentiment"] == "positive").sum()) / n,
                }
            )
    out = _typed(rows, SPEAKER_TONE_COLUMNS)
    return out.sort_values(
        ["n_quotes", "speaker"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def entity_tone(
    quotes_df: pd.DataFrame,
    mentions_df: pd.DataFrame,
    *,
    texts: Mapping[str, str] | None = None,
    config: SentimentConfig | None = None,
    kinds: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Who says what about whom: speaker x entity with counts and mean tone toward it.

    ``kinds`` keeps only those kinds of quote: ``["direct"]`` asks how speakers talk about
    an entity in their own words, leaving out the reporter's paraphrases.

    Each mention whose offsets fall inside a quote is scored by the target model of
    ``target_tone`` in the quote's text (``texts[article_id][start:end]`` when given, else
    the quote's ``text``); mentions of the speaker themself are left out. ``n_negative``,
    ``n_neutral``, ``n_positive`` count the model's most likely class per mention;
    ``mean_tone`` is the mean expected tone P(positive) - P(negative), and ``sentiment``
    its label, so several leaning-negative mentions add up to a negative row.

    The quote's text is scored without its cue, so a cue that takes a stance ("X
    criticised ...", "is concerned over ...", "praised ...": ``lexicons/sentiment_cue_stance.tsv``)
    adds its evidence, strongest for mentions close to it (see ``_with_stance``).

    >>> q = pd.DataFrame({"article_id": ["a"], "quote_id": [0], "start": [0], "end": [44],
    ...     "speaker": ["Lukashenka"], "text": ["Poland's frenzied behaviour is shameless."]})
    >>> m = pd.DataFrame({"article_id": ["a"], "entity": ["Poland"], "kind": ["place"],
    ...     "start": [0], "end": [6]})
    >>> entity_tone(q, m)[["speaker", "entity", "n_mentions", "sentiment"]].values.tolist()
    [['Lukashenka', 'Poland', 1, 'negative']]
    """
    cfg = config or _DEFAULT
    quotes_df = _of_kinds(quotes_df, kinds)
    by_article: dict[str, list[tuple[int, int, str, int, str, int, bool]]] = {}
    for row in quotes_df.to_dict("records"):
        speaker = str(row.get("speaker", "") or "")
        if not speaker:
            continue
        art = str(row["article_id"])
        qs, qe = int(row["start"]), int(row["end"])
        qtext = texts[art][qs:qe] if texts and art in texts else str(row["text"])
        stance = _cue_stance(str(row.get("cue", "") or ""))
        # The cue stands with the speaker: before the quote ("X criticised ...") or after it.
        cue_first = _before(row.get("speaker_start"), qs)
        by_article.setdefault(art, []).append(
            (qs, qe, speaker, int(row["quote_id"]), qtext, stance, cue_first)
        )
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions_df.to_dict("records"):
        art = str(m["article_id"])
        ms, me = int(m["start"]), int(m["end"])
        for qs, qe, speaker, qid, qtext, stance, cue_first in by_article.get(art, ()):
            if not (qs <= ms and me <= qe) or str(m["entity"]) == speaker:
                continue
            pn, pu, pp = _with_stance(
                _target_probs(qtext, ms - qs, me - qs, cfg),
                stance,
                ms - qs if cue_first else qe - me,
            )
            tone = pp - pn
            key = (speaker, str(m["entity"]))
            a = acc.setdefault(
                key,
                {
                    "kind": str(m.get("kind", "")),
                    "tones": [],
                    "quotes": set(),
                    "articles": set(),
                },
            )
            klass = "neutral" if pu >= pn and pu >= pp else "positive" if pp > pn else "negative"
            a["tones"].append((tone, klass))
            a["quotes"].add((art, qid))
            a["articles"].add(art)
            break
    rows = []
    for (speaker, entity), a in sorted(acc.items()):
        tones = [t for t, _c in a["tones"]]
        labels = [c for _t, c in a["tones"]]
        mean = round(sum(tones) / len(tones), 4)
        rows.append(
            {
                "speaker": speaker,
                "entity": entity,
                "kind": a["kind"],
                "n_mentions": len(tones),
                "n_quotes": len(a["quotes"]),
                "n_articles": len(a["articles"]),
                "mean_tone": mean,
                "n_negative": labels.count("negative"),
                "n_neutral": labels.count("neutral"),
                "n_positive": labels.count("positive"),
                "sentiment": label(mean, config=cfg),
            }
        )
    return _typed(rows, ENTITY_TONE_COLUMNS)
