"""The obvious alternative a user would glue together from off-the-shelf Chinese NLP tools.

What someone without this project would write in an afternoon, used by ``bench_compare.py`` as the
baseline for speed and accuracy, and scored by the very same ``pipeline.evaluate.evaluate`` code as
the pipeline (``evaluate(gold_dir, predict=glue_predict)``):

* times: ``jionlp.ner.extract_time`` (with parsing), year context = the first full date in the text;
  every parsed point and both ends of every range become ``datetimes`` (a value at 00:00:00 or
  23:59:59 is read as a bare date); the downtime is the first time expression in a sentence with a
  stop word (停机, 暂停, 停止 ...), its end the range's end, or else the first later time in a
  sentence with a resume word (恢复, 启用, 上线);
* phones: ``jionlp.extract_phone_number``, brackets and blanks turned into ``0773-2886097``;
* services: a keyword lookup over the taxonomy's cue words (SPEC.md), counted as suspended when the
  sentence also has a stop word;
* place: ``cpca.transform`` on the text (province, city; a municipality is its own city; a
  province-administered county-level city is taken from the district column);
* title: the first short line with a notice word in it; domain: a keyword lookup.

It does not try publisher or publication date (left None). The tools' first calls load
dictionaries; :func:`load_tools` makes them once so that timing loops measure steady state.

Run alone it prints the glue's scores on a gold corpus:
``.venv/bin/python bench/baseline_glue.py [CORPUS]`` (a corpus named in ``tests/accuracy_floors.json``, default ``dev``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["load_tools", "glue_extract", "glue_predict", "GLUE_FIELDS", "STEPS"]

# Fields the glue makes an attempt at; the others are left None and scored as such.
GLUE_FIELDS = ("province", "city", "title", "downtime_start", "downtime_end", "domain",
               "datetimes", "services_suspended", "phones")

# The taxonomy's cue words as SPEC.md lists them: what a user would copy into a dict.
SERVICE_CUES: dict[str, tuple[str, ...]] = {
    "general": ("医保业务", "联网业务", "各项业务", "所有业务", "全部业务", "经办业务", "医保结算"),
    "contribution": ("征缴", "缴费", "征收", "核定", "汇解入库", "对账"),
    "enrollment": ("参保登记", "人员增减", "基数变更", "在职转退休"),
    "inpatient": ("住院", "出入院", "出院结算"),
    "outpatient": ("门诊", "门诊统筹", "慢特病", "两病", "门急诊"),
    "pharmacy": ("定点零售药店", "药店", "购药", "刷卡"),
    "cross_region": ("异地就医", "异地住院", "跨省"),
    "filing": ("备案", "转诊", "转院", "异地安置", "慢性病申请", "慢性病认定", "特殊药品审批"),
    "reimbursement": ("现金报销", "零星报销", "手工报销"),
    "transfer": ("转移接续", "关系转移"),
    "maternity": ("生育保险", "生育津贴"),
    "personal_account": ("个人账户", "继承"),
    "online_channels": ("网厅", "网上服务大厅", "公众号", "APP", "小程序", "自助机", "电子税务局"),
    "institution_settlement": ("费用申报", "支付确认", "清算"),
}
STOP_WORDS = ("停机", "暂停", "停止", "停办", "关闭", "冻结", "不再受理", "中断", "无法办理", "不能办理")
RESUME_WORDS = ("恢复", "启用", "上线", "正常办理")
DOMAIN_CUES = (("medical_insurance", ("医保", "医疗保障", "医疗保险")),
               ("housing_fund", ("公积金",)),
               ("social_insurance", ("社保", "社会保险", "人社", "养老保险")),
               ("tax", ("税务", "纳税", "电子税务局")))
TITLE_WORDS = ("通知", "通告", "公告", "告知", "说明", "提示")

_SENTENCE_END = re.compile(r"[。;;!?!?\n]")
_FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*(?:年|[-./])\s*(?P<m>\d{1,2})\s*(?:月|[-./])\s*(?P<d>\d{1,2})")
_PHONE_SEPARATORS = re.compile(r"[()()\s-]+")

_tools: dict[str, Any] = {}
# Seconds spent in each step of glue_extract since the last reset (bench_compare prints them).
STEPS: dict[str, float] = {"jionlp.extract_time": 0.0, "jionlp.extract_phone_number": 0.0, "cpca.transform": 0.0,
                           "keywords": 0.0}


def load_tools() -> float:
    """Import jionlp and cpca and make one call of each (dictionary loading); seconds it took."""
    if _tools:
        return 0.0
    start = time.perf_counter()
    # jionlp logs a traceback on the root logger for every string it cannot parse (221.67元 ...):
    # the glue treats that as "nothing found", so those lines are dropped, nothing else.
    logging.getLogger().addFilter(lambda record: "jionlp" not in record.pathname)
    import cpca
    import jionlp

    jionlp.ner.extract_time("2021年10月21日18时起", time_base=time.time(), with_parsing=True)
    jionlp.extract_phone_number("0350-3032798")
    cpca.transform(["山西省忻州市"])
    _tools.update(jionlp=jionlp, cpca=cpca)
    return time.perf_counter() - start


def _timed(step: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    start = time.perf_counter()
    try:
        return fn(*args, **kwargs)
    finally:
        STEPS[step] += time.perf_counter() - start


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return text[left:m.start() if m else len(text)]


def _as_gold_time(value: str, is_end: bool) -> str | None:
    """``'2021-10-21 18:00:00'`` -> ``'2021-10-21T18:00'``; a whole day -> ``'2021-10-21'``."""
    if not value or value == "inf" or value.startswith("-inf"):
        return None
    day, _, clock = value.partition(" ")
    if not clock or clock == ("23:59:59" if is_end else "00:00:00"):
        return day
    return f"{day}T{clock[:5]}"


def _time_base(text: str) -> float:
    """The first full date in the text (for years the text leaves out), else now."""
    m = _FULL_DATE.search(text)
    if m:
        try:
            return dt.datetime(int(m["y"]), int(m["m"]), int(m["d"])).timestamp()
        except ValueError:
            pass
    return time.time()


def _times(text: str) -> tuple[list[str], str | None, str | None]:
    """All points, and the downtime's start and end, from jionlp's time entities."""
    jio = _tools["jionlp"]
    try:
        entities = _timed("jionlp.extract_time", jio.ner.extract_time, text, time_base=_time_base(text), with_parsing=True)
    except (ValueError, KeyError, IndexError, TypeError):  # jionlp raises on some odd strings
        entities = []
    points: list[str] = []
    found: list[tuple[int, str | None, str | None, str]] = []
    for e in entities:
        detail = e.get("detail") or {}
        if detail.get("type") not in ("time_point", "time_span"):
            continue
        span = detail.get("time") or []
        if len(span) != 2 or not isinstance(span[0], str):
            continue
        start = _as_gold_time(span[0], is_end=False)
        end = _as_gold_time(span[1], is_end=True) if detail["type"] == "time_span" else None
        points.extend(p for p in (start, end) if p)
        offset = e.get("offset") or [0, 0]
        found.append((offset[0], start, end, _sentence(text, offset[0], offset[1])))
    down_start = down_end = None
    for k, (pos, start, end, sentence) in enumerate(found):
        if start and any(w in sentence for w in STOP_WORDS):
            down_start, down_end = start, end
            if down_end is None:
                down_end = next((s for p, s, _, sent in found[k + 1:] if s and any(w in sent for w in RESUME_WORDS)), None)
            break
    return sorted(set(points)), down_start, down_end


def _phones(text: str) -> list[str]:
    """jionlp's phone numbers, written like the gold: ``0773-2886097``, ``18906112333``."""
    jio = _tools["jionlp"]
    out: set[str] = set()
    for item in _timed("jionlp.extract_phone_number", jio.extract_phone_number, text, detail=True):
        raw = item["text"]
        if item.get("type") == "landline_phone":
            parts = [p for p in _PHONE_SEPARATORS.split(raw) if p]
            out.add("-".join(parts[:2]) if len(parts) >= 2 else raw)
        else:
            out.add(_PHONE_SEPARATORS.sub("", raw))
    return sorted(out)


def _place(text: str) -> tuple[str | None, str | None]:
    """Province and city by cpca."""
    cpca = _tools["cpca"]
    df = _timed("cpca.transform", cpca.transform, [text])
    row = df.iloc[0]

    def value(col: str) -> str | None:
        v = row.get(col)
        return v if isinstance(v, str) and v else None

    province, city, district = value("省"), value("市"), value("区")
    if city == "省直辖县级行政区划":
        city = district
    if city is None and province in ("北京市", "天津市", "上海市", "重庆市"):
        city = province
    return province, city


def _keywords(text: str) -> tuple[list[str], str, str | None]:
    """Suspended services, domain and title by plain keyword lookups."""
    start = time.perf_counter()
    services: set[str] = set()
    for sentence in _SENTENCE_END.split(text):
        if not any(w in sentence for w in STOP_WORDS):
            continue
        for code, cues in SERVICE_CUES.items():
            if any(c in sentence for c in cues):
                services.add(code)
    domain = next((d for d, cues in DOMAIN_CUES if any(c in text for c in cues)), "other")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = next((ln for ln in lines[:15] if 6 <= len(ln) <= 60 and any(w in ln for w in TITLE_WORDS)),
                 lines[0] if lines else None)
    STEPS["keywords"] += time.perf_counter() - start
    return sorted(services), domain, title


def glue_extract(text: str) -> dict[str, Any]:
    """One notice's text in, the gold format out (see ``pipeline.evaluate.notice_to_gold``)."""
    if not _tools:
        load_tools()
    datetimes, down_start, down_end = _times(text)
    province, city = _place(text)
    services, domain, title = _keywords(text)
    return {
        "province": province,
        "city": city,
        "title": title,
        "publisher": None,
        "published": None,
        "downtime_start": down_start,
        "downtime_end": down_end,
        "domain": domain,
        "datetimes": datetimes,
        "services_suspended": services,
        "phones": _phones(text),
    }


def glue_predict(path: Path) -> dict[str, Any]:
    """Predictor for ``pipeline.evaluate.evaluate``: read the file (UTF-8) and run the glue."""
    return glue_extract(Path(path).read_bytes().decode("utf-8", errors="replace"))


def main() -> None:
    from benchlib import gold_corpus

    from pipeline.evaluate import SCALARS, SETS, evaluate

    gold, texts = gold_corpus(sys.argv[1] if len(sys.argv) > 1 else "dev")
    print(f"loading jionlp and cpca: {load_tools():.1f} s")
    report = evaluate(gold, predict=glue_predict, texts=texts)
    scores = report.scores()
    for k in SCALARS + SETS:
        note = "" if k in GLUE_FIELDS else "  (not attempted)"
        print(f"{k:20s} {scores[k]:.3f}{note}")


if __name__ == "__main__":
    main()
