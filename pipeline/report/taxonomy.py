"""The service codes and domains the report compares, with their Chinese labels.

:func:`service_taxonomy` is the report's ONE way to learn the service codes, their order and their
labels: every column of the matrix, every ``hours_<code>`` column of ``comparison.parquet`` and
every label on the page comes from it. It reads the taxonomy of ``rules/services.yaml`` (codes in
order, each with its short Chinese heading) through :func:`pipeline.ruledata.service_taxonomy`; a
code the taxonomy does not know shows as itself. Domains are not part of that taxonomy: their
Chinese labels are here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ServiceCode", "service_taxonomy", "service_label", "domain_label", "DOMAIN_LABELS"]


@dataclass(frozen=True, slots=True)
class ServiceCode:
    """One service of the taxonomy: its code and the short Chinese label shown for it."""

    code: str
    label: str


# Domains (SPEC.md notices.domain), in the order the report shows them.
DOMAIN_LABELS: dict[str, str] = {
    "medical_insurance": "医保",
    "social_insurance": "社保",
    "housing_fund": "公积金",
    "tax": "税务",
    "traffic": "交管",
    "exit_entry": "出入境",
    "real_estate": "不动产",
    "gov_service": "政务服务",
    "other": "其他",
}


def service_taxonomy() -> tuple[ServiceCode, ...]:
    """Every service code of the taxonomy in its order, with its Chinese label."""
    from ..ruledata import service_taxonomy as rules_taxonomy  # rules/services.yaml, loaded once

    return tuple(ServiceCode(s.code, s.heading) for s in rules_taxonomy())


def service_label(code: str) -> str:
    """The Chinese label of a service code (the code itself when the taxonomy does not know it)."""
    return next((s.label for s in service_taxonomy() if s.code == code), code)


def domain_label(domain: str | None) -> str:
    """The Chinese label of a domain (``未注明`` when missing, the value itself when unknown)."""
    if not domain:
        return "未注明"
    return DOMAIN_LABELS.get(domain, domain)
