"""Tables of tone: per speaker, and "who says what about whom" (speaker x entity)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

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


def _typed(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(dict(columns))


def speaker_tone(quotes_df: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: number of quotes, mean compound, share of negative and positive quotes.

    Quotes without a speaker are left out; rows are sorted by ``n_quotes``, most first.

    >>> df = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["X", "X"],
    ...                    "compound": [-0.5, 0.1], "sentiment": ["negative", "positive"]})
    >>> speaker_tone(df)[["speaker", "n_quotes", "mean_compound", "share_negative"]].values.tolist()
    [['X', 2, -0.2, 0.5]]
    """
    rows = []
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
) -> pd.DataFrame:
    """Who says what about whom: speaker x entity with counts and mean tone toward it.

    Each mention whose offsets fall inside a quote is scored by the target model of
    ``target_tone`` in the quote's text (``texts[article_id][start:end]`` when given, else
    the quote's ``text``); mentions of the speaker themself are left out. ``n_negative``,
    ``n_neutral``, ``n_positive`` count the model's most likely class per mention;
    ``mean_tone`` is the mean expected tone P(positive) - P(negative), and ``sentiment``
    its label, so several leaning-negative mentions add up to a negative row.

    >>> q = pd.DataFrame({"article_id": ["a"], "quote_id": [0], "start": [0], "end": [44],
    ...     "speaker": ["Lukashenka"], "text": ["Poland's frenzied behaviour is shameless."]})
    >>> m = pd.DataFrame({"article_id": ["a"], "entity": ["Poland"], "kind": ["place"],
    ...     "start": [0], "end": [6]})
    >>> entity_tone(q, m)[["speaker", "entity", "n_mentions", "sentiment"]].values.tolist()
    [['Lukashenka', 'Poland', 1, 'negative']]
    """
    cfg = config or _DEFAULT
    by_article: dict[str, list[tuple[int, int, str, int, str]]] = {}
    for row in quotes_df.to_dict("records"):
        speaker = str(row.get("speaker", "") or "")
        if not speaker:
            continue
        art = str(row["article_id"])
        qs, qe = int(row["start"]), int(row["end"])
        qtext = texts[art][qs:qe] if texts and art in texts else str(row["text"])
        by_article.setdefault(art, []).append((qs, qe, speaker, int(row["quote_id"]), qtext))
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions_df.to_dict("records"):
        art = str(m["article_id"])
        ms, me = int(m["start"]), int(m["end"])
        for qs, qe, speaker, qid, qtext in by_article.get(art, ()):
            if not (qs <= ms and me <= qe) or str(m["entity"]) == speaker:
                continue
            pn, pu, pp = _target_probs(qtext, ms - qs, me - qs, cfg)
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
