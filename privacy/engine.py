"""The offline Presidio analyzer of pubdata (free text).

No spaCy model (``NoOpNlpEngine``), no download, language ``zh``, and exactly the recognizers of
:mod:`privacy.recognizers`, each registered through :class:`PresidioAdapter` (a Presidio
``EntityRecognizer`` whose ``analyze`` is the recognizer's :meth:`find_in_text`). Importing this
module imports Presidio (about a second): only the free-text path of the classifier does.
Use :func:`analyzer` (cached) or :func:`analyze_text`.
"""

from __future__ import annotations

import functools
from typing import Any

from presidio_analyzer import (
    AnalysisExplanation,
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NoOpNlpEngine

import core  # noqa: F401  (offline defaults before Presidio or tldextract are imported)
from privacy.recognizers import FLAGS, LANGUAGE, CellRecognizer, recognizers

__all__ = ["LANGUAGE", "PresidioAdapter", "analyze_text", "analyzer", "build_registry", "new_analyzer"]


class PresidioAdapter(EntityRecognizer):
    """One pubdata recognizer as a Presidio recognizer (same patterns, same validation)."""

    name: str  # set by EntityRecognizer.__init__ (mypy cannot infer it across Presidio's branches)

    def __init__(self, rec: CellRecognizer) -> None:
        self.rec = rec
        super().__init__(
            supported_entities=[rec.ENTITY],
            name=rec.name,
            supported_language=LANGUAGE,
            context=list(rec.CONTEXT),
        )

    def load(self) -> None:  # patterns compile in the recognizer itself
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if self.rec.ENTITY not in entities:
            return []
        return [
            RecognizerResult(
                entity_type=self.rec.ENTITY,
                start=s.start,
                end=s.end,
                score=s.score,
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name, original_score=s.score, pattern_name=s.pattern, textual_explanation=s.pattern
                ),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for s in self.rec.find_in_text(text)
        ]


def build_registry() -> RecognizerRegistry:
    """A Presidio registry holding exactly pubdata's recognizers (no predefined ones)."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE], global_regex_flags=FLAGS)
    for rec in recognizers().values():
        registry.add_recognizer(PresidioAdapter(rec))
    return registry


def new_analyzer(score_threshold: float = 0.3) -> AnalyzerEngine:
    """A fresh offline engine (tests and presidio-structured comparisons want their own)."""
    nlp = NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "noop"}])
    return AnalyzerEngine(
        registry=build_registry(),
        nlp_engine=nlp,
        supported_languages=[LANGUAGE],
        default_score_threshold=score_threshold,
    )


@functools.cache
def analyzer() -> AnalyzerEngine:
    """The shared offline engine with all pubdata recognizers (built once per process)."""
    return new_analyzer()


def analyze_text(
    text: str, entities: list[str] | None = None, score_threshold: float | None = None
) -> list[RecognizerResult]:
    """Presidio results for one text (language ``zh``)."""
    return analyzer().analyze(text=text, language=LANGUAGE, entities=entities, score_threshold=score_threshold)
