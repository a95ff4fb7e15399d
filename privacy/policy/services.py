"""The policy's sections for the sharing services: aggregate queries (可用不可见) and quotas.

``aggregates`` says how query results are protected (threshold and complementary suppression,
which columns may be aggregated by min/max, when OpenDP noise is added and the default privacy
budget of a grant); ``quotas`` says how many calls a client or a token may make per window.
Both have safe defaults, so a policy file without them still loads; ``policy/README.md``
documents them.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from privacy.types import Level

__all__ = [
    "AGGREGATE_FUNCTIONS",
    "NOISED_FUNCTIONS",
    "SERVICES",
    "AggregateFunction",
    "AggregatePolicy",
    "NoisePolicy",
    "QuotaLimit",
    "QuotaPolicy",
    "QuotaService",
]

#: the kinds of call a quota counts
QuotaService = Literal["download", "datastore", "verify", "query"]
SERVICES: tuple[QuotaService, ...] = get_args(QuotaService)

#: the aggregates a query may ask
AggregateFunction = Literal["count", "sum", "avg", "min", "max"]
AGGREGATE_FUNCTIONS: tuple[AggregateFunction, ...] = get_args(AggregateFunction)
#: the aggregates the noise covers (:func:`privacy.query._protect`): min/max are order statistics
#: answered exactly (one person's value), so no policy may let them through under noise
NOISED_FUNCTIONS: tuple[AggregateFunction, ...] = ("count", "sum", "avg")

_DIRECT_IDENTIFIERS = (
    "CN_RESIDENT_ID",
    "PASSPORT",
    "BANK_CARD",
    "CREDIT_CARD",
    "SOCIAL_SECURITY_NUMBER",
    "PERSON_ID",
    "PERSON_NAME",
    "PHONE_NUMBER",
    "EMAIL",
    "LICENSE_PLATE",
    "PRECISE_LOCATION",
    "IP_ADDRESS",
)


_MIN_MAX_LEVELS: tuple[Level, ...] = ("none",)


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoisePolicy(_M):
    #: about_people: datasets about persons; always; never
    apply: Literal["about_people", "always", "never"] = "about_people"
    mechanism: Literal["laplace", "gaussian"] = "laplace"
    #: privacy loss (ε) one query spends, split evenly over its noisy aggregates
    epsilon_per_query: float = Field(1.0, gt=0, le=10)
    #: Gaussian mechanism only: the δ of (ε, δ)-DP
    delta: float = Field(1e-7, gt=0, lt=1e-3)
    #: total ε of a grant unless the owner's answer sets another
    budget_per_grant: float = Field(10.0, gt=0, le=1000)
    #: rows one person may contribute (the sensitivity of a count); enforced where a column
    #: names the person a row is about (``person_keys``): a person's other rows are left out
    rows_per_person: int = Field(1, ge=1, le=1000)
    #: entities of a column naming the person a row is about (the first such column bounds each
    #: person's rows in a noisy query to ``rows_per_person``)
    person_keys: list[str] = Field(
        default_factory=lambda: ["CN_RESIDENT_ID", "PERSON_ID", "SOCIAL_SECURITY_NUMBER", "PASSPORT"]
    )
    #: the aggregates a query may ask when noise applies; any other is refused (403, audited).
    #: Only aggregates the noise covers: an exact extreme under noisy counts tells the one person
    #: holding it, and two queries differing by one person tell that person's value
    functions: list[AggregateFunction] = Field(default_factory=lambda: list(NOISED_FUNCTIONS), min_length=1)

    @field_validator("functions")
    @classmethod
    def _only_noised(cls, v: list[AggregateFunction]) -> list[AggregateFunction]:
        exact = [f for f in v if f not in NOISED_FUNCTIONS]
        if exact:
            raise ValueError(
                f"{', '.join(exact)} would be answered exactly under noise (one person's value): "
                f"noise.functions takes only {', '.join(NOISED_FUNCTIONS)}"
            )
        return v


class AggregatePolicy(_M):
    #: cells counting fewer rows are suppressed, with complementary cells
    threshold: int = Field(5, ge=1)
    complementary: bool = True
    #: min/max reveal one person's value: allowed only on columns at these levels, only without
    #: noise (see ``noise.functions``) and only for a released cell whose extreme at least
    #: ``threshold`` persons hold (counted by the ``noise.person_keys`` column; about people without
    #: one, withheld)
    min_max_levels: list[Level] = Field(default_factory=lambda: list(_MIN_MAX_LEVELS))
    #: columns with these entities cannot be filtered, grouped or aggregated (use verification)
    direct_identifiers: list[str] = Field(default_factory=lambda: list(_DIRECT_IDENTIFIERS))
    #: most groups a query may return
    max_groups: int = Field(10_000, ge=1, le=1_000_000)
    noise: NoisePolicy = NoisePolicy()


class QuotaLimit(_M):
    anonymous: int = Field(ge=0)
    token: int = Field(ge=0)


def _default_limits() -> dict[QuotaService, QuotaLimit]:
    return {
        "download": QuotaLimit(anonymous=60, token=600),
        "datastore": QuotaLimit(anonymous=120, token=1200),
        "verify": QuotaLimit(anonymous=0, token=120),
        "query": QuotaLimit(anonymous=0, token=60),
    }


class QuotaPolicy(_M):
    window_seconds: int = Field(60, ge=1, le=86400)
    limits: dict[QuotaService, QuotaLimit] = Field(default_factory=_default_limits)
    #: key sets one verification call may carry
    verify_batch_max: int = Field(1000, ge=1, le=100_000)
    #: calls per day on one grant (verification, queries, shared-variant downloads) unless the
    #: owner's answer sets another
    grant_calls_per_day: int = Field(10_000, ge=1)

    def limit(self, service: QuotaService, *, with_token: bool) -> int:
        lim = self.limits.get(service)
        if lim is None:
            return 0
        return lim.token if with_token else lim.anonymous
