"""Loading of the rule and dictionary files in ``pipeline/rules/`` (loaded once, cached).

Every YAML file there has a top-level ``meta`` mapping with ``source`` (where the data came from)
and ``fields`` (what its keys mean); every CSV file opens with ``#`` comment lines saying the same.
The keys of every file and the types of their values are checked on load against :data:`RULE_KEYS`
(YAML) and :data:`CSV_COLUMNS` (CSV): a missing, unknown or mistyped key is a :class:`RulesError`
(a :class:`~pipeline.errors.ConfigError`) naming the file and the key, raised before any document
is read, instead of a ``KeyError`` inside every document. ``tests/test_rules_files.py`` checks them.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

__all__ = ["rules_dir", "load_yaml", "load_csv", "RulesError", "Record", "ListOf", "MapOf", "RULE_KEYS", "CSV_COLUMNS", "check_value", "ServiceCode", "service_taxonomy", "service_codes",
           "service_headings"]


class RulesError(ConfigError):
    """A rules file is missing, malformed, lacks its provenance header, or has a wrong key."""


@dataclass(frozen=True)
class Record:
    """A mapping with the ``required`` keys, perhaps the ``optional`` ones, and no other key."""

    required: Mapping[str, Any]
    optional: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ListOf:
    """A list whose every item is ``item``."""

    item: Any


@dataclass(frozen=True)
class MapOf:
    """A mapping of string keys (words, codes, names) to ``item``."""

    item: Any


_WORDS = ListOf(str)
_ANNOUNCE = ("stop", "time", "work", "report_title", "reported_speech", "meeting_speech", "condition", "holiday",
             "system_named", "keep_open", "resume", "commentary", "not_a_stop", "past_stop", "cause",
             "back_reference", "unplanned", "hypothetical", "stop_period", "channel", "completed", "fraud", "future",
             "near_miss_title", "stopping_work", "schedule", "policy_cause", "go_live", "go_live_past", "go_live_as_time", "retired_for_new", "retired_items",
             "completed_patterns", "press", "past_title", "past_title_unless", "report_of_past_title",
             "attribution")
# The keys of every YAML rules file (besides ``meta``) and the types of their values.
RULE_KEYS: dict[str, Record] = {
    "classify.yaml": Record({
        "outage": Record({"stop": _WORDS, "system": _WORDS, "min_score": int}),
        "announce": Record({**{k: _WORDS for k in _ANNOUNCE}, "heading": str, "attachment_line": str,
                            "period_words": _WORDS, "table_cells": str, "time_line": str,
                            "time_line_needs": str, "commentary_min_marks": int, "not_a_cause": _WORDS,
                            "range_joiner": str, "fraud_min_marks": int, "not_a_system": _WORDS,
                            "heading_reach": int, "poster_line_max": int, "headline_max": int}),
        "cut_off": Record({"cut_cues": _WORDS, "cut_open_ending": str, "cut_min_chars": int,
                           "cut_closing_line": str}),
        "domains": MapOf(MapOf(int)),
        "domain_min_score": int,
    }),
    "contacts.yaml": Record({
        "hotlines": ListOf(Record({"number": str, "name": str, "owner": str})),
        "short_number_patterns": _WORDS, "org_suffixes": _WORDS, "label_org_suffixes": _WORDS,
        "place_suffixes": _WORDS, "department_suffixes": _WORDS, "note_words": _WORDS, "phone_cues": _WORDS,
        "call_words": _WORDS, "label_tail_cues": _WORDS, "label_sentence_words": _WORDS,
        "org_stop_words": _WORDS, "trap_prefixes": _WORDS, "trap_unit_chars": str,
        "service_name_endings": _WORDS, "service_name_breakers": _WORDS, "table_cell_words": _WORDS,
        "extension_words": _WORDS, "group_joiners": _WORDS, "hotline_endings": _WORDS,
        "product_name_endings": _WORDS, "product_name_breakers": _WORDS, "cue_free_short_patterns": _WORDS,
        "chrome_line_words": _WORDS,
    }, {"trap_unit_exceptions": _WORDS}),
    "flags.yaml": Record({
        "flags": MapOf(Record({"zh": str, "en": str, "means": str})),
        "long_downtime_days": int, "year_far_days": int, "year_far_kinds": _WORDS, "chrome_title": _WORDS,
        "section_titles": _WORDS, "site_names": _WORDS, "spam_words": _WORDS, "body_chrome": _WORDS,
        "truncation_cues": _WORDS, "open_endings": _WORDS, "complete_endings": str, "closing_lines": _WORDS,
        "truncated_min_chars": int, "short_body_chars": int, "title_overlap_min": float, "year_pattern": str,
    }),
    "page.yaml": Record({
        "chrome_lines": _WORDS, "footer_markers": _WORDS, "post_stamps": _WORDS,
        "info_labels": Record({"trusted_date": _WORDS, "untrusted_date": _WORDS, "source": _WORDS,
                               "author": _WORDS, "other": _WORDS}),
        "repost_lines": _WORDS, "news_relays": _WORDS, "not_publishers": _WORDS,
        "document_number_lines": _WORDS, "agency_suffixes": _WORDS, "outlet_markers": _WORDS,
        "table_header_words": _WORDS, "notice_title_words": _WORDS, "agency_endings": _WORDS,
        "agency_channels": _WORDS, "addressee_openers": _WORDS, "standalone_agencies": _WORDS, "channel_hosts": _WORDS,
        "info_line_stop_words": _WORDS, "stamp_line_stop_words": _WORDS, "dateline_prefixes": _WORDS, "dateline_endings": _WORDS, "lead_date_verbs": _WORDS,
        "title_column_tags": _WORDS, "title_lead_marks": str, "title_release_verbs": _WORDS, "title_subject_verbs": _WORDS, "title_issuer_qualifiers": _WORDS, "site_name_endings": _WORDS, "signature_contact_labels": _WORDS, "signature_contact_lines_max": int, "contact_sentence_words": _WORDS, "host_bodies": _WORDS,
        "title_site_suffixes": Record({"separators": _WORDS, "words": _WORDS}), "breadcrumb_lines": _WORDS, "field_label_endings": _WORDS, "closing_lines": _WORDS, "agency_name_breakers": _WORDS, "byline_verbs": _WORDS, "parent_bodies": _WORDS, "division_endings": _WORDS,
        "self_references": Record({"words": MapOf(_WORDS), "lead_verbs": _WORDS}),
        "bare_publishers": Record({"levels": MapOf(str), "not_bodies": _WORDS, "expand": MapOf(str)}),
        "pdf_page_numbers": _WORDS,
        "html": Record({"info_hints": _WORDS, "container_xpaths": _WORDS, "title_xpaths": _WORDS,
                        "drop_tags": _WORDS, "block_tags": _WORDS, "cell_tags": _WORDS, "pre_tags": _WORDS,
                        "list_marker": str, "extra_chrome": _WORDS,
                        "metadata_table": Record({"marker": _WORDS, "publisher": _WORDS, "date": _WORDS,
                                                  "other": _WORDS})}),
    }),
    "place_aliases.yaml": Record({
        "aliases": MapOf(str), "generic_names": _WORDS, "not_places": _WORDS, "risky_short_names": _WORDS,
        "cue_after": _WORDS, "street_suffixes": _WORDS, "firm_suffixes": _WORDS, "product_names": _WORDS, "full_name_suffixes": _WORDS, "city_cues": _WORDS, "province_cues": _WORDS,
        "county_cues": _WORDS, "province_issuer_openers": _WORDS, "weights": MapOf(float),
    }),
    "service_actions.yaml": Record({
        "neutral": ListOf(Record({"pattern": str}, {"why": str})),
        "before_neutral": ListOf(Record({"type": str}, {"scope": str, "words": _WORDS, "patterns": _WORDS, "why": str})),
        "actions": ListOf(Record({"type": str}, {"scope": str, "words": _WORDS, "patterns": _WORDS, "why": str})),
        "exception": str, "title_line": str, "schedule_header": str, "schedule_time": str, "own_predicate": str,
        "audiences": MapOf(_WORDS), "components": _WORDS,
    }),
    "services.yaml": Record({
        "compounds": ListOf(Record({"pattern": str, "codes": _WORDS}, {"why": str, "when": str, "unless": str})),
        "codes": MapOf(Record({"label": str, "heading": str}, {"words": _WORDS, "patterns": _WORDS, "when": str})),
        "settlement": Record({"patterns": _WORDS, "specific": _WORDS, "expansion": MapOf(_WORDS)}, {"when": str}),
        "places": MapOf(_WORDS),
        "general": ListOf(Record({"pattern": str}, {"check_specific": bool, "own_business": bool, "why": str})),
        "aside_scope_codes": _WORDS,
        "inclusive_aside": Record({"words": _WORDS, "scope_codes": _WORDS}),
        "online_qualifier": str,
        "venue": Record({"after": str, "join": str, "exempt": _WORDS}), "general_after_object": str,
        "channel_business": Record({"join": str, "located": str, "named_line": str, "adjacent": str, "offline": str}),
    }, {"steps": MapOf(_WORDS),
        "defined_terms": Record({"patterns": _WORDS, "terms": MapOf(_WORDS), "lines": MapOf(_WORDS)})}),
    "time_cues.yaml": Record({
        "issuer_endings": _WORDS, "kinds": MapOf(_WORDS), "kind_priority": _WORDS, "deadline_suffix": _WORDS,
        "deadline_prefix": _WORDS, "not_deadline_after": _WORDS, "ignore_after": _WORDS, "ignore_before": _WORDS,
        "estimate": _WORDS, "open_end_patterns": MapOf(str), "period_label_patterns": _WORDS,
        "switch_cues": _WORDS, "section_patterns": _WORDS, "not_section_words": _WORDS,
        "core_strong_patterns": _WORDS, "core_weak_patterns": _WORDS, "partial_scope": _WORDS,
        "online_scope": _WORDS, "counter_scope": _WORDS, "keep_open": _WORDS,
        "normal_again": _WORDS, "until_before": _WORDS, "until_after": _WORDS, "aftermath": _WORDS,
        "superseded": _WORDS, "point_openers": _WORDS, "stamp_labels": _WORDS, "duration_patterns": _WORDS, "province_component_patterns": _WORDS, "province_component_name": str,
        "components": ListOf(ListOf(str)),
    }),
}
# The columns every CSV rules file must have.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "divisions.csv": ("adcode", "name", "level", "kind", "short_names", "old_names", "city_adcode", "city_name",
                      "province_adcode", "province_name", "area_code", "other_area_codes", "area_code_source"),
}


def _type_name(tp: Any) -> str:
    if isinstance(tp, Record):
        return "a mapping with " + ", ".join(tp.required)
    if isinstance(tp, ListOf):
        return "a list"
    if isinstance(tp, MapOf):
        return "a mapping"
    return str(getattr(tp, "__name__", tp))


def check_value(value: Any, tp: Any, file: str, key: str = "") -> None:
    """Raise :class:`RulesError` unless ``value`` (read from YAML) has the type ``tp``.

    ``tp`` is ``str``, ``int``, ``float`` (an int is a float too), ``bool``, a :class:`ListOf`, a
    :class:`MapOf` or a :class:`Record`. The message names ``file`` and the dotted ``key`` path.
    """
    where = f"{file}: {key}" if key else file

    def at(sub: object) -> str:
        return f"{key}.{sub}" if key else str(sub)

    if isinstance(tp, Record):
        if not isinstance(value, dict):
            raise RulesError(f"{where}: expected {_type_name(tp)}, got {type(value).__name__}")
        missing = [k for k in tp.required if k not in value]
        if missing:
            raise RulesError(f"{where}: missing key {missing[0]!r}")
        known = {**tp.required, **tp.optional}
        unknown = [k for k in value if k not in known]
        if unknown:
            raise RulesError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(known)})")
        for k, sub in known.items():
            if k in value:
                check_value(value[k], sub, file, at(k))
    elif isinstance(tp, ListOf):
        if not isinstance(value, list):
            raise RulesError(f"{where}: expected a list, got {type(value).__name__}")
        for i, x in enumerate(value):
            check_value(x, tp.item, file, f"{key}[{i}]")
    elif isinstance(tp, MapOf):
        if not isinstance(value, dict):
            raise RulesError(f"{where}: expected a mapping, got {type(value).__name__}")
        for k, x in value.items():
            if not isinstance(k, str):
                raise RulesError(f"{where}: key {k!r} must be a string")
            check_value(x, tp.item, file, at(k))
    elif tp is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise RulesError(f"{where}: expected a number, got {type(value).__name__} {value!r:.40}")
    elif not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
        raise RulesError(f"{where}: expected {_type_name(tp)}, got {type(value).__name__} {value!r:.40}")


def rules_dir() -> Path:
    """Folder holding the packaged rule files."""
    return Path(str(resources.files("pipeline") / "rules"))


@functools.cache
def load_yaml(name: str) -> dict[str, Any]:
    """Parse ``rules/<name>`` (YAML) once; it must carry ``meta.source`` and ``meta.fields``."""
    path = rules_dir() / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"cannot load rules file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{path}: top level must be a mapping")
    meta = data.get("meta")
    if not isinstance(meta, dict) or not meta.get("source") or not meta.get("fields"):
        raise RulesError(f"{path}: needs a 'meta' mapping with 'source' and 'fields'")
    spec = RULE_KEYS.get(name)
    if spec is None:
        raise RulesError(f"{path}: no key list in pipeline.ruledata.RULE_KEYS for this file")
    check_value({k: v for k, v in data.items() if k != "meta"}, spec, str(path))
    return data


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``rules/<name>`` (CSV after its ``#`` provenance lines) as dicts, read once."""
    path = rules_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"cannot load rules file {path}: {exc}") from exc
    lines = text.splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    if not any("source" in ln.lower() for ln in header):
        raise RulesError(f"{path}: needs '#' header lines naming its source")
    body = "\n".join(ln for ln in lines if not ln.startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    columns = CSV_COLUMNS.get(name)
    if columns is None:
        raise RulesError(f"{path}: no column list in pipeline.ruledata.CSV_COLUMNS for this file")
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise RulesError(f"{path}: missing column {missing[0]!r} (columns: {', '.join(reader.fieldnames or ())})")
    return tuple(dict(row) for row in reader)


@dataclass(frozen=True, slots=True)
class ServiceCode:
    """One code of the service taxonomy (``codes`` of ``rules/services.yaml``)."""

    code: str  # inpatient
    heading: str  # 住院: the short Chinese name the report heads its column with
    label: str  # what the code covers


@functools.cache
def service_taxonomy() -> tuple[ServiceCode, ...]:
    """The service taxonomy, in the order of ``codes`` in ``rules/services.yaml`` (the one place it is
    written): the extractor's codes and row order, the report's columns, the tests' allowed codes."""
    codes = load_yaml("services.yaml")["codes"]  # keys and types checked by load_yaml
    where = f"{rules_dir() / 'services.yaml'}: codes"
    out = []
    for code, entry in codes.items():
        if not code.isidentifier() or not code.islower():
            raise RulesError(f"{where}: code {code!r} must be a lower-case identifier (inpatient, cross_region)")
        if not entry["heading"].strip():
            raise RulesError(f"{where}.{code}.heading: must not be empty")
        out.append(ServiceCode(code, entry["heading"].strip(), entry["label"].strip()))
    if not out:
        raise RulesError(f"{where}: lists no code")
    return tuple(out)


def service_codes() -> tuple[str, ...]:
    """The taxonomy's codes in order (:func:`service_taxonomy`)."""
    return tuple(s.code for s in service_taxonomy())


def service_headings() -> dict[str, str]:
    """Code -> its short Chinese heading (:func:`service_taxonomy`)."""
    return {s.code: s.heading for s in service_taxonomy()}
