"""Suggested links between a post's focus areas and a plan's goals, by shared word stems.

No dictionary and no model: the texts are split into words, lower-cased, stripped of stop words
and very short words, and stemmed with snowballstemmer (Finnish and Swedish). Two stems are
the same word when they differ only in an inflected ending (`taloud` ~ `talous`,
`johtamin` ~ `johtamis`); they share a compound part when one is the start or the end of
the other, or both start with the same part (`talousjohtamin` ~ `taloud`,
`kaupunkiorganisaatio` ~ `organisaatiorakent`, `työhyvinvoin` ~ `hyvinvoint`). A compound
part counts less than the same word.

Every shared stem or part is weighted by how rare it is among the focus areas and goals held
against each other (inverse document frequency: the number of them with a word containing it)
and down-weighted when it is an action noun (`-minen`, `-ning`: "johtaminen", "kehittäminen",
"utveckling") – those say what is done, not about what. Evaluative adjectives ("hyvä",
"laadukas", "uusi") are stop words. A goal's title and area count fully, its description and
indicators a little less. A pair's score is the cosine of the two weighted stem sets, with
matches instead of identity. A pair is suggested when its score reaches THRESHOLD and it has
enough evidence: a shared topic word in the goal's title or area, or two different topic
words anywhere in the goal (one shared word in an indicator is too often a false friend:
"kaupungin johtoryhmä" and "poliittinen johtoryhmä"). Each suggestion lists what it shares.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer

# Score above which a pair is suggested (see tests/progress/test_coverage.py for what it gives
# on the Kangasala focus areas against the Tuusula goals).
THRESHOLD = 0.06

MIN_LENGTH = 3  # shorter words carry no topic ("eu", "kh", "ja")
SAME, PART = 1.0, 0.6  # weight of the same word, of a shared compound part
ACTION_NOUN = 0.35  # weight of an action noun ("-minen", "-ning")
DETAIL = 0.75  # weight of a goal's description and indicators against its title and area


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = {
    "fi": _words(
        """
        ja sekä tai eli että jotta kun kuin jos mutta vaan myös sekä siten näin niin sen sitä
        siihen siinä siitä sille ne niiden niitä joka jotka jonka joiden mikä mitkä kanssa
        mukaan mukaisesti mukaiset mukainen osalta kautta avulla lisäksi uudelleen vielä
        olla ovat oli ole on ei eivät tämä nämä tämän näiden hän he se ne kaikki muut muiden
        liittyvä liittyvien liittyen koskeva koskevat vastata vastaa huolehtien huolehtia
        hyvä hyvän hyvää hyvästä hyvät hyviä parempi parempaa uusi uuden uutta uudet uusia
        laadukas laadukkaan laadukasta laadukkaat sujuva sujuvaa sujuvan tehokas tehokkaan
        """
    ),
    "sv": _words(
        """
        och eller att som men om för från med till av på i vid under över inom mot utan
        den det de dess deras en ett denna detta dessa sig sin sitt sina är var vara har
        hade ska skall kan inte även också samt så än när där här hur vilka vilken vilket
        genom enligt efter mellan både bland alla andra nya nytt ny god goda gott bra bättre
        hög höga effektiv effektiva smidig smidigt
        """
    ),
}
ACTION_ENDINGS = {"fi": ("min", "mis"), "sv": ("ning", "ling", "ande", "ende")}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer({"fi": "finnish", "sv": "swedish"}[language])


@dataclass(frozen=True)
class Token:
    stem: str
    word: str
    language: str

    @property
    def is_action_noun(self) -> bool:
        return self.stem.endswith(ACTION_ENDINGS[self.language])


def tokenise(text: str, language: str) -> list[Token]:
    """Words of the text as stems: lower-cased, split at hyphens ("EU-edunvalvonta"),
    without stop words and words shorter than MIN_LENGTH."""
    stemmer = _stemmer(language)
    result = []
    for word in WORD.findall(text.lower()):
        if len(word) < MIN_LENGTH or word in STOP_WORDS[language]:
            continue
        result.append(Token(stem=stemmer.stemWord(word), word=word, language=language))
    return result


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def relation(a: str, b: str) -> tuple[float, str]:
    """How two stems match and the piece they share: (SAME, stem) for one word inflected
    differently, (PART, piece) for a shared compound part, (0, "") for none."""
    if a == b:
        return SAME, a
    cp = _common_prefix(a, b)
    shorter, longer = sorted((a, b), key=len)
    # The same word: only the last few letters differ (taloud ~ talous, päätöst ~ päätös).
    if cp >= 4 and cp >= len(longer) - 3:
        return SAME, a[:cp]
    # A word that starts a compound (strategia ~ strategiakaud, päätöst ~ päätöksenteo).
    if cp >= 5 and cp >= len(shorter) - 2 and len(longer) - cp >= 3:
        return PART, a[:cp]
    # Two compounds with the same first part (henkilöstöjohtamin ~ henkilöstöorganisaatio).
    if cp >= 6 and len(shorter) - cp >= 3:
        return PART, a[:cp]
    # The same last part (talousjohtamin ~ johtamin, kuntayhteistyö ~ yhteistyö).
    cs = _common_suffix(a, b)
    if cs >= 7:
        return PART, a[-cs:]
    # The last part of one starts the other (kaupunkiorganisaatio ~ organisaatiorakent).
    for x, y in ((a, b), (b, a)):
        for k in range(min(len(x), len(y)) - 1, 5, -1):
            if x[-k:] == y[:k] and len(x) > k:
                return PART, y[:k]
    return 0.0, ""


def _is_action(piece: str, tokens: tuple[Token, ...]) -> bool:
    """The shared piece is an action noun ("johtamin" of "talousjohtaminen"), not the part
    before it ("muutos" of "muutosjohtaminen")."""
    return any(
        t.is_action_noun
        and (t.stem.endswith(piece) or (t.stem.startswith(piece) and len(t.stem) - len(piece) <= 2))
        for t in tokens
    )


@dataclass
class Document:
    """A focus area or a goal: its texts as (language, text, weight) segments."""

    key: Any
    segments: list[tuple[str, str, float]]
    tokens: dict[tuple[str, str], tuple[Token, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for language, text, weight in self.segments:
            for token in tokenise(text or "", language):
                key = (token.language, token.stem)
                if key not in self.tokens or self.tokens[key][1] < weight:
                    self.tokens[key] = (token, weight)


@dataclass
class Shared:
    """One reason for a suggestion: a word of the focus area, the goal's word it matches and
    the stem or compound part they share."""

    focus_word: str
    goal_word: str
    piece: str
    same_word: bool
    weight: float
    # The piece is an action noun ("johtaminen"); the goal's word is in its title or area.
    action: bool = False
    in_title: bool = False


@dataclass
class Suggestion:
    focus_key: Any
    goal_key: Any
    score: float
    shared: list[Shared]

    @property
    def supported(self) -> bool:
        """Enough evidence: a shared topic word (not an action noun) in the goal's title or
        area, or two different topic words anywhere in the goal."""
        topics = [s for s in self.shared if not s.action]
        return any(s.in_title for s in topics) or len({s.piece for s in topics}) >= 2


class Matcher:
    """Scores every focus area against every goal over one corpus: a stem or part is weighted
    by the inverse of the number of focus areas and goals whose words contain it."""

    def __init__(self, focus_areas: Iterable[Document], goals: Iterable[Document]):
        self.focus_areas = list(focus_areas)
        self.goals = list(goals)
        self.documents = self.focus_areas + self.goals
        self._relation: dict[tuple[str, str], tuple[float, str]] = {}
        self._idf: dict[tuple[str, str], float] = {}
        self._stems = [
            {stem for lang, stem in doc.tokens if lang == language}
            for doc in self.documents
            for language in ("fi", "sv")
        ]

    def relate(self, a: str, b: str) -> tuple[float, str]:
        key = (a, b) if a <= b else (b, a)
        if key not in self._relation:
            self._relation[key] = relation(*key)
        return self._relation[key]

    def idf(self, language: str, piece: str) -> float:
        """ln(1 + N / df): df is the number of documents with a word containing the piece."""
        key = (language, piece)
        if key not in self._idf:
            index = 0 if language == "fi" else 1
            df = sum(
                1
                for stems in self._stems[index::2]
                if any(piece in stem or self.relate(piece, stem)[0] == SAME for stem in stems)
            )
            self._idf[key] = math.log(1 + len(self.documents) / max(df, 1))
        return self._idf[key]

    def piece_weight(self, language: str, piece: str, tokens: tuple[Token, ...]) -> float:
        return self.idf(language, piece) * (ACTION_NOUN if _is_action(piece, tokens) else 1.0)

    def norm(self, doc: Document) -> float:
        return math.sqrt(
            sum(
                (self.piece_weight(t.language, t.stem, (t,)) * weight) ** 2
                for t, weight in doc.tokens.values()
            )
        )

    def score(self, focus: Document, goal: Document) -> Suggestion:
        total, shared = 0.0, []
        for f_token, _w in focus.tokens.values():
            best: Shared | None = None
            for g_token, g_weight in goal.tokens.values():
                if g_token.language != f_token.language:
                    continue
                kind, piece = self.relate(f_token.stem, g_token.stem)
                if not kind:
                    continue
                action = _is_action(piece, (f_token, g_token))
                weight = self.idf(f_token.language, piece) * (ACTION_NOUN if action else 1.0)
                value = kind * g_weight * weight * weight
                if best is None or value > best.weight:
                    best = Shared(
                        f_token.word,
                        g_token.word,
                        piece,
                        kind == SAME,
                        value,
                        action=action,
                        in_title=g_weight >= 1.0,
                    )
            if best is not None:
                total += best.weight
                shared.append(best)
        norms = self.norm(focus) * self.norm(goal)
        shared.sort(key=lambda s: -s.weight)
        return Suggestion(focus.key, goal.key, total / norms if norms else 0.0, shared)

    def all_scores(self) -> list[Suggestion]:
        return [self.score(f, g) for f in self.focus_areas for g in self.goals]

    def suggestions(self, threshold: float = THRESHOLD) -> list[Suggestion]:
        """Pairs above the threshold with enough evidence, the strongest first."""
        found = [s for s in self.all_scores() if s.score >= threshold and s.supported]
        found.sort(key=lambda s: -s.score)
        return found


def focus_document(key: Any, text_fi: str, text_sv: str) -> Document:
    return Document(key, [("fi", text_fi, 1.0), ("sv", text_sv, 1.0)])


def goal_document(
    key: Any,
    *,
    area: tuple[str, str] = ("", ""),
    title: tuple[str, str] = ("", ""),
    description: tuple[str, str] = ("", ""),
    indicators: Iterable[tuple[str, str]] = (),
) -> Document:
    """A goal's text: area and title in full weight, description and indicators less."""
    segments: list[tuple[str, str, float]] = []
    for (fi, sv), weight in (
        (area, 1.0),
        (title, 1.0),
        (description, DETAIL),
        *((pair, DETAIL) for pair in indicators),
    ):
        segments += [("fi", fi, weight), ("sv", sv, weight)]
    return Document(key, segments)


def suggest(
    focus_areas: Iterable[Document], goals: Iterable[Document], threshold: float = THRESHOLD
) -> list[Suggestion]:
    return Matcher(focus_areas, goals).suggestions(threshold)
