"""Canonical entities inside one article: acronyms, surnames, transliterations, aliases."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Article, Mention
from .kinds import _M, _derived_places, _guess_kind
from .lexicons import ORG, PERSON, PLACE, EntityConfig, _key, _Lex
from .names import _acronym_of, _lookup, is_acronym, surname, translit_key
from .runs import _Seg
from .segment import _role_before


def _resolve(
    article: Article,
    sents: list[tuple[int, list[tuple[int, int]], list[str], list[_Seg]]],
    lex: _Lex,
    config: EntityConfig,
) -> tuple[Mention, ...]:
    """Mentions of one article from each sentence's index, word spans, words and segments."""
    text = article.text
    ms: list[_M] = []
    for si, spans, sent_words, segs in sents:
        nw = len(sent_words)
        for k, seg in enumerate(segs):
            if seg.kind == "title":
                continue
            s, e = seg.s, seg.e
            words = sent_words[s:e]
            kind, role = seg.kind, ""
            if kind in ("unknown", PERSON):
                before = segs[max(0, k - 6) : k]  # a role is at most a few segments back
                role = _role_before(text, spans, sent_words, seg, before, lex)
                if kind == "unknown" and (
                    role or any(x.kind == "title" and x.e == s for x in before)
                ):
                    kind = PERSON
                elif kind == "unknown" and len(words) >= 2 and words[0] in lex.first:
                    kind = PERSON
            ms.append(
                _M(
                    spans[s][0],
                    spans[e - 1][1],
                    si,
                    kind,
                    seg.canonical,
                    seg.form,
                    role,
                    words,
                    seg.initial,
                    sent_words[s - 1] if s > 0 else "",
                    sent_words[e] if e < nw else "",
                    sent_words[s - 2] if s > 1 else "",
                    sent_words[e + 1] if e + 1 < nw else "",
                )
            )

    # acronyms: "Long Name (ABC)", or the initials of a name in the article
    expansions: dict[str, str] = {}
    expansion_kind: dict[str, str] = {}
    for a, b in zip(ms, ms[1:], strict=False):
        if (
            len(b.words) == 1
            and is_acronym(b.words[0])
            and text[a.end : b.start].strip() == "("
            and len(a.words) >= 2
        ):
            expansions[b.words[0]] = a.canonical or " ".join(a.words)
            if a.kind in (PLACE, ORG):
                expansion_kind[b.words[0]] = a.kind
            if b.canonical and not a.canonical:
                expansions[" ".join(a.words)] = b.canonical
    initials: dict[str, str] = {}
    for m in ms:
        if len(m.words) >= 2 and m.kind in (ORG, "unknown"):
            name = m.canonical or " ".join(m.words)
            initials.setdefault(_acronym_of(name), name)

    # full names of people, by surname and by spelling-blind surname key
    by_surname: dict[str, list[_M]] = defaultdict(list)
    by_first: dict[str, list[_M]] = defaultdict(list)
    for m in ms:
        if (
            m.kind == PERSON
            and len(m.words) >= 2
            and not (m.canonical and len(m.canonical.split()) < 2)
        ):
            sn = surname(" ".join(m.words))
            by_surname[sn].append(m)
            if config.transliteration:
                by_surname["~" + translit_key(sn)].append(m)
            by_first[m.words[0]].append(m)
    full_ids = {id(m) for group in by_first.values() for m in group}
    # a run of words whose first word is no given name of the lexicon ("Mira Tolle") is only
    # guessed a person below: its surname ("Tolle said") links to it when no known full name
    # has that surname and neither word is a common one ("the Mets Poet" gives no "Poet")
    by_guessed: dict[str, _M] = {}
    for m in ms:
        if (
            m.kind == "unknown"
            and len(m.words) >= 2
            and m.words[-1].lower() not in lex.common
            and m.words[0].lower() not in lex.common
            and not is_acronym(m.words[0])  # "IHS Life Sciences"
            and not m.words[0].endswith(".")  # "Pres. Obama"
            and _guess_kind(m, lex, {}, {}, config) == PERSON  # several words: no lone-word maps
        ):
            by_guessed.setdefault(surname(" ".join(m.words)), m)
    single_kind: dict[str, str] = {}
    for m in ms:
        if m.kind in (PLACE, ORG) and len(m.words) == 1:
            single_kind.setdefault(m.words[0], m.kind)

    lone_counts: dict[str, int] = defaultdict(int)
    for m in ms:
        if m.kind == "unknown" and len(m.words) == 1:
            lone_counts[m.words[0]] += 1
    derived = _derived_places(ms, lone_counts, lex) if config.lone_words else {}

    def nearest(group: list[_M], pos: int) -> _M:
        # news introduces the main figure first: a surname shared by several full names goes
        # to the first of them mentioned before it (else the first one after it)
        return group[0]

    kept: list[_M] = []
    for m in ms:
        w = " ".join(m.words)
        if m.kind == "unknown" and len(m.words) == 1 and is_acronym(w):
            if w in lex.not_acronyms or any(c.isdigit() for c in w):
                continue  # "TV", "IE6", "STS-135": not organisations
            m.kind, m.form = expansion_kind.get(w, config.acronym_kind), "acronym"
            m.canonical = expansions.get(w) or initials.get(w) or w
            kept.append(m)
            continue
        if m.kind in ("unknown", PERSON) and (len(m.words) == 1 or m.kind == "unknown"):
            sn = surname(w)
            group = by_surname.get(sn) or (
                by_surname.get("~" + translit_key(sn)) if config.transliteration else None
            )
            if group and (len(m.words) == 1 or m.words[-1] == sn) and id(m) not in full_ids:
                m.link, m.kind = nearest(group, m.start), PERSON
                kept.append(m)
                continue
            if len(m.words) == 1 and sn in by_guessed:
                m.link, m.kind = by_guessed[sn], PERSON
                kept.append(m)
                continue
            if len(m.words) == 1 and w in by_first:
                m.link, m.kind = nearest(by_first[w], m.start), PERSON
                kept.append(m)
                continue
        if m.kind == "unknown" and len(m.words) == 1 and m.words[0] in derived:
            place = derived[m.words[0]]
            m.kind, m.canonical = PLACE, place
            if place != m.words[0]:
                m.form = "adjectival"
            kept.append(m)
            continue
        if m.kind == "unknown":
            kind = _guess_kind(m, lex, single_kind, lone_counts, config)
            if not kind:
                continue
            m.kind, m.guessed = kind, len(m.words) == 1
        kept.append(m)
    # one kind per guessed word in an article: a place if any occurrence reads as one
    # ("in Karsk"), else the kind most of its occurrences got
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in kept:
        if m.guessed:
            votes[m.words[0]][m.kind] += 1
    for m in kept:
        if m.guessed and len(votes[m.words[0]]) > 1:
            v = votes[m.words[0]]
            m.kind = PLACE if v[PLACE] else v.most_common(1)[0][0]

    # canonical names of people: full names merge when surnames (or their keys) agree and first
    # names agree or one is an initial/short form; the longest name of a group is canonical.
    names = sorted({" ".join(m.words) for m in kept if m.kind == PERSON and m.link is None and len(m.words) >= 2},
                   key=lambda x: (-len(x.split()), -len(x), x))  # fmt: skip
    canon_of: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        sn = surname(name)
        key = translit_key(sn) if config.transliteration else sn
        fw = name.split()[0].rstrip(".")
        for g in groups[key]:
            gf = g.split()[0].rstrip(".")
            if (
                gf == fw
                or gf.startswith(fw)
                or fw.startswith(gf)
                or translit_key(gf) == translit_key(fw)
            ):
                canon_of[name] = canon_of[g]
                break
        else:
            groups[key].append(name)
            canon_of[name] = name
    for name in names:
        hit = _lookup(lex, _key(name), 0)
        if hit and hit[0] == len(_key(name)) and hit[1].kind == PERSON:
            canon_of[name] = hit[1].canonical
    for name in names:
        root = canon_of[name]
        if root in canon_of and canon_of[root] != root:
            canon_of[name] = canon_of[root]

    # "the Compact", "the Council": an organisation word alone stands for the one organisation
    # of the article whose name ends with it ("Northern Defence Compact")
    ends_with: dict[str, set[str]] = defaultdict(set)
    for m in kept:
        if m.kind == ORG and len(m.words) >= 2 and m.words[-1] in lex.org_suffix:
            name = m.canonical or " ".join(m.words)
            ends_with[m.words[-1]].add(expansions.get(name, name))
    out: list[Mention] = []
    for m in kept:
        if (
            m.kind == ORG
            and len(m.words) == 1
            and not m.canonical
            and m.prev_word.lower() == "the"
            and len(ends_with.get(m.words[0], ())) == 1
        ):
            m.canonical = next(iter(ends_with[m.words[0]]))
        if m.form == "adjectival" and not config.adjectival:
            continue
        if m.form == "name" and len(m.words) == 1 and is_acronym(m.words[0]):
            m.form = "acronym"
        if m.kind == PERSON:
            base = m.link or m
            name = " ".join(base.words)
            canon = canon_of.get(name) or base.canonical or m.canonical or name
        else:
            canon = m.canonical or " ".join(m.words)
            canon = expansions.get(canon, canon)
        # positional (field order checked by tests/test_entities.py): faster than keywords
        out.append(
            Mention(
                article.id,  # article_id
                canon,  # entity
                m.kind,
                text[m.start : m.end],  # text
                m.start,
                m.end,
                m.sent,  # sentence
                m.form,
                m.role,
            )
        )
    out.sort(key=lambda x: x.start)
    return tuple(out)


def entity_index(mentions: Iterable[Mention]) -> dict[str, dict[str, object]]:
    """Per canonical entity: its kind, surface forms (aliases), roles, forms and mention count.

    Aliases and roles are ordered longest first; speaker attribution uses them to link
    "the president" or "Mr Lukashenka" to the entity.

    >>> from mediakit.entities import find_mentions
    >>> idx = entity_index(find_mentions("Mr Lukashenka met Alyaksandr Lukashenka's envoy."))
    >>> idx["Alyaksandr Lukashenka"]["aliases"], idx["Alyaksandr Lukashenka"]["count"]
    (('Alyaksandr Lukashenka', 'Lukashenka'), 2)
    """
    kinds: dict[str, str] = {}
    lists: dict[str, dict[str, list[str]]] = {}
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        kinds.setdefault(m.entity, m.kind)
        d = lists.setdefault(m.entity, {"aliases": [], "roles": [], "forms": []})
        for key, val in (("aliases", m.text), ("roles", m.role), ("forms", m.form)):
            if val and val not in d[key]:
                d[key].append(val)
        counts[m.entity] += 1
    out: dict[str, dict[str, object]] = {}
    for ent, kind in kinds.items():
        entry: dict[str, object] = {"kind": kind, "count": counts[ent]}
        for key, vals in lists[ent].items():
            entry[key] = tuple(sorted(vals, key=lambda v: (-len(v), v)))
        out[ent] = entry
    return out
