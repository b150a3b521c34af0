"""The service codes and domains the report compares, with their Chinese labels.

:func:`service_taxonomy` is the report's ONE way to learn the service codes, their order and their
labels: every column of the matrix, every ``hours_<code>`` column of ``comparison.parquet`` and
every label on the page comes from it. Today the codes and their order are the extractor's
(``pipeline.service_rules.SERVICE_CODES``, SPEC.md's taxonomy); the short Chinese labels live here
until the taxonomy file carries them, and a code without a label shows as itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

__all__ = ["ServiceCode", "service_taxonomy", "service_label", "domain_label", "DOMAIN_LABELS"]


@dataclass(frozen=True, slots=True)
class ServiceCode:
    """One service of the taxonomy: its code and the short Chinese label shown for it."""

    code: str
    label: str


# Short Chinese heads for the services (readers of the report read Chinese notices).
_LABELS: dict[str, str] = {
    "general": "全部业务",
    "contribution": "征缴",
    "enrollment": "参保登记",
    "inpatient": "住院",
    "outpatient": "门诊",
    "pharmacy": "药店",
    "cross_region": "异地就医",
    "filing": "备案",
    "reimbursement": "零星报销",
    "transfer": "转移接续",
    "maternity": "生育",
    "personal_account": "个人账户",
    "online_channels": "线上渠道",
    "institution_settlement": "机构清算",
    "withdrawal": "提取",
    "loan": "贷款",
    "tax_filing": "纳税申报",
    "tax_payment": "缴税",
    "invoice": "发票",
    "pension": "养老待遇",
    "unemployment": "失业",
    "work_injury": "工伤",
    "card_services": "社保卡",
    "permits": "证照办理",
}

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


@functools.cache
def service_taxonomy() -> tuple[ServiceCode, ...]:
    """Every service code of the taxonomy in its order, with its Chinese label."""
    from ..service_rules import SERVICE_CODES

    return tuple(ServiceCode(code, _LABELS.get(code, code)) for code in SERVICE_CODES)


def service_label(code: str) -> str:
    """The Chinese label of a service code (the code itself when the taxonomy does not know it)."""
    return next((s.label for s in service_taxonomy() if s.code == code), code)


def domain_label(domain: str | None) -> str:
    """The Chinese label of a domain (``未注明`` when missing, the value itself when unknown)."""
    if not domain:
        return "未注明"
    return DOMAIN_LABELS.get(domain, domain)
