"""Who is who in an article: canonical speakers, roles, aliases, pronoun and nominal links.

The resolver here is shared by quote attribution (``he said``) and by mention
tabulation with ``resolve=True``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .entities import find_mentions
from .model import Article, Mention, Speaker, Tokens
from .resources import lexicon_lines, lexicon_rows

__all__ = ["PRONOUNS", "SpeakerIndex", "resolve_mentions", "speaker_index", "tag_speakers"]

_PRONOUN_ROWS = lexicon_rows("words_pronouns.tsv")
# what each personal pronoun stands for: person | group | organisation | self
PRONOUNS: dict[str, str] = {row[0]: row[1] for row in _PRONOUN_ROWS}
_ORG_NOUNS = frozenset(
    "campaign ministry department company firm government administration agency office "
    "committee council party service spokesman spokeswoman spokesperson group organisation "
    "organization alliance bloc union commission court newspaper paper network channel "
    "agency team board bank fund institute university school police army military "
    "kremlin white house".split()
)
_PERSON_HEADS_EXTRA = frozenset(
    "politician official diplomat lawmaker analyst expert adviser advisor aide activist "
    "economist professor lawyer attorney prosecutor judge envoy commander businessman "
    "businesswoman author journalist reporter man woman chief head director chairman "
    "chairwoman".split()
)


@functools.cache
def _person_heads() -> frozenset[str]:
    """Head nouns of descriptions that name a person: role words plus common person nouns."""
    roles = {w.lower() for line in lexicon_lines("entities_roles.txt") for w in line.split()}
    return frozenset(roles | _PERSON_HEADS_EXTRA)


# Nouns for a member of a party or a camp ("the Wisconsin Republican"), and common nouns
# for people without an ending that says so ("the veteran", "the suspect")
_PERSON_NOUNS = frozenset(
    "republican democrat conservative liberal libertarian progressive moderate socialist "
    "communist nationalist populist centrist separatist loyalist "
    "veteran victim resident citizen student pupil patient parent child kid girl boy person "
    "individual friend neighbour neighbor relative ally critic guest host boss delegate "
    "incumbent immigrant migrant native suspect defendant plaintiff hostage inmate witness "
    "pilot nurse surgeon chef clerk diplomat monarch magnate mogul heir widow star celebrity "
    "teen adult spouse fiance fiancee agent spy cop academic scholar intellectual priest "
    "cleric monk nun poet playwright athlete champion client pundit intern assistant "
    "representative bureaucrat consultant participant applicant".split()
)
_POSSESSIVE_DETERMINERS = frozenset("his her their its my our your".split())
# Endings of nouns for people: agents and followers ("questioner", "narrator",
# "nominee", "strategist", "historian", "congressman", "chairperson")
_PERSON_ENDINGS = ("er", "or", "ee", "ist", "ian", "man", "woman", "person", "surgeon")
# Prepositions that open a complement after the head noun ("the senator from Vermont")
_HEAD_ENDS = frozenset(
    "of for from in at on with by to about over under near among between within into "
    "against after before during".split()
)


@functools.cache
def _person_words() -> frozenset[str]:
    """Nouns for one person: the shipped lexicons' role words, one-word titles, gendered
    role words and singular demonyms ("Texan"), and the common person nouns."""
    titles = {w.lower() for w in lexicon_lines("entities_titles.txt") if " " not in w}
    gendered = {r[1].lower() for r in lexicon_rows("speakers_gender.tsv") if r[0] == "role"}
    demonyms = {
        f.lower()
        for row in lexicon_rows("entities_demonyms.tsv")
        for f in row[0].split("|")
        if " " not in f and not f.endswith("s")
    }
    return _person_heads() | titles | gendered | demonyms | _PERSON_NOUNS


def _person_noun(word: str) -> bool:
    """Whether a head noun can name one person: a word of the person lexicons or a noun
    with an ending for people; the last part of a compound counts ("front-runner").

    >>> [_person_noun(w) for w in ("senator", "questioner", "front-runner", "nominee", "texan")]
    [True, True, True, True, True]
    >>> [_person_noun(w) for w in ("submission", "crowd", "ad", "meeting", "issue", "state")]
    [False, False, False, False, False, False]
    """
    last = word.rsplit("-", 1)[-1]
    if word in _person_words() or last in _person_words():
        return True
    return (len(last) > 4 and last.endswith(_PERSON_ENDINGS)) or _misspelt_person_word(last)


@functools.cache
def _misspelt_person_word(word: str) -> bool:
    """Whether a long word is one letter away from a person word (a typo: "politicial").

    >>> _misspelt_person_word("politicial"), _misspelt_person_word("political")
    (True, False)
    """
    if len(word) < 8:
        return False
    for w in _person_words():
        if abs(len(w) - len(word)) > 1 or len(w) < 8 or w[:2] != word[:2]:
            continue
        if len(w) == len(word):
            if sum(a != b for a, b in zip(w, word, strict=True)) == 1:
                return True
        else:
            short, long_ = sorted((w, word), key=len)
            if any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_))):
                return True
    return False


# Heads of descriptions that are not a person ("the final communiqué said"), and the
# quantifiers of a plural subject ("several member states believe").
_THING_HEADS = frozenset(
    "communiqué communique statement report document letter survey poll study paper memo "
    "resolution declaration decree law bill plan agreement treaty deal text website site "
    "article post tweet message note email e-mail data figures estimate research analysis "
    "review record filing complaint lawsuit indictment ruling verdict order release "
    "announcement transcript video footage book editorial column op-ed broadcast interview "
    "programme program documentary platform manifesto petition charter constitution".split()
)
_PLURAL_DETERMINERS = frozenset(
    "several many some most few both all two three four five six seven eight nine ten "
    "dozens hundreds thousands various numerous other these those".split()
)


def _could_be_one_person(words: Sequence[str]) -> bool:
    """Whether a description (lower-case words) can stand for one person.

    >>> _could_be_one_person(["the", "politician"]), _could_be_one_person(["the", "final", "communiqué"])
    (True, False)
    >>> _could_be_one_person(["several", "member", "states"]), _could_be_one_person(["the", "boss"])
    (False, True)
    """
    head = words[-1]
    if head in _THING_HEADS or words[0] in _PLURAL_DETERMINERS:
        return False
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return not plural or head in _person_heads()


# the gender a pronoun rules out
_PRONOUN_GENDER = {row[0]: {"m": "f", "f": "m"}[row[2]] for row in _PRONOUN_ROWS if row[2] != "-"}


@functools.cache
def _gender_cues(path: str = "speakers_gender.tsv") -> dict[tuple[str, str], str]:
    """(kind, lowercase word) -> "m" | "f" from the shipped gender cue list."""
    out: dict[tuple[str, str], str] = {}
    for row in lexicon_rows(path):
        if len(row) >= 3:
            out[(row[0], row[1].lower())] = row[2]
    return out


@functools.cache
def _title_before() -> re.Pattern[str]:
    """A gendered title (the ``title`` rows of the gender cue list) ending right before a name:
    "Mr ", "Mrs. ", "Princess "."""
    titles = [word.capitalize() for kind, word in _gender_cues() if kind == "title"]
    return re.compile(r"\b(" + "|".join(map(re.escape, titles)) + r")\.?\s+$")


def _guess_gender(text: str, name: str, mentions: Sequence[Mention], role: str) -> str:
    """ "m", "f" or "" from titles before the mentions, role words, then the given name."""
    cues = _gender_cues()
    votes = {"m": 0, "f": 0}
    for m in mentions:
        t = _title_before().search(text, max(0, m.start - 12), m.start)
        if t:
            g = cues.get(("title", t.group(1).lower()), "")
            if g:
                votes[g] += 2
    for w in _WORD.findall(role.lower()):
        g = cues.get(("role", w), "")
        if g:
            votes[g] += 2
    first = name.split()[0].lower() if name.split() else ""
    g = cues.get(("name", first), "")
    if g:
        votes[g] += 1
    if votes["m"] == votes["f"]:
        return ""
    return "m" if votes["m"] > votes["f"] else "f"


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class SpeakerIndex:
    """Mentions of one article indexed for attribution: lookups by offset and resolvers."""

    article: Article
    mentions: tuple[Mention, ...]
    speakers: dict[str, Speaker] = field(default_factory=dict)
    _starts: tuple[int, ...] = ()

    def mention_in(
        self, start: int, end: int, *, kinds: Sequence[str] = ("person", "organisation")
    ) -> Mention | None:
        """The last named mention of one of ``kinds`` lying inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end and m.kind in kinds and m.form != "adjectival":
                best = m
            i += 1
        return best

    def before(self, offset: int, *, kinds: Sequence[str], window: int = 3000) -> list[Mention]:
        """Named mentions of ``kinds`` ending before ``offset``, nearest first."""
        i = bisect.bisect_left(self._starts, offset)
        out = []
        lo = offset - window
        for k in range(i - 1, -1, -1):
            m = self.mentions[k]
            if m.end <= offset and m.kind in kinds and m.form != "adjectival":
                out.append(m)
            if m.start < lo:
                break
        return out

    def resolve_pronoun(self, pronoun: str, offset: int, *, hint: str = "") -> Mention | None:
        """The entity a pronoun at ``offset`` refers to (the most recent fitting mention).

        ``hint`` is a canonical name to prefer when it is among recent candidates
        (e.g. the speaker of the quote just before).
        """
        kind = PRONOUNS.get(pronoun.lower(), "")
        if kind == "person":
            cands = self.before(offset, kinds=("person",))
            wrong = _PRONOUN_GENDER.get(pronoun.lower(), "")
            if wrong:
                cands = [m for m in cands if self._gender(m.entity) != wrong]
                # a known match among the nearest few beats a person of unknown gender
                right = "m" if wrong == "f" else "f"
                match = [m for m in cands[:3] if self._gender(m.entity) == right]
                if match and not (hint and any(m.entity == hint for m in cands[:3])):
                    cands = match + [m for m in cands if m not in match]
        elif kind == "organisation":
            cands = self.before(offset, kinds=("organisation",))
        elif kind == "group":
            cands = self.before(offset, kinds=("organisation", "place"), window=400)
        else:
            return None
        if not cands:
            return None
        if hint:
            for m in cands[:3]:
                if m.entity == hint:
                    return m
        return cands[0]

    def _gender(self, entity: str) -> str:
        sp = self.speakers.get(entity)
        return sp.gender if sp else ""

    def resolve_nominal(self, phrase: str, offset: int, *, hint: str = "") -> Mention | None:
        """The entity a description such as "the president" at ``offset`` refers to."""
        words = [w.lower() for w in _WORD.findall(phrase)]
        cut = next((k for k, w in enumerate(words) if k and w in _HEAD_ENDS), len(words))
        if "s" not in words[cut:]:  # not "the secretary of state’s website"
            words = words[:cut]  # "the senator [from Vermont]", "the ministry [of defence]"
        if not words:
            return None
        head = words[-1]
        if words[0] in ("a", "an", "another", "one"):
            return None  # "a diplomat told …", "one analyst said": someone new
        # "his father", "her submission": something or someone of the previous speaker's
        owned = words[0] in _POSSESSIVE_DETERMINERS
        if head in _ORG_NOUNS or " ".join(words[-2:]) in _ORG_NOUNS:
            cands = self.before(offset, kinds=("organisation",))
            for m in cands:
                if head in m.entity.lower() or head in m.role.lower():
                    return m
            return None
        people = self.before(offset, kinds=("person",))
        for m in people:
            sp = self.speakers.get(m.entity)
            role = (sp.role if sp else m.role).lower()
            if head and head in role:
                return m
        if hint and not owned and _could_be_one_person(words) and _person_noun(head):
            # the previous speaker, described ("the senator"); not "the submission"
            for m in people[:3]:
                if m.entity == hint:
                    return m
        if head in _person_heads():
            return people[0] if people else None
        return None  # "the operator", "the report": not a person we can name


def _speakers_from(article: Article, mentions: Sequence[Mention]) -> dict[str, Speaker]:
    out: dict[str, Speaker] = {}
    aliases: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for m in mentions:
        if m.kind not in ("person", "organisation") or m.form == "adjectival":
            continue
        aliases.setdefault(m.entity, [])
        if m.text not in aliases[m.entity]:
            aliases[m.entity].append(m.text)
        if m.role and len(m.role) > len(roles.get(m.entity, "")):
            roles[m.entity] = m.role
        kinds[m.entity] = m.kind
    by_entity: dict[str, list[Mention]] = {}
    for m in mentions:
        by_entity.setdefault(m.entity, []).append(m)
    for ent, al in aliases.items():
        role = roles.get(ent, "")
        gender = ""
        if kinds[ent] == "person":
            gender = _guess_gender(article.text, ent, by_entity.get(ent, []), role)
        out[ent] = Speaker(
            article_id=article.id,
            speaker=ent,
            kind=kinds[ent],
            role=role,
            aliases=tuple(a for a in al if a != ent),
            gender=gender,
        )
    return out


def speaker_index(
    article: Article, *, mentions: Sequence[Mention] | None = None, tokens: Tokens | None = None
) -> SpeakerIndex:
    """Index an article's named mentions for attribution.

    >>> from mediakit.model import Article
    >>> ix = speaker_index(Article(id="a", text="Anna Berg spoke. Later she left."))
    >>> ix.resolve_pronoun("she", 23).entity
    'Anna Berg'
    """
    if mentions is None:
        mentions = find_mentions(article, tokens)
    ms = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return SpeakerIndex(
        article=article,
        mentions=ms,
        speakers=_speakers_from(article, ms),
        _starts=tuple(m.start for m in ms),
    )


def tag_speakers(
    article: Article, *, mentions: Sequence[Mention] | None = None, tokens: Tokens | None = None
) -> tuple[Speaker, ...]:
    """People and organisations who could speak in an article, with canonical name, role and aliases.

    >>> from mediakit.model import Article
    >>> sp = tag_speakers(Article(id="a", text="Foreign Minister Anna Berg spoke. Berg left."))
    >>> [(s.speaker, s.role) for s in sp]
    [('Anna Berg', 'Foreign Minister')]
    """
    if mentions is None:
        mentions = find_mentions(article, tokens)
    return tuple(_speakers_from(article, mentions).values())


# "it"/"its" are left out: too often they refer to things, not to entities
_PRONOUN_RE = re.compile(
    r"\b(?:" + "|".join(w for w, kind in PRONOUNS.items() if kind in ("person", "group")) + r")\b",
    re.IGNORECASE,
)
_NOMINAL_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:former|then|new|acting|deputy|vice|foreign|prime|chief|senior|top)\s+)*"
    r"(president|prime minister|minister|premier|chancellor|senator|governor|mayor|leader|"
    r"secretary|spokesman|spokeswoman|spokesperson|ambassador|general|candidate|nominee|"
    r"chairman|chairwoman|king|queen|pope|politician|official|ministry|government|"
    r"administration|campaign|company|party|alliance|organisation|organization|agency|"
    r"council|committee|country|nation|capital|city|republic|kingdom)\b"
)
_PLACE_NOUNS = frozenset("country nation capital city republic kingdom".split())


def resolve_mentions(
    article: Article,
    mentions: Sequence[Mention],
    *,
    index: SpeakerIndex | None = None,
    exclude: Sequence[tuple[int, int]] = (),
) -> tuple[Mention, ...]:
    """Pronoun and nominal mentions ("he", "the president") linked to named entities.

    Uses the same resolver as quote attribution: a pronoun goes to the most recent fitting
    named mention, a description to the most recent entity whose role or name contains its
    head noun. Spans in ``exclude`` (e.g. direct quotes, where "I" and "we" are the speaker)
    are skipped. Returns only the new mentions, with ``form`` "pronoun" or "nominal".

    >>> from mediakit.model import Article
    >>> art = Article(id="a", text="President Anna Berg spoke. Later the president left and she smiled.")
    >>> [(m.text, m.entity, m.form) for m in resolve_mentions(art, find_mentions(art))]
    [('the president', 'Anna Berg', 'nominal'), ('she', 'Anna Berg', 'pronoun')]
    """
    ix = index if index is not None else speaker_index(article, mentions=mentions)
    text = article.text
    named = [(m.start, m.end) for m in ix.mentions]
    out: list[Mention] = []

    def covered(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in named) or any(a <= s and e <= b for a, b in exclude)

    for m in _PRONOUN_RE.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        pref = ix.resolve_pronoun(m.group().lower(), s)
        if pref is not None:
            out.append(Mention(article.id, pref.entity, pref.kind, text[s:e], s, e, form="pronoun"))
    for m in _NOMINAL_RE.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        head = m.group(1).lower()
        ref: Mention | None
        if head in _PLACE_NOUNS:
            places = ix.before(s, kinds=("place",))
            ref = places[0] if places else None
        else:
            ref = ix.resolve_nominal(m.group(), s)
        if ref is not None:
            out.append(Mention(article.id, ref.entity, ref.kind, text[s:e], s, e, form="nominal"))
    out.sort(key=lambda x: x.start)
    return tuple(out)
