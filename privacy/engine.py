"""The offline Presidio analyzer of pubdata.

No spaCy model (``NoOpNlpEngine``), no download (the e-mail recognizer's suffix list comes
from the ``tldextract`` snapshot), language ``zh``, and exactly the recognizers of
:mod:`privacy.recognizers`. Use :func:`analyzer` (cached) or :func:`analyze_text`.
"""

from __future__ import annotations

import functools

from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NoOpNlpEngine

from privacy.recognizers import LANGUAGE, build_registry

__all__ = ["LANGUAGE", "analyze_text", "analyzer", "new_analyzer"]


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
